package dev.rei.bootstrap.sandbox;

import java.io.ByteArrayInputStream;
import java.util.Comparator;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * A tiny bot written with TelegramBots, run against the emulator: /start offers two buttons, a press edits the
 * message, a photo comes back as a new upload, /buy sends a Stars invoice, any other text is echoed.
 */
final class DemoBot {

  private DemoBot() {
  }

  static void handle(TelegramBotsHarness bot, Update update) {
    TelegramClient client = bot.client();
    try {
      if (update.hasCallbackQuery()) {
        var query = update.getCallbackQuery();
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text("Picked").build());
        client.execute(EditMessageText.builder()
            .chatId(query.getMessage().getChatId())
            .messageId(query.getMessage().getMessageId())
            .text("You chose " + query.getData().substring("pick:".length()).toUpperCase())
            .build());
      } else if (update.hasPreCheckoutQuery()) {
        var query = update.getPreCheckoutQuery();
        boolean ok = query.getInvoicePayload().startsWith("order-");
        client.execute(AnswerPreCheckoutQuery.builder().preCheckoutQueryId(query.getId()).ok(ok)
            .errorMessage(ok ? null : "Unknown order").build());
      } else if (update.hasMessage()) {
        onMessage(bot, client, update.getMessage());
      }
    } catch (TelegramApiException failed) {
      throw new IllegalStateException(failed);
    }
  }

  private static void onMessage(TelegramBotsHarness bot, TelegramClient client, Message message)
      throws TelegramApiException {
    long chatId = message.getChatId();
    if (message.hasSuccessfulPayment()) {
      client.execute(SendMessage.builder().chatId(chatId)
          .text("Paid " + message.getSuccessfulPayment().getTotalAmount() + " stars").build());
    } else if (message.hasPhoto()) {
      PhotoSize largest = message.getPhoto().stream().max(Comparator.comparing(PhotoSize::getWidth)).orElseThrow();
      File file = client.execute(new GetFile(largest.getFileId()));
      byte[] bytes = bot.download(file);
      client.execute(SendPhoto.builder().chatId(chatId)
          .photo(new InputFile(new ByteArrayInputStream(bytes), "echo.png"))
          .caption("Echo: " + message.getCaption())
          .build());
    } else if ("/start".equals(message.getText())) {
      client.execute(SendMessage.builder().chatId(chatId).text("Pick one")
          .replyMarkup(InlineKeyboardMarkup.builder()
              .keyboardRow(new InlineKeyboardRow(
                  InlineKeyboardButton.builder().text("A").callbackData("pick:a").build(),
                  InlineKeyboardButton.builder().text("B").callbackData("pick:b").build()))
              .build())
          .build());
    } else if (message.getText() != null && message.getText().startsWith("/buy")) {
      client.execute(SendInvoice.builder().chatId(chatId).title("100 credits").description("A pack of credits")
          .payload(message.getText().equals("/buy") ? "order-1" : "bogus").currency("XTR")
          .price(new LabeledPrice("100 credits", 50)).build());
    } else if (message.hasText()) {
      client.execute(SendMessage.builder().chatId(chatId).text("You said: " + message.getText()).build());
    }
  }
}
