package dev.rei.application.port.in.admin;

import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.job.Job;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.user.User;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator sees about one user: who they are, their credits, what is running for them,
 * their latest payments (newest first) and the latest admin actions about them (newest first).
 */
public record UserCard(User user, Optional<String> username, UserBalance balance, List<Job> liveJobs,
    List<Payment> latestPayments, List<AuditLog.Entry> latestAudit) {

  public UserCard {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(balance, "balance");
    liveJobs = List.copyOf(liveJobs);
    latestPayments = List.copyOf(latestPayments);
    latestAudit = List.copyOf(latestAudit);
  }
}
