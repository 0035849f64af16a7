package dev.rei.adapters.telegram.state;

import java.util.Objects;

/** The video flow's answers so far: the model and the duration chosen, waiting for the text, photo or video. */
public record VideoDraft(String model, int seconds) {

  public VideoDraft {
    Objects.requireNonNull(model, "model");
  }
}
