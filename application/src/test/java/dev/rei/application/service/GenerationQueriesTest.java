package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.job.GenerationsPage;
import dev.rei.application.port.in.job.GenerationsQuery;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's generations: their own jobs only, newest first, paged, within the days asked for. */
class GenerationQueriesTest {

  private static final UserId ALICE = UserId.of(1001);
  private static final UserId BOB = UserId.of(1002);

  private final InMemoryCore core = new InMemoryCore();
  private final Scenarios given = new Scenarios(core);

  @Test
  void givenFiveOrders_generations_pagesThemNewestFirstAndSaysWhetherMoreFollow() {
    given.register(ALICE);
    given.topUp(ALICE, 1_000);
    for (int i = 0; i < 5; i++) {
      core.clock.advance(Duration.ofMinutes(1));
      Job job = given.placed(ALICE, 1, "order-" + i).get(0);
      // At most three orders may be live at once; a cancelled job is a generation all the same.
      core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.USER));
    }

    GenerationsPage first = core.generations.generations(new GenerationsQuery(ALICE, 30, 0, 3));
    GenerationsPage second = core.generations.generations(new GenerationsQuery(ALICE, 30, 1, 3));

    assertThat(first.jobs()).hasSize(3);
    assertThat(first.hasMore()).isTrue();
    assertThat(second.jobs()).hasSize(2);
    assertThat(second.hasMore()).isFalse();
    List<Job> all = new java.util.ArrayList<>(first.jobs());
    all.addAll(second.jobs());
    assertThat(all).extracting(Job::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(all).allSatisfy(job -> assertThat(job.userId()).isEqualTo(ALICE));
  }

  @Test
  void givenAnOldOrder_generations_leaveOutWhatIsOlderThanTheDaysAsked() {
    given.register(ALICE);
    given.topUp(ALICE, 1_000);
    given.placed(ALICE, 1, "old");
    core.clock.advance(Duration.ofDays(31));
    Job recent = given.placed(ALICE, 1, "recent").get(0);

    assertThat(core.generations.generations(new GenerationsQuery(ALICE, 30, 0, 10)).jobs()).containsExactly(recent);
  }

  @Test
  void givenBobsJob_generationForAlice_readsAsAbsent() {
    given.register(ALICE);
    given.register(BOB);
    given.topUp(BOB, 1_000);
    Job bobs = given.placed(BOB, 1, "bob").get(0);

    assertThat(core.generation.generation(ALICE, bobs.id())).isEmpty();
    assertThat(core.generation.generation(BOB, bobs.id())).contains(bobs);
    assertThat(core.generations.generations(new GenerationsQuery(ALICE, 30, 0, 10)).jobs()).isEmpty();
  }

  @Test
  void givenAPageSizeOutOfRange_theQueryCannotBeMade() {
    assertThatThrownBy(() -> new GenerationsQuery(ALICE, 30, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GenerationsQuery(ALICE, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GenerationsQuery(ALICE, 30, -1, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
