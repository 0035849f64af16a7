package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.adapters.telegram.state.SupportQuota;
import dev.rei.adapters.telegram.state.SupportThreads;
import dev.rei.adapters.telegram.text.UserLanguages;
import dev.rei.application.port.in.support.AnswerSupportCommand;
import dev.rei.application.port.in.support.AnswerSupportResult;
import dev.rei.application.port.in.support.AnswerSupportUseCase;
import dev.rei.application.port.in.support.ContactSupportCommand;
import dev.rei.application.port.in.support.ContactSupportResult;
import dev.rei.application.port.in.support.ContactSupportUseCase;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * /support and the 🆘 button: the user's message goes to support through the outbox (at once with
 * {@code /support <text>}, or as the next text or photo), at most {@link SupportQuota#permits()} an
 * hour. An admin's reply to such a message — in the support chat or in their private chat with the
 * bot — is relayed back to the user; the replied-to message names the user through
 * {@link SupportThreads}.
 */
public final class SupportFlow {

  private static final Logger log = LoggerFactory.getLogger(SupportFlow.class);

  private final FlowKit kit;
  private final ContactSupportUseCase contactSupport;
  private final AnswerSupportUseCase answerSupport;
  private final SupportQuota quota;
  private final SupportThreads threads;
  private final UserLanguages languages;
  private final Set<Long> adminIds;
  private final Optional<Long> supportChatId;
  private final String supportContact;

  public SupportFlow(FlowKit kit, ContactSupportUseCase contactSupport, AnswerSupportUseCase answerSupport,
      SupportQuota quota, SupportThreads threads, UserLanguages languages, Set<Long> adminIds,
      Optional<Long> supportChatId, String supportContact) {
    this.kit = kit;
    this.contactSupport = Objects.requireNonNull(contactSupport, "contactSupport");
    this.answerSupport = Objects.requireNonNull(answerSupport, "answerSupport");
    this.quota = quota;
    this.threads = threads;
    this.languages = languages;
    this.adminIds = Set.copyOf(adminIds);
    this.supportChatId = Objects.requireNonNull(supportChatId, "supportChatId");
    this.supportContact = supportContact == null ? "" : supportContact;
  }

  /** /support: with a text, sent at once; alone, the next message is asked for. */
  public void command(ChatUser user, Message message, String argument) {
    if (argument.isBlank()) {
      ask(user);
    } else {
      submit(user, message, argument.strip(), Optional.empty());
    }
  }

  /** The 🆘 Support menu button starts the same conversation as /support. */
  public boolean navigate(ChatUser user, Navigation target) {
    if (target != Navigation.SUPPORT) {
      return false;
    }
    ask(user);
    return true;
  }

  public boolean awaits(ChatUser user) {
    return kit.conversations().of(user.id()).step() == Conversation.Step.AWAITING_SUPPORT_MESSAGE;
  }

  /** Any other command or button leaves the support step; other flows' steps stay as they are. */
  public void leave(ChatUser user) {
    if (awaits(user)) {
      kit.conversations().reset(user.id());
    }
  }

  /** The message the user was asked for: a text, or a photo with a caption; anything else is explained. */
  public void onMessage(ChatUser user, Message message) {
    if (message.getText() != null) {
      submit(user, message, message.getText().strip(), Optional.empty());
    } else if (message.getPhoto() != null && !message.getPhoto().isEmpty()) {
      PhotoSize largest = message.getPhoto().stream()
          .max(Comparator.comparingLong(size -> size.getFileSize() == null ? 0 : size.getFileSize())).orElseThrow();
      String caption = message.getCaption() == null ? "" : message.getCaption().strip();
      submit(user, message, caption, Optional.ofNullable(largest.getFileId()));
    } else {
      say(user, kit.text(user, "support.unsupported"));
    }
  }

  private void ask(ChatUser user) {
    if (!anyoneReads()) {
      unavailable(user);
      return;
    }
    kit.conversations().save(user.id(), new Conversation(Conversation.Step.AWAITING_SUPPORT_MESSAGE, null, null));
    say(user, kit.text(user, "support.ask"));
  }

  private void submit(ChatUser user, Message message, String text, Optional<String> photo) {
    if (text.isEmpty() && photo.isEmpty()) {
      say(user, kit.text(user, "support.empty"));
      return;
    }
    if (text.length() > ContactSupportCommand.MAX_TEXT_LENGTH) {
      say(user, kit.text(user, "support.tooLong", "length", text.length(), "max", ContactSupportCommand.MAX_TEXT_LENGTH));
      return;
    }
    Optional<Instant> blockedUntil = quota.blockedUntil(user.id());
    if (blockedUntil.isPresent()) {
      kit.conversations().reset(user.id());
      say(user, kit.text(user, "support.tooMany", "count", quota.permits(),
          "minutes", minutesUntil(user.language(), blockedUntil.get())));
      return;
    }
    org.telegram.telegrambots.meta.api.objects.User from = message.getFrom();
    ContactSupportResult result = contactSupport.contactSupport(new ContactSupportCommand(user.id(),
        Optional.ofNullable(from.getUserName()), Optional.ofNullable(from.getFirstName()), text, photo));
    switch (result) {
      case SENT -> {
        quota.use(user.id());
        kit.conversations().reset(user.id());
        say(user, kit.text(user, "support.sent"));
      }
      case NOBODY_TO_TELL -> {
        kit.conversations().reset(user.id());
        unavailable(user);
      }
      case UNKNOWN_USER -> throw new IllegalStateException("user " + user.id() + " passed the gate unregistered");
    }
  }

  /**
   * Relays an admin's reply to a support message back to its user, answering true; false for
   * anything else — not a reply, not an admin, not in the support chat or the admin's own chat, or
   * not a reply to a support message — which the router then treats as it would have.
   */
  public boolean relay(Message message) {
    Message original = message.getReplyToMessage();
    org.telegram.telegrambots.meta.api.objects.User from = message.getFrom();
    if (original == null || original.getMessageId() == null || from == null || from.getId() == null
        || !adminIds.contains(from.getId()) || message.getChat() == null) {
      return false;
    }
    long chatId = message.getChatId();
    boolean inSupportChat = supportChatId.isPresent() && supportChatId.get() == chatId;
    boolean inOwnChat = "private".equals(message.getChat().getType()) && chatId == from.getId();
    if (!inSupportChat && !inOwnChat) {
      return false;
    }
    String text = message.getText();
    if (text != null && text.startsWith("/")) {
      // A command stays a command, even sent as a reply.
      return false;
    }
    Optional<UserId> user = threads.userOf(chatId, original.getMessageId());
    if (user.isEmpty()) {
      return false;
    }
    Language language = languages.of(from.getId());
    String userId = Long.toString(user.get().value());
    if (text == null || text.isBlank()) {
      kit.replies().send(chatId, kit.texts().text(language, "support.answer.textOnly"), null);
      return true;
    }
    if (text.strip().length() > AnswerSupportCommand.MAX_TEXT_LENGTH) {
      kit.replies().send(chatId, kit.texts().text(language, "support.answer.tooLong", "length", text.strip().length(),
          "max", AnswerSupportCommand.MAX_TEXT_LENGTH), null);
      return true;
    }
    AnswerSupportResult result = answerSupport.answer(
        new AnswerSupportCommand(UserId.of(from.getId()), user.get(), text.strip()));
    String key = switch (result) {
      case SENT -> "support.answer.sent";
      case UNKNOWN_USER -> "support.answer.unknownUser";
      case NOT_AN_ADMIN -> null;
    };
    if (key == null) {
      log.warn("admin {} of the bot's settings is no admin of the core; their support answer was dropped", from.getId());
      return true;
    }
    kit.replies().send(chatId, kit.texts().text(language, key, "userId", userId), null);
    return true;
  }

  private boolean anyoneReads() {
    return supportChatId.isPresent() || !adminIds.isEmpty();
  }

  private void unavailable(ChatUser user) {
    say(user, supportContact.isBlank() ? kit.text(user, "support.unavailable")
        : kit.text(user, "support.unavailable.contact", "contact", supportContact));
  }

  private void say(ChatUser user, String text) {
    kit.replies().send(user.chatId(), text, kit.keyboards().menuOnly(user.language()));
  }

  private String minutesUntil(Language language, Instant at) {
    return WaitWords.of(kit.texts(), language, Duration.between(kit.clock().now(), at));
  }
}
