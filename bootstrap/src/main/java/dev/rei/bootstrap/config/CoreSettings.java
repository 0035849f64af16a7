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
 * job timings and retries, key-pool rests, how payments are reconciled, and when admins are alerted.
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
    Duration alertWindow,
    dev.rei.application.service.admin.OperationsThresholds operations) {

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
    Objects.requireNonNull(operations, "operations");
  }

  /** These settings with {@code bonus} as the welcome bonus. */
  public CoreSettings withWelcomeBonus(Credits bonus) {
    return new CoreSettings(prices, topUps, bonus, orderLimits, rateLimits, jobTimings, retryPolicy, keyPolicy,
        paymentMinAge, paymentPendingExpiry, alertWindow, operations);
  }

  /** These settings with {@code limits} as the per-user action rate limits. */
  public CoreSettings withRateLimits(RateLimitPolicy limits) {
    return new CoreSettings(prices, topUps, welcomeBonus, orderLimits, limits, jobTimings, retryPolicy, keyPolicy,
        paymentMinAge, paymentPendingExpiry, alertWindow, operations);
  }

  /** These settings with {@code policy} as the retry policy of jobs. */
  public CoreSettings withRetryPolicy(RetryPolicy policy) {
    return new CoreSettings(prices, topUps, welcomeBonus, orderLimits, rateLimits, jobTimings, policy, keyPolicy,
        paymentMinAge, paymentPendingExpiry, alertWindow, operations);
  }
}
