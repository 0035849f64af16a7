package dev.rei.domain.pricing;

import static dev.rei.domain.fixtures.PricingFixtures.KLING_1_5;
import static dev.rei.domain.fixtures.PricingFixtures.KLING_2_6;
import static dev.rei.domain.fixtures.PricingFixtures.KLING_3_0;
import static dev.rei.domain.fixtures.PricingFixtures.QUOTE_VALIDITY;
import static dev.rei.domain.fixtures.PricingFixtures.imageEditPrices;
import static dev.rei.domain.fixtures.PricingFixtures.imageGenerationPrices;
import static dev.rei.domain.fixtures.PricingFixtures.klingFiveSecondPrices;
import static dev.rei.domain.fixtures.PricingFixtures.klingModels;
import static dev.rei.domain.fixtures.PricingFixtures.samplePriceList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.domain.job.JobKind;
import dev.rei.domain.ledger.Credits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PriceListTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final PriceList PRICES = samplePriceList();

  // --- The seed prices ---

  @Test
  void givenSeedPriceList_imagePrices_areTheSeedsAtOneKAndHigherAboveIt() {
    assertThat(PRICES.priceOf(new PricedItem.ImageGeneration(ImageSize.K1))).contains(Credits.of(50));
    assertThat(PRICES.priceOf(new PricedItem.ImageEdit(ImageSize.K1))).contains(Credits.of(30));
    assertThat(PRICES.priceOf(new PricedItem.ImageGeneration(ImageSize.K2)).orElseThrow())
        .isGreaterThan(Credits.of(50));
    assertThat(PRICES.priceOf(new PricedItem.ImageGeneration(ImageSize.K4)).orElseThrow())
        .isGreaterThan(PRICES.priceOf(new PricedItem.ImageGeneration(ImageSize.K2)).orElseThrow());
    assertThat(PRICES.priceOf(new PricedItem.ImageEdit(ImageSize.K4)).orElseThrow())
        .isGreaterThan(PRICES.priceOf(new PricedItem.ImageEdit(ImageSize.K2)).orElseThrow())
        .isGreaterThan(Credits.of(30));
  }

  @ParameterizedTest
  @EnumSource(ImageSize.class)
  void givenEverySize_priceOfImages_isTheConfiguredPrice(ImageSize size) {
    assertThat(PRICES.priceOf(new PricedItem.ImageGeneration(size))).contains(imageGenerationPrices().get(size));
    assertThat(PRICES.priceOf(new PricedItem.ImageEdit(size))).contains(imageEditPrices().get(size));
  }

  @ParameterizedTest
  @CsvSource({"kling-3.0", "kling-2.6", "kling-1.5"})
  void givenKlingModel_priceOfVideo_is100ForFiveSecondsAnd200ForTen(String model) {
    for (VideoSource source : VideoSource.values()) {
      assertThat(PRICES.priceOf(new PricedItem.Video(model, VideoDuration.FIVE_SECONDS, source))).contains(Credits.of(100));
      assertThat(PRICES.priceOf(new PricedItem.Video(model, VideoDuration.TEN_SECONDS, source))).contains(Credits.of(200));
    }
  }

  @Test
  void givenReelsVideo_priceOf_isOneCredit() {
    assertThat(PRICES.priceOf(new PricedItem.ReelsVideo())).contains(Credits.of(1));
  }

  @Test
  void givenUnlistedModel_priceOf_isEmpty() {
    assertThat(PRICES.priceOf(new PricedItem.Video("sora-2", VideoDuration.FIVE_SECONDS, VideoSource.TEXT))).isEmpty();
    assertThat(PRICES.priceOf(new PricedItem.Video("sora-2", VideoDuration.TEN_SECONDS, VideoSource.TEXT))).isEmpty();
  }

  @Test
  void givenModelId_videoModel_findsListedModelsOnly() {
    assertThat(PRICES.videoModel(KLING_2_6)).contains(new VideoModel(KLING_2_6, "Kling 2.6"));
    assertThat(PRICES.videoModel("KLING-2.6")).isEmpty();
    assertThat(PRICES.videoModels()).extracting(VideoModel::id).containsExactly(KLING_3_0, KLING_2_6, KLING_1_5);
  }

  @ParameterizedTest
  @CsvSource({
      "7, 150, 11", // 10.5 rounds up
      "7, 200, 14",
      "1, 101, 2", // 1.01 rounds up
      "100, 150, 150",
      "3, 133, 4", // 3.99 rounds up
  })
  void givenMultiplier_tenSecondPrice_isFiveSecondPriceTimesMultiplierRoundedUp(long fiveSeconds, int percent, long tenSeconds) {
    PriceList prices = new PriceList(imageGenerationPrices(), imageEditPrices(), List.of(new VideoModel("m", "M")),
        Map.of("m", Credits.of(fiveSeconds)), new Multiplier(percent), Credits.of(1), QUOTE_VALIDITY);

    assertThat(prices.priceOf(new PricedItem.Video("m", VideoDuration.TEN_SECONDS, VideoSource.IMAGE)))
        .contains(Credits.of(tenSeconds));
    assertThat(prices.priceOf(new PricedItem.Video("m", VideoDuration.FIVE_SECONDS, VideoSource.IMAGE)))
        .contains(Credits.of(fiveSeconds));
  }

  // --- Quotes ---

  @Test
  void givenItemAndCount_quote_fixesUnitPriceTotalAndValidityWindow() {
    QuoteResult result = PRICES.quote(new PricedItem.Video(KLING_3_0, VideoDuration.TEN_SECONDS, VideoSource.TEXT), 3, NOW);

    assertThat(result).isInstanceOfSatisfying(QuoteResult.Quoted.class, quoted -> {
      Quote quote = quoted.quote();
      assertThat(quote.unitPrice()).isEqualTo(Credits.of(200));
      assertThat(quote.count()).isEqualTo(3);
      assertThat(quote.total()).isEqualTo(Credits.of(600));
      assertThat(quote.issuedAt()).isEqualTo(NOW);
      assertThat(quote.validUntil()).isEqualTo(NOW.plus(QUOTE_VALIDITY));
      assertThat(quote.item().jobKind()).isEqualTo(JobKind.VIDEO_TEXT);
    });
  }

  @Test
  void givenFiveReelsVideos_quote_isOneOrderOfFiveCredits() {
    QuoteResult result = PRICES.quote(new PricedItem.ReelsVideo(), 5, NOW);

    assertThat(result).isInstanceOfSatisfying(QuoteResult.Quoted.class,
        quoted -> assertThat(quoted.quote().total()).isEqualTo(Credits.of(5)));
  }

  @Test
  void givenCountAtTheBounds_quote_isGiven() {
    assertThat(PRICES.quote(new PricedItem.ReelsVideo(), 1, NOW)).isInstanceOf(QuoteResult.Quoted.class);
    assertThat(PRICES.quote(new PricedItem.ReelsVideo(), Quote.MAX_COUNT, NOW)).isInstanceOf(QuoteResult.Quoted.class);
  }

  @ParameterizedTest
  @CsvSource({"0", "11", "-1", "2147483647"})
  void givenCountOutOfRange_quote_isRefused(int count) {
    assertThat(PRICES.quote(new PricedItem.ImageGeneration(ImageSize.K1), count, NOW))
        .isEqualTo(new QuoteResult.Refused(QuoteRefusal.COUNT_OUT_OF_RANGE));
  }

  @Test
  void givenUnknownModel_quote_isRefused() {
    assertThat(PRICES.quote(new PricedItem.Video("sora-2", VideoDuration.FIVE_SECONDS, VideoSource.VIDEO), 1, NOW))
        .isEqualTo(new QuoteResult.Refused(QuoteRefusal.UNKNOWN_MODEL));
  }

  @Test
  void givenUnknownModelAndBadCount_quote_reportsTheCountFirst() {
    assertThat(PRICES.quote(new PricedItem.Video("sora-2", VideoDuration.FIVE_SECONDS, VideoSource.VIDEO), 0, NOW))
        .isEqualTo(new QuoteResult.Refused(QuoteRefusal.COUNT_OUT_OF_RANGE));
  }

  @Test
  void givenRefusals_description_namesTheProblem() {
    assertThat(QuoteRefusal.COUNT_OUT_OF_RANGE.description()).contains("10");
    assertThat(QuoteRefusal.UNKNOWN_MODEL.description()).isNotBlank();
  }

  // --- Validation ---

  @Test
  void givenMissingImageSizePrice_construction_isRefused() {
    Map<ImageSize, Credits> withoutFourK = new EnumMap<>(imageGenerationPrices());
    withoutFourK.remove(ImageSize.K4);

    assertThatIllegalArgumentException().isThrownBy(() -> priceList(withoutFourK, imageEditPrices(), klingModels(),
        klingFiveSecondPrices(), Credits.of(1), QUOTE_VALIDITY)).withMessageContaining("4K");
    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), Map.of(), klingModels(),
        klingFiveSecondPrices(), Credits.of(1), QUOTE_VALIDITY)).withMessageContaining("image edit");
  }

  @Test
  void givenZeroImagePrice_construction_isRefused() {
    Map<ImageSize, Credits> freeEdit = new EnumMap<>(imageEditPrices());
    freeEdit.put(ImageSize.K2, Credits.ZERO);

    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), freeEdit, klingModels(),
        klingFiveSecondPrices(), Credits.of(1), QUOTE_VALIDITY));
  }

  @Test
  void givenModelListedTwice_construction_isRefused() {
    List<VideoModel> twice = List.of(new VideoModel(KLING_3_0, "Kling 3.0"), new VideoModel(KLING_3_0, "Kling 3.0 again"));

    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), twice,
        Map.of(KLING_3_0, Credits.of(100)), Credits.of(1), QUOTE_VALIDITY)).withMessageContaining("twice");
  }

  @Test
  void givenListedModelWithoutPrice_construction_isRefused() {
    Map<String, Credits> noPriceFor15 = new HashMap<>(klingFiveSecondPrices());
    noPriceFor15.remove(KLING_1_5);

    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        noPriceFor15, Credits.of(1), QUOTE_VALIDITY)).withMessageContaining(KLING_1_5);
  }

  @Test
  void givenPriceForUnlistedModel_construction_isRefused() {
    Map<String, Credits> extra = new HashMap<>(klingFiveSecondPrices());
    extra.put("sora-2", Credits.of(300));

    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        extra, Credits.of(1), QUOTE_VALIDITY)).withMessageContaining("not offered");
  }

  @Test
  void givenZeroVideoOrReelsPrice_construction_isRefused() {
    Map<String, Credits> freeVideo = new HashMap<>(klingFiveSecondPrices());
    freeVideo.put(KLING_2_6, Credits.ZERO);

    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        freeVideo, Credits.of(1), QUOTE_VALIDITY));
    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        klingFiveSecondPrices(), Credits.ZERO, QUOTE_VALIDITY)).withMessageContaining("Reels");
    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        klingFiveSecondPrices(), null, QUOTE_VALIDITY));
  }

  @Test
  void givenZeroOrNegativeQuoteValidity_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        klingFiveSecondPrices(), Credits.of(1), Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> priceList(imageGenerationPrices(), imageEditPrices(), klingModels(),
        klingFiveSecondPrices(), Credits.of(1), Duration.ofSeconds(-1)));
  }

  @Test
  void givenNoVideoModels_construction_isAccepted() {
    PriceList imagesOnly = priceList(imageGenerationPrices(), imageEditPrices(), List.of(), Map.of(), Credits.of(1),
        QUOTE_VALIDITY);

    assertThat(imagesOnly.quote(new PricedItem.Video(KLING_3_0, VideoDuration.FIVE_SECONDS, VideoSource.TEXT), 1, NOW))
        .isEqualTo(new QuoteResult.Refused(QuoteRefusal.UNKNOWN_MODEL));
  }

  @Test
  void givenMutableInputs_construction_copiesThem() {
    Map<ImageSize, Credits> generation = new EnumMap<>(imageGenerationPrices());
    List<VideoModel> models = new ArrayList<>(klingModels());
    Map<String, Credits> videos = new HashMap<>(klingFiveSecondPrices());
    PriceList prices = priceList(generation, imageEditPrices(), models, videos, Credits.of(1), QUOTE_VALIDITY);

    generation.put(ImageSize.K1, Credits.of(1));
    models.clear();
    videos.put(KLING_3_0, Credits.of(1));

    assertThat(prices.priceOf(new PricedItem.ImageGeneration(ImageSize.K1))).contains(Credits.of(50));
    assertThat(prices.videoModels()).hasSize(3);
    assertThat(prices.priceOf(new PricedItem.Video(KLING_3_0, VideoDuration.FIVE_SECONDS, VideoSource.TEXT)))
        .contains(Credits.of(100));
  }

  private static PriceList priceList(Map<ImageSize, Credits> generation, Map<ImageSize, Credits> edit, List<VideoModel> models,
      Map<String, Credits> videos, Credits reels, Duration validity) {
    return new PriceList(generation, edit, models, videos, Multiplier.parse("2"), reels, validity);
  }
}
