package dev.rei.adapters.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.telegram.api.TelegramFailure.Kind;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

class TelegramFailureTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "429 | Too Many Requests: retry after 7 | RATE_LIMITED",
      "403 | Forbidden: bot was blocked by the user | CHAT_GONE",
      "403 | Forbidden: user is deactivated | CHAT_GONE",
      "400 | Bad Request: chat not found | CHAT_GONE",
      "400 | Bad Request: message is not modified: specified new message content is the same | NOT_MODIFIED",
      "400 | Bad Request: message to edit not found | MESSAGE_GONE",
      "400 | Bad Request: message can't be edited | MESSAGE_GONE",
      "400 | Bad Request: BUTTON_DATA_INVALID | REJECTED",
      "401 | Unauthorized | MISCONFIGURED",
      "404 | Not Found | MISCONFIGURED",
      "500 | Internal Server Error | TRANSIENT",
      "502 | Bad Gateway | TRANSIENT"})
  void givenTelegramError_whenClassified_thenKindByCodeAndDescription(int code, String description, Kind kind) {
    assertThat(TelegramFailure.fromResponse(code, description, null).kind()).isEqualTo(kind);
  }

  @Test
  void givenRetryAfter_whenRateLimited_thenThatLong() {
    assertThat(TelegramFailure.fromResponse(429, "Too Many Requests", 7).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(TelegramFailure.fromResponse(429, "Too Many Requests", null).retryAfter()).isPositive();
  }

  @Test
  void givenNetworkFault_whenClassified_thenTransientAndTokenRedacted() {
    String token = "42:secret-token";
    TelegramApiException failure = new TelegramApiException("Unable to execute sendmessage method",
        new IOException("failed to reach /bot" + token + "/sendMessage"));

    TelegramFailure classified = TelegramFailure.of(failure, text -> text.replace(token, "<token>"));

    assertThat(classified.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(classified.description()).doesNotContain(token).contains("<token>");
  }

  @Test
  void givenOurOwnInvalidRequest_whenClassified_thenRejected() {
    TelegramFailure classified = TelegramFailure.of(new TelegramApiValidationException("Text parameter can't be empty",
        (org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod<?>) null), t -> t);

    assertThat(classified.kind()).isEqualTo(Kind.REJECTED);
  }
}
