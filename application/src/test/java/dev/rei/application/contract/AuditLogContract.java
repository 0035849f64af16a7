package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do. */
public abstract class AuditLogContract extends StoreContract {

  private static final UserId ADMIN = UserId.of(900);

  private AuditLog.Entry record(String action, UserId target, int secondsAfterT0) {
    AuditLog.Entry entry = new AuditLog.Entry(ADMIN, action, target, "details of " + action, "reason " + action,
        T0.plusSeconds(secondsAfterT0));
    kit.auditLog().record(entry);
    return entry;
  }

  @Test
  void about_returnsTheTargetsEntriesNewestFirst_upToTheLimit() {
    AuditLog.Entry first = record("ban", ALICE, 0);
    AuditLog.Entry third = record("adjust", ALICE, 10);
    AuditLog.Entry second = record("unban", ALICE, 5);
    record("ban", BOB, 7);

    assertThat(kit.auditLog().about(ALICE, 10)).containsExactly(third, second, first);
    assertThat(kit.auditLog().about(ALICE, 2)).containsExactly(third, second);
    assertThat(kit.auditLog().about(UserId.of(77), 10)).isEmpty();
  }

  @Test
  void givenEntriesAtTheSameInstant_about_listsTheLaterRecordedFirst() {
    AuditLog.Entry a = record("ban", ALICE, 0);
    AuditLog.Entry b = record("unban", ALICE, 0);

    assertThat(kit.auditLog().about(ALICE, 10)).containsExactly(b, a);
  }

  @Test
  void givenLongFreeText_theEntryComesBackWhole() {
    AuditLog.Entry entry = new AuditLog.Entry(ADMIN, "adjust", ALICE, "−500 credits, payment " + "x".repeat(3_000),
        "«Возврат» по жалобе \"#42\"\n" + "y".repeat(3_000), T0.plusMillis(1));
    kit.auditLog().record(entry);

    assertThat(kit.auditLog().about(ALICE, 1)).containsExactly(entry);
  }

  @Test
  void givenRolledBackAction_itsEntryIsGone() {
    try {
      inTransaction(() -> {
        record("adjust", ALICE, 0);
        throw new IllegalStateException("the adjustment failed");
      });
    } catch (IllegalStateException expected) {
      // What matters is what is left.
    }

    assertThat(kit.auditLog().about(ALICE, 10)).isEmpty();
  }
}
