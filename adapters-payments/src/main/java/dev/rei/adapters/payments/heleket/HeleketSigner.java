package dev.rei.adapters.payments.heleket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Heleket's signature: {@code md5(base64(body) + apiKey)} in lower-case hex. Requests are signed
 * over the exact bytes sent, which Rei writes the way PHP's {@code json_encode(…,
 * JSON_UNESCAPED_UNICODE)} does ({@code /} escaped as {@code \/}, nothing else), so either way
 * Heleket checks them it gets the same bytes. A webhook carries its signature inside the body; it
 * is checked two ways, and either match is accepted: over the raw bytes with the {@code sign}
 * member cut out (as Heleket's Go SDK does, immune to re-encoding differences), and over the body
 * decoded and re-encoded PHP-style (as the PHP SDK does). Comparisons take constant time.
 */
public final class HeleketSigner {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  private HeleketSigner() {}

  /** The signature of {@code body} as sent. */
  public static String sign(byte[] body, Secret apiKey) {
    String base64 = Base64.getEncoder().encodeToString(body);
    return HexFormat.of().formatHex(md5((base64 + apiKey.reveal()).getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code node} written as PHP's {@code json_encode(…, JSON_UNESCAPED_UNICODE)} writes it. */
  public static byte[] encodePhpStyle(JsonNode node) {
    try {
      // '/' occurs in JSON text only inside strings, so replacing every one escapes exactly those.
      String compact = JSON.writeValueAsString(node);
      return compact.replace("/", "\\/").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A webhook body with its {@code sign} member: {@code fields} PHP-encoded, then the signature appended. */
  public static byte[] signedWebhookBody(ObjectNode fields, Secret apiKey) {
    ObjectNode copy = fields.deepCopy();
    copy.remove("sign");
    String sign = sign(encodePhpStyle(copy), apiKey);
    copy.put("sign", sign);
    return encodePhpStyle(copy);
  }

  /** Whether {@code raw}, a webhook body, carries a valid signature of its other members. */
  public static boolean verifyWebhook(byte[] raw, Secret apiKey) {
    Optional<RawSplit> split = splitRaw(raw);
    if (split.isEmpty()) {
      return false;
    }
    byte[] claimed = split.get().sign().getBytes(StandardCharsets.US_ASCII);
    if (equal(claimed, sign(split.get().unsigned(), apiKey))) {
      return true;
    }
    return reencoded(raw).map(body -> equal(claimed, sign(body, apiKey))).orElse(false);
  }

  private static boolean equal(byte[] claimed, String expected) {
    return MessageDigest.isEqual(claimed, expected.getBytes(StandardCharsets.US_ASCII));
  }

  /** The body's members but {@code sign}, each exactly as sent, rejoined as {@code {a,b,…}}. */
  private static Optional<RawSplit> splitRaw(byte[] raw) {
    try (JsonParser parser = FACTORY.createParser(raw)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      List<byte[]> members = new ArrayList<>();
      String sign = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        parser.skipChildren();
        // A string is read lazily: finish it, or the location below is still at its opening quote.
        parser.finishToken();
        int end = (int) parser.currentLocation().getByteOffset();
        if (name.equals("sign")) {
          if (value != JsonToken.VALUE_STRING || sign != null) {
            return Optional.empty();
          }
          sign = parser.getText();
        } else {
          byte[] member = new byte[end - start];
          System.arraycopy(raw, start, member, 0, member.length);
          members.add(member);
        }
      }
      if (sign == null || parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return Optional.empty();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
      out.write('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(members.get(i));
      }
      out.write('}');
      return Optional.of(new RawSplit(out.toByteArray(), sign));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> reencoded(byte[] raw) {
    try {
      JsonNode node = JSON.readTree(raw);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      ((ObjectNode) node).remove("sign");
      return Optional.of(encodePhpStyle(node));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static byte[] md5(byte[] input) {
    try {
      return MessageDigest.getInstance("MD5").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private record RawSplit(byte[] unsigned, String sign) {}
}
