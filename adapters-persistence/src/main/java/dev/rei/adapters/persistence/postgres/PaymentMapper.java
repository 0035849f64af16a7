package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.PaymentsRecord;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** {@code payments} rows to {@link Payment} and back: money as minor units, currency code and fraction digits. */
final class PaymentMapper {

  private PaymentMapper() {}

  /** Sets every column, nulls included, so the record can insert or update the whole row. */
  static void fill(PaymentsRecord row, Payment payment) {
    row.setId(payment.id().value());
    row.setRail(payment.rail().name());
    row.setProviderPaymentId(payment.providerPaymentId().map(ProviderPaymentId::value).orElse(null));
    row.setUserId(payment.userId().value());
    row.setAmountMinor(payment.amount().minorUnits());
    row.setCurrency(payment.amount().currency().code());
    row.setFractionDigits(payment.amount().currency().fractionDigits());
    row.setCreditsBase(payment.credits().base().value());
    row.setCreditsBonus(payment.credits().bonus().value());
    row.setStatus(payment.status().name());
    row.setCreatedAt(Times.toDb(payment.createdAt()));
    row.setSettledAt(payment.settledAt().map(Times::toDb).orElse(null));
    row.setUpdatedAt(Times.toDb(payment.updatedAt()));
  }

  static Payment toPayment(PaymentsRecord row) {
    return new Payment(PaymentId.of(row.getId()), Rail.valueOf(row.getRail()), UserId.of(row.getUserId()),
        Money.ofMinor(row.getAmountMinor(), new Currency(row.getCurrency(), row.getFractionDigits())),
        new CreditGrant(Credits.of(row.getCreditsBase()), Credits.of(row.getCreditsBonus())),
        PaymentStatus.valueOf(row.getStatus()), Optional.ofNullable(row.getProviderPaymentId()).map(ProviderPaymentId::new),
        Times.fromDb(row.getCreatedAt()), Optional.ofNullable(row.getSettledAt()).map(Times::fromDb),
        Times.fromDb(row.getUpdatedAt()));
  }
}
