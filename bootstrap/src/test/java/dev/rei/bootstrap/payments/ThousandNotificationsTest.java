package dev.rei.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.heleket.HeleketSigner;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 1,000 notifications for 100 payments against the running process: each payment's payer action
 * on the simulated rail (which sends the first notification), the rail's own repeats, replays of the
 * final bodies and forged "paid" bodies for unpaid payments, all shuffled and sent from 16 threads
 * at once to the real webhook routes over real PostgreSQL, while the payment reconciler re-reads
 * pending payments every second. Each paid payment is credited exactly once, nothing else is
 * credited, and the ledger reconciles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThousandNotificationsTest {

  private static final int USERS = 20;
  private static final int PAYMENTS = 100;
  private static final int DELIVERIES_PER_PAYMENT = 10;
  private static final int THREADS = 16;
  private static final long FIRST_USER = 81_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the payer does on the rail; {@link #NEVER} leaves the payment pending. */
  private enum Fate { PAID, PAID_OVER, CANCELED, WRONG_AMOUNT, NEVER }

  private record Planned(Payment payment, Fate fate, String packageCode) {}

  private RailsProcess rails;

  @BeforeAll
  void start() throws IOException {
    // The reconciler re-reads pending payments every second meanwhile, racing the webhooks.
    rails = new RailsProcess(Map.of("PAYMENT_RECONCILE_INTERVAL_SECONDS", "1", "PAYMENT_RECONCILE_MIN_AGE_SECONDS", "1",
        "WORKER_THREADS", "1"), Set.of(Role.WORKER));
  }

  @AfterAll
  void stop() {
    rails.close();
  }

  @Test
  void givenAThousandDuplicatedReorderedConcurrentNotifications_eachPaidPaymentIsCreditedExactlyOnce()
      throws Exception {
    for (int u = 0; u < USERS; u++) {
      rails.register(user(u));
    }
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < PAYMENTS; i++) {
      Rail rail = i % 2 == 0 ? Rail.YOOKASSA : Rail.HELEKET;
      String code = rail == Rail.YOOKASSA ? "p" + (100 * (1 + i % 3)) : "p" + (1 + i % 3);
      planned.add(new Planned(rails.startTopUp(user(i % USERS), rail, code), fate(rail, (i / 2) % 10), code));
    }

    List<IntSupplier> deliveries = new ArrayList<>();
    for (Planned p : planned) {
      deliveries.addAll(deliveriesOf(p));
    }
    assertThat(deliveries).hasSize(PAYMENTS * DELIVERIES_PER_PAYMENT);
    Collections.shuffle(deliveries, new Random(20_261_123L));

    Map<Integer, Integer> answered = deliverConcurrently(deliveries);

    // Every delivery reached the process and was accepted (duplicates and forgeries are answered 200 too).
    assertThat(answered).containsOnlyKeys(200);
    Map<Fate, Long> expectedStatuses = planned.stream().collect(Collectors.groupingBy(Planned::fate,
        Collectors.counting()));
    Map<PaymentStatus, Long> settled = planned.stream().map(p -> rails.payment(p.payment().id()).status())
        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(settled.get(PaymentStatus.SUCCEEDED))
        .isEqualTo(expectedStatuses.get(Fate.PAID) + expectedStatuses.get(Fate.PAID_OVER));
    for (Planned p : planned) {
      assertThat(rails.payment(p.payment().id()).status()).as("payment %s (%s)", p.payment().id(), p.fate())
          .isEqualTo(switch (p.fate()) {
            case PAID, PAID_OVER -> PaymentStatus.SUCCEEDED;
            case CANCELED -> PaymentStatus.CANCELED;
            case WRONG_AMOUNT, NEVER -> PaymentStatus.PENDING;
          });
    }

    // No payment credited twice, none credited that should not be: the ledger's own record.
    List<Transfer> transfers = rails.get(UnitOfWork.class).inTransaction(() -> rails.get(LedgerStore.class).transfers());
    Map<String, List<Transfer>> byPayment = transfers.stream()
        .filter(t -> t.memo().referenceType() == ReferenceType.PAYMENT)
        .collect(Collectors.groupingBy(t -> t.memo().referenceId()));
    Map<UserId, Credits> expectedBalances = new HashMap<>();
    for (Planned p : planned) {
      List<Transfer> credits = byPayment.getOrDefault(p.payment().id().toString(), List.of());
      boolean paid = p.fate() == Fate.PAID || p.fate() == Fate.PAID_OVER;
      if (!paid) {
        assertThat(credits).as("credits of unpaid payment %s (%s)", p.payment().id(), p.fate()).isEmpty();
        continue;
      }
      boolean bonus = p.payment().credits().bonus().isPositive();
      assertThat(credits).as("credits of payment %s", p.payment().id()).hasSize(bonus ? 2 : 1);
      assertThat(credits).filteredOn(t -> t.kind() == TransferKind.TOP_UP).singleElement()
          .satisfies(t -> assertThat(t.amount()).isEqualTo(p.payment().credits().base()));
      // paid_over credits the package, never more.
      assertThat(credits.stream().map(Transfer::amount).reduce(Credits.ZERO, Credits::plus))
          .isEqualTo(p.payment().credits().total());
      expectedBalances.merge(p.payment().userId(), p.payment().credits().total(), Credits::plus);
    }
    assertThat(byPayment.keySet()).containsExactlyInAnyOrderElementsOf(planned.stream()
        .filter(p -> p.fate() == Fate.PAID || p.fate() == Fate.PAID_OVER).map(p -> p.payment().id().toString())
        .toList());
    for (int u = 0; u < USERS; u++) {
      assertThat(rails.get(GetBalanceUseCase.class).balance(user(u)).available()).as("balance of user %d", u)
          .isEqualTo(expectedBalances.getOrDefault(user(u), Credits.ZERO));
    }
    ReconcileLedgerUseCase.Result audit = rails.get(ReconcileLedgerUseCase.class).reconcile(UserId.of(RailsProcess.ADMIN));
    assertThat(audit).isInstanceOfSatisfying(ReconcileLedgerUseCase.Result.Report.class,
        report -> assertThat(report.violations()).isEmpty());
  }

  private static UserId user(int index) {
    return UserId.of(FIRST_USER + index);
  }

  /** Seven in ten paid (one of them 10% over, on Heleket), one canceled, one never paid, one underpaid or canceled. */
  private static Fate fate(Rail rail, int slot) {
    return switch (slot) {
      case 0, 1, 2, 3, 4, 5 -> Fate.PAID;
      case 6 -> rail == Rail.HELEKET ? Fate.PAID_OVER : Fate.PAID;
      case 7 -> Fate.CANCELED;
      case 8 -> Fate.NEVER;
      default -> rail == Rail.HELEKET ? Fate.WRONG_AMOUNT : Fate.CANCELED;
    };
  }

  /**
   * Ten deliveries for one payment. For a payment the payer acts on: the action itself (the rail
   * sends its notification), four repeats by the rail, five replays of the final notification's body.
   * For one never paid: five repeats of its pending state and five forged "paid" bodies.
   */
  private List<IntSupplier> deliveriesOf(Planned p) {
    Payment payment = p.payment();
    List<IntSupplier> out = new ArrayList<>();
    if (payment.rail() == Rail.YOOKASSA) {
      String id = payment.providerPaymentId().orElseThrow().value();
      String status = p.fate() == Fate.CANCELED ? "canceled" : "succeeded";
      if (p.fate() != Fate.NEVER) {
        out.add(() -> rails.yookassa().pay(id, status));
      }
      while (out.size() < 5) {
        out.add(() -> rails.yookassa().notify(id));
      }
      while (out.size() < DELIVERIES_PER_PAYMENT) {
        out.add(() -> rails.post(rails.yookassaWebhookPath(), yookassaBody(id, status)));
      }
    } else {
      String uuid = payment.providerPaymentId().orElseThrow().value();
      String status = switch (p.fate()) {
        case PAID, NEVER -> "paid";
        case PAID_OVER -> "paid_over";
        case CANCELED -> "cancel";
        case WRONG_AMOUNT -> "wrong_amount";
      };
      if (p.fate() != Fate.NEVER) {
        out.add(() -> rails.heleket().pay(uuid, status));
      }
      while (out.size() < 5) {
        out.add(() -> rails.heleket().resend(uuid));
      }
      while (out.size() < DELIVERIES_PER_PAYMENT) {
        out.add(() -> rails.post("/webhooks/heleket", heleketBody(uuid, status)));
      }
    }
    return out;
  }

  /** YooKassa's notification for payment {@code id}, saying it is {@code status} — believed for its id only. */
  private byte[] yookassaBody(String id, String status) {
    ObjectNode notification = JSON.createObjectNode();
    notification.put("type", "notification");
    notification.put("event", "payment." + status);
    ObjectNode object = (ObjectNode) rails.yookassa().payment(id).orElseThrow();
    object.put("status", status);
    notification.set("object", object);
    return bytes(notification);
  }

  /** A webhook for Heleket's invoice {@code uuid} saying it is {@code status}, signed with the merchant's key. */
  private byte[] heleketBody(String uuid, String status) {
    JsonNode invoice = rails.heleket().invoice(uuid).orElseThrow();
    ObjectNode webhook = JSON.createObjectNode();
    webhook.put("type", "payment");
    for (String field : List.of("uuid", "order_id", "amount", "payment_amount", "merchant_amount", "network",
        "currency", "payer_currency", "payer_amount")) {
      webhook.set(field, invoice.get(field));
    }
    webhook.put("status", status);
    webhook.put("is_final", true);
    return HeleketSigner.signedWebhookBody(webhook, rails.heleketSettings().apiKey());
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs every delivery on {@link #THREADS} threads, all starting together; how many got each HTTP status. */
  private static Map<Integer, Integer> deliverConcurrently(List<IntSupplier> deliveries) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    ConcurrentMap<Integer, Integer> answered = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (IntSupplier delivery : deliveries) {
        sent.add(pool.submit(() -> {
          go.await();
          answered.merge(delivery.getAsInt(), 1, Integer::sum);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : sent) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return answered;
  }
}
