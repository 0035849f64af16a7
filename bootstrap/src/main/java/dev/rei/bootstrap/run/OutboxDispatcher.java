package dev.rei.bootstrap.run;

import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase.DispatchReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: a batch at a time while messages are due, then a short rest. Messages are
 * marked in the same transaction that sends them, so stopping mid-batch loses and repeats nothing.
 */
public final class OutboxDispatcher implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final LoopingWorkers loop;

  public OutboxDispatcher(DispatchOutboxUseCase dispatch, int batch, Duration poll, MeterRegistry metrics) {
    Counter sent = outcome(metrics, "sent");
    Counter retried = outcome(metrics, "retried");
    Counter undeliverable = outcome(metrics, "undeliverable");
    this.loop = new LoopingWorkers("rei-outbox", 1, worker -> {
      DispatchReport report = dispatch.dispatch(batch);
      sent.increment(report.sent());
      retried.increment(report.retried());
      undeliverable.increment(report.undeliverable());
      if (report.undeliverable() > 0) {
        LOG.info("outbox: {} message(s) can never be delivered and were set aside", report.undeliverable());
      }
      // A full batch means more may be due right now.
      return report.sent() + report.retried() + report.undeliverable() >= batch;
    }, worker -> Thread.sleep(poll.toMillis()));
  }

  private static Counter outcome(MeterRegistry metrics, String outcome) {
    return Counter.builder("rei.outbox.dispatched").tag("outcome", outcome)
        .description("Outbox messages handled by the dispatcher, by outcome").register(metrics);
  }

  @Override
  public String name() {
    return "outbox dispatcher";
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop(Duration grace) {
    loop.stop(grace);
  }
}
