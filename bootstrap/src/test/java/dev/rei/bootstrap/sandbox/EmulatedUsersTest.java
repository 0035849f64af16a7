package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What tests and the sandbox can do as users, and what a real Telegram client could not. */
class EmulatedUsersTest {

  private static final EmulatedUser ANNA = EmulatedUser.of(42, "Anna").withLanguage("en");

  private BotApiEmulator emulator;
  private RawBotApi api;

  @BeforeEach
  void start() {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken("123456:TEST-token"));
    api = new RawBotApi(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private int sendWithButtons(String... callbackData) {
    ObjectNode params = RawBotApi.params().put("chat_id", 42).put("text", "choose");
    var row = params.putObject("reply_markup").putArray("inline_keyboard").addArray();
    for (String data : callbackData) {
      row.addObject().put("text", data.toUpperCase()).put("callback_data", data);
    }
    return api.json("sendMessage", params).result().path("message_id").asInt();
  }

  private JsonNode nextUpdate() {
    JsonNode updates = api.json("getUpdates", RawBotApi.params().put("offset", -1)).result();
    return updates.get(updates.size() - 1);
  }

  @Test
  void givenACommand_whenTheUserSendsIt_thenItCarriesBotCommandEntitiesAndTheUsersLanguage() {
    ChatMessage sent = emulator.userSends(ANNA, "/start promo_7");

    JsonNode message = nextUpdate().path("message");
    assertThat(sent.entities()).containsExactly(TextEntity.of("bot_command", 0, 6));
    assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
    assertThat(message.path("from").path("language_code").asText()).isEqualTo("en");
    assertThat(message.path("chat").path("type").asText()).isEqualTo("private");
  }

  @Test
  void givenAButtonOnTheMessage_whenPressed_thenACallbackQueryWithThatMessage() {
    emulator.userSends(ANNA, "hi");
    int messageId = sendWithButtons("yes", "no");

    String queryId = emulator.userPresses(ANNA, messageId, "no");

    JsonNode query = nextUpdate().path("callback_query");
    assertThat(query.path("id").asText()).isEqualTo(queryId);
    assertThat(query.path("data").asText()).isEqualTo("no");
    assertThat(query.path("message").path("message_id").asInt()).isEqualTo(messageId);
    assertThat(query.path("chat_instance").asText()).isNotEmpty();
  }

  @Test
  void givenNoSuchButton_whenPressed_thenTheEmulatorRefusesAsAClientCould() {
    emulator.userSends(ANNA, "hi");
    int messageId = sendWithButtons("yes");
    int pendingBefore = emulator.pendingUpdates();

    assertThatThrownBy(() -> emulator.userPresses(ANNA, messageId, "price=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no inline button");
    assertThatThrownBy(() -> emulator.userPresses(ANNA, 999, "yes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.userPresses(EmulatedUser.of(43), messageId, "yes"))
        .as("another user's chat").isInstanceOf(IllegalArgumentException.class);
    assertThat(emulator.pendingUpdates()).isEqualTo(pendingBefore);
  }

  @Test
  void givenAKeyboardEditedAway_whenTheOldButtonIsPressed_thenRefused() {
    emulator.userSends(ANNA, "hi");
    int messageId = sendWithButtons("confirm");
    api.json("editMessageText", RawBotApi.params().put("chat_id", 42).put("message_id", messageId)
        .put("text", "confirmed"));

    assertThatThrownBy(() -> emulator.userPresses(ANNA, messageId, "confirm"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAForgedPress_whenSent_thenTheBotReceivesDataNoButtonCarries() {
    emulator.userSends(ANNA, "hi");
    int messageId = sendWithButtons("buy:1");

    emulator.userPressesForged(ANNA, messageId, "buy:1:price=0");
    JsonNode forgedOnMessage = nextUpdate().path("callback_query");
    emulator.userPressesForged(ANNA, 777, "admin:add:1000");
    JsonNode forgedOnNothing = nextUpdate().path("callback_query");

    assertThat(forgedOnMessage.path("data").asText()).isEqualTo("buy:1:price=0");
    assertThat(forgedOnNothing.path("message").path("date").asInt()).as("an inaccessible message").isZero();
    assertThat(forgedOnNothing.path("message").path("message_id").asInt()).isEqualTo(777);
  }

  @Test
  void givenVideosAndDocuments_whenSentByTheUser_thenTheBotCanFetchThem() {
    byte[] video = new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};

    ChatMessage sent = emulator.userSendsVideo(ANNA, video, "clip");
    JsonNode update = nextUpdate().path("message");
    JsonNode file = api.json("getFile", RawBotApi.params().put("file_id", sent.media().fileId())).result();

    assertThat(update.path("video").path("mime_type").asText()).isEqualTo("video/mp4");
    assertThat(update.path("caption").asText()).isEqualTo("clip");
    assertThat(api.download(file.path("file_path").asText())).isEqualTo(video);
  }

  @Test
  void givenNoReply_whenAwaitingTheNextMessage_thenItTimesOutWithWhatTheChatHolds() {
    emulator.userSends(ANNA, "anyone there?");

    assertThatThrownBy(() -> emulator.awaitNextMessageTo(42, Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("anyone there?");
  }

  @Test
  void givenBothSides_whenTheyWrite_thenMessageIdsAreSharedInTheChat() {
    ChatMessage first = emulator.userSends(ANNA, "one");
    int botMessage = api.json("sendMessage", RawBotApi.params().put("chat_id", 42).put("text", "two")).result()
        .path("message_id").asInt();
    ChatMessage third = emulator.userSends(ANNA, "three");

    assertThat(first.messageId()).isEqualTo(1);
    assertThat(botMessage).isEqualTo(2);
    assertThat(third.messageId()).isEqualTo(3);
    assertThat(emulator.chatHistory(42)).extracting(ChatMessage::visibleText).containsExactly("one", "two", "three");
    assertThat(emulator.awaitMessageTo(42, 1, Duration.ofSeconds(1)).text()).isEqualTo("two");
  }

  @Test
  void givenAnUnansweredPreCheckout_whenCompletingThePayment_thenRefusedAsTelegramWould() {
    emulator.userSends(ANNA, "hi");
    ObjectNode invoice = RawBotApi.params().put("chat_id", 42).put("title", "Credits").put("description", "100")
        .put("payload", "order-1").put("currency", "XTR");
    invoice.putArray("prices").addObject().put("label", "a").put("amount", 10);
    int invoiceId = api.json("sendInvoice", invoice).result().path("message_id").asInt();

    String queryId = emulator.userPaysPreCheckout(ANNA, invoiceId);

    JsonNode query = nextUpdate().path("pre_checkout_query");
    assertThat(query.path("total_amount").asLong()).isEqualTo(10);
    assertThat(query.path("invoice_payload").asText()).isEqualTo("order-1");
    assertThatThrownBy(() -> emulator.userCompletesPayment(ANNA, queryId)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> emulator.userPaysPreCheckout(ANNA, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
