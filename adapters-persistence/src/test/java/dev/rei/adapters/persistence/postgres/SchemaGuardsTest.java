package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema refuses what the domain forbids, even if the code tried to write it. */
class SchemaGuardsTest {

  private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  private static final UserId ALICE = UserId.of(1001);

  private TestDatabases.Credentials credentials;
  private PostgresDatabase database;
  private TransferId holdId;

  @BeforeEach
  void aliceWithAHold() {
    credentials = TestDatabases.fresh();
    database = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 2);
    database.users().insertIfAbsent(User.register(ALICE, Language.RU, T0));
    database.ledger().openAccount(ALICE);
    apply(new TransferRequest.Post(IdempotencyKey.of("t1"), SystemAccount.SALES, AccountId.user(ALICE), Credits.of(10),
        TransferKind.TOP_UP, TransferMemo.of(ReferenceType.PAYMENT, "p")));
    holdId = ((TransferResult.Recorded) apply(new TransferRequest.Hold(IdempotencyKey.of("h1"), AccountId.user(ALICE),
        SystemAccount.REVENUE, Credits.of(4), TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, "j"),
        Optional.empty()))).transfer().id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private TransferResult apply(TransferRequest request) {
    return database.unitOfWork().inTransaction(
        () -> database.ledger().apply(request, TransferId.of(UUID.randomUUID()), T0));
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = TestDatabases.unpooled(credentials).getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void transfers_cannotBeUpdatedOrDeleted() {
    assertThatThrownBy(() -> sql("update transfers set amount = 1")).isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("delete from transfers")).isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void aUserAccount_cannotGoBelowZeroAvailable() {
    assertThatThrownBy(() -> sql("update accounts set debits_pending = 11 where code = 'user:1001'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("check");
    assertThatThrownBy(() -> sql("update accounts set debits_posted = 11 where code = 'user:1001'"))
        .isInstanceOf(SQLException.class).hasMessageContaining("check");
  }

  @Test
  void aHold_cannotBeResolvedTwice_andAKeyCannotRepeat() throws SQLException {
    assertThat(apply(new TransferRequest.Release(IdempotencyKey.of("r1"), holdId, ReleaseReason.FAILED)))
        .isInstanceOf(TransferResult.Recorded.class);
    String second = "insert into transfers (id, idempotency_key, type, debit_account, credit_account, amount, kind, "
        + "memo_type, memo_id, memo_note, pending_id, release_reason, created_at) values ('" + UUID.randomUUID()
        + "', 'r2', 'RELEASE', 'user:1001', 'system:revenue', 4, 'SPEND', 'JOB', 'j', '', '" + holdId.value()
        + "', 'FAILED', now())";
    assertThatThrownBy(() -> sql(second)).isInstanceOf(SQLException.class)
        .hasMessageContaining("transfers_one_resolution_per_hold");
    assertThatThrownBy(() -> sql(second.replace("'r2'", "'t1'").replace("'" + holdId.value() + "'", "null")
        .replace("'RELEASE'", "'POST'").replace("'FAILED'", "null")))
        .isInstanceOf(SQLException.class).hasMessageContaining("idempotency_key");
  }
}
