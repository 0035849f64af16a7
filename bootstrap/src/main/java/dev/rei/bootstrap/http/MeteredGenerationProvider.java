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
 * real or simulated provider.
 */
public final class MeteredGenerationProvider implements GenerationProvider {

  private final GenerationProvider provider;
  private final MeterRegistry registry;

  public MeteredGenerationProvider(GenerationProvider provider, MeterRegistry registry) {
    this.provider = provider;
    this.registry = registry;
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
      throw e;
    }
    count(call, outcome instanceof Outcome.Done ? "done"
        : outcome instanceof Outcome.Pending ? "pending"
        : ((Outcome.Failed) outcome).failure().failureClass().name().toLowerCase(Locale.ROOT));
    return outcome;
  }

  private void count(String call, String outcome) {
    registry.counter(ReiMeters.PROVIDER_CALLS, "provider", provider.name().value(), "call", call, "outcome", outcome)
        .increment();
  }
}
