package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders users, chats and messages as the Bot API's JSON objects. */
final class MessageJson {

  private final ObjectMapper json;
  private final EmulatorSettings settings;

  MessageJson(ObjectMapper json, EmulatorSettings settings) {
    this.json = json;
    this.settings = settings;
  }

  ObjectNode bot() {
    ObjectNode bot = json.createObjectNode();
    bot.put("id", settings.botId());
    bot.put("is_bot", true);
    bot.put("first_name", settings.botName());
    bot.put("username", settings.botUsername());
    return bot;
  }

  ObjectNode user(EmulatedUser user) {
    ObjectNode node = json.createObjectNode();
    node.put("id", user.id());
    node.put("is_bot", false);
    node.put("first_name", user.firstName());
    if (user.username() != null) {
      node.put("username", user.username());
    }
    if (user.languageCode() != null) {
      node.put("language_code", user.languageCode());
    }
    return node;
  }

  /** A group the bot was added to (a negative id): a supergroup, as support chats are. */
  ObjectNode group(long chatId) {
    ObjectNode chat = json.createObjectNode();
    chat.put("id", chatId);
    chat.put("type", "supergroup");
    chat.put("title", "Group " + chatId);
    return chat;
  }

  ObjectNode chat(EmulatedUser user) {
    ObjectNode chat = json.createObjectNode();
    chat.put("id", user.chatId());
    chat.put("type", "private");
    chat.put("first_name", user.firstName());
    if (user.username() != null) {
      chat.put("username", user.username());
    }
    return chat;
  }

  ObjectNode message(ChatMessage message, EmulatedUser chatUser) {
    ObjectNode node = json.createObjectNode();
    node.put("message_id", message.messageId());
    node.set("from", message.fromBot() ? bot() : user(chatUser));
    node.set("chat", message.chatId() < 0 ? group(message.chatId()) : chat(chatUser));
    node.put("date", message.dateEpochSeconds());
    if (message.editCount() > 0) {
      node.put("edit_date", message.editDateEpochSeconds());
    }
    if (message.text() != null) {
      node.put("text", message.text());
      putEntities(node, "entities", message.entities());
    }
    if (message.caption() != null) {
      node.put("caption", message.caption());
      putEntities(node, "caption_entities", message.entities());
    }
    if (message.media() != null) {
      putMedia(node, message.media());
    }
    if (message.invoice() != null) {
      putInvoice(node, message.invoice());
    }
    if (message.payment() != null) {
      putPayment(node, message.payment());
    }
    if (message.keyboard() != null && message.keyboard().kind() == Keyboard.Kind.INLINE) {
      // Telegram returns only inline keyboards with the message; a reply keyboard belongs to the user's client.
      try {
        node.set("reply_markup", json.readTree(message.keyboard().json()));
      } catch (JsonProcessingException unreachable) {
        throw new IllegalStateException("a stored keyboard is valid JSON", unreachable);
      }
    }
    return node;
  }

  ArrayNode entities(List<TextEntity> entities) {
    ArrayNode array = json.createArrayNode();
    for (TextEntity entity : entities) {
      ObjectNode node = array.addObject();
      node.put("type", entity.type());
      node.put("offset", entity.offset());
      node.put("length", entity.length());
      if (entity.url() != null) {
        node.put("url", entity.url());
      }
      if (entity.language() != null) {
        node.put("language", entity.language());
      }
    }
    return array;
  }

  private void putEntities(ObjectNode node, String field, List<TextEntity> entities) {
    if (!entities.isEmpty()) {
      node.set(field, entities(entities));
    }
  }

  private void putMedia(ObjectNode node, Media media) {
    ObjectNode file = json.createObjectNode();
    file.put("file_id", media.fileId());
    file.put("file_unique_id", media.fileUniqueId());
    if (media.sizeBytes() > 0) {
      file.put("file_size", media.sizeBytes());
    }
    switch (media.kind()) {
      case PHOTO -> {
        file.put("width", media.width());
        file.put("height", media.height());
        node.putArray("photo").add(file);
      }
      case VIDEO -> {
        file.put("width", media.width());
        file.put("height", media.height());
        file.put("duration", media.durationSeconds());
        putNameAndType(file, media);
        node.set("video", file);
      }
      case DOCUMENT -> {
        putNameAndType(file, media);
        node.set("document", file);
      }
    }
  }

  private static void putNameAndType(ObjectNode file, Media media) {
    if (media.fileName() != null) {
      file.put("file_name", media.fileName());
    }
    if (media.mimeType() != null) {
      file.put("mime_type", media.mimeType());
    }
  }

  private void putInvoice(ObjectNode node, Invoice invoice) {
    ObjectNode object = node.putObject("invoice");
    object.put("title", invoice.title());
    object.put("description", invoice.description());
    object.put("start_parameter", invoice.startParameter() == null ? "" : invoice.startParameter());
    object.put("currency", invoice.currency());
    object.put("total_amount", invoice.totalAmount());
  }

  private void putPayment(ObjectNode node, SuccessfulPayment payment) {
    ObjectNode object = node.putObject(payment.refunded() ? "refunded_payment" : "successful_payment");
    object.put("currency", payment.currency());
    object.put("total_amount", payment.totalAmount());
    object.put("invoice_payload", payment.invoicePayload());
    object.put("telegram_payment_charge_id", payment.telegramPaymentChargeId());
    if (!payment.refunded() || !payment.providerPaymentChargeId().isEmpty()) {
      object.put("provider_payment_charge_id", payment.providerPaymentChargeId());
    }
  }
}
