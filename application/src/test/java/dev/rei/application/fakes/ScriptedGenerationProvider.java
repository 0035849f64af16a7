package dev.rei.application.fakes;

import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link GenerationProvider} whose answers tests choose: by default every submission succeeds at
 * once with a result named after the job. Records every call.
 */
public final class ScriptedGenerationProvider implements GenerationProvider {

  private final ProviderName name;
  private final Set<JobKind> kinds;
  private final int keyCount;
  private volatile BiFunction<Job, KeyId, Outcome> onSubmit =
      (job, key) -> new Outcome.Done(new ResultRef("results/" + job.id()));
  private volatile Function<ProviderTask, Outcome> onPoll =
      task -> new Outcome.Done(new ResultRef("results/" + task.taskId()));
  private final List<String> calls = new CopyOnWriteArrayList<>();

  public ScriptedGenerationProvider(ProviderName name, Set<JobKind> kinds, int keyCount) {
    this.name = name;
    this.kinds = Set.copyOf(kinds);
    this.keyCount = keyCount;
  }

  public ScriptedGenerationProvider onSubmit(BiFunction<Job, KeyId, Outcome> answer) {
    this.onSubmit = answer;
    return this;
  }

  public ScriptedGenerationProvider onPoll(Function<ProviderTask, Outcome> answer) {
    this.onPoll = answer;
    return this;
  }

  /** Calls so far, as {@code submit <jobId> <key>} and {@code poll <taskId> <key>}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public ProviderName name() {
    return name;
  }

  @Override
  public Set<JobKind> kinds() {
    return kinds;
  }

  @Override
  public int keyCount() {
    return keyCount;
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    calls.add("submit " + job.id() + " " + key);
    return onSubmit.apply(job, key);
  }

  @Override
  public Outcome poll(ProviderTask task) {
    calls.add("poll " + task.taskId() + " " + task.key());
    return onPoll.apply(task);
  }
}
