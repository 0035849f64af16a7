package dev.rei.adapters.payments.webhook;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every webhook does first and last: a body over {@link WebhookRequest#MAX_BODY_BYTES} is a
 * 413 before anything reads it, and a bug in the handler is a 500 with its reason logged, never an
 * exception into the HTTP server.
 */
public final class WebhookGuard {

  private static final Logger log = LoggerFactory.getLogger(WebhookGuard.class);

  private WebhookGuard() {}

  public static WebhookResponse handle(String name, WebhookRequest request,
      Function<WebhookRequest, WebhookResponse> handler) {
    try {
      if (request.body().length > WebhookRequest.MAX_BODY_BYTES) {
        log.warn("{} webhook rejected: body of {} bytes is over the limit", name, request.body().length);
        return WebhookResponse.of(413, "too large");
      }
      return handler.apply(request);
    } catch (RuntimeException e) {
      log.error("{} webhook failed on a bug; answered 500", name, e);
      return WebhookResponse.of(500, "internal error");
    }
  }
}
