package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.MapBinder;
import dev.rei.adapters.persistence.postgres.PostgresDatabase;
import dev.rei.adapters.persistence.redis.RedisConnection;
import dev.rei.adapters.telegram.send.ResultLinks;
import dev.rei.application.port.in.admin.GetProviderHealthUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.MediaStore;
import dev.rei.bootstrap.config.HttpSettings;
import dev.rei.bootstrap.http.MediaLinks;
import dev.rei.bootstrap.http.MediaRoute;
import dev.rei.bootstrap.http.DatabaseHealthCheck;
import dev.rei.bootstrap.http.HealthCheck;
import dev.rei.bootstrap.http.HealthRoutes;
import dev.rei.bootstrap.http.HttpEndpoint;
import dev.rei.bootstrap.http.HttpRoute;
import dev.rei.bootstrap.http.MetricsRoute;
import dev.rei.bootstrap.http.ProvidersHealthCheck;
import dev.rei.bootstrap.http.RedisHealthCheck;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP server with {@code /metrics} and a {@code /health/<name>} route per health check. Other
 * modules add checks to the {@code HealthCheck} map (name → check) and routes to the {@code
 * HttpRoute} map (exact path → route): payment webhooks, {@code /health/payments}. It checks the
 * database, Redis and the provider key pools ({@code /health/providers}) itself.
 */
public final class HttpModule extends AbstractModule {

  @Override
  protected void configure() {
    MapBinder<String, HttpRoute> routes = MapBinder.newMapBinder(binder(), String.class, HttpRoute.class);
    routes.addBinding("/metrics").to(MetricsRoute.class);
    MapBinder<String, HealthCheck> checks = MapBinder.newMapBinder(binder(), String.class, HealthCheck.class);
    checks.addBinding("db").to(DatabaseHealthCheck.class);
    checks.addBinding("redis").to(RedisHealthCheck.class);
    checks.addBinding("providers").to(ProvidersHealthCheck.class);
  }

  @Provides
  @Singleton
  MetricsRoute metrics(PrometheusMeterRegistry registry) {
    return new MetricsRoute(registry);
  }

  @Provides
  @Singleton
  DatabaseHealthCheck databaseHealth(PostgresDatabase database) {
    return new DatabaseHealthCheck(database);
  }

  @Provides
  @Singleton
  RedisHealthCheck redisHealth(RedisConnection redis) {
    return new RedisHealthCheck(redis);
  }

  @Provides
  @Singleton
  Optional<MediaLinks> mediaLinks(HttpSettings settings, Clock clock) {
    return settings.publicLinks().map(links -> new MediaLinks(links.baseUrl(), links.secret().reveal(), links.validity(),
        clock));
  }

  @Provides
  @Singleton
  ResultLinks resultLinks(Optional<MediaLinks> links) {
    return links.<ResultLinks>map(l -> l).orElse(ResultLinks.NONE);
  }

  @Provides
  @Singleton
  HttpEndpoint endpoint(HttpSettings settings, Map<String, HttpRoute> routes, Map<String, HealthCheck> checks,
      Optional<MediaLinks> links, MediaStore media) {
    Map<String, HttpRoute> all = new HashMap<>(routes);
    links.ifPresent(l -> all.put(MediaLinks.PATH_PREFIX + "*", new MediaRoute(l, media)));
    HealthRoutes.of(checks).forEach((path, route) -> {
      if (all.putIfAbsent(path, route) != null) {
        throw new IllegalStateException("two routes for " + path);
      }
    });
    return new HttpEndpoint(settings.host(), settings.port(), all);
  }

  @Provides
  @Singleton
  ProvidersHealthCheck providersHealth(GetProviderHealthUseCase providers) {
    return new ProvidersHealthCheck(providers);
  }
}
