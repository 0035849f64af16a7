package dev.rei.domain.job;

/** Names a worker process (e.g. {@code host-1234-worker-2}) in leases and logs. */
public record WorkerId(String value) {

  public WorkerId {
    if (value == null || value.isBlank() || value.length() > 100) {
      throw new IllegalArgumentException("worker id must have 1..100 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
