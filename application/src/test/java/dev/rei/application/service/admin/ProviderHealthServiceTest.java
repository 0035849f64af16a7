package dev.rei.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.KeyPoolSize;
import dev.rei.application.port.in.admin.ProviderHealth;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderHealthServiceTest {

  private static final ProviderName KIE = ProviderName.of("kie");
  private static final ProviderName OPENAI = ProviderName.of("openai");

  private final InMemoryCore core = new InMemoryCore();
  private final ProviderHealthService service = new ProviderHealthService(
      List.of(new KeyPoolSize(OPENAI, 2), new KeyPoolSize(KIE, 3)), core.keyHealth, core.clock);

  @Test
  void givenKeysHealthyCoolingAndBlocked_providerHealth_countsEachPerPool_inNameOrder() {
    core.keyHealth.block(new KeyId(KIE, 0), new KeyBlock(KeyEffect.COOL_DOWN, core.clock.now().plusSeconds(60)));
    core.keyHealth.block(new KeyId(KIE, 2), new KeyBlock(KeyEffect.BLOCK, core.clock.now().plusSeconds(60)));
    core.keyHealth.block(new KeyId(OPENAI, 0), new KeyBlock(KeyEffect.BLOCK, core.clock.now().plusSeconds(60)));
    core.keyHealth.block(new KeyId(OPENAI, 1), new KeyBlock(KeyEffect.BLOCK, core.clock.now().plusSeconds(60)));

    List<ProviderHealth> health = service.providerHealth();

    assertThat(health).containsExactly(new ProviderHealth(KIE, 1, 1, 1), new ProviderHealth(OPENAI, 0, 0, 2));
    assertThat(health).extracting(ProviderHealth::usable).containsExactly(true, false);
  }

  @Test
  void givenBlocksThatEnded_providerHealth_countsTheKeysHealthy() {
    core.keyHealth.block(new KeyId(OPENAI, 0), new KeyBlock(KeyEffect.BLOCK, core.clock.now().plusSeconds(60)));
    core.clock.advance(Duration.ofSeconds(60));

    assertThat(service.providerHealth()).contains(new ProviderHealth(OPENAI, 2, 0, 0));
  }
}
