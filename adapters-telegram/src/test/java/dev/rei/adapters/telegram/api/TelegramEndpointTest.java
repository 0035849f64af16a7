package dev.rei.adapters.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramEndpointTest {

  @Test
  void givenTelegramsUrl_whenParsed_thenHttpsOn443() {
    TelegramEndpoint endpoint = TelegramEndpoint.parse("https://api.telegram.org");

    assertThat(endpoint).isEqualTo(TelegramEndpoint.TELEGRAM);
    assertThat(endpoint.telegramUrl().getSchema()).isEqualTo("https");
    assertThat(endpoint.base()).isEqualTo("https://api.telegram.org:443");
  }

  @Test
  void givenSelfHostedServer_whenParsed_thenPortKept() {
    assertThat(TelegramEndpoint.parse("http://127.0.0.1:8081/")).isEqualTo(new TelegramEndpoint("http", "127.0.0.1", 8081));
  }

  @Test
  void givenUrlWithPathOrOtherScheme_whenParsed_thenRefusedWithReason() {
    assertThatThrownBy(() -> TelegramEndpoint.parse("https://proxy.example/telegram"))
        .hasMessageContaining("scheme://host[:port] only");
    assertThatThrownBy(() -> TelegramEndpoint.parse("ftp://api.telegram.org")).hasMessageContaining("http or https");
    assertThatThrownBy(() -> TelegramEndpoint.parse("api.telegram.org")).hasMessageContaining("scheme and a host");
  }
}
