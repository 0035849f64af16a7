package dev.rei.bootstrap.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keyboard a bot attached to a message: inline buttons under the message, or a reply keyboard replacing the
 * user's keyboard.
 *
 * @param kind inline or reply
 * @param rows the buttons, row by row
 * @param json the reply_markup exactly as the bot sent it, echoed back in the Message the emulator returns
 */
public record Keyboard(Kind kind, List<List<Button>> rows, String json) {

  public Keyboard {
    Objects.requireNonNull(kind, "kind");
    rows = rows.stream().map(List::copyOf).toList();
    Objects.requireNonNull(json, "json");
  }

  /** Where the buttons are shown. */
  public enum Kind { INLINE, REPLY }

  /**
   * One button.
   *
   * @param text the label
   * @param callbackData the data of a callback button, else null
   * @param url the link of a URL button, else null
   * @param action the Bot API field that says what the button does ({@code "callback_data"}, {@code "url"},
   *     {@code "pay"}, {@code "web_app"}…); {@code "text"} for a reply keyboard button
   */
  public record Button(String text, String callbackData, String url, String action) {

    public Button {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(action, "action");
    }
  }

  /** Every button, row after row, left to right: the order in which the terminal chat numbers them. */
  public List<Button> buttons() {
    return rows.stream().flatMap(List::stream).toList();
  }

  /** The callback data of the first button with this label. */
  public Optional<String> callbackDataOf(String buttonText) {
    return buttons().stream()
        .filter(button -> button.text().equals(buttonText) && button.callbackData() != null)
        .map(Button::callbackData)
        .findFirst();
  }

  /** Whether some button carries exactly this callback data. */
  public boolean offersCallbackData(String callbackData) {
    return buttons().stream().anyMatch(button -> callbackData.equals(button.callbackData()));
  }
}
