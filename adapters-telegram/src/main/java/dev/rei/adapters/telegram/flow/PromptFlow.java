package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.ImageStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.state.ImageProfile;
import dev.rei.adapters.telegram.state.ImageProfiles;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.pricing.PricedItem;
import java.time.Duration;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * /prompt keeps the user's current prompt; /generate (or 🎨 under the prompt) quotes a new image from
 * it, with the reference photos as input and the chosen ratio and size, through the ordinary quote →
 * ✅ confirm → order path. The price is the generation price of the chosen size, references or not.
 */
public final class PromptFlow {

  static final Duration BUTTON_TTL = Duration.ofDays(1);
  /** How much of the kept prompt a reply repeats. */
  static final int PROMPT_ECHO = 600;

  private final FlowKit kit;
  private final QuoteFlow quotes;
  private final ImageProfiles profiles;

  public PromptFlow(FlowKit kit, QuoteFlow quotes, ImageProfiles profiles) {
    this.kit = kit;
    this.quotes = quotes;
    this.profiles = profiles;
  }

  /** /prompt with what followed it: keeps it, or shows the kept one when nothing followed. */
  public void prompt(ChatUser user, String argument) {
    String prompt = argument.strip();
    ImageProfile profile = profiles.of(user.id());
    if (prompt.isEmpty()) {
      if (profile.hasPrompt()) {
        kit.replies().send(user.chatId(), kit.text(user, "prompt.current",
            "prompt", TextLimits.cut(profile.prompt(), PROMPT_ECHO)), generateKeyboard(user));
      } else {
        kit.replies().send(user.chatId(), kit.text(user, "prompt.none"), kit.keyboards().menuOnly(user.language()));
      }
      return;
    }
    if (prompt.length() > JobParameters.MAX_VALUE_LENGTH) {
      kit.replies().send(user.chatId(), kit.text(user, "prompt.tooLong", "max", JobParameters.MAX_VALUE_LENGTH), null);
      return;
    }
    ImageProfile kept = profile.withPrompt(prompt);
    profiles.save(user.id(), kept);
    kit.replies().send(user.chatId(), kit.text(user, "prompt.saved", "prompt", TextLimits.cut(prompt, PROMPT_ECHO),
        "references", kept.references().size(), "ratio", ImageOptions.ratioOf(kept),
        "size", ImageOptions.sizeOf(kept).label()), generateKeyboard(user));
  }

  /** /generate: the kept prompt, references and settings, quoted. */
  public void generate(ChatUser user) {
    ImageProfile profile = profiles.of(user.id());
    if (!profile.hasPrompt()) {
      kit.replies().send(user.chatId(), kit.text(user, "generate.noPrompt"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    // Using the profile renews it, so prompts and references in use never expire.
    profiles.save(user.id(), profile);
    quotes.offer(user, new PricedItem.ImageGeneration(ImageOptions.sizeOf(profile)),
        ImageOptions.parameters(user, profile.prompt(), profile, profile.references()));
  }

  private InlineKeyboardMarkup generateKeyboard(ChatUser user) {
    return Keyboards.of(List.of(kit.buttons().button(kit.text(user, "prompt.button.generate"),
        new ButtonAction.Images(user.id().value(), new ImageStep.Generate()), BUTTON_TTL),
        kit.keyboards().menuButton(user.language())));
  }
}
