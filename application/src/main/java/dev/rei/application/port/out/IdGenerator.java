package dev.rei.application.port.out;

import java.util.UUID;

/** New unique ids for jobs, orders, payments, transfers and outbox messages. */
public interface IdGenerator {

  UUID newId();
}
