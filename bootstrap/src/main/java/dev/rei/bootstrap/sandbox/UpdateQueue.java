package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bot's pending updates and getUpdates with Telegram's semantics: an update stays until a later call passes
 * an offset above its id; a call waits up to its timeout and returns as soon as updates arrive; a newer call ends
 * a waiting one with 409 Conflict; an active webhook forbids polling.
 */
final class UpdateQueue {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Telegram's default when allowed_updates is empty: every type except these three. */
  private static final Set<String> NOT_ALLOWED_BY_DEFAULT =
      Set.of("chat_member", "message_reaction", "message_reaction_count");
  private static final int MAX_TIMEOUT_SECONDS = 600;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final Deque<ObjectNode> pending = new ArrayDeque<>();
  private long lastUpdateId;
  private long pollGeneration;
  private int waitingPolls;
  private List<String> allowedUpdates = List.of();
  private String webhookUrl = "";
  private boolean closed;

  /** Queues an update of the given type ("message", "callback_query"…) and returns its update_id. */
  long push(String type, JsonNode payload) {
    lock.lock();
    try {
      long id = ++lastUpdateId;
      ObjectNode update = JSON.objectNode();
      update.put("update_id", id);
      update.set(type, payload);
      pending.addLast(update);
      arrived.signalAll();
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** Answers one getUpdates call; blocks up to {@code timeoutSeconds} when nothing is pending. */
  ApiResponse poll(Optional<Long> offset, int limit, int timeoutSeconds, Optional<List<String>> allowed) {
    lock.lock();
    try {
      if (!webhookUrl.isEmpty()) {
        return ApiResponse.error(409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
      }
      allowed.ifPresent(types -> allowedUpdates = List.copyOf(types));
      long generation = ++pollGeneration;
      // A newer poll ends the one still waiting, as Telegram does when two bot instances poll one token.
      arrived.signalAll();
      offset.ifPresent(this::confirmBelow);
      int boundedLimit = Math.max(1, Math.min(100, limit));
      long remainingNanos = TimeUnit.SECONDS.toNanos(Math.max(0, Math.min(MAX_TIMEOUT_SECONDS, timeoutSeconds)));
      while (true) {
        if (generation != pollGeneration) {
          return ApiResponse.error(409,
              "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        }
        ArrayNode deliverable = deliverable(boundedLimit);
        if (!deliverable.isEmpty() || closed || remainingNanos <= 0) {
          return ApiResponse.ok(deliverable);
        }
        waitingPolls++;
        try {
          remainingNanos = arrived.awaitNanos(remainingNanos);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return ApiResponse.ok(JSON.arrayNode());
        } finally {
          waitingPolls--;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void confirmBelow(long offset) {
    if (offset < 0) {
      // "Negative offset … retrieve updates starting from -offset update from the end … previous updates forgotten."
      while (pending.size() > -offset) {
        pending.removeFirst();
      }
      return;
    }
    while (!pending.isEmpty() && pending.peekFirst().path("update_id").asLong() < offset) {
      pending.removeFirst();
    }
  }

  private ArrayNode deliverable(int limit) {
    ArrayNode result = JSON.arrayNode();
    Iterator<ObjectNode> updates = pending.iterator();
    while (updates.hasNext() && result.size() < limit) {
      ObjectNode update = updates.next();
      if (isAllowed(typeOf(update))) {
        result.add(update.deepCopy());
      } else {
        // Telegram never queues an update type the bot did not ask for.
        updates.remove();
      }
    }
    return result;
  }

  private boolean isAllowed(String type) {
    return allowedUpdates.isEmpty() ? !NOT_ALLOWED_BY_DEFAULT.contains(type) : allowedUpdates.contains(type);
  }

  private static String typeOf(ObjectNode update) {
    Iterator<String> fields = update.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!field.equals("update_id")) {
        return field;
      }
    }
    return "";
  }

  /** Whether a getUpdates call is waiting for updates right now. */
  boolean hasWaitingPoll() {
    lock.lock();
    try {
      return waitingPolls > 0;
    } finally {
      lock.unlock();
    }
  }

  int pendingCount() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  void setWebhook(String url, boolean dropPending) {
    lock.lock();
    try {
      webhookUrl = url == null ? "" : url;
      if (dropPending) {
        pending.clear();
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  String webhookUrl() {
    lock.lock();
    try {
      return webhookUrl;
    } finally {
      lock.unlock();
    }
  }

  /** Ends every waiting poll with what is pending; later polls return at once. */
  void close() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
