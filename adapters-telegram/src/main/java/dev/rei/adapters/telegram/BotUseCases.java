package dev.rei.adapters.telegram;

import dev.rei.adapters.telegram.admin.AdminUseCases;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.account.GetHistoryUseCase;
import dev.rei.application.port.in.account.GetTransferUseCase;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.GetGenerationUseCase;
import dev.rei.application.port.in.job.GetGenerationsUseCase;
import dev.rei.application.port.in.job.GetLiveJobsUseCase;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.support.AnswerSupportUseCase;
import dev.rei.application.port.in.support.ContactSupportUseCase;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import java.util.Objects;

/** The use cases the bot's flows call, and the outbox dispatcher the bot runs. */
public record BotUseCases(RegisterUserUseCase register, GetBalanceUseCase balance, GetCatalogUseCase catalog,
    QuoteUseCase quote, PlaceOrderUseCase placeOrder, CancelJobUseCase cancelJob, GetHistoryUseCase history,
    GetTransferUseCase transfer, StartTopUpUseCase startTopUp, CheckPaymentUseCase checkPayment,
    SettlePaymentUseCase settlePayment, RefundPaymentUseCase refundPayment, DispatchOutboxUseCase dispatchOutbox,
    GetGenerationsUseCase generations, GetGenerationUseCase generation,
    ContactSupportUseCase contactSupport, AnswerSupportUseCase answerSupport, GetLiveJobsUseCase liveJobs,
    AdminUseCases admin) {

  public BotUseCases {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(placeOrder, "placeOrder");
    Objects.requireNonNull(cancelJob, "cancelJob");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(startTopUp, "startTopUp");
    Objects.requireNonNull(checkPayment, "checkPayment");
    Objects.requireNonNull(settlePayment, "settlePayment");
    Objects.requireNonNull(refundPayment, "refundPayment");
    Objects.requireNonNull(dispatchOutbox, "dispatchOutbox");
    Objects.requireNonNull(generations, "generations");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(contactSupport, "contactSupport");
    Objects.requireNonNull(answerSupport, "answerSupport");
    Objects.requireNonNull(liveJobs, "liveJobs");
    Objects.requireNonNull(admin, "admin");
  }
}
