package dev.rei.application.port.in.admin;

import java.util.List;

/** The health of every configured provider key pool, as the workers see it now; for health checks and admins. */
public interface GetProviderHealthUseCase {

  /** One entry per configured pool, in a stable order. */
  List<ProviderHealth> providerHealth();
}
