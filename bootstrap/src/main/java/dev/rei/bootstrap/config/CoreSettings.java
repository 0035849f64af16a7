package dev.rei.bootstrap.config;

import dev.rei.application.service.job.JobTimings;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.TopUpCatalog;
import dev.rei.domain.provider.KeyPoolPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The business settings the core is built with: prices, top-ups, the welcome bonus, usage limits,
 * job timings and retries, key-pool rests, and how payments are reconciled.
 */
public record CoreSettings(
    PriceList prices,
    TopUpCatalog topUps,
    Credits welcomeBonus,
    OrderLimits orderLimits,
    RateLimitPolicy rateLimits,
    JobTimings jobTimings,
    RetryPolicy retryPolicy,
    KeyPoolPolicy keyPolicy,
    Duration paymentMinAge,
    Duration paymentPendingExpiry,
    Duration alertWindow) {

  public CoreSettings {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(topUps, "topUps");
    Objects.requireNonNull(welcomeBonus, "welcomeBonus");
    Objects.requireNonNull(orderLimits, "orderLimits");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(jobTimings, "jobTimings");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(keyPolicy, "keyPolicy");
    Objects.requireNonNull(paymentMinAge, "paymentMinAge");
    Objects.requireNonNull(paymentPendingExpiry, "paymentPendingExpiry");
    Objects.requireNonNull(alertWindow, "alertWindow");
  }

  /** These settings with {@code bonus} as the welcome bonus. */
  public CoreSettings withWelcomeBonus(Credits bonus) {
    return new CoreSettings(prices, topUps, bonus, orderLimits, rateLimits, jobTimings, retryPolicy, keyPolicy,
        paymentMinAge, paymentPendingExpiry, alertWindow);
  }
}
