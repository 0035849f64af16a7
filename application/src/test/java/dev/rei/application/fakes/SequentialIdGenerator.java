package dev.rei.application.fakes;

import dev.rei.application.port.out.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Repeatable ids: 00000000-0000-4000-8000-000000000001, …002, …; thread-safe. */
public final class SequentialIdGenerator implements IdGenerator {

  private final AtomicLong next = new AtomicLong();

  @Override
  public UUID newId() {
    return new UUID(0x0000_0000_0000_4000L, 0x8000_0000_0000_0000L | next.incrementAndGet());
  }
}
