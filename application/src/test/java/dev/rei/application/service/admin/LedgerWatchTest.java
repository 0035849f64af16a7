package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ADMIN;
import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.LedgerViolation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerWatchTest {

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @Test
  void givenSoundLedger_check_findsNothing_andAlertsNobody() {
    given.register(ALICE);
    given.topUp(ALICE, 20);
    given.order(ALICE, 3, "press-1");

    assertThat(core.ledgerWatch.check()).isEmpty();
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenBrokenLedger_check_alertsOncePerWindow_andNotAgainAfterAnAdminsReconcile() {
    given.register(ALICE);
    LedgerWatch watch = new LedgerWatch(core.db, inflated(core.ledger), core.notifier);

    List<LedgerViolation> violations = watch.check();

    assertThat(violations).isNotEmpty();
    assertThat(given.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.value("alert")).isEqualTo("ledger_violations");
      assertThat(alert.value("count")).isEqualTo(Integer.toString(violations.size()));
    });
    core.clock.advance(Duration.ofMinutes(30));
    assertThat(watch.check()).hasSameSizeAs(violations);
    assertThat(new ReconcileLedgerService(core.db, inflated(core.ledger), core.notifier, core.admins).reconcile(ADMIN))
        .isNotNull();
    assertThat(given.alerts()).hasSize(1);
    core.clock.advance(Duration.ofMinutes(31));
    watch.check();
    assertThat(given.alerts()).hasSize(2);
  }

  /** The store with one credit more posted on ALICE's account than her transfers explain. */
  private static LedgerStore inflated(LedgerStore ledger) {
    return (LedgerStore) java.lang.reflect.Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
        new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
          Object result = method.invoke(ledger, args);
          if (!method.getName().equals("balances")) {
            return result;
          }
          @SuppressWarnings("unchecked")
          List<AccountBalance> balances = (List<AccountBalance>) result;
          return balances.stream().map(b -> b.account().equals(AccountId.user(ALICE))
              ? new AccountBalance(b.account(), b.debitsPosted(), b.creditsPosted().plus(Credits.of(1)),
                  b.debitsPending(), b.creditsPending())
              : b).toList();
        });
  }
}
