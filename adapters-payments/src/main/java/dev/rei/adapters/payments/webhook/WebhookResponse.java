package dev.rei.adapters.payments.webhook;

import java.util.Objects;

/** What a webhook answers: an HTTP status and a short plain-text body. */
public record WebhookResponse(int status, String body) {

  public WebhookResponse {
    Objects.requireNonNull(body, "body");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }

  public static WebhookResponse ok() {
    return new WebhookResponse(200, "OK");
  }

  public static WebhookResponse of(int status, String body) {
    return new WebhookResponse(status, body);
  }
}
