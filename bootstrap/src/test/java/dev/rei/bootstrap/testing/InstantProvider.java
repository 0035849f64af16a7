package dev.rei.bootstrap.testing;

import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.util.EnumSet;
import java.util.Set;

/** A provider that finishes every job at once: what a provider module contributes, for wiring tests. */
public final class InstantProvider implements GenerationProvider {

  @Override
  public ProviderName name() {
    return ProviderName.of("instant");
  }

  @Override
  public Set<JobKind> kinds() {
    return EnumSet.allOf(JobKind.class);
  }

  @Override
  public int keyCount() {
    return 1;
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    return new Outcome.Done(new ResultRef("media/" + job.id()));
  }

  @Override
  public Outcome poll(ProviderTask task) {
    return new Outcome.Done(new ResultRef("media/" + task.taskId()));
  }
}
