package dev.rei.domain.pricing;

import dev.rei.domain.job.JobKind;
import java.util.Objects;

/** One thing a user can order, described as far as its price depends on it. */
public sealed interface PricedItem {

  JobKind jobKind();

  /** A new image from a prompt (and reference photos). */
  record ImageGeneration(ImageSize size) implements PricedItem {
    public ImageGeneration {
      Objects.requireNonNull(size, "size");
    }

    @Override
    public JobKind jobKind() {
      return JobKind.IMAGE_GENERATE;
    }
  }

  /** A user's photo changed by a prompt. */
  record ImageEdit(ImageSize size) implements PricedItem {
    public ImageEdit {
      Objects.requireNonNull(size, "size");
    }

    @Override
    public JobKind jobKind() {
      return JobKind.IMAGE_EDIT;
    }
  }

  /** A video from text, a photo or a video, by model and duration. */
  record Video(String modelId, VideoDuration duration, VideoSource source) implements PricedItem {
    public Video {
      Objects.requireNonNull(modelId, "modelId");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public JobKind jobKind() {
      return source.jobKind();
    }
  }

  /** One product Reels video. */
  record ReelsVideo() implements PricedItem {
    @Override
    public JobKind jobKind() {
      return JobKind.REELS_VIDEO;
    }
  }
}
