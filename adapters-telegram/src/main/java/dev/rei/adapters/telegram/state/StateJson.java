package dev.rei.adapters.telegram.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * How the adapter's small states (conversations, buttons, orders) are written into the
 * {@code ChatStateStore}: JSON, reading leniently so a state written by an older or newer version
 * still reads, and an unreadable one reads as absent rather than breaking the chat.
 */
public final class StateJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private StateJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write state " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> Optional<T> read(String json, Class<T> type) {
    try {
      return Optional.ofNullable(MAPPER.readValue(json, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
