package dev.rei.application.contract;

import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.OrderStore;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;

/** All stores of one persistence implementation, sharing one unit of work, as contract tests need them. */
public record PersistenceKit(
    UnitOfWork unitOfWork,
    UserStore users,
    LedgerStore ledger,
    OrderStore orders,
    JobStore jobs,
    PaymentStore payments,
    Outbox outbox,
    AuditLog auditLog) {}
