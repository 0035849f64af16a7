package dev.rei.adapters.telegram.send;

import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramCalls.Result;
import dev.rei.adapters.telegram.api.TelegramFailure;
import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.state.BanNotices;
import dev.rei.adapters.telegram.state.OrderMemory;
import dev.rei.adapters.telegram.state.RememberedOrder;
import dev.rei.adapters.telegram.state.SupportThreads;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.adapters.telegram.text.UserLanguages;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.MediaStore;
import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.user.Language;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * Delivers outbox messages to Telegram in the reader's language: the order's status message
 * (sent on ORDER_PLACED, then edited with progress and the final state), the result as a photo,
 * video or file (a link above the upload limit), and every other notice as text. It never sleeps:
 * over the pace ({@code ChatPacer}) or on a 429 it answers {@code RetryLater}; a chat that is gone
 * or a request Telegram rejects is {@code Undeliverable}.
 */
public final class TelegramMessageSender implements MessageSender {

  private static final Logger log = LoggerFactory.getLogger(TelegramMessageSender.class);

  /** Telegram's limit for photos uploaded by bots. */
  static final long PHOTO_LIMIT_BYTES = 10L * 1024 * 1024;
  /** Telegram's limit for other uploads by bots, unless a self-hosted Bot API server allows more. */
  public static final long DEFAULT_UPLOAD_LIMIT_BYTES = 50L * 1024 * 1024;
  static final Duration AGAIN_BUTTON_TTL = Duration.ofDays(7);

  private final TelegramCalls calls;
  private final UserLanguages languages;
  private final NoticeTexts render;
  private final Texts texts;
  private final Keyboards keyboards;
  private final Buttons buttons;
  private final StatusBoard board;
  private final OrderMemory orders;
  private final BanNotices banNotices;
  private final SupportThreads supportThreads;
  private final MediaStore media;
  private final ResultLinks links;
  private final long uploadLimitBytes;

  /**
   * @param supportContact who to contact (e.g. {@code @rei_support}), or blank for none
   * @param uploadLimitBytes the largest result uploaded to Telegram; above it the user gets a link
   */
  public TelegramMessageSender(TelegramCalls calls, Texts texts, UserLanguages languages, ChatStateStore chatState,
      MediaStore media, Clock clock, ResultLinks links, String supportContact, long uploadLimitBytes) {
    this.calls = calls;
    this.texts = texts;
    this.languages = languages;
    this.render = new NoticeTexts(texts, supportContact);
    this.keyboards = new Keyboards(texts);
    this.buttons = new Buttons(chatState, clock);
    this.board = new StatusBoard(calls, texts, render, buttons, new StatusMessages(chatState, clock), this::outcome);
    this.orders = new OrderMemory(chatState, clock);
    this.banNotices = new BanNotices(chatState, clock);
    this.supportThreads = new SupportThreads(chatState, clock);
    this.media = media;
    this.links = links;
    if (uploadLimitBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive");
    }
    this.uploadLimitBytes = uploadLimitBytes;
  }

  @Override
  public SendOutcome send(OutboxMessage message) {
    long chatId = message.chatId();
    Notice notice = message.notice();
    Language language = languages.of(chatId);
    return switch (notice.type()) {
      case ORDER_PLACED -> orderPlaced(chatId, notice, language);
      case JOB_PROGRESS -> progress(chatId, notice, language);
      case JOB_RESULT -> result(chatId, notice, language);
      case JOB_FAILED, JOB_CANCELLED, JOB_EXPIRED -> jobEnded(chatId, notice, language);
      case JOB_RETRYING -> retrying(chatId, notice, language);
      case WELCOME -> text(chatId, render.welcome(language, notice), () -> keyboards.mainMenu(language));
      case BANNED, UNBANNED -> ban(chatId, notice, language);
      case SUPPORT_MESSAGE -> supportMessage(chatId, notice, language);
      case SUPPORT_ANSWER -> text(chatId, render.plain(language, notice), () -> keyboards.menuOnly(language));
      case PAYMENT_SUCCEEDED, PAYMENT_CANCELED, PAYMENT_REFUNDED ->
          text(chatId, render.plain(language, notice), () -> keyboards.menuOnly(language));
      default -> text(chatId, render.plain(language, notice), () -> null);
    };
  }

  /**
   * The ban notice counts as telling the user; after an unban a new ban is told again. It is
   * marked told before it goes out, so a message the user sends meanwhile is not answered with the
   * ban a second time; when the gate told them first, the notice is not sent at all.
   */
  private SendOutcome ban(long chatId, Notice notice, Language language) {
    if (notice.type() == Notice.Type.UNBANNED) {
      banNotices.forget(chatId);
      return text(chatId, render.plain(language, notice), () -> null);
    }
    if (!banNotices.tell(chatId)) {
      return new SendOutcome.Sent();
    }
    SendOutcome outcome = text(chatId, render.plain(language, notice), () -> null);
    if (!(outcome instanceof SendOutcome.Sent)) {
      // Not sent (yet): the retry, or the gate at the user's next message, tells them.
      banNotices.forget(chatId);
    }
    return outcome;
  }

