package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.AdminStep;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import java.time.Duration;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** How the admin console answers: plain texts, refusals with what the refusing party said, and its buttons. */
final class AdminReplies {

  static final Duration BUTTON_TTL = Duration.ofDays(1);

  private final FlowKit kit;

  AdminReplies(FlowKit kit) {
    this.kit = kit;
  }

  void say(ChatUser admin, String text) {
    kit.replies().send(admin.chatId(), text, null);
  }

  /** Says the usage line {@code usageKey}; empty, for the caller to stop at. */
  <T> Optional<T> usage(ChatUser admin, String usageKey) {
    say(admin, kit.text(admin, usageKey));
    return Optional.empty();
  }

  /** Says {@code doneKey} (with its {@code values}) when the action was done, else why it was refused. */
  void told(ChatUser admin, AdminResult result, String doneKey, Object... values) {
    if (result instanceof AdminResult.Done) {
      say(admin, kit.text(admin, doneKey, values));
    } else {
      AdminResult.Refused refused = (AdminResult.Refused) result;
      refused(admin, refused.reason(), refused.detail());
    }
  }

  void refused(ChatUser admin, AdminRefusal reason, String detail) {
    String text = kit.text(admin, "admin.refusal." + reason.name());
    say(admin, detail.isBlank() ? text : text + "\n" + kit.text(admin, "admin.refusal.detail", "detail", detail));
  }

  /** A button meaning {@code step}, for this admin only, and only while they are one. */
  InlineKeyboardButton button(ChatUser admin, String labelKey, AdminStep step) {
    return kit.buttons().button(kit.text(admin, labelKey), new ButtonAction.Admin(admin.id().value(), step),
        BUTTON_TTL);
  }
}
