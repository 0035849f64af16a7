package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;


import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.inbox.Housekeeping;
import dev.rei.application.fakes.InMemoryChatStateStore;
import dev.rei.application.fakes.InMemoryInboundUpdates;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.InboundUpdates.InboundUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TelegramBotTest {

  @Test
  void givenWrongToken_whenStarted_thenOneClearErrorWithoutTheTokenAndNoThreadsLeft() throws Exception {
    try (BotHarness harness = new BotHarness()) {
      TelegramSettings wrong = TelegramSettings.defaults("999:WRONG-token", harness.api.url(), Set.of())
          .withInbox(harness.settings.inbox()).withPollTimeoutSeconds(1);
      try (TelegramConnection connection = TelegramBot.connect(wrong)) {
        TelegramBot bot = new TelegramBot(wrong, connection, harness.ports, harness.useCases(), null);

        assertThatThrownBy(bot::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("cannot start polling Telegram at " + harness.api.url())
            .hasMessageNotContaining("WRONG-token");
        // A pool's worker thread ends just after the pool reports itself terminated: wait for that, not longer.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
            .extracting(Thread::getName).noneMatch(name -> name.startsWith("rei-")));
      }
    }
  }

  @Test
  void givenSettings_whenPrinted_thenTokenHidden() {
    TelegramSettings settings = TelegramSettings.defaults(FakeBotApi.TOKEN, "https://api.telegram.org", Set.of(1L));

    assertThat(settings.toString()).doesNotContain(FakeBotApi.TOKEN).contains("botToken=<hidden>");
  }

  @Test
  void givenMalformedToken_whenConfigured_thenRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> TelegramSettings.defaults("not a token", "https://api.telegram.org", Set.of()))
        .hasMessageNotContaining("not a token").hasMessageContaining("bot token");
  }

  @Test
  void givenOldStateAndUpdates_whenHousekeeping_thenExpiredAndOldHandledForgotten() {
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    InMemoryChatStateStore chatState = new InMemoryChatStateStore();
    InMemoryInboundUpdates inbox = new InMemoryInboundUpdates();
    chatState.put("btn", "old", "x", clock.now().plusSeconds(60));
    chatState.put("btn", "new", "x", clock.now().plus(Duration.ofDays(30)));
    inbox.append(List.of(InboundUpdate.received(1, 1, "{}", clock.now())));
    inbox.markHandled(1, clock.now());
    clock.advance(Duration.ofDays(8));

    new Housekeeping(chatState, inbox, clock).runOnce();

    assertThat(chatState.get("btn", "old", clock.now())).isEmpty();
    assertThat(chatState.get("btn", "new", clock.now())).isPresent();
    assertThat(inbox.purgeHandled(clock.now())).isZero();
  }
}
