package dev.rei.adapters.payments.heleket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.Resources;
import dev.rei.adapters.payments.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeleketSignerTest {

  private static final Secret KEY = Secret.of("test-api-key", "HELEKET_API_KEY");

  @Test
  void givenBody_whenSigned_thenMd5OfBase64PlusKey() {
    // Expected values computed independently (Python hashlib) for these exact bytes.
    byte[] body = ("{\"amount\":\"5.00\",\"currency\":\"USDT\",\"order_id\":\"abc\","
        + "\"url_callback\":\"https:\\/\\/rei.example\\/webhooks\\/heleket\"}").getBytes(StandardCharsets.UTF_8);

    assertThat(HeleketSigner.sign(body, KEY)).isEqualTo("c5041177e8e6810c27eaa129f0484f86");
    assertThat(HeleketSigner.sign(new byte[0], KEY)).isEqualTo("6339da7207f32bfc28decb98edf89318");
  }

  @Test
  void givenNode_whenEncodedPhpStyle_thenSlashesEscapedAndUnicodeKept() {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("url", "https://t.me/rei");
    node.put("text", "Пакет");

    assertThat(new String(HeleketSigner.encodePhpStyle(node), StandardCharsets.UTF_8))
        .isEqualTo("{\"url\":\"https:\\/\\/t.me\\/rei\",\"text\":\"Пакет\"}");
  }

  @Test
  void givenWebhookAsHeleketSendsIt_whenVerified_thenAccepted() {
    assertThat(HeleketSigner.verifyWebhook(Resources.bytes("heleket/webhook-compact.json"), KEY)).isTrue();
  }

  @Test
  void givenSignInTheMiddleAndNumbersReencodingWouldChange_whenVerified_thenTheRawFormMatches() {
    assertThat(HeleketSigner.verifyWebhook(Resources.bytes("heleket/webhook-sign-in-middle.json"), KEY)).isTrue();
  }

  @Test
  void givenPrettyPrintedBody_whenVerified_thenTheReencodedFormMatches() {
    assertThat(HeleketSigner.verifyWebhook(Resources.bytes("heleket/webhook-pretty.json"), KEY)).isTrue();
  }

  @Test
  void givenTamperedBodyOrOtherKey_whenVerified_thenRejected() {
    assertThat(HeleketSigner.verifyWebhook(Resources.bytes("heleket/webhook-tampered.json"), KEY)).isFalse();
    assertThat(HeleketSigner.verifyWebhook(Resources.bytes("heleket/webhook-compact.json"),
        Secret.of("other-key", "k"))).isFalse();
  }

  @Test
  void givenGarbage_whenVerified_thenRejectedWithoutThrowing() {
    for (String body : new String[] {"", "[]", "{", "{\"sign\":1}", "{\"a\":1}", "{\"sign\":\"x\",\"sign\":\"x\"}",
        "{\"sign\":\"x\"} trailing", "null"}) {
      assertThat(HeleketSigner.verifyWebhook(body.getBytes(StandardCharsets.UTF_8), KEY)).as(body).isFalse();
    }
  }

  @Test
  void givenSignedWebhookBody_whenVerified_thenAccepted() {
    ObjectNode fields = new ObjectMapper().createObjectNode();
    fields.put("uuid", "u-1");
    fields.put("status", "paid");
    fields.put("url", "https://x/y");

    assertThat(HeleketSigner.verifyWebhook(HeleketSigner.signedWebhookBody(fields, KEY), KEY)).isTrue();
  }
}
