package dev.rei.application.service.order;

import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.TopUpCatalog;

/** The configured price list and top-up packages, as they are. */
public final class GetCatalogService implements GetCatalogUseCase {

  private final Catalog catalog;

  public GetCatalogService(PriceList prices, TopUpCatalog topUps) {
    this.catalog = new Catalog(prices, topUps);
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }
}
