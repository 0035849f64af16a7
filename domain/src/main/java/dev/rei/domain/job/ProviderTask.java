package dev.rei.domain.job;

import dev.rei.domain.provider.KeyId;
import java.util.Objects;

/**
 * A task a provider is working on for a job: which key created it (polls must use the same
 * account) and the provider's id for it.
 */
public record ProviderTask(KeyId key, String taskId) {

  public ProviderTask {
    Objects.requireNonNull(key, "key");
    if (taskId == null || taskId.isBlank() || taskId.length() > 200) {
      throw new IllegalArgumentException("provider task id must have 1..200 characters");
    }
  }
}
