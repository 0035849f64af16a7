package dev.rei.adapters.providers.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON of {@code models/{model}:generateContent}, as far as image generation uses it. Field
 * names are the REST API's camelCase; unknown fields are ignored, since Google adds them often.
 */
final class GeminiJson {

  private GeminiJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GenerateContentRequest(List<Content> contents, GenerationConfig generationConfig) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Content(String role, List<Part> parts) {}

  /**
   * One part: text or inline bytes (Jackson writes and reads {@code byte[]} as base64). {@code
   * thought} marks Gemini 3's interim "thinking" images, which are drafts, not the result.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Part(String text, InlineData inlineData, Boolean thought) {

    static Part text(String text) {
      return new Part(text, null, null);
    }

    static Part inline(String mimeType, byte[] data) {
      return new Part(null, new InlineData(mimeType, data), null);
    }

    boolean isThought() {
      return Boolean.TRUE.equals(thought);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  record InlineData(String mimeType, byte[] data) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GenerationConfig(List<String> responseModalities, ImageConfig imageConfig) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ImageConfig(String aspectRatio, String imageSize) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record GenerateContentResponse(
      List<Candidate> candidates, PromptFeedback promptFeedback, String modelVersion, String responseId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Candidate(Content content, String finishReason, String finishMessage) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PromptFeedback(String blockReason, String blockReasonMessage) {}
}
