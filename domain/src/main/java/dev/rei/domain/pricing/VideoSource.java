package dev.rei.domain.pricing;

import dev.rei.domain.job.JobKind;

/** What a video is made from. */
public enum VideoSource {
  TEXT(JobKind.VIDEO_TEXT),
  IMAGE(JobKind.VIDEO_IMAGE),
  VIDEO(JobKind.VIDEO_VIDEO);

  private final JobKind jobKind;

  VideoSource(JobKind jobKind) {
    this.jobKind = jobKind;
  }

  public JobKind jobKind() {
    return jobKind;
  }
}
