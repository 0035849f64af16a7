package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.user.UserId;
import java.time.Duration;

/**
 * Each user's {@link ImageProfile}, in the ChatStateStore: durable, so a restart keeps the prompt,
 * settings and references. It lasts a year after the last change or use; the photos themselves are
 * in the MediaStore.
 */
public final class ImageProfiles {

  static final String NAMESPACE = "img-profile";
  static final Duration TTL = Duration.ofDays(365);

  private final ChatStateStore store;
  private final Clock clock;

  public ImageProfiles(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public ImageProfile of(UserId user) {
    return store.get(NAMESPACE, key(user), clock.now())
        .flatMap(json -> StateJson.read(json, ImageProfile.class))
        .orElse(ImageProfile.DEFAULT);
  }

  /** Keeps {@code profile} for another year; also called on use, so a profile in use never expires. */
  public void save(UserId user, ImageProfile profile) {
    store.put(NAMESPACE, key(user), StateJson.write(profile), clock.now().plus(TTL));
  }

  private static String key(UserId user) {
    return Long.toString(user.value());
  }
}
