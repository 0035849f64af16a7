package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.state.Conversations;
import dev.rei.adapters.telegram.state.OrderMemory;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.port.out.Clock;
import java.util.Objects;

/** What every flow uses: replies, words, keyboards, buttons and the stored chat state. */
public record FlowKit(Replies replies, Texts texts, Keyboards keyboards, Buttons buttons,
    Conversations conversations, OrderMemory orders, Clock clock) {

  public FlowKit {
    Objects.requireNonNull(replies, "replies");
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(keyboards, "keyboards");
    Objects.requireNonNull(buttons, "buttons");
    Objects.requireNonNull(conversations, "conversations");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(clock, "clock");
  }

  /** A text in the user's language. */
  public String text(ChatUser user, String key, Object... namedArguments) {
    return texts.text(user.language(), key, namedArguments);
  }
}
