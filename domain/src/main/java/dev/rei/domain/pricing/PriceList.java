package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What everything costs in credits: images by size, videos by model for five seconds (ten seconds
 * cost that times {@code tenSecondMultiplier}), one Reels video. Quotes are valid for {@code
 * quoteValidity}.
 */
public record PriceList(
    Map<ImageSize, Credits> imageGenerate,
    Map<ImageSize, Credits> imageEdit,
    List<VideoModel> videoModels,
    Map<String, Credits> videoFiveSeconds,
    Multiplier tenSecondMultiplier,
    Credits reelsVideo,
    Duration quoteValidity) {

  public PriceList {
    Objects.requireNonNull(videoModels, "videoModels");
    Objects.requireNonNull(tenSecondMultiplier, "tenSecondMultiplier");
    Objects.requireNonNull(quoteValidity, "quoteValidity");
    imageGenerate = completeImagePrices(imageGenerate, "image generation");
    imageEdit = completeImagePrices(imageEdit, "image edit");
    videoModels = List.copyOf(videoModels);
    videoFiveSeconds = Map.copyOf(videoFiveSeconds);
    requirePositive(reelsVideo, "a Reels video");
    if (quoteValidity.isNegative() || quoteValidity.isZero()) {
      throw new IllegalArgumentException("quotes must be valid for a positive time");
    }
    Map<String, VideoModel> byId = new LinkedHashMap<>();
    for (VideoModel model : videoModels) {
      if (byId.put(model.id(), model) != null) {
        throw new IllegalArgumentException("video model " + model.id() + " is listed twice");
      }
      requirePositive(videoFiveSeconds.get(model.id()), "video model " + model.id());
    }
    if (!byId.keySet().containsAll(videoFiveSeconds.keySet())) {
      throw new IllegalArgumentException("video prices name models that are not offered: " + videoFiveSeconds.keySet());
    }
  }

  private static Map<ImageSize, Credits> completeImagePrices(Map<ImageSize, Credits> prices, String what) {
    Objects.requireNonNull(prices, what);
    for (ImageSize size : ImageSize.values()) {
      requirePositive(prices.get(size), what + " at " + size.label());
    }
    return Map.copyOf(new EnumMap<>(prices));
  }

  private static void requirePositive(Credits price, String what) {
    if (price == null || !price.isPositive()) {
      throw new IllegalArgumentException("the price of " + what + " must be at least one credit");
    }
  }

  public Optional<VideoModel> videoModel(String modelId) {
    return videoModels.stream().filter(m -> m.id().equals(modelId)).findFirst();
  }

  /** The price of one {@code item}, or empty for a video model that is not offered. */
  public Optional<Credits> priceOf(PricedItem item) {
    if (item instanceof PricedItem.ImageGeneration generation) {
      return Optional.of(imageGenerate.get(generation.size()));
    }
    if (item instanceof PricedItem.ImageEdit edit) {
      return Optional.of(imageEdit.get(edit.size()));
    }
    if (item instanceof PricedItem.Video video) {
      Optional<Credits> five = Optional.ofNullable(videoFiveSeconds.get(video.modelId()));
      return video.duration() == VideoDuration.FIVE_SECONDS ? five : five.map(tenSecondMultiplier::applyTo);
    }
    return Optional.of(reelsVideo);
  }

  /** A quote for {@code count} of {@code item}, valid from {@code now} for {@link #quoteValidity()}. */
  public QuoteResult quote(PricedItem item, int count, Instant now) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(now, "now");
    if (count < 1 || count > Quote.MAX_COUNT) {
      return new QuoteResult.Refused(QuoteRefusal.COUNT_OUT_OF_RANGE);
    }
    return priceOf(item)
        .<QuoteResult>map(price -> new QuoteResult.Quoted(new Quote(item, count, price, now, now.plus(quoteValidity))))
        .orElseGet(() -> new QuoteResult.Refused(QuoteRefusal.UNKNOWN_MODEL));
  }
}
