package dev.rei.adapters.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.gemini.GeminiJson.Candidate;
import dev.rei.adapters.providers.gemini.GeminiJson.GenerateContentResponse;
import dev.rei.adapters.providers.gemini.GeminiJson.Part;
import dev.rei.adapters.providers.gemini.GeminiJson.PromptFeedback;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what Gemini answered: the image to keep, or the failure class — by Gemini's own {@code
 * error.status}, error details, block and finish reasons, with the HTTP code only as a fallback
 * (an invalid key, for one, comes back as HTTP 400 INVALID_ARGUMENT with reason API_KEY_INVALID).
 * See {@code shared/reference/provider-apis.md} §1.
 */
final class GeminiReplies {

  /** Output stopped because of what the prompt asked for or the photos showed. */
  private static final Set<String> POLICY_FINISH_REASONS = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII",
      "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "RECITATION", "IMAGE_RECITATION");
  /** The Developer API and Vertex spell "no block reason" differently. */
  private static final Set<String> UNSET_BLOCK_REASONS = Set.of("", "BLOCK_REASON_UNSPECIFIED",
      "BLOCKED_REASON_UNSPECIFIED");
  private static final Set<String> KEY_REJECTED_REASONS = Set.of("API_KEY_INVALID", "API_KEY_EXPIRED",
      "API_KEY_SERVICE_BLOCKED", "API_KEY_HTTP_REFERRER_BLOCKED", "API_KEY_IP_ADDRESS_BLOCKED");
  private static final Set<String> TRANSIENT_STATUSES = Set.of("INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED",
      "ABORTED", "CANCELLED", "UNKNOWN");
  private static final Pattern IMAGE_MIME_TYPE = Pattern.compile("image/[a-z0-9][a-z0-9.+-]{0,40}");
  private static final int MAX_QUOTED = 300;

  private final ObjectMapper json;

  GeminiReplies(ObjectMapper json) {
    this.json = json;
  }

  /** What a 2xx answer holds. */
  sealed interface Reading {

    record Image(String mimeType, byte[] data) implements Reading {}

    record Refused(Failure failure) implements Reading {}
  }

  /**
   * The first final image of the first candidate, unless the prompt was blocked or the output was
   * stopped for policy reasons. Interim "thought" images are drafts and never the result.
   */
  Reading read(GenerateContentResponse response) {
    PromptFeedback feedback = response.promptFeedback();
    String blockReason = feedback == null || feedback.blockReason() == null ? "" : feedback.blockReason().strip();
    if (!UNSET_BLOCK_REASONS.contains(blockReason)) {
      // Any reason, known or new, means Gemini refused the prompt itself: the user's content, not our fault.
      return refused(FailureClass.USER_VIOLATION, "Gemini blocked the prompt: " + blockReason
          + suffix(feedback.blockReasonMessage()));
    }
    List<Candidate> candidates = response.candidates() == null ? List.of() : response.candidates();
    if (candidates.isEmpty() || candidates.get(0) == null) {
      return refused(FailureClass.TEMPORARY, "Gemini answered with no candidate and no block reason");
    }
    Candidate candidate = candidates.get(0);
    String finishReason = candidate.finishReason() == null ? "" : candidate.finishReason().strip();
    if (POLICY_FINISH_REASONS.contains(finishReason)) {
      return refused(FailureClass.USER_VIOLATION, "Gemini stopped the output: " + finishReason
          + suffix(candidate.finishMessage()));
    }
    List<Part> parts = candidate.content() == null || candidate.content().parts() == null
        ? List.of()
        : candidate.content().parts();
    List<String> texts = new ArrayList<>();
    for (Part part : parts) {
      if (part == null || part.isThought()) {
        continue;
      }
      if (part.inlineData() != null && part.inlineData().data() != null && part.inlineData().data().length > 0) {
        String mimeType = part.inlineData().mimeType() == null
            ? ""
            : part.inlineData().mimeType().strip().toLowerCase(Locale.ROOT);
        if (IMAGE_MIME_TYPE.matcher(mimeType).matches()) {
          return new Reading.Image(mimeType, part.inlineData().data());
        }
      }
      if (part.text() != null && !part.text().isBlank()) {
        texts.add(part.text().strip());
      }
    }
    // STOP with only text (a refusal or chatter), NO_IMAGE, IMAGE_OTHER, OTHER, MAX_TOKENS…: Gemini
    // produced nothing, for no policy reason it would name. The reference's advice is "refund, one
    // more try is reasonable": TEMPORARY retries with back-off and returns the credits when retries run out.
    return refused(FailureClass.TEMPORARY, "Gemini answered without an image (finish reason "
        + (finishReason.isEmpty() ? "none" : finishReason) + ")"
        + suffix(texts.isEmpty() ? candidate.finishMessage() : String.join(" ", texts)));
  }

