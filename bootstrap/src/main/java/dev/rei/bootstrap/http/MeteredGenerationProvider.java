package dev.rei.bootstrap.http;

import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts every call to a provider by call ({@code submit}, {@code poll}) and outcome ({@code done},
 * {@code pending}, a failure class such as {@code rate_limit}, or {@code exception}), around any
 * real or simulated provider; failures also by failure class alone ({@link ReiMeters#PROVIDER_ERRORS}).
 */
public final class MeteredGenerationProvider implements GenerationProvider {

  private final GenerationProvider provider;
  private final MeterRegistry registry;

  public MeteredGenerationProvider(GenerationProvider provider, MeterRegistry registry) {
    this.provider = provider;
    this.registry = registry;
    // Each failure class exists at zero from the first scrape, so a rate over it is defined before the first failure.
    for (dev.rei.domain.job.FailureClass failureClass : dev.rei.domain.job.FailureClass.values()) {
      registry.counter(ReiMeters.PROVIDER_ERRORS, "provider", provider.name().value(),
          "class", failureClass.name().toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public ProviderName name() {
    return provider.name();
  }

  @Override
  public Set<JobKind> kinds() {
    return provider.kinds();
  }

  @Override
  public int keyCount() {
    return provider.keyCount();
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    return counted("submit", () -> provider.submit(job, key));
  }

  @Override
  public Outcome poll(ProviderTask task) {
    return counted("poll", () -> provider.poll(task));
  }

  private Outcome counted(String call, Supplier<Outcome> work) {
    Outcome outcome;
    try {
      outcome = work.get();
    } catch (RuntimeException e) {
      count(call, "exception");
      registry.counter(ReiMeters.PROVIDER_ERRORS, "provider", provider.name().value(), "class", "exception").increment();
      throw e;
    }
    count(call, outcome instanceof Outcome.Done ? "done"
        : outcome instanceof Outcome.Pending ? "pending"
        : ((Outcome.Failed) outcome).failure().failureClass().name().toLowerCase(Locale.ROOT));
    if (outcome instanceof Outcome.Failed failed) {
      // The key blamed may be another service's (the Reels script writer's OpenAI key): count it there.
      String blamed = failed.blamedKey().map(key -> key.provider().value()).orElse(provider.name().value());
      registry.counter(ReiMeters.PROVIDER_ERRORS, "provider", blamed,
          "class", failed.failure().failureClass().name().toLowerCase(Locale.ROOT)).increment();
    }
    return outcome;
  }

  private void count(String call, String outcome) {
    registry.counter(ReiMeters.PROVIDER_CALLS, "provider", provider.name().value(), "call", call, "outcome", outcome)
        .increment();
  }
}
