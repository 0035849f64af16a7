package dev.rei.adapters.providers.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON of {@code POST /v1/chat/completions}, as far as the script writer uses it. */
final class OpenAiJson {

  private OpenAiJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChatRequest(
      String model, List<Message> messages, @JsonProperty("max_completion_tokens") Integer maxCompletionTokens) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(String role, String content, String refusal) {

    static Message of(String role, String content) {
      return new Message(role, content, null);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChatResponse(String id, String model, List<Choice> choices) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Choice(Integer index, Message message, @JsonProperty("finish_reason") String finishReason) {}
}
