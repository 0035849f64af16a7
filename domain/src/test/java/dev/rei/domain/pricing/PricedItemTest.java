package dev.rei.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.job.JobKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PricedItemTest {

  @ParameterizedTest
  @CsvSource({"TEXT, VIDEO_TEXT", "IMAGE, VIDEO_IMAGE", "VIDEO, VIDEO_VIDEO"})
  void givenVideoSource_jobKind_isTheMatchingVideoKind(VideoSource source, JobKind kind) {
    assertThat(source.jobKind()).isEqualTo(kind);
    assertThat(new PricedItem.Video("kling-3.0", VideoDuration.FIVE_SECONDS, source).jobKind()).isEqualTo(kind);
    assertThat(kind.isVideo()).isTrue();
  }

  @Test
  void givenEachItem_jobKind_isItsKind() {
    assertThat(new PricedItem.ImageGeneration(ImageSize.K1).jobKind()).isEqualTo(JobKind.IMAGE_GENERATE);
    assertThat(new PricedItem.ImageEdit(ImageSize.K4).jobKind()).isEqualTo(JobKind.IMAGE_EDIT);
    assertThat(new PricedItem.ReelsVideo().jobKind()).isEqualTo(JobKind.REELS_VIDEO);
  }

  @Test
  void givenMissingParts_construction_isRefused() {
    assertThatThrownBy(() -> new PricedItem.ImageGeneration(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PricedItem.ImageEdit(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PricedItem.Video(null, VideoDuration.FIVE_SECONDS, VideoSource.TEXT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PricedItem.Video("kling-3.0", null, VideoSource.TEXT)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PricedItem.Video("kling-3.0", VideoDuration.TEN_SECONDS, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenOfferedLengths_ofSeconds_findsThem() {
    assertThat(VideoDuration.ofSeconds(5)).isEqualTo(VideoDuration.FIVE_SECONDS);
    assertThat(VideoDuration.ofSeconds(10)).isEqualTo(VideoDuration.TEN_SECONDS);
    assertThat(VideoDuration.TEN_SECONDS.seconds()).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(ints = {7, 0, -5, 15, 6, 9})
  void givenLengthNotOffered_ofSeconds_isRefused(int seconds) {
    assertThatIllegalArgumentException().isThrownBy(() -> VideoDuration.ofSeconds(seconds)).withMessageContaining("5 or 10");
  }

  @Test
  void givenImageSizes_label_isWhatUsersSee() {
    assertThat(ImageSize.K1.label()).isEqualTo("1K");
    assertThat(ImageSize.K2.label()).isEqualTo("2K");
    assertThat(ImageSize.K4.label()).isEqualTo("4K");
  }

  @Test
  void givenValidIdAndName_videoModel_isAccepted() {
    assertThat(new VideoModel("kling-2.6", "Kling 2.6").id()).isEqualTo("kling-2.6");
    assertThat(new VideoModel("K", "k").displayName()).isEqualTo("k");
    assertThat(new VideoModel("a".repeat(60), "n".repeat(60)).id()).hasSize(60);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-kling", ".kling", "kling 3", "kling/3", "клинг", "kling\n"})
  void givenMalformedModelId_videoModel_isRefused(String id) {
    assertThatIllegalArgumentException().isThrownBy(() -> new VideoModel(id, "Kling"));
  }

  @Test
  void givenTooLongIdOrBadName_videoModel_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new VideoModel("a".repeat(61), "Kling"));
    assertThatIllegalArgumentException().isThrownBy(() -> new VideoModel("kling", null));
    assertThatIllegalArgumentException().isThrownBy(() -> new VideoModel("kling", " "));
    assertThatIllegalArgumentException().isThrownBy(() -> new VideoModel("kling", "n".repeat(61)));
  }
}
