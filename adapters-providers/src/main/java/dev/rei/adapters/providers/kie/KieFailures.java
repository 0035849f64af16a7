package dev.rei.adapters.providers.kie;

import dev.rei.domain.job.FailureClass;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Maps KIE's codes and words to failure classes. KIE reports errors both as HTTP statuses and as a
 * {@code code} inside HTTP 200 bodies, and a failed task's {@code failCode} is a free string, so
 * the words of {@code failMsg} decide first: content-policy wording is the user's photo or prompt,
 * whatever code comes with it. See {@code shared/reference/provider-apis.md} §3 and §7.
 */
final class KieFailures {

  /** Sora's and KIE's words for "the photo or the prompt breaks the rules" (and Sora's refusal of real faces). */
  private static final Pattern POLICY = Pattern.compile(
      "polic(y|ies)|safety|prohibited|moderat|inappropriate|sensitive|nsfw|violat|content.?filter|filtered"
          + "|flagged|guideline|not allowed|\\b(faces?|humans?|real (people|persons?)|minors?|celebrit(y|ies))\\b");
  private static final Pattern BILLING = Pattern.compile(
      "insufficient|credits? (are |is )?(not enough|exhausted|used up)|out of credits|balance|quota|arrears");
  private static final Pattern RATE_LIMIT = Pattern.compile("rate.?limit|too many|frequency|concurren");
  private static final Pattern TRANSIENT = Pattern.compile(
      "time.?out|timed out|internal|bad gateway|unavailable|maintenance|overload|busy|try again|\\b50[0234]\\b");

  private KieFailures() {}

  /**
   * The class of a failure KIE reported with {@code code} (an HTTP status, a body {@code code} or a
   * numeric {@code failCode}) and {@code message}.
   */
  static FailureClass classify(OptionalInt code, String message) {
    String words = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (POLICY.matcher(words).find()) {
      return FailureClass.USER_VIOLATION;
    }
    if (code.isPresent()) {
      switch (code.getAsInt()) {
        case 401, 403, 402, 433:
          // 401/403: a wrong or revoked key; 402: out of credits; 433: the sub-key's cap. No retry helps
          // until an admin acts; BILLING blocks the key and alerts the admins.
          return FailureClass.BILLING;
        case 429:
          return FailureClass.RATE_LIMIT;
        case 455, 500, 501, 502, 503, 504:
          return FailureClass.TEMPORARY;
        default:
          break;
      }
    }
    if (BILLING.matcher(words).find()) {
      return FailureClass.BILLING;
    }
    if (RATE_LIMIT.matcher(words).find()) {
      return FailureClass.RATE_LIMIT;
    }
    if (TRANSIENT.matcher(words).find()) {
      return FailureClass.TEMPORARY;
    }
    return FailureClass.UNKNOWN;
  }

  /** {@code text} as a number, if it is one ({@code failCode} comes as "500", 500 or "" ). */
  static OptionalInt code(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }
}
