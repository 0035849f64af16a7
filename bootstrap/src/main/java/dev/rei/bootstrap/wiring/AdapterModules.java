package dev.rei.bootstrap.wiring;

import com.google.inject.Module;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.payments.ConfiguredHeleketModule;
import dev.rei.bootstrap.payments.ConfiguredYooKassaModule;
import dev.rei.bootstrap.payments.HeleketModule;
import dev.rei.bootstrap.payments.SimulatedRailsModule;
import dev.rei.bootstrap.payments.StarsModule;
import dev.rei.bootstrap.payments.YooKassaModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The adapter modules a process installs besides persistence: the chat (Telegram, or none), the
 * generation providers (real or simulated), the payment rails (real or simulated), and any extra
 * module (the sandbox's, a test's). Which ones is decided here, from the configuration, and
 * nowhere inside a module.
 */
public record AdapterModules(Module chat, List<Module> providers, List<Module> payments, List<Module> extras) {

  public AdapterModules {
    Objects.requireNonNull(chat, "chat");
    providers = List.copyOf(providers);
    payments = List.copyOf(payments);
    extras = List.copyOf(extras);
  }

  /**
   * The adapters for {@code config}: simulated providers with {@code REI_SIMULATED=true}, else the
   * real APIs (Gemini always; Kling and Reels when their keys are set); Telegram when a bot token is set (a worker needs none); the payment rails
   * that are configured (all simulated with the providers), Stars with Telegram.
   */
  public static AdapterModules forConfig(ReiConfig config) {
    Objects.requireNonNull(config, "config");
    List<Module> providers = new ArrayList<>();
    if (config.providers().simulated()) {
      providers.add(new SimulatedProvidersModule());
    } else {
      providers.add(new GeminiProvidersModule());
      if (!config.providers().kling().keys().isEmpty()) {
        providers.add(new KlingProvidersModule());
      }
      if (config.providers().reels().configured()) {
        providers.add(new ReelsProvidersModule());
      }
    }
    boolean telegram = config.bot().token().isPresent();
    Module chat = telegram ? new TelegramModule() : new NoChatModule();
    List<Module> payments = new ArrayList<>();
    if (config.providers().simulated()) {
      payments.add(new SimulatedRailsModule());
      payments.add(new YooKassaModule());
      payments.add(new HeleketModule());
    } else {
      config.payments().yookassa().ifPresent(y -> {
        payments.add(new ConfiguredYooKassaModule());
        payments.add(new YooKassaModule());
      });
      config.payments().heleket().ifPresent(h -> {
        payments.add(new ConfiguredHeleketModule());
        payments.add(new HeleketModule());
      });
    }
    if (telegram && config.payments().stars()) {
      payments.add(new StarsModule());
    }
    return new AdapterModules(chat, providers, payments, List.of());
  }

  /** These adapters with {@code chat} in place of the current chat module. */
  public AdapterModules withChat(Module chat) {
    return new AdapterModules(chat, providers, payments, extras);
  }

  /** These adapters with {@code providers} in place of the configured provider modules. */
  public AdapterModules withProviders(Module... providers) {
    return new AdapterModules(chat, List.of(providers), payments, extras);
  }

  /** These adapters plus {@code extra}. */
  public AdapterModules with(Module extra) {
    List<Module> more = new ArrayList<>(extras);
    more.add(extra);
    return new AdapterModules(chat, providers, payments, more);
  }

  List<Module> all() {
    List<Module> all = new ArrayList<>();
    all.add(chat);
    all.addAll(providers);
    all.addAll(payments);
    all.addAll(extras);
    return all;
  }
}
