package dev.rei.bootstrap.http;

import dev.rei.bootstrap.run.DaemonThreads;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code /health}: every check, UP only when all are; {@code /health/<name>}: one check. JSON
 * {@code {"status":"UP"|"DOWN", …}}, 200 when up and 503 when down, so a load balancer or an
 * orchestrator can act on the status code alone.
 */
public final class HealthRoutes {

  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
  private static final ExecutorService PARALLEL = Executors.newCachedThreadPool(new DaemonThreads("rei-health-all"));

  private HealthRoutes() {}

  /** The routes for {@code checks}, by path. */
  public static Map<String, HttpRoute> of(Map<String, HealthCheck> checks) {
    Map<String, HealthCheck> timed = new TreeMap<>();
    checks.forEach((name, check) -> timed.put(name, new TimedHealthCheck(check, CHECK_TIMEOUT)));
    Map<String, HttpRoute> routes = new LinkedHashMap<>();
    routes.put("/health", call -> call.isRead() ? all(timed) : HttpReply.methodNotAllowed());
    timed.forEach((name, check) -> routes.put("/health/" + name, call -> {
      if (!call.isRead()) {
        return HttpReply.methodNotAllowed();
      }
      Health health = check.check();
      return HttpReply.json(health.up() ? 200 : 503, health.json());
    }));
    return routes;
  }

  private static HttpReply all(Map<String, HealthCheck> checks) {
    Map<String, CompletableFuture<Health>> running = new TreeMap<>();
    checks.forEach((name, check) -> running.put(name, CompletableFuture.supplyAsync(check::check, PARALLEL)));
    StringBuilder json = new StringBuilder();
    boolean up = true;
    for (Map.Entry<String, CompletableFuture<Health>> entry : running.entrySet()) {
      Health health = entry.getValue().join();
      up &= health.up();
      json.append(json.length() == 0 ? "" : ",").append(Json.string(entry.getKey())).append(':').append(health.json());
    }
    String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":{" + json + "}}";
    return HttpReply.json(up ? 200 : 503, body);
  }
}
