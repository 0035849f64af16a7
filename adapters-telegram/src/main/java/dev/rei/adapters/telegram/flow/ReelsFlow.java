package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.adapters.telegram.state.ReelsDraft;
import dev.rei.adapters.telegram.state.VideoDrafts;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.pricing.PricedItem;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The Reels flow of seed 002, step by step: the product photo, the product description in one
 * message, the template (🎥 UGC blogger, 📢 ad, 🧑‍💻 own prompt), extra wishes or "-" (the own
 * prompt instead of wishes), how many videos (1 / 3 / 5 with their prices, the balance checked),
 * the confirmation, then one order of N jobs. Each answer is kept in the stored Reels draft; a
 * text where a photo belongs (or the reverse) gets a hint and the step stays.
 */
public final class ReelsFlow {

  /** Job parameter names shared with the Reels provider. */
  public static final String INPUT_MEDIA = "input_media";
  public static final String PRODUCT = "product";
  public static final String TEMPLATE = "template";
  public static final String WISHES = "wishes";
  public static final String PROMPT = "prompt";
  public static final String LANGUAGE = "language";

  public static final String UGC = "ugc";
  public static final String AD = "ad";
  public static final String OWN = "own";
  static final List<String> TEMPLATES = List.of(UGC, AD, OWN);
  static final List<Integer> COUNTS = List.of(1, 3, 5);
  /** What users type to say "no wishes" (seed 002: «-» or «нет»). */
  static final Set<String> NO_WISHES = Set.of("-", "—", "–", "нет", "no", "none", "нет.", "no.");
  static final int MAX_TEXT = 2_000;
  /** A Sora prompt may be longer than a product description. */
  static final int MAX_PROMPT = 5_000;
  static final Duration CHOICE_BUTTON_TTL = Duration.ofDays(1);

  private final FlowKit kit;
  private final VideoQuotes quotes;
  private final GetCatalogUseCase catalog;
  private final VideoDrafts drafts;
  private final VideoUploads uploads;
  private final SecureRandom random = new SecureRandom();

  public ReelsFlow(FlowKit kit, VideoQuotes quotes, GetCatalogUseCase catalog, VideoDrafts drafts,
      VideoUploads uploads) {
    this.kit = kit;
    this.quotes = quotes;
    this.catalog = catalog;
    this.drafts = drafts;
    this.uploads = uploads;
  }

