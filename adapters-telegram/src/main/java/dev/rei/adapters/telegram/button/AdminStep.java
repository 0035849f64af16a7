package dev.rei.adapters.telegram.button;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * What a press on an admin console button asks for. Kept on our side with the button, and obeyed
 * only while its presser is an admin at the moment of the press.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "s")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AdminStep.Stats.class, name = "stats"),
    @JsonSubTypes.Type(value = AdminStep.Reconcile.class, name = "reconcile"),
    @JsonSubTypes.Type(value = AdminStep.Help.class, name = "help"),
    @JsonSubTypes.Type(value = AdminStep.CancelJob.class, name = "cancelJob"),
    @JsonSubTypes.Type(value = AdminStep.RetryJob.class, name = "retryJob")
})
public sealed interface AdminStep {

  record Stats() implements AdminStep {}

  record Reconcile() implements AdminStep {}

  record Help() implements AdminStep {}

  /** Cancel job {@code jobId} as an admin. */
  record CancelJob(String jobId) implements AdminStep {
    public CancelJob {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /** Retry job {@code jobId}: due now, or ordered again for free. */
  record RetryJob(String jobId) implements AdminStep {
    public RetryJob {
      Objects.requireNonNull(jobId, "jobId");
    }
  }
}
