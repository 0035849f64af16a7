package dev.rei.domain.job;

/** What a job generates. */
public enum JobKind {
  IMAGE_GENERATE,
  IMAGE_EDIT,
  VIDEO_TEXT,
  VIDEO_IMAGE,
  VIDEO_VIDEO,
  REELS_VIDEO;

  public boolean isVideo() {
    return this != IMAGE_GENERATE && this != IMAGE_EDIT;
  }
}
