package dev.rei.adapters.telegram.state;

import dev.rei.domain.pricing.ImageSize;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.VideoDuration;
import dev.rei.domain.pricing.VideoSource;
import java.util.Objects;

/**
 * A {@link PricedItem} as stored with a button or an order: a type and the fields that type uses
 * (the others are null).
 */
public record ItemState(String type, String size, String model, Integer seconds, String source) {

  static final String IMAGE_GENERATION = "image_generation";
  static final String IMAGE_EDIT = "image_edit";
  static final String VIDEO = "video";
  static final String REELS = "reels";

  public ItemState {
    Objects.requireNonNull(type, "type");
  }

  public static ItemState of(PricedItem item) {
    if (item instanceof PricedItem.ImageGeneration generation) {
      return new ItemState(IMAGE_GENERATION, generation.size().name(), null, null, null);
    }
    if (item instanceof PricedItem.ImageEdit edit) {
      return new ItemState(IMAGE_EDIT, edit.size().name(), null, null, null);
    }
    if (item instanceof PricedItem.Video video) {
      return new ItemState(VIDEO, null, video.modelId(), video.duration().seconds(), video.source().name());
    }
    return new ItemState(REELS, null, null, null, null);
  }

  /** The item again; throws {@link IllegalArgumentException} for a state no version wrote. */
  public PricedItem toItem() {
    return switch (type) {
      case IMAGE_GENERATION -> new PricedItem.ImageGeneration(ImageSize.valueOf(size));
      case IMAGE_EDIT -> new PricedItem.ImageEdit(ImageSize.valueOf(size));
      case VIDEO -> new PricedItem.Video(model, VideoDuration.ofSeconds(Objects.requireNonNull(seconds, "seconds")),
          VideoSource.valueOf(source));
      case REELS -> new PricedItem.ReelsVideo();
      default -> throw new IllegalArgumentException("unknown item type " + type);
    };
  }
}
