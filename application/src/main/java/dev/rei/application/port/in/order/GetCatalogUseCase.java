package dev.rei.application.port.in.order;

import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.TopUpCatalog;
import java.util.Objects;

/** What is on offer: the price list (video models and their prices…) and the top-up packages per rail. */
public interface GetCatalogUseCase {

  Catalog catalog();

  /** The configured offers; read-only. */
  record Catalog(PriceList prices, TopUpCatalog topUps) {
    public Catalog {
      Objects.requireNonNull(prices, "prices");
      Objects.requireNonNull(topUps, "topUps");
    }
  }
}