  /**
   * A user's message shown to support: text, or the user's photo (by its file id) with the text as
   * its caption. The Telegram message id it gets is remembered, so a reply to it finds the user.
   */
  private SendOutcome supportMessage(long chatId, Notice notice, Language language) {
    String text = render.plain(language, notice);
    String photo = notice.values().get("photo");
    long user;
    try {
      user = Long.parseLong(notice.values().getOrDefault("userId", ""));
    } catch (NumberFormatException e) {
      return new SendOutcome.Undeliverable("support message without a user id");
    }
    Result<Message> result = photo == null
        ? calls.tryCall(chatId, client -> client.execute(SendMessage.builder().chatId(chatId)
            .text(TextLimits.message(text)).build()))
        : calls.tryCall(chatId, client -> client.execute(SendPhoto.builder().chatId(chatId)
            .photo(new InputFile(photo)).caption(TextLimits.caption(text)).build()));
    if (result instanceof Result.Done<Message> done && done.value() != null) {
      supportThreads.remember(chatId, done.value().getMessageId(), user);
    }
    return outcome(result);
  }

  private SendOutcome orderPlaced(long chatId, Notice notice, Language language) {
    String orderId = notice.values().get("orderId");
    int count = NoticeTexts.intValue(notice, "count", 1);
    String kind = kindOf(notice, orderId);
    if (orderId == null) {
      return text(chatId, render.orderPlaced(language, kind, count, notice), () -> null);
    }
    return board.placed(chatId, orderId, kind, count, listValue(notice, "jobIds"), notice, language);
  }

  private SendOutcome progress(long chatId, Notice notice, Language language) {
    return board.progress(chatId, notice, language);
  }

  /** TEMPORARY failures are told once ("retrying automatically"); the status shows the job starting over. */
  private SendOutcome retrying(long chatId, Notice notice, Language language) {
    SendOutcome outcome = text(chatId, render.plain(language, notice), () -> null);
    if (outcome instanceof SendOutcome.Sent) {
      board.retrying(chatId, notice, language);
    }
    return outcome;
  }

  private SendOutcome result(long chatId, Notice notice, Language language) {
    String orderId = notice.values().get("orderId");
    String reference = notice.values().get("result");
    Optional<MediaStore.Media> stored = reference == null ? Optional.empty() : media.get(reference);
    Supplier<InlineKeyboardMarkup> keyboard = () -> resultKeyboard(chatId, orderId, language, true);
    SendOutcome outcome;
    if (stored.isEmpty()) {
      log.warn("result media missing for order {} (reference present: {})", orderId, reference != null);
      outcome = text(chatId, texts.text(language, "job.result.missing", "orderId", String.valueOf(orderId)),
          () -> keyboards.menuOnly(language));
    } else {
      outcome = deliverFile(chatId, stored.get(), notice, language, keyboard);
    }
    if (outcome instanceof SendOutcome.Sent) {
      board.ended(chatId, notice, StatusState.Line.SENT, language);
    }
    return outcome;
  }

  private SendOutcome deliverFile(long chatId, MediaStore.Media file, Notice notice, Language language,
      Supplier<InlineKeyboardMarkup> keyboard) {
    String contentType = file.contentType().toLowerCase(Locale.ROOT);
    long size = file.content().length;
    String caption = TextLimits.caption(resultCaption(notice, language));
    String name = fileName(notice, contentType);
    if (size > uploadLimitBytes) {
      Optional<String> link = links.linkFor(file.key(), file.contentType());
      String text = link.map(url -> texts.text(language, "job.result.link", "link", url))
          .orElseGet(() -> texts.text(language, "job.result.tooLarge",
              "orderId", notice.values().getOrDefault("orderId", "—")));
      return text(chatId, text, keyboard);
    }
    if (contentType.startsWith("image/") && size <= PHOTO_LIMIT_BYTES) {
      Result<Message> photo = calls.tryCall(chatId, client -> client.execute(SendPhoto.builder().chatId(chatId)
          .photo(input(file, name)).caption(caption).replyMarkup(keyboard.get()).build()));
      if (!failedWith(photo, TelegramFailure.Kind.REJECTED)) {
        return outcome(photo);
      }
      // Telegram refuses some images as photos (dimensions, ratio); the same bytes go as a file.
      return outcome(calls.callRegardless(chatId, client -> client.execute(SendDocument.builder().chatId(chatId)
          .document(input(file, name)).caption(caption).replyMarkup(keyboard.get()).build())));
    }
    if (contentType.startsWith("video/")) {
      return outcome(calls.tryCall(chatId, client -> client.execute(SendVideo.builder().chatId(chatId)
          .video(input(file, name)).caption(caption).supportsStreaming(true).replyMarkup(keyboard.get()).build())));
    }
    return outcome(calls.tryCall(chatId, client -> client.execute(SendDocument.builder().chatId(chatId)
        .document(input(file, name)).caption(caption).replyMarkup(keyboard.get()).build())));
  }

