package dev.rei.adapters.telegram.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChatPacerTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final ChatPacer pacer = new ChatPacer(Pacing.TELEGRAM, nanos::get);

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void givenOneChat_whenTwoMessagesAtOnce_thenSecondWaitsAboutASecond() {
    assertThat(pacer.tryTake(1)).isZero();

    Duration wait = pacer.tryTake(1);

    assertThat(wait).isBetween(Duration.ofMillis(990), Duration.ofSeconds(1));
    advance(wait);
    assertThat(pacer.tryTake(1)).isZero();
  }

  @Test
  void givenManyChats_whenThirtyOneMessagesInOneInstant_thenTheThirtyFirstWaits() {
    for (long chat = 1; chat <= 30; chat++) {
      assertThat(pacer.tryTake(chat)).as("chat %s", chat).isZero();
    }

    Duration wait = pacer.tryTake(31);

    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(34));
    advance(wait);
    assertThat(pacer.tryTake(31)).isZero();
  }

  @Test
  void givenSustainedLoad_whenPacedForTenSeconds_thenAtMostThirtyASecondAndOneAChat() {
    int sent = 0;
    int[] perChat = new int[100];
    for (int tick = 0; tick < 10_000; tick++) {
      for (int chat = 0; chat < 100; chat++) {
        if (pacer.tryTake(chat).isZero()) {
          sent++;
          perChat[chat]++;
        }
      }
      advance(Duration.ofMillis(1));
    }
    assertThat(sent).isBetween(290, 330);
    for (int count : perChat) {
      assertThat(count).isLessThanOrEqualTo(11);
    }
  }

  @Test
  void givenRetryAfter_whenChatPaused_thenNothingToItUntilThePauseEnds() {
    pacer.pauseChat(7, Duration.ofSeconds(5));

    assertThat(pacer.tryTake(7)).isBetween(Duration.ofMillis(4_999), Duration.ofSeconds(5));
    assertThat(pacer.tryTake(8)).isZero();
    advance(Duration.ofSeconds(5));
    assertThat(pacer.tryTake(7)).isZero();
  }

  @Test
  void givenPacedCall_whenNoSlot_thenNothingTakenFromTheOtherBucket() {
    assertThat(pacer.tryTake(1)).isZero();
    for (int i = 0; i < 100; i++) {
      assertThat(pacer.tryTake(1)).isPositive();
    }
    // Refused tries took nothing from the global bucket: 29 other chats still go at once.
    for (long chat = 2; chat <= 30; chat++) {
      assertThat(pacer.tryTake(chat)).isZero();
    }
  }

  @Test
  void givenManyIdleChats_whenTheyRefill_thenTheirBucketsAreForgotten() {
    for (long chat = 0; chat < 1_000; chat++) {
      pacer.tryTake(chat);
      advance(Duration.ofMillis(40));
    }
    advance(Duration.ofSeconds(2));
    pacer.tryTake(5_000);

    assertThat(pacer.trackedChats()).isLessThan(100);
  }
}
