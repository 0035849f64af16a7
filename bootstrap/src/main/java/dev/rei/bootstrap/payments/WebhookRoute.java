package dev.rei.bootstrap.payments;

import dev.rei.adapters.payments.webhook.WebhookHandler;
import dev.rei.adapters.payments.webhook.WebhookRequest;
import dev.rei.adapters.payments.webhook.WebhookResponse;
import dev.rei.bootstrap.http.HttpCall;
import dev.rei.bootstrap.http.HttpReply;
import dev.rei.bootstrap.http.HttpRoute;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** A payment rail's webhook mounted on the HTTP server: POST only, the TCP peer passed on as it is. */
public final class WebhookRoute implements HttpRoute {

  private final WebhookHandler handler;

  public WebhookRoute(WebhookHandler handler) {
    this.handler = handler;
  }

  @Override
  public HttpReply handle(HttpCall call) {
    if (!call.method().equals("POST")) {
      return HttpReply.methodNotAllowed();
    }
    InetAddress peer;
    try {
      // The server gives a numeric address, so this parses it; no name is ever looked up.
      peer = InetAddress.getByName(call.remoteAddress());
    } catch (UnknownHostException e) {
      return HttpReply.text(400, "bad peer address");
    }
    WebhookResponse response = handler.handle(new WebhookRequest(call.path(), call.headers(), call.body(), peer));
    return HttpReply.text(response.status(), response.body());
  }
}
