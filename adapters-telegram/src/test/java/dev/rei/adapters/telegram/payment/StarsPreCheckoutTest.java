package dev.rei.adapters.telegram.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.telegram.inbox.PreCheckout;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fast-path answer to Stars checkouts: every refusal the brief names, in the payer's language. */
class StarsPreCheckoutTest {

  private static final UserId ALICE = UserId.of(1001);
  private static final UserId BOB = UserId.of(1002);

  private final InMemoryCore core = new InMemoryCore();
  private final Texts texts = Texts.load();
  private StarsPreCheckout checkout;
  private Payment pending;

  @BeforeEach
  void setUp() {
    core.register.register(new RegisterUserCommand(ALICE, Language.RU));
    core.register.register(new RegisterUserCommand(BOB, Language.EN));
    checkout = new StarsPreCheckout(core.db, core.payments, core.users, texts);
    pending = stars(ALICE, 100);
  }

  @Test
  void givenMatchingPendingPayment_whenAsked_thenAccepted() {
    PreCheckout.Answer answer = checkout.answer(query(ALICE, pending.id().toString(), "XTR", 100));

    assertThat(answer.ok()).isTrue();
  }

  @Test
  void givenPayloadThatIsNoPaymentId_whenAsked_thenRefusedAsInvalid() {
    PreCheckout.Answer answer = checkout.answer(query(ALICE, "payment-1", "XTR", 100));

    assertThat(answer.ok()).isFalse();
    assertThat(answer.errorMessage()).contains("недействителен");
  }

  @Test
  void givenUnknownPaymentId_whenAsked_thenRefusedAsInvalid() {
    PreCheckout.Answer answer = checkout.answer(query(ALICE, UUID.randomUUID().toString(), "XTR", 100));

    assertThat(answer.errorMessage()).contains("недействителен");
  }

  @Test
  void givenYooKassaPaymentId_whenAskedForStars_thenRefusedAsInvalid() {
    Payment roubles = Payment.start(PaymentId.of(UUID.randomUUID()), Rail.YOOKASSA, ALICE,
        Money.ofMajor(100, Currency.RUB), new CreditGrant(Credits.of(100), Credits.ZERO), InMemoryCore.START);
    core.db.inTransaction(() -> core.payments.insert(roubles));

    PreCheckout.Answer answer = checkout.answer(query(ALICE, roubles.id().toString(), "XTR", 10_000));

    assertThat(answer.ok()).isFalse();
  }

  @Test
  void givenAnotherUsersInvoice_whenBobPays_thenRefusedInBobsLanguage() {
    PreCheckout.Answer answer = checkout.answer(query(BOB, pending.id().toString(), "XTR", 100));

    assertThat(answer.ok()).isFalse();
    assertThat(answer.errorMessage()).contains("another user");
  }

  @Test
  void givenAmountOrCurrencyMismatch_whenAsked_thenRefused() {
    assertThat(checkout.answer(query(ALICE, pending.id().toString(), "XTR", 99)).errorMessage())
        .contains("Сумма не совпадает");
    assertThat(checkout.answer(query(ALICE, pending.id().toString(), "USD", 100)).errorMessage())
        .contains("Сумма не совпадает");
  }

  @Test
  void givenSettledPayment_whenAskedAgain_thenRefusedAsAlreadyPaid() {
    core.settle.settle(new PaymentNotification(Rail.TELEGRAM_STARS, pending.id(), new ProviderPaymentId("charge-1"),
        PaymentNotification.ReportedStatus.SUCCEEDED, Money.ofMajor(100, Currency.XTR), Optional.of(ALICE)));

    PreCheckout.Answer answer = checkout.answer(query(ALICE, pending.id().toString(), "XTR", 100));

    assertThat(answer.errorMessage()).contains("уже оплачен");
  }

  @Test
  void givenExpiredPayment_whenAsked_thenRefusedAsExpired() {
    core.db.inTransaction(() -> core.payments.update(pending.cancel(InMemoryCore.START)));

    assertThat(checkout.answer(query(ALICE, pending.id().toString(), "XTR", 100)).errorMessage())
        .contains("истёк");
  }

  @Test
  void givenBannedPayer_whenAsked_thenRefused() {
    core.ban.ban(new BanUserCommand(InMemoryCore.ADMIN, ALICE, "spam"));

    PreCheckout.Answer answer = checkout.answer(query(ALICE, pending.id().toString(), "XTR", 100));

    assertThat(answer.ok()).isFalse();
    assertThat(answer.errorMessage()).contains("ограничен");
  }

  @Test
  void givenStoreThatThrows_whenAsked_thenRefusedWithTryAgainNotThrown() {
    PaymentStore broken = (PaymentStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PaymentStore.class}, (proxy, method, args) -> {
          throw new IllegalStateException("database down");
        });
    StarsPreCheckout failing = new StarsPreCheckout(core.db, broken, core.users, texts);

    PreCheckout.Answer answer = failing.answer(new PreCheckout("q", ALICE.value(), "XTR", 100,
        pending.id().toString(), "en"));

    assertThat(answer.ok()).isFalse();
    assertThat(answer.errorMessage()).contains("try again");
  }

  private Payment stars(UserId user, long amount) {
    Payment payment = Payment.start(PaymentId.of(UUID.randomUUID()), Rail.TELEGRAM_STARS, user,
        Money.ofMajor(amount, Currency.XTR), new CreditGrant(Credits.of(amount), Credits.of(amount / 10)),
        InMemoryCore.START);
    core.db.inTransaction(() -> core.payments.insert(payment));
    return payment;
  }

  private static PreCheckout query(UserId payer, String payload, String currency, long amount) {
    return new PreCheckout("q-" + payer, payer.value(), currency, amount, payload, "ru");
  }
}
