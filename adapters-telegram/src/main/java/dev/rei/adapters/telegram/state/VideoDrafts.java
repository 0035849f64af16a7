package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * Each user's {@link VideoDraft} and {@link ReelsDraft}, kept in the ChatStateStore beside their
 * {@link Conversation} so a restart mid-flow loses nothing. A draft lives a day: a step whose
 * draft is gone asks the user to start again rather than guessing.
 */
public final class VideoDrafts {

  static final String VIDEO_NAMESPACE = "draft-video";
  static final String REELS_NAMESPACE = "draft-reels";
  static final Duration TTL = Duration.ofDays(1);

  private final ChatStateStore store;
  private final Clock clock;

  public VideoDrafts(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Optional<VideoDraft> video(UserId user) {
    return store.get(VIDEO_NAMESPACE, key(user), clock.now()).flatMap(json -> StateJson.read(json, VideoDraft.class));
  }

  public void saveVideo(UserId user, VideoDraft draft) {
    store.put(VIDEO_NAMESPACE, key(user), StateJson.write(draft), clock.now().plus(TTL));
  }

  public Optional<ReelsDraft> reels(UserId user) {
    return store.get(REELS_NAMESPACE, key(user), clock.now()).flatMap(json -> StateJson.read(json, ReelsDraft.class));
  }

  public void saveReels(UserId user, ReelsDraft draft) {
    store.put(REELS_NAMESPACE, key(user), StateJson.write(draft), clock.now().plus(TTL));
  }

  public void forget(UserId user) {
    store.remove(VIDEO_NAMESPACE, key(user));
    store.remove(REELS_NAMESPACE, key(user));
  }

  private static String key(UserId user) {
    return Long.toString(user.value());
  }
}
