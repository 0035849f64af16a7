package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.state.RememberedOrder;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.application.port.in.order.OrderRefusal;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The buttons that act on orders: ✅ Confirm places the quoted order (its idempotency key is the
 * button's own key, so any number of presses place one order), ❌ Cancel drops a quote, ❌ Cancel
 * order cancels queued or running jobs, 🔁 Again / New price quotes the same request anew. Every
 * refusal the core gives is shown in words.
 */
public final class OrderFlow {

  static final Duration REQUOTE_BUTTON_TTL = Duration.ofDays(1);

  private final FlowKit kit;
  private final QuoteFlow quotes;
  private final PlaceOrderUseCase placeOrder;
  private final CancelJobUseCase cancelJob;

  public OrderFlow(FlowKit kit, QuoteFlow quotes, PlaceOrderUseCase placeOrder, CancelJobUseCase cancelJob) {
    this.kit = kit;
    this.quotes = quotes;
    this.placeOrder = placeOrder;
    this.cancelJob = cancelJob;
  }

  /** A press of a stored button by its owner ({@code key} is the button's key). */
  public void press(ChatUser user, CallbackQuery query, String key, ButtonAction action) {
    if (action instanceof ButtonAction.Confirm confirm) {
      confirm(user, query, key, confirm);
    } else if (action instanceof ButtonAction.DropQuote drop) {
      drop(user, query, key, drop);
    } else if (action instanceof ButtonAction.CancelOrder cancel) {
      cancel(user, query, cancel);
    } else if (action instanceof ButtonAction.Requote requote) {
      requote(user, query, requote);
    }
  }

  /** The polite answer to a press on a button that is unknown, expired or someone else's. */
  public void outdated(ChatUser user, CallbackQuery query) {
    kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
  }

  private void confirm(ChatUser user, CallbackQuery query, String key, ButtonAction.Confirm action) {
    Quote quote;
    JobParameters parameters;
    try {
      quote = action.quote().toQuote();
      parameters = JobParameters.of(action.parameters());
    } catch (RuntimeException e) {
      outdated(user, query);
      return;
    }
    PlaceOrderResult result = placeOrder.placeOrder(
        new PlaceOrderCommand(user.id(), quote, parameters, IdempotencyKey.of("tg-confirm", key)));
    if (result instanceof PlaceOrderResult.Placed placed) {
      // Also on a replay: a crash right after placing must not leave the order's buttons without it.
      kit.orders().remember(placed.order().id(), new RememberedOrder(user.id().value(), placed.order().kind(),
          action.quote().item(), action.parameters(), placed.jobs().stream().map(Job::id).map(JobId::toString).toList()));
      if (placed.replayed()) {
        kit.replies().answer(query.getId(), kit.text(user, "order.alreadyPlaced"));
        return;
      }
      kit.replies().answer(query.getId(), kit.text(user, "quote.confirmed"));
      showUnder(user, query, kit.text(user, "quote.confirmed"), null);
      return;
    }
    OrderRefusal reason = ((PlaceOrderResult.Refused) result).reason();
    String refusal = kit.text(user, "order.refused." + reason.name());
    kit.replies().answer(query.getId(), refusal);
    InlineKeyboardMarkup keyboard = reason == OrderRefusal.QUOTE_EXPIRED
        ? Keyboards.of(List.of(kit.buttons().button(kit.text(user, "button.requote"),
            new ButtonAction.Requote(user.id().value(), action.quote().item(), action.parameters()), REQUOTE_BUTTON_TTL),
            kit.keyboards().menuButton(user.language())))
        : kit.keyboards().menuOnly(user.language());
    showUnder(user, query, refusal, keyboard);
  }

  private void drop(ChatUser user, CallbackQuery query, String key, ButtonAction.DropQuote action) {
    kit.buttons().forget(action.confirmKey());
    kit.buttons().forget(key);
    kit.replies().answer(query.getId(), null);
    showUnder(user, query, kit.text(user, "quote.dropped"), null);
  }

  private void cancel(ChatUser user, CallbackQuery query, ButtonAction.CancelOrder action) {
    List<String> jobIds = action.jobIds();
    if (jobIds.isEmpty()) {
      jobIds = orderId(action.orderId()).flatMap(kit.orders()::recall)
          .filter(order -> order.owner() == user.id().value())
          .map(RememberedOrder::jobIds).orElse(List.of());
    }
    List<CancelResult> results = new ArrayList<>();
    for (String jobId : jobIds) {
      try {
        results.add(cancelJob.cancel(new CancelJobCommand(JobId.parse(jobId), user.id(), CancelledBy.USER)));
      } catch (IllegalArgumentException e) {
        results.add(new CancelResult.Refused(CancelResult.Reason.UNKNOWN_JOB));
      }
    }
    if (results.stream().anyMatch(CancelResult.Cancelled.class::isInstance)) {
      // The outbox's JOB_CANCELLED notice says the credits are back and updates the status message.
      kit.replies().answer(query.getId(), kit.text(user, "cancel.done"));
    } else if (!results.isEmpty() && results.stream().allMatch(r -> r instanceof CancelResult.Refused refused
        && refused.reason() == CancelResult.Reason.NOT_CANCELLABLE)) {
      kit.replies().answer(query.getId(), kit.text(user, "cancel.tooLate"));
    } else {
      outdated(user, query);
    }
  }

  private void requote(ChatUser user, CallbackQuery query, ButtonAction.Requote action) {
    PricedItem item;
    try {
      item = action.item().toItem();
    } catch (RuntimeException e) {
      outdated(user, query);
      return;
    }
    kit.replies().answer(query.getId(), null);
    quotes.offer(user, item, action.parameters());
  }

  /**
   * Writes {@code note} under the text of the message whose button was pressed, replacing its
   * keyboard; a new message if that one cannot be edited.
   */
  private void showUnder(ChatUser user, CallbackQuery query, String note, InlineKeyboardMarkup keyboard) {
    Optional<Message> pressed = query.getMessage() instanceof Message message && message.getText() != null
        ? Optional.of(message) : Optional.empty();
    boolean edited = pressed.map(message -> kit.replies().edit(user.chatId(), message.getMessageId(),
        message.getText() + "\n\n" + note, keyboard)).orElse(false);
    if (!edited) {
      kit.replies().send(user.chatId(), note, keyboard);
    }
  }

  private static Optional<OrderId> orderId(String text) {
    try {
      return Optional.of(OrderId.of(UUID.fromString(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
