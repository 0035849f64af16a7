package dev.rei.application.service.order;

import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.TopUpCatalog;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The configured price list and top-up packages, and the kinds the configured providers generate. */
public final class GetCatalogService implements GetCatalogUseCase {

  private final Catalog catalog;

  public GetCatalogService(Collection<GenerationProvider> providers, PriceList prices, TopUpCatalog topUps) {
    Set<JobKind> kinds = EnumSet.noneOf(JobKind.class);
    providers.forEach(provider -> kinds.addAll(provider.kinds()));
    this.catalog = new Catalog(kinds, prices, topUps);
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }
}
