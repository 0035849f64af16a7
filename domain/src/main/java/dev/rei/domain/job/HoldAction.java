package dev.rei.domain.job;

import dev.rei.domain.ledger.ReleaseReason;
import java.util.Optional;

/** What a transition does to the job's hold. */
public enum HoldAction {
  NONE(null),
  CAPTURE(null),
  RELEASE_FAILED(ReleaseReason.FAILED),
  RELEASE_CANCELLED(ReleaseReason.CANCELLED),
  RELEASE_EXPIRED(ReleaseReason.EXPIRED);

  private final ReleaseReason releaseReason;

  HoldAction(ReleaseReason releaseReason) {
    this.releaseReason = releaseReason;
  }

  /** The reason of a release; empty for {@code NONE} and {@code CAPTURE}. */
  public Optional<ReleaseReason> releaseReason() {
    return Optional.ofNullable(releaseReason);
  }

  public boolean resolvesHold() {
    return this != NONE;
  }
}
