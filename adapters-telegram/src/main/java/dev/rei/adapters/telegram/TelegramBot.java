package dev.rei.adapters.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.telegram.api.CommandMenu;
import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.api.TelegramFiles;
import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.flow.AccountFlow;
import dev.rei.adapters.telegram.flow.AdminFlow;
import dev.rei.adapters.telegram.flow.CancelFlow;
import dev.rei.adapters.telegram.flow.FlowKit;
import dev.rei.adapters.telegram.flow.GenerationsFlow;
import dev.rei.adapters.telegram.flow.HistoryFlow;
import dev.rei.adapters.telegram.flow.ImageCommands;
import dev.rei.adapters.telegram.flow.ImageFlow;
import dev.rei.adapters.telegram.flow.MenuFlow;
import dev.rei.adapters.telegram.flow.OrderFlow;
import dev.rei.adapters.telegram.flow.PhotoDownloads;
import dev.rei.adapters.telegram.flow.PromptFlow;
import dev.rei.adapters.telegram.flow.QuoteFlow;
import dev.rei.adapters.telegram.flow.TopUpFlow;
import dev.rei.adapters.telegram.flow.ReelsFlow;
import dev.rei.adapters.telegram.flow.RefsFlow;
import dev.rei.adapters.telegram.flow.SupportFlow;
import dev.rei.adapters.telegram.flow.Replies;
import dev.rei.adapters.telegram.flow.SettingsFlow;
import dev.rei.adapters.telegram.flow.UpdateRouter;
import dev.rei.adapters.telegram.flow.UserGate;
import dev.rei.adapters.telegram.flow.VideoFlow;
import dev.rei.adapters.telegram.flow.VideoFlows;
import dev.rei.adapters.telegram.flow.VideoQuotes;
import dev.rei.adapters.telegram.flow.VideoUploads;
import dev.rei.adapters.telegram.inbox.Housekeeping;
import dev.rei.adapters.telegram.inbox.InboxConsumer;
import dev.rei.adapters.telegram.inbox.InboxWorker;
import dev.rei.adapters.telegram.inbox.PollBackOff;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.inbox.UpdateCodec;
import dev.rei.adapters.telegram.inbox.UpdateHandler;
import dev.rei.adapters.telegram.payment.StarsNotOffered;
import dev.rei.adapters.telegram.send.OutboxPump;
import dev.rei.adapters.telegram.send.ResultLinks;
import dev.rei.adapters.telegram.send.TelegramMessageSender;
import dev.rei.adapters.telegram.state.Conversations;
import dev.rei.adapters.telegram.state.ImageProfiles;
import dev.rei.adapters.telegram.state.OrderMemory;
import dev.rei.adapters.telegram.state.SupportQuota;
import dev.rei.adapters.telegram.state.SupportThreads;
import dev.rei.adapters.telegram.state.TopUpPrompts;
import dev.rei.adapters.telegram.state.VideoDrafts;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.adapters.telegram.text.UserLanguages;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Rei bot on Telegram: long polling into the inbox, inbox workers running the flows, and the
 * outbox pump delivering notices through {@link TelegramMessageSender}. {@link #start()} starts
 * them; {@link #close()} stops every thread it started (TelegramBots' own close leaves its
 * scheduler and OkHttp threads running, so the bot owns and stops them). The
 * {@link TelegramConnection} is the caller's to close, after the bot.
 */
public final class TelegramBot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  /** Updates the bot asks Telegram for; pre_checkout_query and message cover Stars payments too. */
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "pre_checkout_query",
      "my_chat_member");
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final TelegramSettings settings;
  private final TelegramConnection connection;
  private final BotPorts ports;
  private final UpdateCodec codec = new UpdateCodec();
  private final UpdateRouter router;
  private final InboxWorker worker;
  private final OutboxPump pump;
  private final InboxConsumer consumer;
  private final Housekeeping housekeeping;
  private final CommandMenu commandMenu;
  private TelegramBotsLongPollingApplication polling;
  private ScheduledExecutorService pollThread;
  private OkHttpClient pollHttp;
  private boolean started;
  private volatile Runnable handledListener = () -> { };

  /**
   * @param preCheckout the fast-path answer to Stars checkouts ({@code StarsPreCheckout}); null when the
   *     Stars rail is not configured, which refuses every checkout politely
   */
  public TelegramBot(TelegramSettings settings, TelegramConnection connection, BotPorts ports, BotUseCases useCases,
      PreCheckoutHandler preCheckout) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.ports = Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(useCases, "useCases");
    Texts texts = Texts.load();
    TelegramCalls calls = new TelegramCalls(connection);
    UserLanguages languages = new UserLanguages(ports.unitOfWork(), ports.users());
    FlowKit kit = new FlowKit(new Replies(calls), texts, new Keyboards(texts), new Buttons(ports.chatState(), ports.clock()),
        new Conversations(ports.chatState(), ports.clock()), new OrderMemory(ports.chatState(), ports.clock()),
        ports.clock());
    QuoteFlow quotes = new QuoteFlow(kit, useCases.quote());
    ImageProfiles profiles = new ImageProfiles(ports.chatState(), ports.clock());
    PhotoDownloads photos = new PhotoDownloads(kit, new TelegramFiles(connection), ports.media());
    RefsFlow refs = new RefsFlow(kit, profiles, photos, ports.media(), settings.maxReferencePhotos());
    this.router = new UpdateRouter(
        new UserGate(ports.users(), useCases.register(), ports.rateLimiter(), ports.chatState(), ports.clock()),
        new MenuFlow(kit, languages),
        new ImageFlow(kit, quotes, photos, profiles, refs),
        new OrderFlow(kit, quotes, useCases.placeOrder(), useCases.cancelJob()),
        videoFlows(kit, useCases, connection, ports),
        accountFlow(kit, useCases, ports, settings),
        kit, languages, imageCommands(kit, quotes, profiles, refs, useCases, ports, settings),
        supportFlow(kit, useCases, ports, settings, languages),
        new CancelFlow(kit, useCases.liveJobs()),
        new AdminFlow(kit, settings.adminIds(), useCases.admin(), useCases.refundPayment(), useCases.cancelJob(),
            useCases.balance(), ports.users()));
    this.commandMenu = new CommandMenu(calls, texts);
    this.pump = new OutboxPump(useCases.dispatchOutbox(), settings.outboxBatch(), settings.outboxIdleWait(),
        connection::redact);
    this.worker = new InboxWorker(ports.inbox(), codec, new WakingOutbox(router, pump, () -> handledListener.run()), ports.clock(),
        settings.inbox(), connection::redact);
    this.housekeeping = new Housekeeping(ports.chatState(), ports.inbox(), ports.clock());
    this.consumer = new InboxConsumer(ports.inbox(), codec, ports.clock(),
        preCheckout == null ? new StarsNotOffered(texts) : preCheckout, calls, worker::wake);
  }

  private static ImageCommands imageCommands(FlowKit kit, QuoteFlow quotes, ImageProfiles profiles, RefsFlow refs,
      BotUseCases useCases, BotPorts ports, TelegramSettings settings) {
    return new ImageCommands(kit, new PromptFlow(kit, quotes, profiles), refs,
        new SettingsFlow(kit, profiles, useCases.catalog()),
        new GenerationsFlow(kit, useCases.generations(), useCases.generation(), ports.media(),
            settings.uploadLimitBytes()));
  }

  private static AccountFlow accountFlow(FlowKit kit, BotUseCases useCases, BotPorts ports, TelegramSettings settings) {
    TopUpFlow topUps = new TopUpFlow(kit, useCases.catalog(), useCases.startTopUp(), useCases.checkPayment(),
        useCases.settlePayment(), new TopUpPrompts(ports.chatState(), ports.clock()), ports.rateLimiter(),
        settings.supportContact());
    return new AccountFlow(kit, useCases.balance(), topUps,
        new HistoryFlow(kit, useCases.history(), useCases.transfer()), settings.supportContact());
  }

  private static SupportFlow supportFlow(FlowKit kit, BotUseCases useCases, BotPorts ports, TelegramSettings settings,
      UserLanguages languages) {
    return new SupportFlow(kit, useCases.contactSupport(), useCases.answerSupport(),
        SupportQuota.hourly(ports.chatState(), ports.clock()), new SupportThreads(ports.chatState(), ports.clock()),
        languages, settings.adminIds(), settings.supportChatId(), settings.supportContact());
  }

  private static VideoFlows videoFlows(FlowKit kit, BotUseCases useCases, TelegramConnection connection,
      BotPorts ports) {
    VideoQuotes quotes = new VideoQuotes(kit, useCases.quote());
    VideoDrafts drafts = new VideoDrafts(ports.chatState(), ports.clock());
    VideoUploads uploads = new VideoUploads(kit, new TelegramFiles(connection), ports.media());
    return new VideoFlows(kit, new VideoFlow(kit, quotes, useCases.catalog(), drafts, uploads),
        new ReelsFlow(kit, quotes, useCases.catalog(), drafts, uploads), drafts);
  }

  /** Called after each update is handled (for a metric); set it before {@link #start()}. */
  public void onUpdateHandled(Runnable listener) {
    this.handledListener = Objects.requireNonNull(listener, "listener");
  }

  /** The connection the bot and its sender share: Telegram's limits paced in one place. */
  public static TelegramConnection connect(TelegramSettings settings) {
    return TelegramConnection.open(settings.botToken(), settings.api(), settings.pacing());
  }

  /** The outbox's {@code MessageSender}, for bootstrap to give the dispatcher it hands to the bot. */
  public static TelegramMessageSender messageSender(TelegramConnection connection, BotPorts ports,
      TelegramSettings settings, ResultLinks links) {
    Texts texts = Texts.load();
    return new TelegramMessageSender(new TelegramCalls(connection), texts,
        new UserLanguages(ports.unitOfWork(), ports.users()), ports.chatState(), ports.media(), ports.clock(),
        links == null ? ResultLinks.NONE : links, settings.supportContact(), settings.uploadLimitBytes());
  }

  /**
   * Starts the inbox workers, the outbox pump and long polling (which first calls deleteWebhook;
   * if Telegram refuses, this throws and nothing keeps running), then sets the command menu: only the
   * process that polls starts a bot, so only it sets the menu.
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the bot is already started");
    }
    started = true;
    worker.start();
    pump.start();
    housekeeping.start();
    pollThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rei-telegram-poll");
      thread.setDaemon(true);
      return thread;
    });
    pollHttp = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L))
        .build();
    OkHttpClient http = pollHttp;
    ScheduledExecutorService executor = pollThread;
    polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> executor, PollBackOff::new);
    try {
      polling.registerBot(settings.botToken(), settings.api()::telegramUrl,
          last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(settings.pollTimeoutSeconds())
              .allowedUpdates(ALLOWED_UPDATES).build(),
          consumer);
    } catch (TelegramApiException | RuntimeException e) {
      String reason = connection.redact(e.getMessage());
      close();
      throw new IllegalStateException("cannot start polling Telegram at " + settings.api().base() + ": " + reason);
    }
    log.info("polling Telegram at {} with {} inbox threads", settings.api().base(), settings.inbox().threads());
    publishCommandMenu();
  }

  /** Only the polling process sets the menu; without one the bot works all the same. */
  private void publishCommandMenu() {
    try {
      if (commandMenu.publish()) {
        log.info("command menu set in Russian and English");
      }
    } catch (RuntimeException e) {
      log.warn("the command menu was not set: {}", connection.redact(String.valueOf(e)));
    }
  }

  /** Wakes the outbox pump, e.g. after a test or a sibling process wrote a message. */
  public void wakeOutbox() {
    pump.wake();
  }

  /** What handles inbox updates; for tests that drive updates without polling. */
  public UpdateHandler updateHandler() {
    return router;
  }

  /**
   * Stops polling (nothing more is confirmed to Telegram), lets in-flight updates finish, stops
   * the outbox pump, and shuts down the poller's scheduler and HTTP threads.
   */
  @Override
  public synchronized void close() {
    if (polling != null) {
      try {
        polling.close();
      } catch (Exception e) {
        log.warn("closing long polling: {}", connection.redact(String.valueOf(e)));
      }
      polling = null;
    }
    consumer.close();
    if (pollThread != null) {
      // Interrupts a long poll in flight; TelegramBots logs that once, harmlessly.
      pollThread.shutdownNow();
      try {
        pollThread.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pollThread = null;
    }
    if (pollHttp != null) {
      pollHttp.dispatcher().cancelAll();
      pollHttp.dispatcher().executorService().shutdown();
      pollHttp.connectionPool().evictAll();
      pollHttp = null;
    }
    worker.stop(GRACE);
    pump.stop(GRACE);
    housekeeping.close();
    started = false;
  }

  /** Most updates write to the outbox (a welcome, an order's status): send it now, not at the pump's next tick. */
  private record WakingOutbox(UpdateHandler handler, OutboxPump pump, Runnable handled) implements UpdateHandler {
    @Override
    public void handle(Update update) throws Exception {
      handler.handle(update);
      handled.run();
      pump.wake();
    }

    @Override
    public void giveUp(Update update) {
      handler.giveUp(update);
    }
  }

  BotPorts ports() {
    return ports;
  }
}
