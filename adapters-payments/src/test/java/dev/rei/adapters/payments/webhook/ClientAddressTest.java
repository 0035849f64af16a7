package dev.rei.adapters.payments.webhook;

import static dev.rei.adapters.payments.TestCore.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private static final IpAllowList PROXIES = IpAllowList.of("10.0.0.0/8", "fd00::/8");
  private static final Optional<String> XFF = Optional.of("X-Forwarded-For");

  @Test
  void givenNoHeaderConfigured_whenResolving_thenThePeerIsTheClient() {
    Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("185.71.76.1"));

    assertThat(ClientAddress.resolve(ip("10.0.0.5"), headers, PROXIES, Optional.empty())).isEqualTo(ip("10.0.0.5"));
  }

  @Test
  void givenPeerIsNoTrustedProxy_whenResolving_thenTheHeaderIsIgnored() {
    Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("185.71.76.1"));

    assertThat(ClientAddress.resolve(ip("203.0.113.9"), headers, PROXIES, XFF)).isEqualTo(ip("203.0.113.9"));
  }

  @Test
  void givenTrustedProxyChain_whenResolving_thenTheRightMostUntrustedHopIsTheClient() {
    // The sender wrote the first entry itself to pass the allow-list; our proxies appended the rest.
    Map<String, List<String>> headers = Map.of("x-forwarded-for", List.of("185.71.76.1, 203.0.113.9", "10.1.1.1"));

    assertThat(ClientAddress.resolve(ip("10.0.0.5"), headers, PROXIES, XFF)).isEqualTo(ip("203.0.113.9"));
  }

  @Test
  void givenPortsAndBrackets_whenResolving_thenAddressesAreRead() {
    assertThat(ClientAddress.resolve(ip("fd00::1"), Map.of("X-Real-IP", List.of("[2a02:5180::7]:443")), PROXIES,
        Optional.of("X-Real-IP"))).isEqualTo(ip("2a02:5180::7"));
    assertThat(ClientAddress.resolve(ip("10.0.0.5"), Map.of("X-Forwarded-For", List.of("77.75.156.11:5000")), PROXIES,
        XFF)).isEqualTo(ip("77.75.156.11"));
  }

  @Test
  void givenGarbledOrMissingHeader_whenResolving_thenTheLastProxyIsTheClient() {
    assertThat(ClientAddress.resolve(ip("10.0.0.5"), Map.of("X-Forwarded-For", List.of("evil.example")), PROXIES, XFF))
        .isEqualTo(ip("10.0.0.5"));
    assertThat(ClientAddress.resolve(ip("10.0.0.5"), Map.of(), PROXIES, XFF)).isEqualTo(ip("10.0.0.5"));
  }

  @Test
  void givenWebhookRequest_whenHeadersLookedUp_thenCaseDoesNotMatter() {
    WebhookRequest request = new WebhookRequest("/x", Map.of("X-Forwarded-For", List.of("1.2.3.4")), new byte[0],
        ip("10.0.0.5"));

    assertThat(request.header("x-forwarded-for")).contains("1.2.3.4");
    assertThat(ClientAddress.resolve(request, new WebhookSettings(PROXIES, XFF))).isEqualTo(ip("1.2.3.4"));
    assertThat(ClientAddress.resolve(request, WebhookSettings.DIRECT)).isEqualTo(ip("10.0.0.5"));
  }
}
