package dev.rei.adapters.telegram.button;

import dev.rei.adapters.telegram.state.StateJson;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * Makes buttons whose meaning ({@link ButtonAction}) is kept in the ChatStateStore under a short
 * random key, and reads that meaning back when a button is pressed.
 */
public final class Buttons {

  static final String NAMESPACE = "btn";
  /** 9 random bytes: 12 characters of URL-safe Base64, 72 bits no one can guess. */
  private static final int KEY_BYTES = 9;

  private final ChatStateStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Buttons(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A button labelled {@code label} that means {@code action} for {@code ttl}. */
  public InlineKeyboardButton button(String label, ButtonAction action, Duration ttl) {
    return callbackButton(label, CallbackData.keyed(register(action, ttl)));
  }

  /** A {@link Navigation} button; it needs no stored state. */
  public static InlineKeyboardButton button(String label, Navigation target) {
    return callbackButton(label, CallbackData.nav(target));
  }

  /** A button for an action stored earlier under {@code key} (by {@link #register}). */
  public static InlineKeyboardButton keyed(String label, String key) {
    return callbackButton(label, CallbackData.keyed(key));
  }

  /** Stores {@code action} under a new key and returns the key. */
  public String register(ButtonAction action, Duration ttl) {
    String key = newKey();
    store.put(NAMESPACE, key, StateJson.write(action), clock.now().plus(ttl));
    return key;
  }

  /** The key of the button {@code button} made by {@link #button(String, ButtonAction, Duration)}. */
  public static String keyOf(InlineKeyboardButton button) {
    CallbackData data = CallbackData.parse(button.getCallbackData());
    if (data instanceof CallbackData.Keyed keyed) {
      return keyed.key();
    }
    throw new IllegalArgumentException("not a keyed button");
  }

  /** What the button with {@code key} means, unless it expired or never existed. */
  public Optional<ButtonAction> resolve(String key) {
    return store.get(NAMESPACE, key, clock.now()).flatMap(json -> StateJson.read(json, ButtonAction.class));
  }

  public void forget(String key) {
    store.remove(NAMESPACE, key);
  }

  private String newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static InlineKeyboardButton callbackButton(String label, String data) {
    return InlineKeyboardButton.builder().text(label).callbackData(data).build();
  }
}
