package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramCalls.Result;
import dev.rei.adapters.telegram.api.TelegramFailure;
import dev.rei.adapters.telegram.api.TextLimits;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
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
  /** Telegram takes photo captions of at most 1,024 characters. */
  private static final int CAPTION = 1_024;

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
    Result<Message> result = calls.callWaiting(chatId, client -> client.execute(SendPhoto.builder().chatId(chatId)
        .photo(new InputFile(new ByteArrayInputStream(png), fileName)).caption(TextLimits.cut(caption, CAPTION))
        .build()));
    if (result instanceof Result.Done<Message>) {
      return true;
    }
    report("sendPhoto", chatId, result);
    return false;
  }

  private static void report(String method, long chatId, Result<?> result) {
    if (result instanceof Result.Failed<?> failed) {
      log.warn("{} to chat {} failed: {}", method, chatId, failed.failure().summary());
    } else if (result instanceof Result.Paced<?> paced) {
      log.warn("{} to chat {} not sent: paced for {} ms", method, chatId, paced.delay().toMillis());
    }
  }
}
