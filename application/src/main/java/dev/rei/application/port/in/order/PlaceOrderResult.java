package dev.rei.application.port.in.order;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.Order;
import java.util.List;
import java.util.Objects;

/** The placed order, or why nothing was placed. */
public sealed interface PlaceOrderResult {

  /** The order and its jobs; {@code replayed} when the key had placed it before. */
  record Placed(Order order, List<Job> jobs, boolean replayed) implements PlaceOrderResult {
    public Placed {
      Objects.requireNonNull(order, "order");
      jobs = List.copyOf(jobs);
    }
  }

  record Refused(OrderRefusal reason) implements PlaceOrderResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