  private SendOutcome jobEnded(long chatId, Notice notice, Language language) {
    String orderId = notice.values().get("orderId");
    boolean offerAgain = notice.type() != Notice.Type.JOB_FAILED
        || NoticeTexts.failureClass(notice) != FailureClass.USER_VIOLATION;
    SendOutcome outcome = text(chatId, render.jobEnded(language, notice),
        () -> resultKeyboard(chatId, orderId, language, offerAgain));
    if (outcome instanceof SendOutcome.Sent) {
      board.ended(chatId, notice, switch (notice.type()) {
        case JOB_CANCELLED -> StatusState.Line.CANCELLED;
        case JOB_EXPIRED -> StatusState.Line.EXPIRED;
        default -> StatusState.Line.FAILED;
      }, language);
    }
    return outcome;
  }

  /** "✅ Done!", "✅ Video ready!" for a video, "✅ Video 2/3 ready!" within an order of several. */
  private String resultCaption(Notice notice, Language language) {
    String kind = notice.values().getOrDefault("kind", "");
    Optional<String> position = board.position(notice);
    if (position.isPresent()) {
      return texts.text(language, "job.result.numbered", "kind", render.kindName(language, kind),
          "position", position.get());
    }
    return texts.has(language, "job.result." + kind) ? texts.text(language, "job.result." + kind)
        : texts.text(language, "job.result");
  }

  private SendOutcome text(long chatId, String text, Supplier<InlineKeyboardMarkup> keyboard) {
    return outcome(calls.tryCall(chatId, client -> client.execute(SendMessage.builder().chatId(chatId)
        .text(TextLimits.message(text)).replyMarkup(keyboard.get()).build())));
  }

  /** 🔁 Again (the same order quoted anew) when the order is remembered, and 🏠 Menu. */
  private InlineKeyboardMarkup resultKeyboard(long chatId, String orderId, Language language, boolean offerAgain) {
    List<InlineKeyboardButton> row = new ArrayList<>();
    if (offerAgain && orderId != null) {
      recall(orderId).filter(order -> order.owner() == chatId).ifPresent(order -> row.add(buttons.button(
          texts.text(language, "button.again"),
          new ButtonAction.Requote(chatId, order.item(), order.parameters()), AGAIN_BUTTON_TTL)));
    }
    row.add(keyboards.menuButton(language));
    return Keyboards.of(row);
  }

  private String kindOf(Notice notice, String orderId) {
    String kind = notice.values().get("kind");
    if (kind != null) {
      return kind;
    }
    return orderId == null ? "unknown" : recall(orderId).map(order -> order.kind().name()).orElse("unknown");
  }

  private Optional<RememberedOrder> recall(String orderId) {
    try {
      return orders.recall(OrderId.of(UUID.fromString(orderId)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<String> listValue(Notice notice, String name) {
    String value = notice.values().get(name);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static InputFile input(MediaStore.Media file, String name) {
    return new InputFile(new ByteArrayInputStream(file.content()), name);
  }

  private static String fileName(Notice notice, String contentType) {
    String base = "rei-" + notice.values().getOrDefault("jobId", "result").replaceAll("[^A-Za-z0-9-]", "");
    return base + switch (contentType) {
      case "image/png" -> ".png";
      case "image/jpeg", "image/jpg" -> ".jpg";
      case "image/webp" -> ".webp";
      case "video/mp4" -> ".mp4";
      default -> contentType.startsWith("video/") ? ".mp4" : contentType.startsWith("image/") ? ".img" : ".bin";
    };
  }

  private static boolean failedWith(Result<?> result, TelegramFailure.Kind kind) {
    return result instanceof Result.Failed<?> failed && failed.failure().is(kind);
  }

  /** What the outbox does next after one call. */
  private SendOutcome outcome(Result<?> result) {
    if (result instanceof Result.Done<?>) {
      return new SendOutcome.Sent();
    }
    if (result instanceof Result.Paced<?> paced) {
      return new SendOutcome.RetryLater(paced.delay(), "paced: the chat's or the bot's send rate is used up");
    }
    TelegramFailure failure = ((Result.Failed<?>) result).failure();
    return switch (failure.kind()) {
      case RATE_LIMITED, TRANSIENT -> new SendOutcome.RetryLater(failure.retryAfter(), failure.summary());
      case MISCONFIGURED -> {
        log.error("Telegram refuses the bot itself ({}): check BOT_TOKEN and TELEGRAM_API_URL", failure.summary());
        yield new SendOutcome.RetryLater(failure.retryAfter(), failure.summary());
      }
      case CHAT_GONE, REJECTED -> new SendOutcome.Undeliverable(failure.summary());
      case NOT_MODIFIED, MESSAGE_GONE -> new SendOutcome.Sent();
    };
  }
}