  /** The failure a non-2xx answer means; {@code body} is at most a few kilobytes, possibly not JSON. */
  Failure classifyError(int httpCode, byte[] body) {
    JsonNode error = parseError(body);
    String status = error.path("status").asText("").strip().toUpperCase(Locale.ROOT);
    String message = error.path("message").asText("").strip();
    List<String> reasons = new ArrayList<>();
    List<String> quotas = new ArrayList<>();
    for (JsonNode detail : error.path("details")) {
      String reason = detail.path("reason").asText("");
      if (!reason.isEmpty()) {
        reasons.add(reason.toUpperCase(Locale.ROOT));
      }
      for (JsonNode violation : detail.path("violations")) {
        String quota = violation.path("quotaId").asText(violation.path("quotaMetric").asText(""));
        if (!quota.isEmpty()) {
          quotas.add(quota);
        }
      }
    }
    FailureClass failureClass = classify(httpCode, status, message, reasons, quotas);
    String text = "Gemini HTTP " + httpCode + (status.isEmpty() ? "" : " " + status) + suffix(message)
        + (quotas.isEmpty() ? "" : " [quota " + String.join(", ", quotas) + "]");
    return Failure.of(failureClass, text);
  }

  private static FailureClass classify(
      int httpCode, String status, String message, List<String> reasons, List<String> quotas) {
    String lowerMessage = message.toLowerCase(Locale.ROOT);
    if (reasons.stream().anyMatch(KEY_REJECTED_REASONS::contains) || lowerMessage.contains("api key not valid")
        || lowerMessage.contains("api key expired") || status.equals("UNAUTHENTICATED")
        || status.equals("PERMISSION_DENIED") || httpCode == 401 || httpCode == 403) {
      // The key is wrong, expired or not allowed: no retry helps until an admin acts. FailureClass has
      // no "key invalid"; BILLING is the class that blocks the key and alerts the admins.
      return FailureClass.BILLING;
    }
    if (status.equals("RESOURCE_EXHAUSTED") || httpCode == 429) {
      // A daily quota stays exhausted until midnight Pacific time, and a quota of 0 (a free tier
      // without image models) forever: both mean our account, not our pace.
      boolean sticky = quotas.stream().map(q -> q.toLowerCase(Locale.ROOT))
          .anyMatch(q -> q.contains("perday") || q.contains("per_day")) || lowerMessage.contains("limit: 0");
      return sticky ? FailureClass.BILLING : FailureClass.RATE_LIMIT;
    }
    if (status.equals("FAILED_PRECONDITION")) {
      // "Enable billing" or "user location is not supported": the account cannot be used as it is.
      return FailureClass.BILLING;
    }
    if (TRANSIENT_STATUSES.contains(status) || httpCode >= 500 || httpCode == 408) {
      return FailureClass.TEMPORARY;
    }
    // INVALID_ARGUMENT (a request we built wrong, or a photo Gemini cannot read), NOT_FOUND (a wrong
    // model id), anything new: retrying the same request cannot help, and it is not clearly the
    // user's fault — USER_VIOLATION would count towards a ban.
    return FailureClass.UNKNOWN;
  }

  private JsonNode parseError(byte[] body) {
    try {
      JsonNode root = json.readTree(body);
      return root == null ? json.missingNode() : root.path("error");
    } catch (IOException e) {
      // A proxy's HTML page or a cut body: classify by the HTTP code alone.
      return json.missingNode();
    }
  }

  private static Reading refused(FailureClass failureClass, String message) {
    return new Reading.Refused(Failure.of(failureClass, message));
  }

  private static String suffix(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= MAX_QUOTED) {
      return ": " + oneLine;
    }
    int end = Character.isHighSurrogate(oneLine.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return ": " + oneLine.substring(0, end) + "…";
  }
}
