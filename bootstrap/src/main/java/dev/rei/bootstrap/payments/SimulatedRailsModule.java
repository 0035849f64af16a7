package dev.rei.bootstrap.payments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.heleket.HeleketSettings;
import dev.rei.adapters.payments.simulated.FakeHeleketServer;
import dev.rei.adapters.payments.simulated.FakeYooKassaServer;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.bootstrap.config.HttpSettings;
import dev.rei.bootstrap.run.ResourceStack;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * YooKassa and Heleket simulated for the sandbox and tests: fake rails on loopback, reached by the
 * real gateways, paid on their own pay pages, and answering with real notifications (YooKassa's
 * shape, Heleket's signature) to this process's webhooks — the same path real money takes.
 */
public final class SimulatedRailsModule extends AbstractModule {

  private static final String SHOP = "sandbox-shop";
  private static final String MERCHANT = "sandbox-merchant";

  // Fresh per process: nothing outside it can forge a notification to the sandbox.
  private final Secret yookassaKey = Secret.of(randomKey(), "simulated YooKassa key");
  private final Secret heleketKey = Secret.of(randomKey(), "simulated Heleket key");
  private final Secret webhookSecret = Secret.of(randomKey(), "simulated YooKassa webhook secret");

  @Provides
  @Singleton
  FakeYooKassaServer fakeYooKassa(ResourceStack resources) {
    return resources.register("simulated YooKassa", new FakeYooKassaServer(SHOP, yookassaKey));
  }

  @Provides
  @Singleton
  FakeHeleketServer fakeHeleket(ResourceStack resources) {
    return resources.register("simulated Heleket", new FakeHeleketServer(MERCHANT, heleketKey));
  }

  @Provides
  @Singleton
  YooKassaSettings yookassa(FakeYooKassaServer fake, HttpSettings http) {
    YooKassaSettings settings = YooKassaSettings.of(SHOP, yookassaKey, webhookSecret, "https://t.me")
        .withBaseUrl(fake.baseUrl())
        .withAllowedIps(IpAllowList.parse("127.0.0.1,::1"));
    fake.notifyTo("http://127.0.0.1:" + http.port() + "/webhooks/yookassa/" + webhookSecret.reveal());
    return settings;
  }

  @Provides
  @Singleton
  HeleketSettings heleket(FakeHeleketServer fake, HttpSettings http) {
    return HeleketSettings.of(MERCHANT, heleketKey, "http://127.0.0.1:" + http.port() + "/webhooks/heleket",
            "https://t.me")
        .withBaseUrl(fake.baseUrl())
        .withAllowedIps(IpAllowList.parse("127.0.0.1,::1"));
  }

  private static String randomKey() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
