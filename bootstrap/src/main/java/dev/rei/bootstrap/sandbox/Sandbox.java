package dev.rei.bootstrap.sandbox;

import dev.rei.bootstrap.cli.SandboxContext;
import dev.rei.bootstrap.cli.SandboxLauncher;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.config.Secret;
import dev.rei.bootstrap.logging.LogSetup;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code rei sandbox}: the Bot API emulator, the real bot and workers against it with simulated
 * providers (embedded servers under {@code DATA_DIR/sandbox}), and a chat in the terminal. Logs go
 * to a file so they do not interleave with the chat.
 */
public final class Sandbox implements SandboxLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  /** A token of Telegram's shape; it only ever reaches the local emulator. */
  static final String TOKEN = "1000000001:SANDBOX-local-emulator-token-000000";
  static final long USER_ID = 1001;
  static final Credits SANDBOX_BONUS = Credits.of(300);

  private final Reader in;
  private final PrintStream out;

  public Sandbox() {
    this(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.out);
  }

  Sandbox(Reader in, PrintStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public int launch(SandboxContext context) throws Exception {
    try (BotApiEmulator emulator = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN))) {
      ReiConfig config = withSandboxAdmin(withSandboxBonus(context.config().forSandbox(Secret.of(TOKEN),
          URI.create(emulator.baseUrl())), context));
      Files.createDirectories(config.dataDir());
      Path log = config.dataDir().resolve("sandbox.log");
      out.println("Rei sandbox: starting (embedded PostgreSQL and Redis under " + config.dataDir()
          + ", simulated providers; log in " + log + ")…");
      LogSetup.toFile(config.log(), log);
      config.summary().forEach(line -> LOG.info("config: {}", line));
      ReiProcess process = ReiProcess.start(config, EnumSet.of(Role.BOT, Role.WORKER), AdapterModules.forConfig(config));
      context.onTermination().accept(process::stop);
      try {
        out.println("Ready. Type /start. A number presses that button; /photo <file> [caption] sends a photo;"
            + " add #fail:temporary (or another failure class) to a prompt to see a failure; /admin opens the"
            + " admin console when ADMIN_IDS is empty; /quit ends.");
        EmulatedUser user = EmulatedUser.of(USER_ID, "Sandbox").withLanguage("ru");
        new TerminalChat(emulator, user, in, out, config.dataDir().resolve("media-received")).run();
      } finally {
        process.stop();
      }
    }
    return 0;
  }

  /**
   * Unless ADMIN_IDS names operators, the sandbox user is one, so /admin, /stats and the rest of
   * the console can be tried offline. Only here: outside the sandbox no one is an admin by default.
   */
  static ReiConfig withSandboxAdmin(ReiConfig config) {
    return config.bot().adminIds().isEmpty() ? config.withAdminIds(java.util.Set.of(USER_ID)) : config;
  }

  /**
   * Unless WELCOME_BONUS is set, a sandbox user starts with enough credits to try several images
   * (the production default, 2, buys none at the default prices).
   */
  private static ReiConfig withSandboxBonus(ReiConfig config, SandboxContext context) {
    if (context.environment().get("WELCOME_BONUS").isPresent()) {
      return config;
    }
    return config.withCore(config.core().withWelcomeBonus(SANDBOX_BONUS));
  }
}
