package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import dev.rei.bootstrap.config.BotSettings;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.config.DatabaseSettings;
import dev.rei.bootstrap.config.HttpSettings;
import dev.rei.bootstrap.config.PaymentSettings;
import dev.rei.bootstrap.config.ProviderSettings;
import dev.rei.bootstrap.config.RedisSettings;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.config.WorkerSettings;
import dev.rei.bootstrap.run.ResourceStack;

/** The configuration, each group of settings, this process's id, and the stack its resources close from. */
public final class ProcessModule extends AbstractModule {

  private final ReiConfig config;
  private final ResourceStack resources;

  public ProcessModule(ReiConfig config, ResourceStack resources) {
    this.config = config;
    this.resources = resources;
  }

  @Override
  protected void configure() {
    bind(ReiConfig.class).toInstance(config);
    bind(BotSettings.class).toInstance(config.bot());
    bind(DatabaseSettings.class).toInstance(config.database());
    bind(RedisSettings.class).toInstance(config.redis());
    bind(HttpSettings.class).toInstance(config.http());
    bind(CoreSettings.class).toInstance(config.core());
    bind(WorkerSettings.class).toInstance(config.workers());
    bind(ProviderSettings.class).toInstance(config.providers());
    bind(PaymentSettings.class).toInstance(config.payments());
    bind(ResourceStack.class).toInstance(resources);
    bind(ProcessId.class).toInstance(ProcessId.current());
  }
}
