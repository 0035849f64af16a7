package dev.rei.application.port.out;

import dev.rei.domain.job.Failure;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A generation API (Gemini, Kling, KIE.ai…). Calls are made outside any transaction. Failures
 * come back as {@link Outcome.Failed} with their class, never as exceptions; a provider maps its
 * own error codes.
 */
public interface GenerationProvider {

  ProviderName name();

  Set<JobKind> kinds();

  /** How many API keys are configured: keys are {@code KeyId(name(), 0 .. keyCount() − 1)}. */
  int keyCount();

  /** Starts the job's generation with {@code key}. */
  Outcome submit(Job job, KeyId key);

  /** Asks how a task started earlier is doing, with the key that started it. */
  Outcome poll(ProviderTask task);

  /** What a provider call found. */
  sealed interface Outcome {

    /** The result is stored and ready. */
    record Done(ResultRef result) implements Outcome {
      public Done {
        Objects.requireNonNull(result, "result");
      }
    }

    /** The provider is working on {@code taskId}; ask again after {@code pollAfter}. */
    record Pending(String taskId, Progress progress, Duration pollAfter) implements Outcome {
      public Pending {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(pollAfter, "pollAfter");
      }
    }

    /**
     * The attempt failed. {@code blamedKey} names the key that caused it when that is not the key
     * the job was given, e.g. a helper service's key (the script writer's) used inside a generation;
     * key health and BILLING alerts then apply to that key.
     */
    record Failed(Failure failure, Optional<KeyId> blamedKey) implements Outcome {
      public Failed {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(blamedKey, "blamedKey");
      }

      public Failed(Failure failure) {
        this(failure, Optional.empty());
      }
    }
  }
}
