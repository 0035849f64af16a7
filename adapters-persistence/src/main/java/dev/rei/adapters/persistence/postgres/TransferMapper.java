package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.AccountsRecord;
import dev.rei.adapters.persistence.postgres.jooq.tables.records.TransfersRecord;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferType;
import java.util.Optional;

/** Ledger rows to domain values and back; the core never sees a jOOQ record. */
final class TransferMapper {

  private TransferMapper() {}

  static Transfer toTransfer(TransfersRecord row) {
    return new Transfer(TransferId.of(row.getId()), IdempotencyKey.of(row.getIdempotencyKey()),
        TransferType.valueOf(row.getType()), AccountId.parse(row.getDebitAccount()), AccountId.parse(row.getCreditAccount()),
        Credits.of(row.getAmount()), TransferKind.valueOf(row.getKind()),
        new TransferMemo(ReferenceType.valueOf(row.getMemoType()), row.getMemoId(), row.getMemoNote()),
        Optional.ofNullable(row.getPendingId()).map(TransferId::of),
        Optional.ofNullable(row.getExpiresAt()).map(Times::fromDb),
        Optional.ofNullable(row.getReleaseReason()).map(ReleaseReason::valueOf),
        Times.fromDb(row.getCreatedAt()));
  }

  static void fill(TransfersRecord row, Transfer transfer) {
    row.setId(transfer.id().value());
    row.setIdempotencyKey(transfer.key().value());
    row.setType(transfer.type().name());
    row.setDebitAccount(transfer.debit().code());
    row.setCreditAccount(transfer.credit().code());
    row.setAmount(transfer.amount().value());
    row.setKind(transfer.kind().name());
    row.setMemoType(transfer.memo().referenceType().name());
    row.setMemoId(transfer.memo().referenceId());
    row.setMemoNote(transfer.memo().note());
    row.setPendingId(transfer.pendingId().map(TransferId::value).orElse(null));
    row.setExpiresAt(transfer.expiresAt().map(Times::toDb).orElse(null));
    row.setReleaseReason(transfer.releaseReason().map(Enum::name).orElse(null));
    row.setCreatedAt(Times.toDb(transfer.createdAt()));
  }

  static AccountBalance toBalance(AccountsRecord row) {
    return new AccountBalance(AccountId.parse(row.getCode()), Credits.of(row.getDebitsPosted()),
        Credits.of(row.getCreditsPosted()), Credits.of(row.getDebitsPending()), Credits.of(row.getCreditsPending()));
  }
}
