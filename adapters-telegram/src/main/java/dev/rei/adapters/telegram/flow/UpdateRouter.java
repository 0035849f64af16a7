package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.CallbackData;
import dev.rei.adapters.telegram.inbox.UpdateCodec;
import dev.rei.adapters.telegram.inbox.UpdateHandler;
import dev.rei.adapters.telegram.payment.StarsPaid;
import dev.rei.adapters.telegram.text.UserLanguages;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.SuccessfulPayment;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Sends each update from the inbox to its flow: commands and menu buttons to {@link MenuFlow},
 * texts and photos to {@link ImageFlow}, stored buttons to {@link OrderFlow}, after the
 * {@link UserGate}; {@link VideoFlows} first takes what belongs to the video and Reels flows
 * (their commands, buttons and conversation steps, and every video). Only private chats are
 * served, except an admin's reply to a support message in the support chat ({@link SupportFlow});
 * everything else is ignored without a word.
 * Pre-checkout queries were answered on the fast path; a Stars {@code successful_payment} is
 * settled through {@link AccountFlow} before the gate, as Telegram has already taken the stars.
 * The image commands of seed 003 (/prompt /generate /refs /clear /settings /history) and their
 * buttons go to {@link ImageCommands}.
 */
public final class UpdateRouter implements UpdateHandler {

  private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

  private final UserGate gate;
  private final MenuFlow menu;
  private final ImageFlow images;
  private final OrderFlow orders;
  private final VideoFlows videos;
  private final AccountFlow account;
  private final FlowKit kit;
  private final UserLanguages languages;
  private final ImageCommands imageCommands;
  private final SupportFlow support;
  private final CancelFlow cancels;
  private final AdminFlow admin;

  public UpdateRouter(UserGate gate, MenuFlow menu, ImageFlow images, OrderFlow orders, VideoFlows videos,
      AccountFlow account, FlowKit kit, UserLanguages languages, ImageCommands imageCommands, SupportFlow support,
      CancelFlow cancels, AdminFlow admin) {
    this.gate = gate;
    this.menu = menu;
    this.images = images;
    this.orders = orders;
    this.videos = videos;
    this.account = account;
    this.kit = kit;
    this.languages = languages;
    this.imageCommands = imageCommands;
    this.support = support;
    this.cancels = cancels;
    this.admin = admin;
  }

  @Override
  public void handle(Update update) {
    if (update.getMessage() != null) {
      onMessage(update.getMessage());
    } else if (update.getCallbackQuery() != null) {
      onCallback(update.getCallbackQuery());
    } else {
      log.debug("update {} needs no handling", update.getUpdateId());
    }
  }

  private void onMessage(Message message) {
    if (support.relay(message)) {
      // An admin's answer to a support message, in the support chat or their own: not a user's message.
      return;
    }
    if (message.getChat() == null || !"private".equals(message.getChat().getType())) {
      return;
    }
    if (message.getSuccessfulPayment() != null) {
      // Telegram has taken the stars: settle whatever the gate would say (a ban, a rate limit).
      paid(message);
      return;
    }
    if (message.getRefundedPayment() != null) {
      // Only the bot refunds stars, and the refund use case has recorded and told it already.
      log.info("refunded_payment in chat {} needs nothing more", message.getChatId());
      return;
    }
    UserGate.Passage passage = gate.admit(message.getFrom(), message.getChatId(), ActionClass.MESSAGE,
        message.getMediaGroupId());
    ChatUser user = admitted(passage, null).orElse(null);
    if (user == null) {
      return;
    }
    if (!(message.getText() != null && message.getText().startsWith("/")) && support.awaits(user)) {
      support.onMessage(user, message);
      return;
    }
    if (message.getText() != null) {
      String text = message.getText();
      if (text.startsWith("/")) {
        account.forgetAmount(user);
        support.leave(user);
        // Admin commands exist only for admins: for anyone else they fall through to "unknown command".
        if (!admin.command(user, text, message.getMessageId() == null ? 0 : message.getMessageId())) {
          command(user, text, message);
        }
      } else if (account.awaitsAmount(user)) {
        account.onAmount(user, text);
      } else if (!videos.onText(user, text)) {
        images.onText(user, text);
      }
    } else if (message.getPhoto() != null && !message.getPhoto().isEmpty()) {
      account.forgetAmount(user);
      PhotoSize largest = largest(message.getPhoto());
      Long size = largest.getFileSize() == null ? null : largest.getFileSize().longValue();
      if (!videos.onPhoto(user, largest.getFileId(), size, "image/jpeg", message.getCaption(), message.getMediaGroupId())) {
        images.onPhoto(user, largest.getFileId(), size, "image/jpeg", message.getCaption(), message.getMediaGroupId());
      }
    } else if (isImage(message.getDocument())) {
      Document document = message.getDocument();
      String type = document.getMimeType().toLowerCase(Locale.ROOT);
      if (!videos.onPhoto(user, document.getFileId(), document.getFileSize(), type, message.getCaption(),
          message.getMediaGroupId())) {
        images.onPhoto(user, document.getFileId(), document.getFileSize(), type, message.getCaption(),
            message.getMediaGroupId());
      }
    } else if (message.getVideo() != null) {
      videos.onVideo(user, message.getVideo().getFileId(), message.getVideo().getFileSize(),
          videoType(message.getVideo().getMimeType()), message.getCaption(), message.getMediaGroupId());
    } else if (message.getAnimation() != null) {
      videos.onVideo(user, message.getAnimation().getFileId(), message.getAnimation().getFileSize(),
          videoType(message.getAnimation().getMimeType()), message.getCaption(), message.getMediaGroupId());
    } else if (message.getVideoNote() != null) {
      Long size = message.getVideoNote().getFileSize() == null ? null : message.getVideoNote().getFileSize().longValue();
      videos.onVideo(user, message.getVideoNote().getFileId(), size, "video/mp4", null, null);
    } else if (isVideo(message.getDocument())) {
      Document document = message.getDocument();
      videos.onVideo(user, document.getFileId(), document.getFileSize(), videoType(document.getMimeType()),
          message.getCaption(), message.getMediaGroupId());
    } else {
      menu.say(user, "unsupported");
    }
  }

