package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.http.BusinessGauges;
import dev.rei.bootstrap.http.StoreGauges;
import dev.rei.bootstrap.run.ResourceStack;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;

/**
 * One Prometheus registry per process, also bound as the {@link MeterRegistry} every other part
 * publishes to, with the JVM's own meters and the gauges read from the database (operational and business).
 */
public final class MetricsModule extends AbstractModule {

  @Provides
  @Singleton
  PrometheusMeterRegistry prometheus(ResourceStack resources) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    resources.register("metrics registry", registry::close);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    // The GC binder listens to the JVM's notifications until closed.
    resources.register("GC metrics", new JvmGcMetrics()).bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  @Provides
  @Singleton
  MeterRegistry registry(PrometheusMeterRegistry prometheus) {
    return prometheus;
  }

  @Provides
  @Singleton
  StoreGauges storeGauges(UnitOfWork unitOfWork, JobStore jobs, Outbox outbox, Clock clock) {
    return new StoreGauges(unitOfWork, jobs, outbox, clock);
  }

  @Provides
  @Singleton
  BusinessGauges businessGauges(UnitOfWork unitOfWork, JobStore jobs, PaymentStore payments, InboundUpdates inbox,
      LedgerStore ledger, Clock clock) {
    return new BusinessGauges(unitOfWork, jobs, payments, inbox, ledger, clock);
  }
}
