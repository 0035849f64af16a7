package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.adapters.telegram.state.ImageProfile;
import dev.rei.adapters.telegram.state.ImageProfiles;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.pricing.PricedItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The image flow: a text is a prompt for a new image; a photo with a caption is an edit of that
 * photo; a photo alone waits (in the stored conversation, so a restart keeps it) for the text
 * that says what to change. While /refs is adding, photos become reference photos instead. Every
 * image job has the user's chosen aspect ratio and size (/settings). Photos are downloaded by us
 * and kept in the MediaStore; providers get our key, never a Telegram file URL. Of an album only
 * the first photo is used for an edit.
 */
public final class ImageFlow {

  /** Job parameter names shared with the provider adapters. */
  public static final String PROMPT = "prompt";
  public static final String INPUT_MEDIA = "input_media";
  public static final String IMAGE_SIZE = "image_size";
  public static final String LANGUAGE = "language";
  public static final String ASPECT_RATIO = "aspect_ratio";

  private final FlowKit kit;
  private final QuoteFlow quotes;
  private final PhotoDownloads photos;
  private final ImageProfiles profiles;
  private final RefsFlow refs;

  public ImageFlow(FlowKit kit, QuoteFlow quotes, PhotoDownloads photos, ImageProfiles profiles, RefsFlow refs) {
    this.kit = kit;
    this.quotes = quotes;
    this.photos = photos;
    this.profiles = profiles;
    this.refs = refs;
  }

  /** A text that is not a command. */
  public void onText(ChatUser user, String text) {
    String prompt = text.strip();
    if (prompt.isEmpty()) {
      kit.replies().send(user.chatId(), kit.text(user, "unsupported"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    if (prompt.length() > JobParameters.MAX_VALUE_LENGTH) {
      kit.replies().send(user.chatId(), kit.text(user, "prompt.tooLong", "max", JobParameters.MAX_VALUE_LENGTH), null);
      return;
    }
    Conversation conversation = kit.conversations().of(user.id());
    ImageProfile profile = profiles.of(user.id());
    if (conversation.step() == Conversation.Step.AWAITING_EDIT_PROMPT) {
      kit.conversations().reset(user.id());
      quotes.offer(user, new PricedItem.ImageEdit(ImageOptions.sizeOf(profile)),
          ImageOptions.parameters(user, prompt, profile, List.of(conversation.photoKey())));
      return;
    }
    if (conversation.step() == Conversation.Step.AWAITING_REFERENCES) {
      // A text ends adding reference photos; it is a prompt like any other.
      kit.conversations().reset(user.id());
    }
    quotes.offer(user, new PricedItem.ImageGeneration(ImageOptions.sizeOf(profile)),
        ImageOptions.parameters(user, prompt, profile, List.of()));
  }

  /**
   * A photo (or an image sent as a file): {@code fileId} of its largest size, {@code fileSize} if
   * Telegram said it, {@code caption} and {@code mediaGroupId} as the message has them (or null).
   */
  public void onPhoto(ChatUser user, String fileId, Long fileSize, String contentType, String caption,
      String mediaGroupId) {
    Objects.requireNonNull(fileId, "fileId");
    Conversation conversation = kit.conversations().of(user.id());
    if (conversation.step() == Conversation.Step.AWAITING_REFERENCES) {
      refs.onPhoto(user, fileId, fileSize, contentType, mediaGroupId, conversation);
      return;
    }
    if (mediaGroupId != null && mediaGroupId.equals(conversation.mediaGroupId())) {
      return;
    }
    Optional<String> fetched = photos.fetch(user, fileId, fileSize, contentType);
    if (fetched.isEmpty()) {
      return;
    }
    String key = fetched.get();
    String prompt = caption == null ? "" : caption.strip();
    if (prompt.isEmpty()) {
      kit.conversations().save(user.id(), Conversation.awaitingEditPrompt(key, mediaGroupId));
      kit.replies().send(user.chatId(), kit.text(user, "photo.received"), null);
      return;
    }
    if (prompt.length() > JobParameters.MAX_VALUE_LENGTH) {
      kit.replies().send(user.chatId(), kit.text(user, "prompt.tooLong", "max", JobParameters.MAX_VALUE_LENGTH), null);
      return;
    }
    kit.conversations().save(user.id(),
        mediaGroupId == null ? Conversation.IDLE : Conversation.idleAfterAlbum(mediaGroupId));
    ImageProfile profile = profiles.of(user.id());
    quotes.offer(user, new PricedItem.ImageEdit(ImageOptions.sizeOf(profile)),
        ImageOptions.parameters(user, prompt, profile, List.of(key)));
  }
}
