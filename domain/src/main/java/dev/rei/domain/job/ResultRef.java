package dev.rei.domain.job;

/** Where a finished job's result is kept (a storage key or our own URL; never a Telegram file URL). */
public record ResultRef(String value) {

  public ResultRef {
    if (value == null || value.isBlank() || value.length() > 2_000) {
      throw new IllegalArgumentException("result reference must have 1..2000 characters");
    }
  }
}
