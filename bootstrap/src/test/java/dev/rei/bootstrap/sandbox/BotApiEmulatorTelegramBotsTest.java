package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The real TelegramBots 10.2 long polling and client against the emulator, over loopback. */
class BotApiEmulatorTelegramBotsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final EmulatedUser ANNA = EmulatedUser.of(42, "Anna").withLanguage("ru").withUsername("anna");

  private BotApiEmulator emulator;
  private TelegramBotsHarness bot;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  private void startDemoBot(FloodLimits limits) {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken("123456:TEST-token").withFloodLimits(limits));
    bot = TelegramBotsHarness.start(emulator, DemoBot::handle);
  }

  @Test
  void givenUserSendsStart_whenBotPolls_thenItReceivesTheCommandAndRepliesWithButtons() {
    startDemoBot(FloodLimits.telegram());

    ChatMessage start = emulator.userSends(ANNA, "/start");
    ChatMessage reply = emulator.awaitMessageTo(ANNA.chatId(), start.messageId(), WAIT);

    assertThat(reply.text()).isEqualTo("Pick one");
    assertThat(reply.buttonTexts()).containsExactly("A", "B");
    Update received = bot.received().get(0);
    assertThat(received.getMessage().getText()).isEqualTo("/start");
    // TelegramBots' isCommand() reads entity texts that only getEntities() computes, so ask for them first.
    assertThat(received.getMessage().getEntities()).singleElement().satisfies(entity -> {
      assertThat(entity.getType()).isEqualTo("bot_command");
      assertThat(entity.getText()).isEqualTo("/start");
    });
    assertThat(received.getMessage().isCommand()).isTrue();
    assertThat(received.getMessage().getFrom().getLanguageCode()).isEqualTo("ru");
    assertThat(received.getMessage().getFrom().getUserName()).isEqualTo("anna");
    assertThat(received.getMessage().getChat().isUserChat()).isTrue();
  }

  @Test
  void givenButtons_whenUserPresses_thenBotAnswersAndEditsTheMessage() {
    startDemoBot(FloodLimits.telegram());
    ChatMessage start = emulator.userSends(ANNA, "/start");
    ChatMessage menu = emulator.awaitMessageTo(ANNA.chatId(), start.messageId(), WAIT);

    String queryId = emulator.userPressesButton(ANNA, menu.messageId(), "B");

    ChatMessage edited = emulator.awaitMessageTo(ANNA.chatId(),
        message -> message.messageId() == menu.messageId() && message.editCount() == 1, WAIT);
    assertThat(edited.text()).isEqualTo("You chose B");
    assertThat(edited.keyboard()).as("an edit without reply_markup removes the keyboard").isNull();
    assertThat(emulator.callbackAnswer(queryId)).get()
        .extracting(CallbackAnswer::text).isEqualTo("Picked");
    Update press = bot.received().stream().filter(Update::hasCallbackQuery).findFirst().orElseThrow();
    assertThat(press.getCallbackQuery().getData()).isEqualTo("pick:b");
    assertThat(press.getCallbackQuery().getMessage().getMessageId()).isEqualTo(menu.messageId());
  }

  @Test
  void givenUserSendsPhoto_whenBotDownloadsItWithGetFile_thenItUploadsTheSameBytesBackAsMultipart() {
    startDemoBot(FloodLimits.telegram());
    byte[] image = TestImages.png();

    ChatMessage photo = emulator.userSendsPhoto(ANNA, image, "my cat");
    ChatMessage echo = emulator.awaitMessageTo(ANNA.chatId(), photo.messageId(), WAIT);

    assertThat(echo.media().kind()).isEqualTo(Media.Kind.PHOTO);
    assertThat(echo.caption()).isEqualTo("Echo: my cat");
    assertThat(echo.media().width()).isEqualTo(40);
    assertThat(emulator.fileBytes(echo.media().fileId())).isEqualTo(image);
    assertThat(echo.media().fileId()).isNotEqualTo(photo.media().fileId());
    assertThat(emulator.callsOf("getFile")).singleElement().satisfies(call -> assertThat(call.ok()).isTrue());
    // A call is recorded with its answer, a moment after the message it sent became visible.
    await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.callsOf("sendPhoto")).singleElement()
        .satisfies(call -> assertThat(call.param("photo")).isEqualTo("attach://echo.png")));
  }

  @Test
  void givenTheClient_whenItSendsMessagesAndPhotos_thenTheEmulatorKeepsThemAndAnswersWithMessages()
      throws Exception {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken("123456:TEST-token"));
    emulator.userSends(ANNA, "hello");
    bot = TelegramBotsHarness.collecting(emulator);

    Message text = bot.client().execute(SendMessage.builder().chatId(ANNA.chatId()).text("<b>Hi</b> there")
        .parseMode("HTML").build());
    Message photo = bot.client().execute(SendPhoto.builder().chatId(ANNA.chatId())
        .photo(new InputFile(new ByteArrayInputStream(TestImages.png(10, 20, Color.BLUE)), "blue.png"))
        .caption("blue").build());

    assertThat(text.getText()).isEqualTo("Hi there");
    assertThat(text.getEntities()).singleElement().satisfies(entity -> {
      assertThat(entity.getType()).isEqualTo("bold");
      assertThat(entity.getLength()).isEqualTo(2);
    });
    assertThat(photo.getPhoto()).singleElement().satisfies(size -> assertThat(size.getHeight()).isEqualTo(20));
    assertThat(emulator.messagesTo(ANNA.chatId())).extracting(ChatMessage::visibleText)
        .containsExactly("Hi there", "blue");
    assertThat(text.getMessageId()).isEqualTo(2);
  }

  @Test
  void givenManyUpdates_whenPolled_thenEachIsDeliveredExactlyOnceAndConfirmed() {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken("123456:TEST-token")
        .withFloodLimits(FloodLimits.off()));
    bot = TelegramBotsHarness.collecting(emulator);

    for (int i = 1; i <= 150; i++) {
      emulator.userSends(EmulatedUser.of(1000 + i % 7), "message " + i);
    }

    await().atMost(WAIT).untilAsserted(() -> assertThat(bot.received()).hasSize(150));
    // The poll after the last batch confirms it: nothing stays pending and nothing comes twice.
    await().atMost(WAIT).untilAsserted(() -> assertThat(emulator.pendingUpdates()).isZero());
    List<Update> received = bot.received();
    Set<Integer> ids = received.stream().map(Update::getUpdateId).collect(Collectors.toSet());
    assertThat(ids).hasSize(150);
    assertThat(received).extracting(update -> update.getMessage().getText())
        .contains("message 1", "message 150");
    assertThat(bot.received()).hasSize(150);
  }

  @Test
  void givenTooManyMessagesToOneChat_whenTheClientSends_thenItGets429WithRetryAfter() throws Exception {
    MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    emulator = BotApiEmulator.started(EmulatorSettings.forToken("123456:TEST-token").withClock(clock));
    emulator.userSends(ANNA, "hi");
    bot = TelegramBotsHarness.collecting(emulator);
    for (int i = 0; i < FloodLimits.telegram().perChatBurst(); i++) {
      bot.client().execute(SendMessage.builder().chatId(ANNA.chatId()).text("burst " + i).build());
    }

    assertThatThrownBy(() -> bot.client().execute(SendMessage.builder().chatId(ANNA.chatId()).text("one more")
        .build()))
        .isInstanceOfSatisfying(TelegramApiRequestException.class, refused -> {
          assertThat(refused.getErrorCode()).isEqualTo(429);
          assertThat(refused.getParameters().getRetryAfter()).isEqualTo(1);
        });
    clock.advance(Duration.ofSeconds(1));
    assertThat(bot.client().execute(SendMessage.builder().chatId(ANNA.chatId()).text("later").build())
        .getText()).isEqualTo("later");
  }

  @Test
  void givenAnInvoice_whenUserPays_thenBotGetsPreCheckoutAndSuccessfulPayment() {
    startDemoBot(FloodLimits.telegram());
    ChatMessage buy = emulator.userSends(ANNA, "/buy");
    ChatMessage invoice = emulator.awaitMessageTo(ANNA.chatId(), buy.messageId(), WAIT);

    CheckoutResult result = emulator.userPays(ANNA, invoice.messageId(), WAIT);

    assertThat(invoice.invoice().currency()).isEqualTo("XTR");
    assertThat(invoice.invoice().totalAmount()).isEqualTo(50);
    assertThat(result.answer().ok()).isTrue();
    assertThat(result.payment()).get().extracting(message -> message.payment().invoicePayload())
        .isEqualTo("order-1");
    assertThat(emulator.awaitMessageTo(ANNA.chatId(), result.paymentMessage().messageId(), WAIT).text())
        .isEqualTo("Paid 50 stars");
  }

  @Test
  void givenAnInvoiceTheBotRefuses_whenUserPays_thenNoPaymentHappens() {
    startDemoBot(FloodLimits.telegram());
    ChatMessage buy = emulator.userSends(ANNA, "/buy bogus");
    ChatMessage invoice = emulator.awaitMessageTo(ANNA.chatId(), buy.messageId(), WAIT);

    CheckoutResult result = emulator.userPays(ANNA, invoice.messageId(), WAIT);

    assertThat(result.answer().ok()).isFalse();
    assertThat(result.answer().errorMessage()).isEqualTo("Unknown order");
    assertThat(result.payment()).isEmpty();
  }
}
