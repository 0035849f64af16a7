package dev.rei.bootstrap.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/** {@code /metrics}: every meter in the Prometheus text format. */
public final class MetricsRoute implements HttpRoute {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsRoute(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public HttpReply handle(HttpCall call) {
    if (!call.isRead()) {
      return HttpReply.methodNotAllowed();
    }
    return new HttpReply(200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