  /** /reels or 🎞 Reels: step 1, the product photo. */
  public void start(ChatUser user) {
    if (!catalog.catalog().offers(JobKind.REELS_VIDEO)) {
      kit.replies().send(user.chatId(), kit.text(user, "reels.unavailable"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    drafts.forget(user.id());
    drafts.saveReels(user.id(), ReelsDraft.started(newDraftId()));
    kit.conversations().save(user.id(), new Conversation(Conversation.Step.AWAITING_REELS_PHOTO, null, null));
    kit.replies().send(user.chatId(), kit.text(user, "reels.askPhoto"), kit.keyboards().menuOnly(user.language()));
  }

  /** A photo in one of the flow's steps; a caption on the product photo is taken as its description. */
  public void onPhoto(ChatUser user, Conversation conversation, String fileId, Long fileSize, String contentType,
      String caption, String mediaGroupId) {
    if (conversation.step() != Conversation.Step.AWAITING_REELS_PHOTO) {
      hint(user, conversation.step());
      return;
    }
    Optional<ReelsDraft> draft = draftOrRestart(user);
    if (draft.isEmpty()) {
      return;
    }
    Optional<String> key = uploads.fetch(user, fileId, fileSize, contentType, "reels.photo.tooLarge");
    if (key.isEmpty()) {
      return;
    }
    ReelsDraft withPhoto = draft.get().withPhoto(key.get());
    if (mediaGroupId != null) {
      kit.replies().send(user.chatId(), kit.text(user, "video.album.firstOnly"), null);
    }
    String product = caption == null ? "" : caption.strip();
    if (!product.isEmpty() && product.length() <= MAX_TEXT) {
      drafts.saveReels(user.id(), withPhoto.withProduct(product));
      askTemplate(user, withPhoto.id(), mediaGroupId);
      return;
    }
    drafts.saveReels(user.id(), withPhoto);
    step(user, Conversation.Step.AWAITING_REELS_PRODUCT, mediaGroupId);
    kit.replies().send(user.chatId(), kit.text(user, "reels.askProduct"), null);
  }

  /** A video, which no step of the flow takes. */
  public void onVideo(ChatUser user, Conversation conversation) {
    hint(user, conversation.step());
  }

  /** A text in one of the flow's steps. */
  public void onText(ChatUser user, Conversation conversation, String text) {
    Conversation.Step step = conversation.step();
    if (step == Conversation.Step.AWAITING_REELS_PHOTO || step == Conversation.Step.AWAITING_REELS_TEMPLATE
        || step == Conversation.Step.AWAITING_REELS_COUNT) {
      hint(user, step);
      return;
    }
    Optional<ReelsDraft> draft = draftOrRestart(user);
    if (draft.isEmpty()) {
      return;
    }
    String answer = text.strip();
    if (answer.isEmpty()) {
      hint(user, step);
      return;
    }
    int max = step == Conversation.Step.AWAITING_REELS_PROMPT ? MAX_PROMPT : MAX_TEXT;
    if (answer.length() > max) {
      kit.replies().send(user.chatId(), kit.text(user, "reels.tooLong", "max", max), null);
      return;
    }
    switch (step) {
      case AWAITING_REELS_PRODUCT -> {
        drafts.saveReels(user.id(), draft.get().withProduct(answer));
        askTemplate(user, draft.get().id(), conversation.mediaGroupId());
      }
      case AWAITING_REELS_PROMPT -> {
        drafts.saveReels(user.id(), draft.get().withPrompt(answer));
        askCount(user, draft.get().id());
      }
      case AWAITING_REELS_WISHES -> {
        boolean none = NO_WISHES.contains(answer.toLowerCase(Locale.ROOT));
        drafts.saveReels(user.id(), draft.get().withWishes(none ? null : answer));
        askCount(user, draft.get().id());
      }
      default -> hint(user, step);
    }
  }

  /** A template or count button. */
  public void press(ChatUser user, CallbackQuery query, ButtonAction.ReelsChoice choice) {
    Optional<ReelsDraft> found = drafts.reels(user.id());
    if (found.isEmpty()) {
      kit.replies().answer(query.getId(), null);
      restart(user);
      return;
    }
    ReelsDraft draft = found.get();
    boolean validChoice = choice.template() != null ? TEMPLATES.contains(choice.template())
        : choice.count() != null && COUNTS.contains(choice.count());
    if (!draft.id().equals(choice.draftId()) || !validChoice) {
      // A button of an earlier Reels request (or a forged one): the current draft is not touched.
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    kit.replies().answer(query.getId(), null);
    if (!draft.hasProduct()) {
      restart(user);
      return;
    }
    if (choice.template() != null) {
      drafts.saveReels(user.id(), draft.withTemplate(choice.template()));
      boolean own = OWN.equals(choice.template());
      step(user, own ? Conversation.Step.AWAITING_REELS_PROMPT : Conversation.Step.AWAITING_REELS_WISHES, null);
      kit.replies().send(user.chatId(), kit.text(user, own ? "reels.askPrompt" : "reels.askWishes"), null);
      return;
    }
    Optional<Map<String, String>> parameters = parameters(user, draft);
    if (parameters.isEmpty()) {
      restart(user);
      return;
    }
    // The draft stays, so another count can still be chosen from the same buttons.
    kit.conversations().reset(user.id());
    quotes.offer(user, new PricedItem.ReelsVideo(), choice.count(), parameters.get(), "reels.confirm",
        "reels.button.launch");
  }

  private void askTemplate(ChatUser user, String draftId, String mediaGroupId) {
    step(user, Conversation.Step.AWAITING_REELS_TEMPLATE, mediaGroupId);
    kit.replies().send(user.chatId(), kit.text(user, "reels.chooseTemplate"), templateKeyboard(user, draftId));
  }

  private void askCount(ChatUser user, String draftId) {
    step(user, Conversation.Step.AWAITING_REELS_COUNT, null);
    kit.replies().send(user.chatId(), kit.text(user, "reels.chooseCount"), countKeyboard(user, draftId));
  }

  private InlineKeyboardMarkup templateKeyboard(ChatUser user, String draftId) {
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    for (String template : TEMPLATES) {
      rows.add(List.of(kit.buttons().button(kit.text(user, "reels.template." + template),
          new ButtonAction.ReelsChoice(user.id().value(), draftId, template, null), CHOICE_BUTTON_TTL)));
    }
    rows.add(List.of(kit.keyboards().menuButton(user.language())));
    return Keyboards.rows(rows);
  }

  private InlineKeyboardMarkup countKeyboard(ChatUser user, String draftId) {
    Credits unit = catalog.catalog().prices().priceOf(new PricedItem.ReelsVideo()).orElseThrow();
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    for (int count : COUNTS) {
      rows.add(List.of(kit.buttons().button(
          kit.text(user, "reels.button.count", "count", count, "price", unit.times(count)),
          new ButtonAction.ReelsChoice(user.id().value(), draftId, null, count), CHOICE_BUTTON_TTL)));
    }
    rows.add(List.of(kit.keyboards().menuButton(user.language())));
    return Keyboards.rows(rows);
  }

  /** What the step waits for, said again; the step stays. */
  private void hint(ChatUser user, Conversation.Step step) {
    Optional<ReelsDraft> draft = drafts.reels(user.id());
    if (draft.isEmpty()) {
      restart(user);
      return;
    }
    switch (step) {
      case AWAITING_REELS_PHOTO -> kit.replies().send(user.chatId(), kit.text(user, "reels.needPhoto"), null);
      case AWAITING_REELS_TEMPLATE -> kit.replies().send(user.chatId(), kit.text(user, "reels.useButtons"),
          templateKeyboard(user, draft.get().id()));
      case AWAITING_REELS_COUNT -> kit.replies().send(user.chatId(), kit.text(user, "reels.useButtons"),
          countKeyboard(user, draft.get().id()));
      case AWAITING_REELS_PROMPT -> kit.replies().send(user.chatId(), kit.text(user, "reels.needPrompt"), null);
      case AWAITING_REELS_WISHES -> kit.replies().send(user.chatId(), kit.text(user, "reels.needWishes"), null);
      default -> kit.replies().send(user.chatId(), kit.text(user, "reels.needText"), null);
    }
  }

  /** The job parameters of a complete draft. */
  private static Optional<Map<String, String>> parameters(ChatUser user, ReelsDraft draft) {
    if (!draft.hasProduct() || draft.template() == null || OWN.equals(draft.template()) && draft.prompt() == null) {
      return Optional.empty();
    }
    Map<String, String> parameters = new TreeMap<>();
    parameters.put(INPUT_MEDIA, draft.photoKey());
    parameters.put(PRODUCT, draft.product());
    parameters.put(TEMPLATE, draft.template());
    parameters.put(LANGUAGE, user.language().code());
    if (OWN.equals(draft.template())) {
      parameters.put(PROMPT, draft.prompt());
    } else if (draft.wishes() != null) {
      parameters.put(WISHES, draft.wishes());
    }
    return Optional.of(parameters);
  }

  private Optional<ReelsDraft> draftOrRestart(ChatUser user) {
    Optional<ReelsDraft> draft = drafts.reels(user.id());
    if (draft.isEmpty()) {
      restart(user);
    }
    return draft;
  }

  /** The stored step outlived its draft: say so and offer a fresh start. */
  void restart(ChatUser user) {
    kit.conversations().reset(user.id());
    drafts.forget(user.id());
    kit.replies().send(user.chatId(), kit.text(user, "reels.expired"), Keyboards.of(List.of(
        kit.keyboards().nav(user.language(), "button.reels", Navigation.REELS),
        kit.keyboards().menuButton(user.language()))));
  }

  private void step(ChatUser user, Conversation.Step step, String mediaGroupId) {
    kit.conversations().save(user.id(), new Conversation(step, null, mediaGroupId));
  }

  private String newDraftId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
