package dev.rei.adapters.telegram.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.OptionalLong;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Writes a Telegram {@link Update} into the inbox as JSON and reads it back, and finds the chat
 * whose order it belongs to.
 */
public final class UpdateCodec {

  private final ObjectMapper mapper = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  public String encode(Update update) {
    try {
      return mapper.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("update " + update.getUpdateId() + " cannot be written as JSON", e);
    }
  }

  public Update decode(String json) {
    try {
      return mapper.readValue(json, Update.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored update is not readable: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The chat an update belongs to: the message's chat, the chat of the message a button sits on,
   * or the user for queries with no chat (pre-checkout, inline). 0 when there is none; such
   * updates share one lane, which is fine for the rare kinds that have no chat.
   */
  public static long chatIdOf(Update update) {
    return firstChat(update).orElse(0L);
  }

  private static OptionalLong firstChat(Update update) {
    if (update.getMessage() != null) {
      return chatOf(update.getMessage());
    }
    if (update.getCallbackQuery() != null) {
      MaybeInaccessibleMessage message = update.getCallbackQuery().getMessage();
      if (message != null && message.getChat() != null) {
        return OptionalLong.of(message.getChat().getId());
      }
      return update.getCallbackQuery().getFrom() == null
          ? OptionalLong.empty() : OptionalLong.of(update.getCallbackQuery().getFrom().getId());
    }
    if (update.getPreCheckoutQuery() != null && update.getPreCheckoutQuery().getFrom() != null) {
      return OptionalLong.of(update.getPreCheckoutQuery().getFrom().getId());
    }
    if (update.getEditedMessage() != null) {
      return chatOf(update.getEditedMessage());
    }
    if (update.getMyChatMember() != null && update.getMyChatMember().getChat() != null) {
      return OptionalLong.of(update.getMyChatMember().getChat().getId());
    }
    if (update.getChatMember() != null && update.getChatMember().getChat() != null) {
      return OptionalLong.of(update.getChatMember().getChat().getId());
    }
    if (update.getChannelPost() != null) {
      return chatOf(update.getChannelPost());
    }
    if (update.getShippingQuery() != null && update.getShippingQuery().getFrom() != null) {
      return OptionalLong.of(update.getShippingQuery().getFrom().getId());
    }
    if (update.getInlineQuery() != null && update.getInlineQuery().getFrom() != null) {
      return OptionalLong.of(update.getInlineQuery().getFrom().getId());
    }
    if (update.getChatJoinRequest() != null && update.getChatJoinRequest().getChat() != null) {
      return OptionalLong.of(update.getChatJoinRequest().getChat().getId());
    }
    return OptionalLong.empty();
  }

  private static OptionalLong chatOf(Message message) {
    return message.getChat() == null ? OptionalLong.empty() : OptionalLong.of(message.getChat().getId());
  }
}
