package dev.rei.adapters.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.openai.OpenAiJson.ChatResponse;
import dev.rei.adapters.providers.openai.OpenAiJson.Choice;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what OpenAI answered: the script, or the failure class — by OpenAI's own error {@code
 * code} and {@code type} first, since HTTP 429 means both "slow down" ({@code
 * rate_limit_exceeded}) and "out of money" ({@code insufficient_quota}). See {@code
 * shared/reference/provider-apis.md} §4.
 */
final class OpenAiReplies {

  /** Codes of a prompt or an output OpenAI's moderation stopped: the user's text, not our account. */
  private static final Set<String> POLICY_CODES = Set.of("content_policy_violation", "content_filter",
      "invalid_prompt", "moderation_blocked");
  /** Codes of a key or an account that cannot be used until an admin acts. */
  private static final Set<String> KEY_CODES = Set.of("invalid_api_key", "account_deactivated",
      "unsupported_country_region_territory", "invalid_organization", "no_such_organization", "billing_not_active",
      "access_terminated");
  private static final int MAX_QUOTED = 300;

  private final ObjectMapper json;

  OpenAiReplies(ObjectMapper json) {
    this.json = json;
  }

  /** What a 2xx answer holds. */
  sealed interface Reading {

    record Script(String text, boolean truncated) implements Reading {}

    record Refused(Failure failure) implements Reading {}
  }

  Reading read(ChatResponse response) {
    if (response.choices() == null || response.choices().isEmpty() || response.choices().get(0) == null) {
      return refused(FailureClass.TEMPORARY, "OpenAI answered with no choice");
    }
    Choice choice = response.choices().get(0);
    String finishReason = choice.finishReason() == null ? "" : choice.finishReason().strip();
    String refusal = choice.message() == null ? null : choice.message().refusal();
    if (refusal != null && !refusal.isBlank()) {
      return refused(FailureClass.USER_VIOLATION, "OpenAI refused to write the script" + suffix(refusal));
    }
    if (finishReason.equals("content_filter")) {
      return refused(FailureClass.USER_VIOLATION, "OpenAI's content filter stopped the script");
    }
    String content = choice.message() == null || choice.message().content() == null ? "" : choice.message().content();
    String script = unwrap(content);
    if (script.isEmpty()) {
      // A reasoning model that spent its tokens thinking, or a glitch: another try may well work.
      return refused(FailureClass.TEMPORARY, "OpenAI answered with an empty script (finish reason "
          + (finishReason.isEmpty() ? "none" : finishReason) + ")");
    }
    return new Reading.Script(script, finishReason.equals("length"));
  }

  /** The failure a non-2xx answer means; {@code body} is at most a few kilobytes, possibly not JSON. */
  Failure classifyError(int httpCode, byte[] body) {
    JsonNode error = parseError(body);
    String code = error.path("code").asText("").strip().toLowerCase(Locale.ROOT);
    String type = error.path("type").asText("").strip().toLowerCase(Locale.ROOT);
    String message = error.path("message").asText("").strip();
    FailureClass failureClass = classify(httpCode, code, type, message.toLowerCase(Locale.ROOT));
    String text = "OpenAI HTTP " + httpCode + (code.isEmpty() ? "" : " " + code)
        + (type.isEmpty() || type.equals(code) ? "" : " (" + type + ")") + suffix(message);
    return Failure.of(failureClass, text);
  }

  private static FailureClass classify(int httpCode, String code, String type, String message) {
    if (code.equals("insufficient_quota") || type.equals("insufficient_quota")
        || code.equals("billing_hard_limit_reached")) {
      return FailureClass.BILLING;
    }
    if (POLICY_CODES.contains(code) || POLICY_CODES.contains(type)
        || (httpCode == 400 && message.contains("usage polic"))) {
      return FailureClass.USER_VIOLATION;
    }
    if (KEY_CODES.contains(code) || httpCode == 401 || httpCode == 403) {
      // A wrong, revoked or region-blocked key: no retry helps until an admin acts. FailureClass has
      // no "key invalid"; BILLING is the class that blocks the key and alerts the admins.
      return FailureClass.BILLING;
    }
    if (code.equals("rate_limit_exceeded") || type.equals("rate_limit_exceeded") || type.equals("requests")
        || type.equals("tokens") || httpCode == 429) {
      return FailureClass.RATE_LIMIT;
    }
    if (httpCode >= 500 || httpCode == 408 || httpCode == 409 || type.equals("server_error")) {
      return FailureClass.TEMPORARY;
    }
    // 400 (context length, a parameter the model does not take), 404 (a wrong model), anything new:
    // the same request fails again, and it is not clearly the user's fault.
    return FailureClass.UNKNOWN;
  }

  /** Strips what chat models wrap answers in: a code fence, quotes around the whole text. */
  static String unwrap(String content) {
    String text = content.strip();
    if (text.startsWith("```")) {
      int firstLine = text.indexOf('\n');
      text = firstLine < 0 ? "" : text.substring(firstLine + 1);
      if (text.endsWith("```")) {
        text = text.substring(0, text.length() - 3);
      }
      text = text.strip();
    }
    // Only quotes around the whole text: a prompt with quoted lines inside keeps them.
    if (text.length() >= 2 && text.startsWith("\"") && text.indexOf('"', 1) == text.length() - 1) {
      text = text.substring(1, text.length() - 1).strip();
    } else if (text.length() >= 2 && text.startsWith("«") && text.indexOf('»') == text.length() - 1) {
      text = text.substring(1, text.length() - 1).strip();
    }
    return text;
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

  static String suffix(String text) {
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
