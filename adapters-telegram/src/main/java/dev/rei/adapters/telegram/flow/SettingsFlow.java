package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.ImageStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.state.ImageProfile;
import dev.rei.adapters.telegram.state.ImageProfiles;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.domain.pricing.ImageSize;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /settings: the language (the existing switch), and the aspect ratio and size of every image job,
 * each size with its price from the price list. Chosen with buttons, or typed: {@code /settings 16:9 2K}.
 * A typed value that is not offered changes nothing and lists what is.
 */
public final class SettingsFlow {

  static final Duration BUTTON_TTL = Duration.ofDays(1);
  /** How much of an unknown value the refusal repeats. */
  private static final int ECHO = 20;

  private final FlowKit kit;
  private final ImageProfiles profiles;
  private final GetCatalogUseCase catalog;

  public SettingsFlow(FlowKit kit, ImageProfiles profiles, GetCatalogUseCase catalog) {
    this.kit = kit;
    this.profiles = profiles;
    this.catalog = catalog;
  }

  /** /settings with what followed it (may be blank). */
  public void command(ChatUser user, String argument) {
    if (argument.isBlank()) {
      show(user, null, null);
      return;
    }
    ImageProfile profile = profiles.of(user.id());
    for (String token : argument.strip().split("[\\s,;]+")) {
      Optional<String> ratio = ImageOptions.ratio(token);
      Optional<ImageSize> size = ImageOptions.size(token);
      if (ratio.isPresent()) {
        profile = profile.withAspectRatio(ratio.get());
      } else if (size.isPresent()) {
        profile = profile.withSize(size.get().name());
      } else {
        kit.replies().send(user.chatId(), kit.text(user, "settings.unknown", "value", TextLimits.cut(token, ECHO),
            "ratios", String.join(", ", ImageOptions.RATIOS), "sizes", sizeLabels()),
            kit.keyboards().menuOnly(user.language()));
        return;
      }
    }
    profiles.save(user.id(), profile);
    show(user, null, "settings.saved");
  }

  void chooseRatio(ChatUser user, CallbackQuery query, String ratio) {
    Optional<String> known = ImageOptions.ratio(ratio);
    if (known.isEmpty()) {
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    profiles.save(user.id(), profiles.of(user.id()).withAspectRatio(known.get()));
    kit.replies().answer(query.getId(), kit.text(user, "settings.saved.short"));
    show(user, query, null);
  }

  void chooseSize(ChatUser user, CallbackQuery query, String size) {
    Optional<ImageSize> known = ImageOptions.size(size);
    if (known.isEmpty()) {
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    profiles.save(user.id(), profiles.of(user.id()).withSize(known.get().name()));
    kit.replies().answer(query.getId(), kit.text(user, "settings.saved.short"));
    show(user, query, null);
  }

  private void show(ChatUser user, CallbackQuery query, String noteKey) {
    ImageProfile profile = profiles.of(user.id());
    String ratio = ImageOptions.ratioOf(profile);
    ImageSize size = ImageOptions.sizeOf(profile);
    PriceList prices = catalog.catalog().prices();
    StringBuilder priceLines = new StringBuilder();
    for (ImageSize each : ImageSize.values()) {
      priceLines.append('\n').append(kit.text(user, "settings.price", "size", each.label(),
          "price", prices.imageGenerate().get(each), "edit", prices.imageEdit().get(each)));
    }
    String text = kit.text(user, "settings.text", "language", kit.text(user, "settings.language"),
        "ratio", ratio, "size", size.label(), "price", prices.imageGenerate().get(size), "prices", priceLines.toString());
    if (noteKey != null) {
      text = kit.text(user, noteKey) + "\n\n" + text;
    }
    Language language = user.language();
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    List<InlineKeyboardButton> ratios = new ArrayList<>();
    for (String each : ImageOptions.RATIOS) {
      ratios.add(step(user, marked(each, each.equals(ratio)), new ImageStep.ChooseRatio(each)));
    }
    rows.add(ratios.subList(0, 4));
    rows.add(ratios.subList(4, ratios.size()));
    List<InlineKeyboardButton> sizes = new ArrayList<>();
    for (ImageSize each : ImageSize.values()) {
      sizes.add(step(user, marked(kit.text(user, "settings.button.size", "size", each.label(),
          "price", prices.imageGenerate().get(each).value()), each == size), new ImageStep.ChooseSize(each.name())));
    }
    rows.add(sizes);
    rows.add(List.of(kit.keyboards().nav(language, "button.language", Navigation.LANGUAGE),
        kit.keyboards().menuButton(language)));
    AccountScreens.show(kit, user, query, text, Keyboards.rows(rows));
  }

  private static String marked(String label, boolean current) {
    return current ? "• " + label : label;
  }

  private static String sizeLabels() {
    List<String> labels = new ArrayList<>();
    for (ImageSize size : ImageSize.values()) {
      labels.add(size.label());
    }
    return String.join(", ", labels);
  }

  private InlineKeyboardButton step(ChatUser user, String label, ImageStep step) {
    return kit.buttons().button(label, new ButtonAction.Images(user.id().value(), step), BUTTON_TTL);
  }
}
