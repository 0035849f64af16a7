package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramCalls.Result;
import dev.rei.adapters.telegram.api.TelegramFailure;
import dev.rei.adapters.telegram.api.TextLimits;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVideo;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Direct answers to a user's action (menus, quotes, refusals), sent by the handler at once rather
 * than through the outbox: the user is waiting for them, and losing one to a crash is harmless
 * because the update is handled again. They share the outbox's {@code ChatPacer}: a reply waits
 * for its chat's slot (briefly, bounded by {@code Pacing.maxReplyWait}) instead of risking a 429.
 */
public final class Replies {

  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  /** Telegram shows at most 200 characters in a button press's notification. */
  private static final int CALLBACK_TEXT = 200;

  private final TelegramCalls calls;

  public Replies(TelegramCalls calls) {
    this.calls = calls;
  }

  public Optional<Message> send(long chatId, String text, InlineKeyboardMarkup keyboard) {
    Result<Message> result = calls.callWaiting(chatId, client -> client.execute(SendMessage.builder().chatId(chatId)
        .text(TextLimits.message(text)).replyMarkup(keyboard).build()));
    if (result instanceof Result.Done<Message> done) {
      return Optional.ofNullable(done.value());
    }
    report("sendMessage", chatId, result);
    return Optional.empty();
  }

  /** Replaces a message's text and keyboard (no keyboard removes it); false if the message could not be edited. */
  public boolean edit(long chatId, int messageId, String text, InlineKeyboardMarkup keyboard) {
    Result<?> result = calls.callWaiting(chatId, client -> client.execute(EditMessageText.builder().chatId(chatId)
        .messageId(messageId).text(TextLimits.message(text)).replyMarkup(keyboard).build()));
    if (result instanceof Result.Done<?>
        || result instanceof Result.Failed<?> failed && failed.failure().is(TelegramFailure.Kind.NOT_MODIFIED)) {
      return true;
    }
    report("editMessageText", chatId, result);
    return false;
  }

  /** Stops the spinner on a pressed button, with a short note when {@code text} is not null. */
  public void answer(String callbackQueryId, String text) {
    AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> method =
        AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId);
    if (text != null) {
      method.text(TextLimits.cut(text, CALLBACK_TEXT));
    }
    Result<Boolean> result = calls.callUnpaced(client -> client.execute(method.build()));
    if (result instanceof Result.Failed<Boolean> failed) {
      log.debug("callback query not answered: {}", failed.failure().summary());
    }
  }

  /** Sends {@code png} as a photo with a caption; false if Telegram did not take it. */
  public boolean photo(long chatId, byte[] png, String fileName, String caption) {
    return sendFile(chatId, png, "image/png", fileName, caption, null);
  }

  private static void report(String method, long chatId, Result<?> result) {
    if (result instanceof Result.Failed<?> failed) {
      log.warn("{} to chat {} failed: {}", method, chatId, failed.failure().summary());
    } else if (result instanceof Result.Paced<?> paced) {
      log.warn("{} to chat {} not sent: paced for {} ms", method, chatId, paced.delay().toMillis());
    }
  }

  /** Telegram's limit for photos uploaded by bots; larger images go as files. */
  static final long PHOTO_LIMIT_BYTES = 10L * 1024 * 1024;

  /**
   * Sends a file we keep: an image as a photo (as a file when Telegram refuses it as a photo or it is
   * above the photo limit), a video as a video, anything else as a file. False if it was not sent.
   */
  public boolean sendFile(long chatId, byte[] content, String contentType, String fileName, String caption,
      InlineKeyboardMarkup keyboard) {
    String type = contentType.toLowerCase(Locale.ROOT);
    String shortCaption = caption == null ? null : TextLimits.caption(caption);
    Result<Message> result;
    boolean triedPhoto = type.startsWith("image/") && content.length <= PHOTO_LIMIT_BYTES;
    if (triedPhoto) {
      result = calls.callWaiting(chatId, client -> client.execute(SendPhoto.builder().chatId(chatId)
          .photo(input(content, fileName)).caption(shortCaption).replyMarkup(keyboard).build()));
      if (!(result instanceof Result.Failed<Message> failed && failed.failure().is(TelegramFailure.Kind.REJECTED))) {
        report("sendPhoto", chatId, result);
        return result instanceof Result.Done<Message>;
      }
    }
    if (type.startsWith("video/")) {
      result = calls.callWaiting(chatId, client -> client.execute(SendVideo.builder().chatId(chatId)
          .video(input(content, fileName)).caption(shortCaption).supportsStreaming(true).replyMarkup(keyboard)
          .build()));
    } else {
      TelegramCalls.ApiCall<Message> document = client -> client.execute(SendDocument.builder().chatId(chatId)
          .document(input(content, fileName)).caption(shortCaption).replyMarkup(keyboard).build());
      // A refused photo sent again as a file completes the first request and must not queue behind it.
      result = triedPhoto ? calls.callRegardless(chatId, document) : calls.callWaiting(chatId, document);
    }
    report("sendFile", chatId, result);
    return result instanceof Result.Done<Message>;
  }

  private static InputFile input(byte[] content, String fileName) {
    return new InputFile(new ByteArrayInputStream(content), fileName);
  }
}
