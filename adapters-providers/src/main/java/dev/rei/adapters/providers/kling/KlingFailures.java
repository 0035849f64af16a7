package dev.rei.adapters.providers.kling;

import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import java.util.List;
import java.util.Locale;

/**
 * Kling's failures as Rei's failure classes — by Kling's own body {@code code} (reference §2
 * "Error codes"), because its HTTP status does not tell them apart: 429 is both "out of money"
 * (1101/1102) and "slow down" (1302/1303).
 *
 * <table>
 *   <caption>codes and classes</caption>
 *   <tr><th>code</th><th>meaning</th><th>class</th></tr>
 *   <tr><td>1000–1002</td><td>authentication failed, empty or invalid</td><td>BILLING: the key is unusable until an
 *       admin acts; BILLING blocks it and alerts</td></tr>
 *   <tr><td>1003, 1004</td><td>token not yet valid / expired</td><td>TEMPORARY: the next attempt mints a fresh
 *       token (a persistent one means a wrong clock)</td></tr>
 *   <tr><td>1100–1199</td><td>account exception, arrears, resource pack used up, no access to the model</td>
 *       <td>BILLING</td></tr>
 *   <tr><td>1200–1299</td><td>invalid parameters, method or resource (model)</td><td>UNKNOWN: our request or
 *       configuration, not the user's fault</td></tr>
 *   <tr><td>1300, 1301</td><td>platform strategy, content security policy</td><td>USER_VIOLATION</td></tr>
 *   <tr><td>1302, 1303</td><td>too fast, concurrency over the resource pack</td><td>RATE_LIMIT</td></tr>
 *   <tr><td>1304</td><td>IP whitelisting</td><td>BILLING: the account refuses this server until an admin acts</td>
 *       </tr>
 *   <tr><td>5000–5999</td><td>internal error, maintenance, timeout</td><td>TEMPORARY</td></tr>
 *   <tr><td>other</td><td></td><td>UNKNOWN</td></tr>
 * </table>
 *
 * <p>An answer without a readable code (a proxy's HTML page, a cut body) is classified by its
 * HTTP status: 5xx, 408 and 429 are TEMPORARY (429 alone cannot say which kind, and a retry is
 * safe), any other 4xx UNKNOWN, and a 2xx that is not the expected JSON TEMPORARY — Kling's own
 * answers parse, so a mangled one came from the way there.
 */
final class KlingFailures {

  static final int MAX_QUOTED = 300;

  /** Words Kling uses in {@code task_status_msg} when its moderation stopped a task. */
  private static final List<String> POLICY_WORDS = List.of("risk", "security", "sensitive", "policy", "violat",
      "moderation", "inappropriate", "illegal", "prohibited", "nsfw", "审核", "违规", "敏感");
  /** Words for an account that cannot pay for the task. */
  private static final List<String> BALANCE_WORDS = List.of("balance", "arrears", "resource pack", "insufficient",
      "quota", "欠费", "余额");

  private KlingFailures() {}

  /** The class of Kling's error {@code code}. */
  static FailureClass classOf(int code) {
    if (code >= 1000 && code <= 1002) {
      return FailureClass.BILLING;
    }
    if (code == 1003 || code == 1004) {
      return FailureClass.TEMPORARY;
    }
    if (code >= 1100 && code <= 1199) {
      return FailureClass.BILLING;
    }
    if (code == 1300 || code == 1301) {
      return FailureClass.USER_VIOLATION;
    }
    if (code == 1302 || code == 1303) {
      return FailureClass.RATE_LIMIT;
    }
    if (code == 1304) {
      return FailureClass.BILLING;
    }
    if (code >= 5000 && code <= 5999) {
      return FailureClass.TEMPORARY;
    }
    return FailureClass.UNKNOWN;
  }

  /** Whether {@code code} says the token itself was refused for its time, so a new one should be minted. */
  static boolean isStaleToken(int code) {
    return code == 1003 || code == 1004;
  }

  /** The failure an error answer with a code means. */
  static Failure ofCode(int httpCode, int code, String message) {
    return Failure.of(classOf(code), "Kling HTTP " + httpCode + " code " + code + quote(message));
  }

  /** The failure an answer without a readable code means. */
  static Failure ofHttpOnly(int httpCode, String what) {
    FailureClass failureClass = httpCode >= 500 || httpCode == 408 || httpCode == 429 || (httpCode >= 200
        && httpCode < 300) ? FailureClass.TEMPORARY : FailureClass.UNKNOWN;
    return Failure.of(failureClass, "Kling HTTP " + httpCode + ": " + what);
  }

  /**
   * The failure a task that ended {@code failed} means. Kling gives only free text: its moderation
   * is USER_VIOLATION, an unpaid account BILLING, anything else TEMPORARY — the generation just did
   * not come out, and another attempt usually does (the attempts are bounded, the credits returned
   * when they run out).
   */
  static Failure ofTask(String statusMessage) {
    String text = statusMessage == null ? "" : statusMessage;
    String lower = text.toLowerCase(Locale.ROOT);
    FailureClass failureClass = POLICY_WORDS.stream().anyMatch(lower::contains) ? FailureClass.USER_VIOLATION
        : BALANCE_WORDS.stream().anyMatch(lower::contains) ? FailureClass.BILLING : FailureClass.TEMPORARY;
    return Failure.of(failureClass, "Kling failed the task" + (text.isBlank() ? " without a reason" : quote(text)));
  }

  static String quote(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
    if (oneLine.length() <= MAX_QUOTED) {
      return ": " + oneLine;
    }
    int end = Character.isHighSurrogate(oneLine.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return ": " + oneLine.substring(0, end) + "…";
  }
}