  private void command(ChatUser user, String text, Message message) {
    String command = text.split("\\s+", 2)[0].substring(1);
    int at = command.indexOf('@');
    if (at >= 0) {
      command = command.substring(0, at);
    }
    switch (command.toLowerCase(Locale.ROOT)) {
      case "start" -> menu.start(user);
      case "menu" -> menu.menu(user);
      case "help" -> menu.help(user);
      case "account", "balance" -> account.show(user);
      case "topup" -> account.topUp(user);
      case "history" -> imageCommands.history(user);
      case "paysupport" -> account.paySupport(user);
      case "language", "lang" -> menu.chooseLanguage(user);
      case "image" -> {
        videos.leave(user);
        menu.imageIntro(user);
      }
      case "video", "reels" -> videos.command(user, command.toLowerCase(Locale.ROOT));
      case "support" -> support.command(user, message, argument(text));
      case "cancel" -> cancels.cancel(user);
      case "prompt" -> imageCommands.prompt(user, argument(text));
      case "generate" -> imageCommands.generate(user);
      case "refs" -> imageCommands.refs(user);
      case "clear" -> imageCommands.clear(user);
      case "settings" -> imageCommands.settings(user, argument(text));
      default -> menu.say(user, "unknown.command");
    }
  }

  private void onCallback(CallbackQuery query) {
    long chatId = query.getMessage() != null && query.getMessage().getChat() != null
        ? query.getMessage().getChat().getId()
        : query.getFrom() == null ? 0 : query.getFrom().getId();
    if (query.getMessage() != null && query.getMessage().getChat() != null
        && !"private".equals(query.getMessage().getChat().getType())) {
      kit.replies().answer(query.getId(), null);
      return;
    }
    UserGate.Passage passage = gate.admit(query.getFrom(), chatId, ActionClass.BUTTON_PRESS);
    ChatUser user = admitted(passage, query).orElse(null);
    if (user == null) {
      return;
    }
    account.forgetAmount(user);
    support.leave(user);
    CallbackData data = CallbackData.parse(query.getData());
    if (data instanceof CallbackData.Nav nav) {
      kit.replies().answer(query.getId(), null);
      if (!account.navigate(user, nav.target()) && !videos.navigate(user, nav.target())
          && !support.navigate(user, nav.target())) {
        menu.navigate(user, nav.target());
      }
      return;
    }
    if (data instanceof CallbackData.Keyed keyed) {
      Optional<ButtonAction> action = kit.buttons().resolve(keyed.key());
      // A button works only for the user it was made for; anything else is "out of date", saying no more.
      if (action.isPresent() && action.get().owner() == user.id().value()) {
        if (action.get() instanceof ButtonAction.Account step) {
          account.press(user, query, step.step());
        } else if (action.get() instanceof ButtonAction.Images step) {
          imageCommands.press(user, query, step.step());
        } else if (action.get() instanceof ButtonAction.Admin step) {
          admin.press(user, query, step.step());
        } else if (!videos.press(user, query, action.get())) {
          orders.press(user, query, keyed.key(), action.get());
        }
        return;
      }
    }
    orders.outdated(user, query);
  }

