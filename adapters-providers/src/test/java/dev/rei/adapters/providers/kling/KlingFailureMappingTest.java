package dev.rei.adapters.providers.kling;

import static dev.rei.adapters.providers.kling.KlingVideoProviderTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.FailureClass;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Kling error code of the reference, and malformed answers, as failure classes of a submit. */
class KlingFailureMappingTest extends KlingTestServer {

  @ParameterizedTest(name = "HTTP {0} code {1} → {2}")
  @CsvSource({
      "401, 1000, BILLING", "401, 1001, BILLING", "401, 1002, BILLING",
      "401, 1003, TEMPORARY", "401, 1004, TEMPORARY",
      "429, 1100, BILLING", "429, 1101, BILLING", "429, 1102, BILLING", "403, 1103, BILLING",
      "400, 1200, UNKNOWN", "400, 1201, UNKNOWN", "404, 1202, UNKNOWN", "404, 1203, UNKNOWN",
      "400, 1300, USER_VIOLATION", "400, 1301, USER_VIOLATION",
      "429, 1302, RATE_LIMIT", "429, 1303, RATE_LIMIT", "429, 1304, BILLING",
      "500, 5000, TEMPORARY", "503, 5001, TEMPORARY", "504, 5002, TEMPORARY",
      "400, 1999, UNKNOWN", "418, 42, UNKNOWN"})
  void givenKlingsErrorCode_submit_failsWithItsClass(int http, int code, FailureClass expected) {
    server.enqueue(error(http, code, "as documented"));

    Outcome outcome = submitText("a fox");

    assertFailed(outcome, expected, "code " + code);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains("HTTP " + http).contains("as documented");
  }

  @Test
  void theBodyCode_decides_notTheHttpStatus() {
    // Kling's 429 is both "out of money" and "slow down"; a 200 may carry an error code too.
    server.enqueue(error(429, 1102, "Resource pack depleted or expired"));
    server.enqueue(error(429, 1303, "parallel task over resource pack limit"));
    server.enqueue(error(200, 1301, "content security policy"));

    assertFailed(submitText("a fox"), FailureClass.BILLING, "1102");
    assertFailed(submitText("a fox"), FailureClass.RATE_LIMIT, "1303");
    assertFailed(submitText("a fox"), FailureClass.USER_VIOLATION, "1301");
  }

  @Test
  void aCodeWrittenAsText_isReadToo() {
    server.enqueue(json(429, "{\"code\":\"1101\",\"message\":\"Account in arrears\"}"));

    assertFailed(submitText("a fox"), FailureClass.BILLING, "code 1101");
  }

  @ParameterizedTest(name = "HTTP {0} with \"{1}\" → {2}")
  @CsvSource(delimiter = '|', value = {
      "502 | <html><body>Bad Gateway</body></html> | TEMPORARY",
      "429 | Too Many Requests | TEMPORARY",
      "404 | <html>Not Found</html> | UNKNOWN",
      "200 | {\"code\":0,\"message\":\"SUCCEED\"} | TEMPORARY",
      "200 | {\"message\":\"no code here\",\"data\":{}} | TEMPORARY",
      "200 | {\"code\":0,\"data\":{\"task_status\":\"submitted\"}} | TEMPORARY",
      "200 | {\"code\":0,\"data\":{\"task_id\":\"../../x\"}} | TEMPORARY",
      "200 | [1,2,3] | TEMPORARY",
      "200 | {\"code\":0,\"data\":{\"task_id\":\"12 | TEMPORARY",
      "500 | '' | TEMPORARY",
      "400 | {\"code\":1.5} | UNKNOWN"})
  void givenAMalformedAnswer_submit_failsWithAClearReason(int http, String body, FailureClass expected) {
    server.enqueue(json(http, body));

    Outcome outcome = submitText("a fox");

    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(expected);
    assertThat(((Outcome.Failed) outcome).failure().message()).startsWith("Kling");
  }

  @Test
  void givenTheConnectionDrops_orNoAnswerComes_submit_failsTemporary() {
    provider.close();
    provider = new KlingVideoProvider(settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300),
        Duration.ofSeconds(1)), media, clock);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertFailed(submitText("a fox"), FailureClass.TEMPORARY, "could not be reached");
    assertFailed(submitText("a fox"), FailureClass.TEMPORARY, "could not be reached");
  }

  @Test
  void givenAnAnswerLargerThanAMegabyte_submit_failsTemporary() {
    server.enqueue(json(200, "{\"code\":0,\"message\":\"" + "x".repeat(KlingVideoProvider.MAX_ANSWER_BYTES) + "\"}"));

    assertFailed(submitText("a fox"), FailureClass.TEMPORARY, "larger than");
  }

  @Test
  void givenAStaleToken_theNextCall_mintsAFreshOne_insteadOfReusingIt() throws Exception {
    server.enqueue(submitted());
    server.enqueue(error(401, 1004, "Authorization has expired"));
    server.enqueue(submitted());
    server.enqueue(submitted());

    submitText("a fox");
    clock.advance(Duration.ofMinutes(1));
    submitText("a fox");
    submitText("a fox");
    clock.advance(Duration.ofMinutes(1));
    submitText("a fox");

    String first = server.takeRequest().getHeader("Authorization");
    String refused = server.takeRequest().getHeader("Authorization");
    String fresh = server.takeRequest().getHeader("Authorization");
    String reused = server.takeRequest().getHeader("Authorization");
    assertThat(refused).isEqualTo(first);
    assertThat(fresh).isNotEqualTo(refused);
    assertThat(reused).isEqualTo(fresh);
  }
}
