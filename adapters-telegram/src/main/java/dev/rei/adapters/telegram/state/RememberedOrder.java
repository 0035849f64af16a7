package dev.rei.adapters.telegram.state;

import dev.rei.domain.job.JobKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the chat side remembers of a placed order: whose it is, what was ordered with which
 * parameters (for "🔁 Again"), and its jobs (for "❌ Cancel").
 */
public record RememberedOrder(long owner, JobKind kind, ItemState item, Map<String, String> parameters,
    List<String> jobIds) {

  public RememberedOrder {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(item, "item");
    parameters = Map.copyOf(parameters);
    jobIds = List.copyOf(jobIds);
  }
}
