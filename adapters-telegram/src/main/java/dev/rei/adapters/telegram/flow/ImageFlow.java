package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TelegramFiles;
import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.pricing.ImageSize;
import dev.rei.domain.pricing.PricedItem;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image flow: a text is a prompt for a new image; a photo with a caption is an edit of that
 * photo; a photo alone waits (in the stored conversation, so a restart keeps it) for the text
 * that says what to change. Photos are downloaded by us and kept in the MediaStore; providers get
 * our key, never a Telegram file URL. Of an album only the first photo is used.
 */
public final class ImageFlow {

  private static final Logger log = LoggerFactory.getLogger(ImageFlow.class);

  /** Job parameter names shared with the provider adapters. */
  public static final String PROMPT = "prompt";
  public static final String INPUT_MEDIA = "input_media";
  public static final String IMAGE_SIZE = "image_size";
  public static final String LANGUAGE = "language";

  static final ImageSize DEFAULT_SIZE = ImageSize.K1;

  private final FlowKit kit;
  private final QuoteFlow quotes;
  private final TelegramFiles files;
  private final MediaStore media;

  public ImageFlow(FlowKit kit, QuoteFlow quotes, TelegramFiles files, MediaStore media) {
    this.kit = kit;
    this.quotes = quotes;
    this.files = files;
    this.media = media;
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
    if (conversation.step() == Conversation.Step.AWAITING_EDIT_PROMPT) {
      kit.conversations().reset(user.id());
      quotes.offer(user, new PricedItem.ImageEdit(DEFAULT_SIZE), parameters(user, prompt, conversation.photoKey()));
      return;
    }
    quotes.offer(user, new PricedItem.ImageGeneration(DEFAULT_SIZE), parameters(user, prompt, null));
  }

  /**
   * A photo (or an image sent as a file): {@code fileId} of its largest size, {@code fileSize} if
   * Telegram said it, {@code caption} and {@code mediaGroupId} as the message has them (or null).
   */
  public void onPhoto(ChatUser user, String fileId, Long fileSize, String contentType, String caption,
      String mediaGroupId) {
    Objects.requireNonNull(fileId, "fileId");
    Conversation conversation = kit.conversations().of(user.id());
    if (mediaGroupId != null && mediaGroupId.equals(conversation.mediaGroupId())) {
      return;
    }
    if (fileSize != null && fileSize > TelegramFiles.MAX_DOWNLOAD_BYTES) {
      kit.replies().send(user.chatId(), kit.text(user, "photo.tooLarge"), null);
      return;
    }
    TelegramFiles.Download download = files.download(fileId, TelegramFiles.MAX_DOWNLOAD_BYTES);
    if (download instanceof TelegramFiles.Download.TooLarge) {
      kit.replies().send(user.chatId(), kit.text(user, "photo.tooLarge"), null);
      return;
    }
    if (download instanceof TelegramFiles.Download.Failed failed) {
      log.warn("photo of user {} not fetched: {}", user.id(), failed.reason());
      kit.replies().send(user.chatId(), kit.text(user, "photo.failed"), null);
      return;
    }
    String key = media.put(((TelegramFiles.Download.Fetched) download).content(), contentType);
    String prompt = caption == null ? "" : caption.strip();
    if (prompt.isEmpty()) {
      kit.conversations().save(user.id(), Conversation.awaitingEditPrompt(key, mediaGroupId));
      kit.replies().send(user.chatId(), kit.text(user, "photo.received"), null);
      return;
    }
    kit.conversations().save(user.id(),
        mediaGroupId == null ? Conversation.IDLE : Conversation.idleAfterAlbum(mediaGroupId));
    quotes.offer(user, new PricedItem.ImageEdit(DEFAULT_SIZE), parameters(user, prompt, key));
  }

  static Map<String, String> parameters(ChatUser user, String prompt, String inputMedia) {
    Map<String, String> parameters = new TreeMap<>();
    parameters.put(PROMPT, prompt);
    parameters.put(IMAGE_SIZE, DEFAULT_SIZE.label());
    parameters.put(LANGUAGE, user.language().code());
    if (inputMedia != null) {
      parameters.put(INPUT_MEDIA, inputMedia);
    }
    return parameters;
  }
}
