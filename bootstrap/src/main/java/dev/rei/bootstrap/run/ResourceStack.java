package dev.rei.bootstrap.run;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources a process opened (embedded servers, pools, connections), closed in the reverse order
 * of opening: the pool before the server it talks to. A failure to close one is logged and the
 * others are still closed.
 */
public final class ResourceStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceStack.class);

  private final Deque<Named> resources = new ArrayDeque<>();
  private boolean closed;

  private record Named(String name, AutoCloseable resource) {}

  /** Remembers {@code resource} to close it later; returns it. */
  public synchronized <T extends AutoCloseable> T register(String name, T resource) {
    if (closed) {
      closeQuietly(new Named(name, resource));
      throw new IllegalStateException("the process is stopping; " + name + " was closed at once");
    }
    resources.push(new Named(name, resource));
    return resource;
  }

  @Override
  public void close() {
    Deque<Named> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(resources);
      resources.clear();
    }
    toClose.forEach(ResourceStack::closeQuietly);
  }

  private static void closeQuietly(Named named) {
    try {
      named.resource().close();
      LOG.info("closed {}", named.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while closing {}", named.name());
    } catch (Exception e) {
      LOG.warn("could not close {}: {}", named.name(), e.toString());
    }
  }
}
