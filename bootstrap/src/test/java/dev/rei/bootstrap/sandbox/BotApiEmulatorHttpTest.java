package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bot API surface of the emulator over plain HTTP: routing, encodings, long polling, validation, edits. */
class BotApiEmulatorHttpTest {

  private static final EmulatedUser ANNA = EmulatedUser.of(42, "Anna");
  private static final String TOKEN = "123456:TEST-token";

  private BotApiEmulator emulator;
  private RawBotApi api;

  @BeforeEach
  void start() {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN).withFloodLimits(FloodLimits.off()));
    api = new RawBotApi(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static ObjectNode message(long chatId, String text) {
    ObjectNode params = RawBotApi.params();
    params.put("chat_id", chatId);
    params.put("text", text);
    return params;
  }

  @Test
  void givenAWrongToken_whenCalling_thenUnauthorized() {
    RawBotApi stranger = new RawBotApi(emulator.baseUrl(), "999:WRONG");

    RawBotApi.Answer answer = stranger.json("getMe", RawBotApi.params());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().path("error_code").asInt()).isEqualTo(401);
    assertThat(answer.description()).isEqualTo("Unauthorized");
  }

  @Test
  void givenAnUnknownMethod_whenCalling_thenNotFoundWithADescription() {
    RawBotApi.Answer answer = api.json("sendDice", message(42, "x"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.ok()).isFalse();
    assertThat(answer.description()).contains("sendDice");
    assertThat(emulator.callsOf("sendDice")).singleElement().extracting(RecordedCall::errorCode).isEqualTo(404);
  }

  @Test
  void givenAnyCaseOfAMethodName_whenCalling_thenTheSameMethodAnswers() {
    RawBotApi.Answer lower = api.json("getme", RawBotApi.params());
    RawBotApi.Answer upper = api.json("GETME", RawBotApi.params());

    assertThat(lower.result().path("id").asLong()).isEqualTo(123456);
    assertThat(lower.result().path("is_bot").asBoolean()).isTrue();
    assertThat(upper.ok()).isTrue();
    assertThat(emulator.callsOf("getMe")).hasSize(2).allSatisfy(call -> assertThat(call.method()).isEqualTo("getMe"));
  }

  @Test
  void givenFormEncodedAndQueryParameters_whenSending_thenTheyAreRead() {
    emulator.userSends(ANNA, "hi");

    RawBotApi.Answer form = api.form("sendMessage", Map.of("chat_id", "42", "text", "from a form",
        "reply_markup", "{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}"));
    RawBotApi.Answer query = api.get("/bot" + TOKEN + "/sendMessage?chat_id=42&text=from%20a%20query");

    assertThat(form.result().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data")
        .asText()).isEqualTo("go");
    assertThat(query.result().path("text").asText()).isEqualTo("from a query");
    assertThat(emulator.messagesTo(42)).extracting(ChatMessage::text).containsExactly("from a form", "from a query");
  }

  @Test
  void givenAMultipartUpload_whenSendingADocument_thenItCanBeFetchedWithGetFileAndDownloaded() {
    emulator.userSends(ANNA, "hi");
    byte[] pdf = "%PDF-1.4 a tiny document".getBytes(StandardCharsets.US_ASCII);

    RawBotApi.Answer sent = api.multipart("sendDocument", Map.of("chat_id", "42", "caption", "your receipt"),
        "document", "receipt.pdf", pdf);
    String fileId = sent.result().path("document").path("file_id").asText();
    RawBotApi.Answer file = api.json("getFile", RawBotApi.params().put("file_id", fileId));

    assertThat(sent.result().path("document").path("file_name").asText()).isEqualTo("receipt.pdf");
    assertThat(sent.result().path("caption").asText()).isEqualTo("your receipt");
    assertThat(api.download(file.result().path("file_path").asText())).isEqualTo(pdf);
    assertThat(emulator.callsOf("sendDocument").get(0).params().path("document").path("size").asInt())
        .isEqualTo(pdf.length);
  }

  @Test
  void givenAFileIdOrAUrl_whenSendingAPhoto_thenNoUploadIsNeeded() {
    ChatMessage userPhoto = emulator.userSendsPhoto(ANNA, TestImages.png(), null);

    RawBotApi.Answer byId = api.json("sendPhoto", RawBotApi.params().put("chat_id", 42)
        .put("photo", userPhoto.media().fileId()));
    RawBotApi.Answer byUrl = api.json("sendPhoto", RawBotApi.params().put("chat_id", 42)
        .put("photo", "https://example.com/cat.png"));
    RawBotApi.Answer unknown = api.json("sendPhoto", RawBotApi.params().put("chat_id", 42).put("photo", "nope"));
    RawBotApi.Answer wrongKind = api.json("sendVideo", RawBotApi.params().put("chat_id", 42)
        .put("video", userPhoto.media().fileId()));

    assertThat(byId.result().path("photo").get(0).path("file_id").asText()).isEqualTo(userPhoto.media().fileId());
    assertThat(byUrl.ok()).isTrue();
    assertThat(emulator.lastMessageTo(42)).get().extracting(message -> message.media().url())
        .isEqualTo("https://example.com/cat.png");
    assertThat(unknown.description()).isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
    assertThat(wrongKind.description()).isEqualTo("Bad Request: can't use file of type Photo as Video");
  }

  @Test
  void givenBytesThatAreNoImage_whenSendingThemAsAPhoto_thenTelegramRefusesThem() {
    emulator.userSends(ANNA, "hi");

    RawBotApi.Answer answer = api.multipart("sendPhoto", Map.of("chat_id", "42"), "photo", "x.png",
        new byte[] {1, 2, 3});

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.description()).isEqualTo("Bad Request: IMAGE_PROCESS_FAILED");
  }

  @Test
  void givenAWaitingLongPoll_whenAUserWrites_thenThePollReturnsTheUpdate() {
    CompletableFuture<RawBotApi.Answer> poll = CompletableFuture.supplyAsync(
        () -> api.json("getUpdates", RawBotApi.params().put("timeout", 30)));
    await().atMost(Duration.ofSeconds(5)).until(emulator::botIsPolling);

    emulator.userSends(ANNA, "wake up");

    RawBotApi.Answer answer = poll.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(answer.result()).hasSize(1);
    assertThat(answer.result().get(0).path("message").path("text").asText()).isEqualTo("wake up");
  }

  @Test
  void givenUpdates_whenPollingWithOffsetsAndLimits_thenConfirmedOnesAreGoneAndOthersRedelivered() {
    for (int i = 1; i <= 5; i++) {
      emulator.userSends(ANNA, "m" + i);
    }

    RawBotApi.Answer firstTwo = api.json("getUpdates", RawBotApi.params().put("limit", 2));
    RawBotApi.Answer again = api.json("getUpdates", RawBotApi.params().put("limit", 2));
    long secondId = firstTwo.result().get(1).path("update_id").asLong();
    RawBotApi.Answer rest = api.json("getUpdates", RawBotApi.params().put("offset", secondId + 1));
    RawBotApi.Answer lastOnly = api.json("getUpdates", RawBotApi.params().put("offset", -1));

    assertThat(firstTwo.result()).hasSize(2);
    assertThat(again.result()).as("unconfirmed updates come again").isEqualTo(firstTwo.result());
    assertThat(rest.result()).hasSize(3);
    assertThat(rest.result().get(0).path("message").path("text").asText()).isEqualTo("m3");
    assertThat(lastOnly.result()).singleElement()
        .satisfies(update -> assertThat(update.path("message").path("text").asText()).isEqualTo("m5"));
    assertThat(emulator.pendingUpdates()).isEqualTo(1);
  }

  @Test
  void givenAllowedUpdates_whenPolling_thenOtherTypesAreDropped() {
    emulator.userSends(ANNA, "/start");
    emulator.userPressesForged(ANNA, 1, "x");

    RawBotApi.Answer answer = api.json("getUpdates", RawBotApi.params()
        .set("allowed_updates", RawBotApi.params().arrayNode().add("callback_query")));

    assertThat(answer.result()).singleElement().satisfies(update -> assertThat(update.has("callback_query")).isTrue());
  }

  @Test
  void givenOneWaitingPoll_whenASecondPollerCalls_thenTheFirstGetsConflict() {
    CompletableFuture<RawBotApi.Answer> first = CompletableFuture.supplyAsync(
        () -> api.json("getUpdates", RawBotApi.params().put("timeout", 30)));
    await().atMost(Duration.ofSeconds(5)).until(emulator::botIsPolling);

    RawBotApi.Answer second = api.json("getUpdates", RawBotApi.params().put("timeout", 0));

    RawBotApi.Answer conflict = first.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(second.ok()).isTrue();
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.description()).startsWith("Conflict: terminated by other getUpdates request");
  }

  @Test
  void givenAnActiveWebhook_whenPolling_thenConflictUntilDeleteWebhook() {
    api.json("setWebhook", RawBotApi.params().put("url", "https://example.com/hook"));

    RawBotApi.Answer refused = api.json("getUpdates", RawBotApi.params());
    api.json("deleteWebhook", RawBotApi.params());
    RawBotApi.Answer allowed = api.json("getUpdates", RawBotApi.params());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(allowed.ok()).isTrue();
  }

  @Test
  void givenTextsOutsideTheLimits_whenSending_thenBadRequestsWithTelegramsWording() {
    emulator.userSends(ANNA, "hi");

    RawBotApi.Answer empty = api.json("sendMessage", message(42, ""));
    RawBotApi.Answer tooLong = api.json("sendMessage", message(42, "x".repeat(4097)));
    RawBotApi.Answer longest = api.json("sendMessage", message(42, "x".repeat(4096)));
    RawBotApi.Answer missingChat = api.json("sendMessage", RawBotApi.params().put("text", "x"));
    RawBotApi.Answer unknownChat = api.json("sendMessage", message(77, "x"));

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.description()).isEqualTo("Bad Request: message text is empty");
    assertThat(tooLong.description()).isEqualTo("Bad Request: message is too long");
    assertThat(longest.ok()).isTrue();
    assertThat(missingChat.description()).isEqualTo("Bad Request: chat_id is empty");
    assertThat(unknownChat.description()).isEqualTo("Bad Request: chat not found");
  }

  @Test
  void givenCallbackDataOver64Bytes_whenSending_thenButtonDataInvalid() {
    emulator.userSends(ANNA, "hi");
    ObjectNode tooLong = message(42, "pick");
    // 33 characters, but 65 bytes: Cyrillic letters take two bytes each in UTF-8.
    tooLong.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
        .put("text", "x").put("callback_data", "ж".repeat(32) + "a");
    ObjectNode exactly64 = message(42, "pick");
    exactly64.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
        .put("text", "x").put("callback_data", "d".repeat(64));
    ObjectNode textOnly = message(42, "pick");
    textOnly.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject().put("text", "x");

    assertThat(api.json("sendMessage", tooLong).description()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
    assertThat(api.json("sendMessage", exactly64).ok()).isTrue();
    assertThat(api.json("sendMessage", textOnly).description())
        .isEqualTo("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }

  @Test
  void givenUnescapedMarkup_whenSendingWithAParseMode_thenCantParseEntities() {
    emulator.userSends(ANNA, "hi");

    RawBotApi.Answer html = api.json("sendMessage", message(42, "a <prompt> b").put("parse_mode", "HTML"));
    RawBotApi.Answer markdown = api.json("sendMessage", message(42, "Price: 1.5").put("parse_mode", "MarkdownV2"));

    assertThat(html.description())
        .isEqualTo("Bad Request: can't parse entities: Unsupported start tag \"prompt\" at byte offset 2");
    assertThat(markdown.description()).isEqualTo(
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
  }

  @Test
  void givenASentMessage_whenEditing_thenVersionsAreKeptAndAnIdenticalEditIsNotModified() {
    emulator.userSends(ANNA, "hi");
    ObjectNode withButton = message(42, "Working… 10%");
    withButton.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
        .put("text", "Cancel").put("callback_data", "cancel");
    int messageId = api.json("sendMessage", withButton).result().path("message_id").asInt();
    ObjectNode edit = withButton.deepCopy().put("message_id", messageId).put("text", "Working… 50%");

    RawBotApi.Answer edited = api.json("editmessagetext", edit);
    RawBotApi.Answer same = api.json("editMessageText", edit);
    RawBotApi.Answer markupOnly = api.json("editMessageReplyMarkup", RawBotApi.params().put("chat_id", 42)
        .put("message_id", messageId));
    RawBotApi.Answer missing = api.json("editMessageText", edit.deepCopy().put("message_id", 999));
    RawBotApi.Answer usersMessage = api.json("editMessageText", edit.deepCopy().put("message_id", 1));

    assertThat(edited.result().path("text").asText()).isEqualTo("Working… 50%");
    assertThat(edited.result().has("edit_date")).isTrue();
    assertThat(same.description()).startsWith("Bad Request: message is not modified");
    assertThat(markupOnly.result().has("reply_markup")).isFalse();
    assertThat(missing.description()).isEqualTo("Bad Request: message to edit not found");
    assertThat(usersMessage.description()).isEqualTo("Bad Request: message can't be edited");
    assertThat(emulator.timeline(42)).filteredOn(ChatMessage::fromBot)
        .extracting(ChatMessage::text, ChatMessage::editCount)
        .containsExactly(
            tuple("Working… 10%", 0),
            tuple("Working… 50%", 1),
            tuple("Working… 50%", 2));
  }

  @Test
  void givenAMessage_whenDeletedTwice_thenTheSecondDeletionFindsNothing() {
    emulator.userSends(ANNA, "hi");
    int messageId = api.json("sendMessage", message(42, "bye")).result().path("message_id").asInt();
    ObjectNode delete = RawBotApi.params().put("chat_id", 42).put("message_id", messageId);

    RawBotApi.Answer first = api.json("deleteMessage", delete);
    RawBotApi.Answer second = api.json("deleteMessage", delete);

    assertThat(first.result().asBoolean()).isTrue();
    assertThat(second.description()).isEqualTo("Bad Request: message to delete not found");
    assertThat(emulator.messagesTo(42)).isEmpty();
    assertThat(emulator.message(42, messageId)).get().extracting(ChatMessage::deleted).isEqualTo(true);
  }

  @Test
  void givenAUserWhoBlockedTheBot_whenSending_thenForbiddenUntilTheyWriteAgain() {
    emulator.userSends(ANNA, "hi");
    emulator.userBlocksBot(ANNA);

    RawBotApi.Answer blocked = api.json("sendMessage", message(42, "news"));
    emulator.userSends(ANNA, "/start");
    RawBotApi.Answer after = api.json("sendMessage", message(42, "welcome back"));

    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");
    assertThat(after.ok()).isTrue();
  }

  @Test
  void givenCommandsAndChatActions_whenSet_thenTheyAreKept() {
    emulator.userSends(ANNA, "hi");
    ObjectNode commands = RawBotApi.params().put("language_code", "en");
    commands.putArray("commands").addObject().put("command", "start").put("description", "Main menu");

    assertThat(api.json("setMyCommands", commands).ok()).isTrue();
    assertThat(api.json("sendChatAction", RawBotApi.params().put("chat_id", 42).put("action", "upload_photo")).ok())
        .isTrue();
    assertThat(api.json("sendChatAction", RawBotApi.params().put("chat_id", 42).put("action", "dancing"))
        .description()).isEqualTo("Bad Request: wrong parameter action in request");
    assertThat(emulator.myCommands("en")).containsExactly(new BotCommand("start", "Main menu"));
    assertThat(emulator.myCommands("")).isEmpty();
  }

  @Test
  void givenAPress_whenAnsweredTwice_thenTheSecondAnswerIsRefused() {
    emulator.userSends(ANNA, "hi");
    ObjectNode withButton = message(42, "pick");
    withButton.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
        .put("text", "Go").put("callback_data", "go");
    int messageId = api.json("sendMessage", withButton).result().path("message_id").asInt();
    String queryId = emulator.userPresses(ANNA, messageId, "go");
    ObjectNode answer = RawBotApi.params().put("callback_query_id", queryId).put("text", "Done");

    assertThat(api.json("answerCallbackQuery", answer).ok()).isTrue();
    assertThat(api.json("answerCallbackQuery", answer).description())
        .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
    assertThat(emulator.callbackAnswers()).containsExactly(new CallbackAnswer(queryId, 42, "Done", false));
  }

  @Test
  void givenAStarsInvoice_whenMalformed_thenRefused() {
    emulator.userSends(ANNA, "hi");
    ObjectNode invoice = RawBotApi.params().put("chat_id", 42).put("title", "Credits").put("description", "100")
        .put("payload", "order-1").put("currency", "XTR");
    invoice.putArray("prices").addObject().put("label", "a").put("amount", 10);
    ObjectNode twoPrices = invoice.deepCopy();
    twoPrices.withArray("prices").addObject().put("label", "b").put("amount", 5);

    assertThat(api.json("sendInvoice", invoice).result().path("invoice").path("total_amount").asLong()).isEqualTo(10);
    assertThat(api.json("sendInvoice", twoPrices).description()).isEqualTo("Bad Request: STARS_INVOICE_INVALID");
    assertThat(api.json("sendInvoice", invoice.deepCopy().put("title", "x".repeat(33))).description())
        .isEqualTo("Bad Request: INVOICE_TITLE_INVALID");
  }

  @Test
  void givenAPaidInvoice_whenRefunded_thenARefundMessageArrivesAndASecondRefundIsRefused() {
    emulator.userSends(ANNA, "hi");
    ObjectNode invoice = RawBotApi.params().put("chat_id", 42).put("title", "Credits").put("description", "100")
        .put("payload", "order-1").put("currency", "XTR");
    invoice.putArray("prices").addObject().put("label", "a").put("amount", 10);
    int invoiceId = api.json("sendInvoice", invoice).result().path("message_id").asInt();
    String queryId = emulator.userPaysPreCheckout(ANNA, invoiceId);
    api.json("answerPreCheckoutQuery", RawBotApi.params().put("pre_checkout_query_id", queryId).put("ok", true));
    ChatMessage paid = emulator.userCompletesPayment(ANNA, queryId);
    ObjectNode refund = RawBotApi.params().put("user_id", 42)
        .put("telegram_payment_charge_id", paid.payment().telegramPaymentChargeId());

    assertThat(api.json("refundStarPayment", refund).ok()).isTrue();
    assertThat(api.json("refundStarPayment", refund).description()).isEqualTo("Bad Request: CHARGE_ALREADY_REFUNDED");
    assertThat(emulator.chatHistory(42)).last().extracting(message -> message.payment().refunded()).isEqualTo(true);
  }

  @Test
  void givenAPreCheckoutQuery_whenTheBotAnswersAfterTenSeconds_thenTheAnswerIsTooLate() {
    MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    try (BotApiEmulator timed = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN).withClock(clock))) {
      RawBotApi timedApi = new RawBotApi(timed);
      timed.userSends(ANNA, "hi");
      ObjectNode invoice = RawBotApi.params().put("chat_id", 42).put("title", "Credits").put("description", "100")
          .put("payload", "order-1").put("currency", "XTR");
      invoice.putArray("prices").addObject().put("label", "a").put("amount", 10);
      int invoiceId = timedApi.json("sendInvoice", invoice).result().path("message_id").asInt();
      String queryId = timed.userPaysPreCheckout(ANNA, invoiceId);

      clock.advance(Duration.ofSeconds(11));
      RawBotApi.Answer late = timedApi.json("answerPreCheckoutQuery",
          RawBotApi.params().put("pre_checkout_query_id", queryId).put("ok", true));

      assertThat(late.description())
          .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
      assertThat(timed.preCheckoutAnswers()).isEmpty();
    }
  }

  @Test
  void givenAMalformedJsonBody_whenCalling_thenBadRequestAndTheEmulatorKeepsServing() {
    RawBotApi.Answer broken = api.rawJson("sendMessage", "{\"chat_id\": 42, \"text\": ");
    RawBotApi.Answer notAnObject = api.rawJson("sendMessage", "[1, 2]");
    RawBotApi.Answer garbage = api.form("sendMessage", Map.of("chat_id", "x", "text", "y"));

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.description()).startsWith("Bad Request: can't parse JSON encoded request");
    assertThat(notAnObject.description()).isEqualTo("Bad Request: JSON encoded request must be an object");
    assertThat(garbage.description()).isEqualTo("Bad Request: chat not found");
    assertThat(api.json("getMe", RawBotApi.params()).ok()).isTrue();
  }

  @Test
  void givenATruncatedMultipartBody_whenSending_thenBadRequest() {
    emulator.userSends(ANNA, "hi");

    RawBotApi.Answer truncated = api.rawBody("sendPhoto", "multipart/form-data; boundary=xyz",
        "--xyz\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42");
    RawBotApi.Answer noBoundary = api.rawBody("sendPhoto", "multipart/form-data", "whatever");

    assertThat(truncated.description()).isEqualTo("Bad Request: can't parse multipart/form-data request");
    assertThat(noBoundary.description()).isEqualTo("Bad Request: multipart/form-data request without a boundary");
    assertThat(emulator.messagesTo(42)).isEmpty();
  }

  @Test
  void givenAPhotoOverTenMegabytes_whenUploaded_thenRequestEntityTooLarge() {
    emulator.userSends(ANNA, "hi");

    RawBotApi.Answer answer = api.multipart("sendPhoto", Map.of("chat_id", "42"), "photo", "huge.png",
        new byte[10 * 1024 * 1024 + 1]);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.description()).isEqualTo("Request Entity Too Large");
  }

  @Test
  void givenAReplyKeyboard_whenTheMessageIsEdited_thenTheKeyboardStaysAndIsNotEchoed() {
    emulator.userSends(ANNA, "hi");
    ObjectNode menu = message(42, "Menu");
    menu.putObject("reply_markup").putArray("keyboard").addArray().add("🖼 Image").addObject().put("text", "👤 Account");
    RawBotApi.Answer sent = api.json("sendMessage", menu);
    int messageId = sent.result().path("message_id").asInt();

    api.json("editMessageText", message(42, "Main menu").put("message_id", messageId));

    assertThat(sent.result().has("reply_markup")).isFalse();
    assertThat(emulator.message(42, messageId)).get().satisfies(message -> {
      assertThat(message.text()).isEqualTo("Main menu");
      assertThat(message.keyboard().kind()).isEqualTo(Keyboard.Kind.REPLY);
      assertThat(message.buttonTexts()).containsExactly("🖼 Image", "👤 Account");
    });
  }

  @Test
  void givenConcurrentSenders_whenTheyWriteToOneChat_thenEveryMessageGetsItsOwnId() {
    emulator.userSends(ANNA, "hi");

    List<CompletableFuture<RawBotApi.Answer>> sends = IntStream.range(0, 40)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.json("sendMessage", message(42, "m" + i))))
        .toList();

    Set<Integer> ids = sends.stream()
        .map(CompletableFuture::join)
        .map(answer -> answer.result().path("message_id").asInt())
        .collect(Collectors.toSet());
    assertThat(ids).hasSize(40).doesNotContain(1);
    assertThat(emulator.messagesTo(42)).hasSize(40);
  }

  @Test
  void givenAWaitingPoll_whenTheEmulatorCloses_thenThePollIsAnsweredAndNothingKeepsWaiting() {
    BotApiEmulator closing = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN));
    RawBotApi closingApi = new RawBotApi(closing);
    CompletableFuture<RawBotApi.Answer> poll = CompletableFuture.supplyAsync(
        () -> closingApi.json("getUpdates", RawBotApi.params().put("timeout", 60)));
    await().atMost(Duration.ofSeconds(5)).until(closing::botIsPolling);

    closing.close();

    RawBotApi.Answer answer = poll.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(answer.ok()).isTrue();
    assertThat(answer.result()).isEmpty();
    assertThat(closing.isRunning()).isFalse();
    assertThat(closing.awaitTimeline(42, 0, Duration.ofSeconds(30))).isEmpty();
  }
}
