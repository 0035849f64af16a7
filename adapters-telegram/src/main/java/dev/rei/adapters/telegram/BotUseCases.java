package dev.rei.adapters.telegram;

import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import java.util.Objects;

/** The use cases the bot's flows call, and the outbox dispatcher the bot runs. */
public record BotUseCases(RegisterUserUseCase register, GetBalanceUseCase balance, QuoteUseCase quote,
    PlaceOrderUseCase placeOrder, CancelJobUseCase cancelJob, DispatchOutboxUseCase dispatchOutbox) {

  public BotUseCases {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(placeOrder, "placeOrder");
    Objects.requireNonNull(cancelJob, "cancelJob");
    Objects.requireNonNull(dispatchOutbox, "dispatchOutbox");
  }
}
