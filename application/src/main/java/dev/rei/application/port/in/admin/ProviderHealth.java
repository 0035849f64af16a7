package dev.rei.application.port.in.admin;

import dev.rei.domain.provider.ProviderName;
import java.util.Objects;

/**
 * The keys of one provider's pool right now: {@code healthy} ones are used in turn, {@code
 * cooling} ones rest after a rate limit, {@code blocked} ones after a billing failure. With no
 * healthy key every call goes to the key whose rest ends first and will likely fail.
 */
public record ProviderHealth(ProviderName provider, int healthy, int cooling, int blocked) {

  public ProviderHealth {
    Objects.requireNonNull(provider, "provider");
    if (healthy < 0 || cooling < 0 || blocked < 0 || healthy + cooling + blocked == 0) {
      throw new IllegalArgumentException("key counts are not negative and add up to at least one");
    }
  }

  /** Whether at least one key can be used now. */
  public boolean usable() {
    return healthy > 0;
  }

  public int keys() {
    return healthy + cooling + blocked;
  }
}
