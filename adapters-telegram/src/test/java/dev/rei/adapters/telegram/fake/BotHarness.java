package dev.rei.adapters.telegram.fake;

import dev.rei.adapters.telegram.BotPorts;
import dev.rei.adapters.telegram.BotUseCases;
import dev.rei.adapters.telegram.TelegramBot;
import dev.rei.adapters.telegram.TelegramSettings;
import dev.rei.adapters.telegram.admin.AdminUseCases;
import dev.rei.adapters.telegram.api.Pacing;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.inbox.InboxWorker;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.send.ResultLinks;
import dev.rei.adapters.telegram.send.TelegramMessageSender;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.application.port.in.support.ContactSupportUseCase;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.application.service.outbox.DispatchOutboxService;
import dev.rei.application.service.support.ContactSupportService;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.OrderLimits;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The bot as bootstrap would wire it, over the in-memory core and the {@link FakeBotApi}: real
 * long polling, inbox, flows, outbox pump and sender, with send rates high enough that tests
 * never wait. "Restarting" builds a new bot over the same stores.
 */
public final class BotHarness implements AutoCloseable {

  /** A 1×1 PNG: what the scripted provider "generates". */
  public static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  /** A user only {@link #drain()} writes as. */
  public static final long SENTINEL = 999_999;
  public static final RateLimiter UNLIMITED = (user, action, now) -> LimitDecision.allowed();
  public static final Pacing FAST = new Pacing(1_000, 1_000.0, 1_000, 1_000.0, Duration.ofSeconds(1));

  public final FakeBotApi api = new FakeBotApi();
  public final InMemoryCore core;
  public final InMemoryMediaStore media = new InMemoryMediaStore();
  public final TelegramSettings settings;
  public final TelegramConnection connection;
  public final BotPorts ports;
  public final TelegramMessageSender sender;
  public final DispatchOutboxService dispatch;
  private TelegramBot bot;
  private GetCatalogUseCase catalog;
  private PreCheckoutHandler preCheckout;
  private TelegramSettings botSettings;
  private ContactSupportUseCase contactSupport;

  public BotHarness() {
    this(Credits.of(100), UNLIMITED);
  }

  public BotHarness(Credits welcomeBonus, RateLimiter rateLimiter) {
    this(welcomeBonus, rateLimiter, ResultLinks.NONE, TelegramMessageSender.DEFAULT_UPLOAD_LIMIT_BYTES);
  }

  /** With download links for results above {@code uploadLimitBytes}, as bootstrap gives them. */
  public BotHarness(Credits welcomeBonus, RateLimiter rateLimiter, ResultLinks links, long uploadLimitBytes) {
    core = new InMemoryCore(OrderLimits.DEFAULT, welcomeBonus);
    settings = TelegramSettings.defaults(FakeBotApi.TOKEN, api.url(), Set.of(InMemoryCore.ADMIN.value()))
        .withPacing(FAST)
        .withInbox(new InboxWorker.Settings(4, Duration.ofMinutes(5), 3, Duration.ofMillis(50), Duration.ofMillis(10)))
        .withPollTimeoutSeconds(1)
        .withOutbox(30, Duration.ofMillis(30))
        .withSupportContact("@rei_support")
        .withUploadLimitBytes(uploadLimitBytes);
    connection = TelegramBot.connect(settings);
    ports = new BotPorts(core.inbox, core.chatState, media, core.users, rateLimiter, core.db, core.clock);
    sender = TelegramBot.messageSender(connection, ports, settings, links);
    dispatch = new DispatchOutboxService(core.db, core.outbox, sender, core.clock);
    core.provider.onSubmit((job, key) -> new GenerationProvider.Outcome.Done(
        new ResultRef(media.put(PNG, "image/png"))));
    botSettings = settings;
    contactSupport = core.contactSupport;
  }

  /** Messages to support go to group {@code chatId} (negative) from now on, not to each admin. */
  public BotHarness withSupportChat(long chatId) {
    botSettings = botSettings.withSupportChatId(chatId);
    contactSupport = new ContactSupportService(core.db, core.users, core.notifier, core.admins, Optional.of(chatId));
    return this;
  }

  /** The catalogue the bot sees from now on (default: the core's, where every kind is offered). */
  public BotHarness withCatalog(GetCatalogUseCase catalog) {
    this.catalog = catalog;
    return this;
  }

  public BotUseCases useCases() {
    return new BotUseCases(core.register, core.balance, catalog == null ? core.catalog : catalog, core.quotes,
        core.placeOrder, core.cancel,
        core.history, core.transfer, core.startTopUp, core.checkPayment, core.settle, core.refund, dispatch,
        core.generations, core.generation, contactSupport, core.answerSupport, core.liveJobs,
        new AdminUseCases(core.adjust, core.ban, core.unban, core.userCard, core.getJob, core.retryJob,
            core.reconcileLedger, core.stats));
  }

  /** The pre-checkout answer the bot starts with from now on (none: Stars not offered). */
  public BotHarness withPreCheckout(PreCheckoutHandler handler) {
    this.preCheckout = handler;
    return this;
  }

  public TelegramBot start() {
    bot = new TelegramBot(botSettings, connection, ports, useCases(), preCheckout);
    bot.start();
    return bot;
  }

  /** Stops the bot as a shutdown would and starts a new one over the same stores and API. */
  public TelegramBot restart() {
    bot.close();
    return start();
  }

  public TelegramBot bot() {
    return bot;
  }

  /**
   * Waits until every update pushed so far is handled: a sentinel user's /help goes after them,
   * and once it is answered every earlier update was stored, so an empty inbox means all are done.
   */
  public void drain() {
    int before = api.calls("sendmessage").size();
    api.push(api.textMessage(SENTINEL, "en", "/help"));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("sendmessage").stream()
        .skip(before).anyMatch(c -> c.chatId() == SENTINEL));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> core.inbox.pending() == 0);
  }

  /** Runs the job workers until no job is due. */
  public int runJobs() {
    int steps = 0;
    while (!(core.runNext.runNext(new WorkerId("test-worker")) instanceof WorkResult.Idle)) {
      steps++;
    }
    if (bot != null) {
      bot.wakeOutbox();
    }
    return steps;
  }

  /** How many reference photos a user may keep in the bot started from now on (default: the settings'). */
  public BotHarness withMaxReferencePhotos(int max) {
    botSettings = botSettings.withMaxReferencePhotos(max);
    return this;
  }

  @Override
  public void close() throws java.io.IOException {
    if (bot != null) {
      bot.close();
    }
    connection.close();
    api.close();
  }
}
