package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.AccountStep;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.payment.StarsPaid;
import dev.rei.adapters.telegram.state.TopUpPrompts;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.application.port.in.payment.CheckPaymentCommand;
import dev.rei.application.port.in.payment.CheckPaymentRefusal;
import dev.rei.application.port.in.payment.CheckPaymentResult;
import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.payment.TopUpStartRefusal;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.payment.SettlementRefusal;
import dev.rei.domain.pricing.CustomAmountRule;
import dev.rei.domain.pricing.TopUpCatalog;
import dev.rei.domain.pricing.TopUpPackage;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * 💳 Top up: choose a rail (only rails with something on offer), then a package or a custom number
 * of credits, then pay through the rail's link or the Stars invoice; "🔄 Check payment" asks the
 * rail at once. The credits themselves are told through the outbox when the payment settles; a
 * Stars {@code successful_payment} is settled here.
 */
public final class TopUpFlow {

  private static final Logger log = LoggerFactory.getLogger(TopUpFlow.class);
  static final Duration BUTTON_TTL = Duration.ofDays(1);
  static final Duration CHECK_BUTTON_TTL = Duration.ofDays(3);
  /** Digits, perhaps grouped by spaces ("1 000"); nine digits are far above any sane bound. */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9][0-9  _]{0,11}");

  private final FlowKit kit;
  private final GetCatalogUseCase catalog;
  private final StartTopUpUseCase startTopUp;
  private final CheckPaymentUseCase checkPayment;
  private final SettlePaymentUseCase settle;
  private final TopUpPrompts prompts;
  private final RateLimiter rateLimiter;
  private final String supportContact;

  public TopUpFlow(FlowKit kit, GetCatalogUseCase catalog, StartTopUpUseCase startTopUp,
      CheckPaymentUseCase checkPayment, SettlePaymentUseCase settle, TopUpPrompts prompts, RateLimiter rateLimiter,
      String supportContact) {
    this.kit = kit;
    this.catalog = catalog;
    this.startTopUp = startTopUp;
    this.checkPayment = checkPayment;
    this.settle = settle;
    this.prompts = prompts;
    this.rateLimiter = rateLimiter;
    this.supportContact = supportContact == null ? "" : supportContact;
  }

  /** The rails on offer; with only one, its packages straight away. */
  public void show(ChatUser user, CallbackQuery query) {
    List<Rail> rails = railsOnOffer(catalog.catalog().topUps());
    if (rails.isEmpty()) {
      AccountScreens.show(kit, user, query, kit.text(user, "topup.none", "contact", contact(user)),
          kit.keyboards().menuOnly(user.language()));
      return;
    }
    if (rails.size() == 1) {
      rail(user, query, rails.get(0));
      return;
    }
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    for (Rail rail : rails) {
      rows.add(List.of(step(user, kit.text(user, "rail." + rail.name()), new AccountStep.ChooseRail(rail))));
    }
    rows.add(List.of(kit.keyboards().nav(user.language(), "button.account.back",
        Navigation.ACCOUNT), kit.keyboards().menuButton(user.language())));
    AccountScreens.show(kit, user, query, kit.text(user, "topup.rails"), Keyboards.rows(rows));
  }

  /** The packages (and custom amount) of {@code rail}. */
  void rail(ChatUser user, CallbackQuery query, Rail rail) {
    TopUpCatalog topUps = catalog.catalog().topUps();
    List<TopUpPackage> packages = topUps.packagesFor(rail);
    Optional<CustomAmountRule> custom = topUps.customAmountFor(rail);
    if (packages.isEmpty() && custom.isEmpty()) {
      AccountScreens.show(kit, user, query, kit.text(user, "topup.refused.RAIL_NOT_OFFERED"), back(user));
      return;
    }
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    for (TopUpPackage offer : packages) {
      rows.add(List.of(step(user, packageLabel(user, offer), new AccountStep.ChoosePackage(rail, offer.code()))));
    }
    if (custom.isPresent()) {
      rows.add(List.of(step(user, kit.text(user, "button.topup.custom"), new AccountStep.CustomAmount(rail))));
    }
    rows.add(backRow(user));
    boolean bonus = packages.stream().anyMatch(p -> p.bonus().isPositive());
    String text = kit.text(user, "topup.packages", "rail", kit.text(user, "rail." + rail.name()),
        "bonusNote", bonus ? kit.text(user, "topup.packages.bonus") : "");
    AccountScreens.show(kit, user, query, text, Keyboards.rows(rows));
  }

  /** A press on a top-up button. */
  void press(ChatUser user, CallbackQuery query, AccountStep step) {
    if (step instanceof AccountStep.ChooseRail chosen) {
      kit.replies().answer(query.getId(), null);
      rail(user, query, chosen.rail());
    } else if (step instanceof AccountStep.ChoosePackage chosen) {
      start(user, query, chosen.rail(), new TopUpChoice.Package(chosen.code()));
    } else if (step instanceof AccountStep.CustomAmount custom) {
      askAmount(user, query, custom.rail());
    } else if (step instanceof AccountStep.CheckPayment check) {
      check(user, query, check.paymentId());
    }
  }

  private void askAmount(ChatUser user, CallbackQuery query, Rail rail) {
    Optional<CustomAmountRule> rule = catalog.catalog().topUps().customAmountFor(rail);
    if (rule.isEmpty()) {
      kit.replies().answer(query.getId(), kit.text(user, "topup.refused.CUSTOM_AMOUNT_NOT_OFFERED"));
      return;
    }
    kit.replies().answer(query.getId(), null);
    // The next text is the amount, not a step of another flow.
    kit.conversations().reset(user.id());
    prompts.ask(user.id(), rail);
    AccountScreens.show(kit, user, query, kit.text(user, "topup.custom.ask", "min", rule.get().min().value(),
        "max", rule.get().max().value(), "price", TopUpMoney.text(rule.get().pricePerCredit())), back(user));
  }

  /** Whether the user's next text is the custom amount they were asked for. */
  public boolean awaitsAmount(ChatUser user) {
    return prompts.pending(user.id()).isPresent();
  }

  /** Any other action ends the question for a custom amount. */
  public void forgetAmount(ChatUser user) {
    prompts.forget(user.id());
  }

  /** The text the user sent while asked for a custom amount. */
  public void onAmount(ChatUser user, String text) {
    Optional<Rail> rail = prompts.pending(user.id());
    Optional<CustomAmountRule> rule = rail.flatMap(r -> catalog.catalog().topUps().customAmountFor(r));
    if (rule.isEmpty()) {
      prompts.forget(user.id());
      show(user, null);
      return;
    }
    long min = rule.get().min().value();
    long max = rule.get().max().value();
    String digits = text.strip();
    if (!WHOLE_NUMBER.matcher(digits).matches()) {
      kit.replies().send(user.chatId(), kit.text(user, "topup.custom.notNumber", "min", min, "max", max), back(user));
      return;
    }
    long wanted = Long.parseLong(digits.replaceAll("[  _]", ""));
    if (wanted < min || wanted > max) {
      kit.replies().send(user.chatId(), kit.text(user, "topup.custom.outOfRange", "min", min, "max", max), back(user));
      return;
    }
    prompts.forget(user.id());
    start(user, null, rail.get(), new TopUpChoice.Custom(Credits.of(wanted)));
  }

  private void start(ChatUser user, CallbackQuery query, Rail rail, TopUpChoice choice) {
    // Payments have their own, tighter limit (2 a minute by default): each one opens a payment at a rail.
    LimitDecision decision = rateLimiter.tryAcquire(user.id(), ActionClass.PAYMENT, kit.clock().now());
    if (!decision.isAllowed()) {
      String text = kit.text(user, "rate.limited", "minutes", WaitWords.of(kit.texts(), user.language(),
          decision.retryAt().map(at -> Duration.between(kit.clock().now(), at)).orElse(Duration.ofMinutes(1))));
      if (query != null) {
        kit.replies().answer(query.getId(), text);
      }
      kit.replies().send(user.chatId(), text, kit.keyboards().menuOnly(user.language()));
      return;
    }
    TopUpStart start = startTopUp.startTopUp(new StartTopUpCommand(user.id(), rail, choice));
    if (start instanceof TopUpStart.Refused refused) {
      String text = refusal(user, refused.reason(), rail);
      if (query != null) {
        kit.replies().answer(query.getId(), text);
      }
      kit.replies().send(user.chatId(), text, refused.reason() == TopUpStartRefusal.RAIL_UNAVAILABLE
          || refused.reason() == TopUpStartRefusal.RAIL_NOT_OFFERED ? back(user) : kit.keyboards().menuOnly(user.language()));
      return;
    }
    TopUpStart.Started started = (TopUpStart.Started) start;
    Payment payment = started.payment();
    String amount = TopUpMoney.text(payment.amount());
    Object credits = payment.credits().total();
    if (query != null) {
      kit.replies().answer(query.getId(), null);
    }
    Optional<String> payUrl = started.checkout().payUrl();
    if (payUrl.isEmpty()) {
      // The rail sent its own invoice into the chat (Telegram Stars): it carries the Pay button.
      kit.replies().send(user.chatId(), kit.text(user, "topup.invoice", "amount", amount, "credits", credits),
          kit.keyboards().menuOnly(user.language()));
      return;
    }
    InlineKeyboardButton pay = InlineKeyboardButton.builder()
        .text(kit.text(user, "button.pay", "amount", amount)).url(payUrl.get()).build();
    InlineKeyboardButton check = kit.buttons().button(kit.text(user, "button.checkPayment"),
        new ButtonAction.Account(user.id().value(), new AccountStep.CheckPayment(payment.id().toString())),
        CHECK_BUTTON_TTL);
    kit.replies().send(user.chatId(), kit.text(user, "topup.link", "amount", amount, "credits", credits),
        Keyboards.rows(List.of(List.of(pay), List.of(check), List.of(kit.keyboards().menuButton(user.language())))));
  }

  private void check(ChatUser user, CallbackQuery query, String paymentId) {
    PaymentId id;
    try {
      id = PaymentId.parse(paymentId);
    } catch (IllegalArgumentException e) {
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    CheckPaymentResult result = checkPayment.check(new CheckPaymentCommand(user.id(), id));
    String key;
    boolean ended = true;
    if (result instanceof CheckPaymentResult.Checked checked) {
      key = checkedKey(checked.result());
    } else if (result instanceof CheckPaymentResult.StillPending) {
      key = "check.pending";
      ended = false;
    } else if (result instanceof CheckPaymentResult.AlreadyFinal already) {
      key = switch (already.payment().status()) {
        case SUCCEEDED -> "check.paid";
        case REFUNDED -> "check.refunded";
        case CANCELED -> "check.canceled";
        case PENDING -> "check.pending";
      };
      ended = already.payment().status() != PaymentStatus.PENDING;
    } else {
      CheckPaymentResult.Refused refused = (CheckPaymentResult.Refused) result;
      // An unknown payment or someone else's reads as an out-of-date button, saying no more.
      kit.replies().answer(query.getId(), kit.text(user,
          refused.reason() == CheckPaymentRefusal.RAIL_UNAVAILABLE ? "check.unavailable" : "button.outdated"));
      return;
    }
    String text = kit.text(user, key, "contact", contact(user));
    kit.replies().answer(query.getId(), text);
    if (ended) {
      // The pay and check buttons have done their work; the message says how it ended.
      AccountScreens.appendAndClose(kit, user, query, text, kit.keyboards().menuOnly(user.language()));
    }
  }

  /** Settles a Stars charge Telegram reported; the credits are told through the outbox. */
  public void paid(long chatId, Language language, StarsPaid paid) {
    Optional<PaymentNotification> notification = paid.toNotification();
    if (notification.isEmpty()) {
      log.error("successful_payment that names no payment of ours: payer {}, payload length {}, charge {}; credit by hand",
          paid.payerId(), paid.payload().length(), paid.chargeId());
      kit.replies().send(chatId, kit.texts().text(language, "paid.mismatch", "contact", contact(language)), null);
      return;
    }
    SettleResult result = settle.settle(notification.get());
    if (result instanceof SettleResult.Ignored ignored && ignored.reason() != SettlementRefusal.ALREADY_SETTLED) {
      // The core alerted the admins when this is an anomaly; the payer learns that a person will look.
      log.warn("Stars charge {} for payment {} not credited: {}", paid.chargeId(), notification.get().paymentId(),
          ignored.reason());
      kit.replies().send(chatId, kit.texts().text(language, "paid.mismatch", "contact", contact(language)),
          null);
    }
  }

  private static String checkedKey(SettleResult result) {
    if (result instanceof SettleResult.Settled) {
      return "check.paid";
    }
    if (result instanceof SettleResult.Canceled) {
      return "check.canceled";
    }
    SettlementRefusal reason = ((SettleResult.Ignored) result).reason();
    return switch (reason) {
      case ALREADY_SETTLED -> "check.paid";
      case ALREADY_CANCELED -> "check.canceled";
      case ALREADY_REFUNDED -> "check.refunded";
      case STILL_PENDING -> "check.pending";
      default -> "check.mismatch";
    };
  }

  private String refusal(ChatUser user, TopUpStartRefusal reason, Rail rail) {
    Optional<CustomAmountRule> rule = catalog.catalog().topUps().customAmountFor(rail);
    return kit.text(user, "topup.refused." + reason.name(),
        "min", rule.map(r -> r.min().value()).orElse(0L), "max", rule.map(r -> r.max().value()).orElse(0L));
  }

  private String packageLabel(ChatUser user, TopUpPackage offer) {
    String price = TopUpMoney.text(offer.price());
    return offer.bonus().isPositive()
        ? kit.text(user, "topup.package.bonus", "price", price, "credits", offer.credits().value(),
            "bonus", offer.bonus().value())
        : kit.text(user, "topup.package", "price", price, "credits", offer.credits().value());
  }

  private InlineKeyboardButton step(ChatUser user, String label, AccountStep step) {
    return kit.buttons().button(label, new ButtonAction.Account(user.id().value(), step), BUTTON_TTL);
  }

  /** Back to the rails, or to the account when there is only one rail to choose. */
  private List<InlineKeyboardButton> backRow(ChatUser user) {
    boolean severalRails = railsOnOffer(catalog.catalog().topUps()).size() > 1;
    return List.of(kit.keyboards().nav(user.language(), "button.back", severalRails ? Navigation.TOPUP : Navigation.ACCOUNT),
        kit.keyboards().menuButton(user.language()));
  }

  private InlineKeyboardMarkup back(ChatUser user) {
    return Keyboards.rows(List.of(backRow(user)));
  }

  private String contact(ChatUser user) {
    return contact(user.language());
  }

  private String contact(Language language) {
    return supportContact.isBlank() ? "" : kit.texts().text(language, "payments.contact", "contact", supportContact);
  }

  static List<Rail> railsOnOffer(TopUpCatalog topUps) {
    return Arrays.stream(Rail.values())
        .filter(rail -> !topUps.packagesFor(rail).isEmpty() || topUps.customAmountFor(rail).isPresent())
        .toList();
  }
}
