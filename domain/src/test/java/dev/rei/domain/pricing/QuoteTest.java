package dev.rei.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.Credits;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteTest {

  @Test
  void givenTimeBeforeIssue_isValidAt_isFalse() {
    Instant issued = Instant.parse("2026-05-01T10:00:00Z");
    Quote quote = new Quote(new PricedItem.ReelsVideo(), 1, Credits.of(1), issued, issued.plusSeconds(600));

    assertThat(quote.isValidAt(issued.minusMillis(1))).isFalse();
    assertThat(quote.isValidAt(issued)).isTrue();
    assertThat(quote.isValidAt(issued.plusSeconds(600))).isFalse();
  }

  private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant UNTIL = ISSUED.plus(Duration.ofMinutes(10));
  private static final PricedItem REELS = new PricedItem.ReelsVideo();

  @Test
  void givenUnitPriceAndCount_total_isTheirProduct() {
    assertThat(new Quote(REELS, 5, Credits.of(1), ISSUED, UNTIL).total()).isEqualTo(Credits.of(5));
    assertThat(new Quote(new PricedItem.ImageGeneration(ImageSize.K1), 10, Credits.of(50), ISSUED, UNTIL).total())
        .isEqualTo(Credits.of(500));
    assertThat(new Quote(REELS, 1, Credits.of(7), ISSUED, UNTIL).total()).isEqualTo(Credits.of(7));
  }

  @Test
  void givenValidityWindow_isValidAt_holdsUntilJustBeforeTheEnd() {
    Quote quote = new Quote(REELS, 1, Credits.of(1), ISSUED, UNTIL);

    assertThat(quote.isValidAt(ISSUED)).isTrue();
    assertThat(quote.isValidAt(UNTIL.minusNanos(1))).isTrue();
    assertThat(quote.isValidAt(UNTIL)).isFalse();
    assertThat(quote.isValidAt(UNTIL.plusSeconds(1))).isFalse();
  }

  @Test
  void givenCountOutOfRange_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Quote(REELS, 0, Credits.of(1), ISSUED, UNTIL));
    assertThatIllegalArgumentException().isThrownBy(() -> new Quote(REELS, Quote.MAX_COUNT + 1, Credits.of(1), ISSUED, UNTIL));
    assertThat(new Quote(REELS, Quote.MAX_COUNT, Credits.of(1), ISSUED, UNTIL).count()).isEqualTo(10);
  }

  @Test
  void givenFreeItem_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Quote(REELS, 1, Credits.ZERO, ISSUED, UNTIL));
  }

  @Test
  void givenEmptyOrBackwardsWindow_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Quote(REELS, 1, Credits.of(1), ISSUED, ISSUED));
    assertThatIllegalArgumentException().isThrownBy(() -> new Quote(REELS, 1, Credits.of(1), UNTIL, ISSUED));
  }

  @Test
  void givenNulls_construction_isRefused() {
    assertThatThrownBy(() -> new Quote(null, 1, Credits.of(1), ISSUED, UNTIL)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Quote(REELS, 1, null, ISSUED, UNTIL)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Quote(REELS, 1, Credits.of(1), null, UNTIL)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Quote(REELS, 1, Credits.of(1), ISSUED, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenResults_construction_needsTheirContent() {
    assertThatThrownBy(() -> new QuoteResult.Quoted(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new QuoteResult.Refused(null)).isInstanceOf(NullPointerException.class);
  }
}
