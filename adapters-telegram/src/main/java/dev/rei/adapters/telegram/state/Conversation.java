package dev.rei.adapters.telegram.state;

import java.util.Objects;

/**
 * Where a user is in a multi-step flow. {@code photoKey} is a photo (its MediaStore key) waiting
 * for the text that says what to change in it; {@code mediaGroupId} the album it came from, so
 * the rest of an album does not ask again.
 */
public record Conversation(Step step, String photoKey, String mediaGroupId) {

  public static final Conversation IDLE = new Conversation(Step.IDLE, null, null);

  public Conversation {
    Objects.requireNonNull(step, "step");
    if (step == Step.AWAITING_EDIT_PROMPT && photoKey == null) {
      throw new IllegalArgumentException("waiting for an edit prompt needs the photo");
    }
  }

  public static Conversation awaitingEditPrompt(String photoKey, String mediaGroupId) {
    return new Conversation(Step.AWAITING_EDIT_PROMPT, photoKey, mediaGroupId);
  }

  /** Nothing pending, but the rest of album {@code mediaGroupId} belongs to a request already made. */
  public static Conversation idleAfterAlbum(String mediaGroupId) {
    return new Conversation(Step.IDLE, null, mediaGroupId);
  }

  /** The steps of the flows built so far; video and Reels add theirs. */
  public enum Step {
    IDLE,
    /** A photo came without a caption; the next text says what to change in it. */
    AWAITING_EDIT_PROMPT,
    /** Video: model and duration chosen (in the video draft); a text, photo or video comes next. */
    AWAITING_VIDEO_INPUT,
    /** Reels, seed 002 step by step (the answers so far are in the Reels draft). */
    AWAITING_REELS_PHOTO,
    AWAITING_REELS_PRODUCT,
    AWAITING_REELS_TEMPLATE,
    AWAITING_REELS_PROMPT,
    AWAITING_REELS_WISHES,
    AWAITING_REELS_COUNT,
    /** /refs ➕: the next photos are kept as reference photos until ✅ Done or the limit. */
    AWAITING_REFERENCES,
    /** /support without a text: the next text or photo goes to support. */
    AWAITING_SUPPORT_MESSAGE
  }

  /** Adding reference photos; {@code mediaGroupId} is an album already told that the slots ran out. */
  public static Conversation awaitingReferences(String mediaGroupId) {
    return new Conversation(Step.AWAITING_REFERENCES, null, mediaGroupId);
  }
}
