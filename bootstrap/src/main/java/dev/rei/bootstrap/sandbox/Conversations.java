package dev.rei.bootstrap.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The private chats between the bot and its users: every message in its current version, the timeline of all
 * versions, and who has blocked the bot. Waiters on a chat are woken by each change to it.
 */
final class Conversations {

  private static final class Chat {

    EmulatedUser user;
    boolean blocked;
    int lastMessageId;
    final TreeMap<Integer, ChatMessage> current = new TreeMap<>();
    final List<ChatMessage> timeline = new ArrayList<>();

    Chat(EmulatedUser user) {
      this.user = user;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Long, Chat> chats = new HashMap<>();
  /** One condition per chat, so that a change wakes only the waiters of that chat (load tests wait on many). */
  private final Map<Long, Condition> changes = new HashMap<>();
  private boolean closed;

  /** Makes the chat known (a user must have written to the bot before it can write back) and updates the user. */
  void open(EmulatedUser user) {
    lock.lock();
    try {
      chats.computeIfAbsent(user.chatId(), id -> new Chat(user)).user = user;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes a group chat known (a negative id), as when {@code member} adds the bot to it; the member stands for the
   * group where a chat's user is asked for. Messages in it are rendered with the group as their chat.
   */
  void openGroup(long chatId, EmulatedUser member) {
    if (chatId >= 0) {
      throw new IllegalArgumentException("a group's chat id is negative, got " + chatId);
    }
    lock.lock();
    try {
      chats.computeIfAbsent(chatId, id -> new Chat(member));
    } finally {
      lock.unlock();
    }
  }

  Optional<EmulatedUser> user(long chatId) {
    lock.lock();
    try {
      return Optional.ofNullable(chats.get(chatId)).map(chat -> chat.user);
    } finally {
      lock.unlock();
    }
  }

  /** The user of a chat the bot may write to, or Telegram's refusal: unknown chat 400, blocked bot 403. */
  EmulatedUser requireReachable(long chatId) {
    lock.lock();
    try {
      Chat chat = chats.get(chatId);
      if (chat == null) {
        throw ApiRefusal.badRequest("chat not found");
      }
      if (chat.blocked) {
        throw new ApiRefusal(ApiResponse.error(403, "Forbidden: bot was blocked by the user"));
      }
      return chat.user;
    } finally {
      lock.unlock();
    }
  }

  void setBlocked(EmulatedUser user, boolean blocked) {
    lock.lock();
    try {
      chats.computeIfAbsent(user.chatId(), id -> new Chat(user)).blocked = blocked;
    } finally {
      lock.unlock();
    }
  }

  /** Adds a message under the chat's next message id, which the factory receives. */
  ChatMessage append(long chatId, IntFunction<ChatMessage> factory) {
    lock.lock();
    try {
      Chat chat = chats.get(chatId);
      if (chat == null) {
        throw new IllegalStateException("no chat " + chatId);
      }
      ChatMessage message = factory.apply(chat.lastMessageId + 1);
      chat.lastMessageId = message.messageId();
      chat.current.put(message.messageId(), message);
      chat.timeline.add(message);
      changeOf(chatId).signalAll();
      return message;
    } finally {
      lock.unlock();
    }
  }

  /** Stores a new version of an existing message: an edit or a deletion. */
  void replace(ChatMessage version) {
    lock.lock();
    try {
      Chat chat = chats.get(version.chatId());
      chat.current.put(version.messageId(), version);
      chat.timeline.add(version);
      changeOf(version.chatId()).signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The current version of a message, also when it was deleted. */
  Optional<ChatMessage> find(long chatId, int messageId) {
    lock.lock();
    try {
      Chat chat = chats.get(chatId);
      return chat == null ? Optional.empty() : Optional.ofNullable(chat.current.get(messageId));
    } finally {
      lock.unlock();
    }
  }

  /** The current versions of the messages not deleted, by message id; both sides when {@code botOnly} is false. */
  List<ChatMessage> messages(long chatId, boolean botOnly) {
    lock.lock();
    try {
      Chat chat = chats.get(chatId);
      if (chat == null) {
        return List.of();
      }
      return chat.current.values().stream()
          .filter(message -> !message.deleted() && (!botOnly || message.fromBot()))
          .toList();
    } finally {
      lock.unlock();
    }
  }

  int lastMessageId(long chatId) {
    lock.lock();
    try {
      Chat chat = chats.get(chatId);
      return chat == null ? 0 : chat.lastMessageId;
    } finally {
      lock.unlock();
    }
  }

  List<ChatMessage> timeline(long chatId, int fromIndex) {
    lock.lock();
    try {
      Chat chat = chats.get(chatId);
      if (chat == null || fromIndex >= chat.timeline.size()) {
        return List.of();
      }
      return List.copyOf(chat.timeline.subList(Math.max(0, fromIndex), chat.timeline.size()));
    } finally {
      lock.unlock();
    }
  }

  /** The first live message (by id) the condition accepts, waiting up to the timeout for one to appear. */
  Optional<ChatMessage> awaitMessage(long chatId, Predicate<ChatMessage> condition, Duration timeout)
      throws InterruptedException {
    long remainingNanos = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        Optional<ChatMessage> match = messages(chatId, false).stream().filter(condition).findFirst();
        if (match.isPresent() || closed || remainingNanos <= 0) {
          return match;
        }
        remainingNanos = changeOf(chatId).awaitNanos(remainingNanos);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The versions at and after {@code fromIndex} of the chat's timeline, waiting up to the timeout for one. */
  List<ChatMessage> awaitTimeline(long chatId, int fromIndex, Duration timeout) throws InterruptedException {
    long remainingNanos = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        List<ChatMessage> versions = timeline(chatId, fromIndex);
        if (!versions.isEmpty() || closed || remainingNanos <= 0) {
          return versions;
        }
        remainingNanos = changeOf(chatId).awaitNanos(remainingNanos);
      }
    } finally {
      lock.unlock();
    }
  }

  private Condition changeOf(long chatId) {
    return changes.computeIfAbsent(chatId, id -> lock.newCondition());
  }

  /** Wakes every waiter, so that a closing emulator leaves no thread waiting. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changes.values().forEach(Condition::signalAll);
    } finally {
      lock.unlock();
    }
  }
}