  /** The user if the gate let them through; otherwise the gate's refusal is told (or not) here. */
  private Optional<ChatUser> admitted(UserGate.Passage passage, CallbackQuery query) {
    if (passage instanceof UserGate.Passage.Admitted admitted) {
      return Optional.of(admitted.user());
    }
    if (passage instanceof UserGate.Passage.Banned banned) {
      String text = kit.text(banned.user(), "banned");
      if (query != null) {
        kit.replies().answer(query.getId(), text);
      }
      if (banned.tellNow()) {
        kit.replies().send(banned.user().chatId(), text, null);
      }
    } else if (passage instanceof UserGate.Passage.Limited limited) {
      String text = kit.text(limited.user(), "rate.limited", "minutes",
          minutesUntil(limited.user().language(), limited.retryAt()));
      if (query != null) {
        kit.replies().answer(query.getId(), text);
      } else if (limited.tellNow()) {
        kit.replies().send(limited.user().chatId(), text, null);
      }
    } else if (query != null) {
      kit.replies().answer(query.getId(), null);
    }
    return Optional.empty();
  }

  private String minutesUntil(Language language, Optional<Instant> retryAt) {
    return WaitWords.of(kit.texts(), language,
        retryAt.map(at -> Duration.between(kit.clock().now(), at)).orElse(Duration.ofMinutes(1)));
  }

  private void paid(Message message) {
    SuccessfulPayment payment = message.getSuccessfulPayment();
    long payer = message.getFrom() == null ? 0 : message.getFrom().getId();
    account.paid(message.getChatId(), languages.of(message.getChatId()), new StarsPaid(payer,
        String.valueOf(payment.getCurrency()), payment.getTotalAmount() == null ? 0 : payment.getTotalAmount(),
        String.valueOf(payment.getInvoicePayload()), String.valueOf(payment.getTelegramPaymentChargeId())));
  }

  @Override
  public void giveUp(Update update) {
    if (update.getMessage() != null && update.getMessage().getSuccessfulPayment() != null) {
      // Telegram took the stars and the retries are spent: an operator must credit this by hand.
      SuccessfulPayment payment = update.getMessage().getSuccessfulPayment();
      log.error("successful_payment NOT settled after retries: chat {}, charge {}, payload {}, {} {}",
          update.getMessage().getChatId(), payment.getTelegramPaymentChargeId(), payment.getInvoicePayload(),
          payment.getTotalAmount(), payment.getCurrency());
    }
    long chatId = UpdateCodec.chatIdOf(update);
    Language language = languages.of(chatId);
    String text = kit.texts().text(language, "error.poison");
    if (update.getCallbackQuery() != null) {
      kit.replies().answer(update.getCallbackQuery().getId(), text);
    }
    boolean privateChat = update.getMessage() != null && update.getMessage().getChat() != null
        && "private".equals(update.getMessage().getChat().getType());
    if (privateChat || update.getCallbackQuery() != null && chatId > 0) {
      kit.replies().send(chatId, text, kit.keyboards().menuOnly(language));
    }
  }

  private static PhotoSize largest(List<PhotoSize> sizes) {
    return sizes.stream().max(Comparator
        .comparingLong((PhotoSize size) -> (long) (size.getWidth() == null ? 0 : size.getWidth())
            * (size.getHeight() == null ? 0 : size.getHeight()))
        .thenComparingLong(size -> size.getFileSize() == null ? 0 : size.getFileSize()))
        .orElseThrow();
  }

  private static boolean isVideo(Document document) {
    return document != null && document.getFileId() != null && document.getMimeType() != null
        && document.getMimeType().toLowerCase(Locale.ROOT).startsWith("video/");
  }

  private static String videoType(String mimeType) {
    return mimeType == null || !mimeType.toLowerCase(Locale.ROOT).startsWith("video/")
        ? "video/mp4" : mimeType.toLowerCase(Locale.ROOT);
  }

  /** What follows a command's name ("/prompt a cat" → "a cat"); empty when nothing does. */
  private static String argument(String text) {
    String[] parts = text.strip().split("\\s+", 2);
    return parts.length > 1 ? parts[1] : "";
  }

  private static boolean isImage(Document document) {
    return document != null && document.getFileId() != null && document.getMimeType() != null
        && document.getMimeType().toLowerCase(Locale.ROOT).startsWith("image/");
  }
}
