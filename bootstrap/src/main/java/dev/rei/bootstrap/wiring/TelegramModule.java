package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.rei.adapters.telegram.BotPorts;
import dev.rei.adapters.telegram.BotUseCases;
import dev.rei.adapters.telegram.TelegramBot;
import dev.rei.adapters.telegram.TelegramSettings;
import dev.rei.adapters.telegram.admin.AdminUseCases;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.send.ResultLinks;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.BanUserUseCase;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.in.admin.UnbanUserUseCase;
import dev.rei.application.port.in.account.GetHistoryUseCase;
import dev.rei.application.port.in.account.GetTransferUseCase;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.GetGenerationUseCase;
import dev.rei.application.port.in.job.GetGenerationsUseCase;
import dev.rei.application.port.in.job.GetLiveJobsUseCase;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.support.AnswerSupportUseCase;
import dev.rei.application.port.in.support.ContactSupportUseCase;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.MediaStore;
import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.bootstrap.config.BotSettings;
import dev.rei.bootstrap.http.ReiMeters;
import dev.rei.bootstrap.run.Managed;
import dev.rei.bootstrap.run.ResourceStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * The Telegram adapter: long polling into the inbox, the inbox handlers, and the outbox sender.
 * The bot runs the outbox dispatch itself, so one pacer sees every message it sends.
 */
public final class TelegramModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Managed.class, ChatPart.class).addBinding().to(BotPart.class);
    // Set by the Stars module when Stars are offered; without it pre-checkout queries are refused politely.
    OptionalBinder.newOptionalBinder(binder(), PreCheckoutHandler.class);
  }

  @Provides
  @Singleton
  TelegramSettings settings(BotSettings bot) {
    String token = bot.token().orElseThrow(() -> new IllegalStateException("BOT_TOKEN is required to run the bot"))
        .reveal();
    TelegramSettings settings = TelegramSettings.defaults(token, bot.apiUrl().toString(), bot.adminIds())
        .withMaxReferencePhotos(bot.maxReferencePhotos());
    return bot.supportChatId().map(settings::withSupportChatId).orElse(settings);
  }

  @Provides
  @Singleton
  TelegramConnection connection(TelegramSettings settings, ResourceStack resources) {
    return resources.register("Telegram connection", TelegramBot.connect(settings));
  }

  @Provides
  @Singleton
  BotPorts ports(InboundUpdates inbox, ChatStateStore chatState, MediaStore media, UserStore users,
      RateLimiter rateLimiter, UnitOfWork unitOfWork, Clock clock) {
    return new BotPorts(inbox, chatState, media, users, rateLimiter, unitOfWork, clock);
  }

  @Provides
  @Singleton
  MessageSender sender(TelegramConnection connection, BotPorts ports, TelegramSettings settings, ResultLinks links) {
    return TelegramBot.messageSender(connection, ports, settings, links);
  }

  @Provides
  @Singleton
  TelegramBot bot(TelegramSettings settings, TelegramConnection connection, BotPorts ports,
      RegisterUserUseCase register, GetBalanceUseCase balance, GetCatalogUseCase catalog, QuoteUseCase quote,
      PlaceOrderUseCase placeOrder, CancelJobUseCase cancel, GetHistoryUseCase history, GetTransferUseCase transfer,
      StartTopUpUseCase startTopUp, CheckPaymentUseCase checkPayment, SettlePaymentUseCase settle,
      RefundPaymentUseCase refund, DispatchOutboxUseCase dispatch, Optional<PreCheckoutHandler> preCheckout,
      GetGenerationsUseCase generations, GetGenerationUseCase generation, ContactSupportUseCase contactSupport,
      AnswerSupportUseCase answerSupport, GetLiveJobsUseCase liveJobs, AdminUseCases admin) {
    return new TelegramBot(settings, connection, ports, new BotUseCases(register, balance, catalog, quote, placeOrder,
        cancel, history, transfer, startTopUp, checkPayment, settle, refund, dispatch, generations, generation,
        contactSupport, answerSupport, liveJobs, admin), preCheckout.orElse(null));
  }

  @Provides
  @Singleton
  AdminUseCases adminUseCases(AdjustBalanceUseCase adjust, BanUserUseCase ban, UnbanUserUseCase unban,
      GetUserCardUseCase userCard, GetJobUseCase job, RetryJobUseCase retry, ReconcileLedgerUseCase reconcile,
      GetStatsUseCase stats) {
    return new AdminUseCases(adjust, ban, unban, userCard, job, retry, reconcile, stats);
  }

  /** The bot as a part of the process: started after the stores, stopped first. */
  static final class BotPart implements Managed {
    private final TelegramBot bot;

    @jakarta.inject.Inject
    BotPart(TelegramBot bot, MeterRegistry metrics) {
      this.bot = bot;
      bot.onUpdateHandled(ReiMeters.updatesHandled(metrics)::increment);
    }

    @Override
    public String name() {
      return "telegram bot";
    }

    @Override
    public void start() {
      bot.start();
    }

    @Override
    public void stop(Duration grace) {
      bot.close();
    }
  }
}
