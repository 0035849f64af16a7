package dev.rei.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What this JVM and the PostgreSQL server it talks to are using: CPU time (the JVM's from its
 * OperatingSystemMXBean, the server's summed over the postmaster and its backends, which are
 * separate processes), heap, threads and garbage collection.
 */
final class ProcessReadings {

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Optional<ProcessHandle> postmaster;

  /** @param postmaster the server's main process, whose children are its backends; empty when not found */
  ProcessReadings(Optional<ProcessHandle> postmaster) {
    this.postmaster = postmaster;
  }

  /** Cumulative counters, to subtract from a later snapshot. */
  record Snapshot(long atNanos, long jvmCpuNanos, long postgresCpuNanos, long gcCount, long gcMillis) {}

  Snapshot snapshot() {
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), postgresCpuNanos(), gcCount, gcMillis);
  }

  /** CPU time of the server's processes alive now; a backend that ended took its share with it. */
  private long postgresCpuNanos() {
    return postmaster.map(pm -> Stream.concat(Stream.of(pm), pm.descendants())
            .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
            .mapToLong(Duration::toNanos).sum())
        .orElse(-1L);
  }

  boolean seesPostgres() {
    return postmaster.isPresent();
  }

  /** Heap in use after a full collection: what the process keeps, not what it has not collected yet. */
  double heapUsedAfterGcMegabytes() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return megabytes(memory.getHeapMemoryUsage().getUsed());
  }

  double heapUsedMegabytes() {
    return megabytes(memory.getHeapMemoryUsage().getUsed());
  }

  double heapMaxMegabytes() {
    return megabytes(memory.getHeapMemoryUsage().getMax());
  }

  /** The JVM's share of all CPUs over the last moment, 0..1, or negative when unknown. */
  double processCpuLoad() {
    return os.getProcessCpuLoad();
  }

  /** The whole machine's CPU use over the last moment, 0..1, or negative when unknown. */
  double systemCpuLoad() {
    return os.getCpuLoad();
  }

  /** Runnable processes on the machine averaged over the last minute (the 1-minute load average). */
  double loadAverage() {
    return os.getSystemLoadAverage();
  }

  int liveThreads() {
    return threads.getThreadCount();
  }

  int peakThreads() {
    return threads.getPeakThreadCount();
  }

  void resetPeakThreads() {
    threads.resetPeakThreadCount();
  }

  private static double megabytes(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
