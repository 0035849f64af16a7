package dev.rei.application.port.in.order;

import dev.rei.domain.job.JobKind;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.TopUpCatalog;
import java.util.Objects;
import java.util.Set;

/**
 * What is on offer: the kinds of generation a provider is configured for, the price list (video
 * models and their prices…) and the top-up packages per rail.
 */
public interface GetCatalogUseCase {

  Catalog catalog();

  /** The configured offers; read-only. */
  record Catalog(Set<JobKind> kinds, PriceList prices, TopUpCatalog topUps) {
    public Catalog {
      kinds = Set.copyOf(kinds);
      Objects.requireNonNull(prices, "prices");
      Objects.requireNonNull(topUps, "topUps");
    }

    /** Whether jobs of {@code kind} can be ordered: a provider for them is configured. */
    public boolean offers(JobKind kind) {
      return kinds.contains(kind);
    }
  }
}
