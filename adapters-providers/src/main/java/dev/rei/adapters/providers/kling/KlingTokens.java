package dev.rei.adapters.providers.kling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.application.port.out.Clock;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the JWT Kling wants on every request (RFC 7519, HS256 over the secret key; {@code iss} =
 * access key, {@code exp} = now + 30 min, {@code nbf} = now − 5 s, as in Kling's own sample) and
 * reuses each key's token until 5 minutes before it expires. Hand-written with {@code
 * javax.crypto}: three base64url parts are not worth a library. Tokens are secrets: never logged.
 */
final class KlingTokens {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = BASE64URL.encodeToString(
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final List<KlingCredentials> credentials;
  private final Clock clock;
  private final ObjectMapper json;
  private final ConcurrentMap<Integer, Token> cache = new ConcurrentHashMap<>();

  private record Token(String value, Instant expiresAt) {}

  KlingTokens(List<KlingCredentials> credentials, Clock clock, ObjectMapper json) {
    this.credentials = List.copyOf(credentials);
    this.clock = clock;
    this.json = json;
  }

  /** A valid token for key {@code index}. */
  String tokenFor(int index) {
    Instant now = clock.now();
    Token token = cache.get(index);
    if (token == null || !now.isBefore(token.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
      token = mint(credentials.get(index), now);
      cache.put(index, token);
    }
    return token.value();
  }

  /** Kling said the token is not valid yet or no longer: the next call mints a fresh one. */
  void forget(int index) {
    cache.remove(index);
  }

  /** The tokens currently held, so failure texts can be scrubbed of them. */
  List<String> current() {
    return cache.values().stream().map(Token::value).toList();
  }

  private Token mint(KlingCredentials key, Instant now) {
    long seconds = now.getEpochSecond();
    Instant expiresAt = Instant.ofEpochSecond(seconds).plus(LIFETIME);
    ObjectNode claims = json.createObjectNode()
        .put("iss", key.accessKey())
        .put("exp", expiresAt.getEpochSecond())
        .put("nbf", seconds - NOT_BEFORE_SKEW.toSeconds());
    String payload;
    try {
      payload = BASE64URL.encodeToString(json.writeValueAsBytes(claims));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JWT claims", e);
    }
    String signingInput = HEADER + "." + payload;
    return new Token(signingInput + "." + BASE64URL.encodeToString(sign(key, signingInput)), expiresAt);
  }

  private static byte[] sign(KlingCredentials key, String signingInput) {
    char[] secret = key.secretKey();
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
    byte[] secretBytes = new byte[encoded.remaining()];
    encoded.get(secretBytes);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretBytes, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      // Every Java runtime has HmacSHA256; this is not a failure of the call.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    } finally {
      Arrays.fill(secret, '\0');
      Arrays.fill(secretBytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
