package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.adapters.telegram.state.VideoDraft;
import dev.rei.adapters.telegram.state.VideoDrafts;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.VideoDuration;
import dev.rei.domain.pricing.VideoModel;
import dev.rei.domain.pricing.VideoSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The video flow (seeds 000/001): choose a model from the catalog, then 5 or 10 seconds (each
 * button shows its price), then send a text (text → video), a photo with an optional caption
 * (photo → video) or a video (video → video); the quote follows. The choices live in the buttons
 * and, once both are made, in the stored video draft, so a restart mid-flow loses nothing.
 */
public final class VideoFlow {

  /** Job parameter names shared with the provider adapters. */
  public static final String MODEL = "model";
  public static final String DURATION = "duration";
  public static final String PROMPT = "prompt";
  public static final String INPUT_MEDIA = "input_media";
  public static final String LANGUAGE = "language";

  /** Kling accepts prompts of up to 2,500 characters. */
  static final int MAX_PROMPT = 2_500;
  static final Duration CHOICE_BUTTON_TTL = Duration.ofDays(1);
  /** How much of the prompt the quote repeats back. */
  static final int PROMPT_ECHO = 600;

  private final FlowKit kit;
  private final VideoQuotes quotes;
  private final GetCatalogUseCase catalog;
  private final VideoDrafts drafts;
  private final VideoUploads uploads;

  public VideoFlow(FlowKit kit, VideoQuotes quotes, GetCatalogUseCase catalog, VideoDrafts drafts,
      VideoUploads uploads) {
    this.kit = kit;
    this.quotes = quotes;
    this.catalog = catalog;
    this.drafts = drafts;
    this.uploads = uploads;
  }

  /** /video or 🎬 Video: the model choice. */
  public void start(ChatUser user) {
    kit.conversations().reset(user.id());
    drafts.forget(user.id());
    List<VideoModel> models = catalog.catalog().prices().videoModels();
    if (models.isEmpty() || !catalog.catalog().offers(JobKind.VIDEO_TEXT)) {
      kit.replies().send(user.chatId(), kit.text(user, "video.unavailable"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    for (VideoModel model : models) {
      rows.add(List.of(kit.buttons().button(model.displayName(),
          new ButtonAction.VideoChoice(user.id().value(), model.id(), null), CHOICE_BUTTON_TTL)));
    }
    rows.add(List.of(kit.keyboards().menuButton(user.language())));
    kit.replies().send(user.chatId(), kit.text(user, "video.chooseModel"), Keyboards.rows(rows));
  }

  /** A model or duration button. */
  public void press(ChatUser user, CallbackQuery query, ButtonAction.VideoChoice choice) {
    PriceList prices = catalog.catalog().prices();
    Optional<VideoModel> model = prices.videoModel(choice.model());
    Optional<VideoDuration> duration = Optional.ofNullable(choice.seconds()).flatMap(VideoFlow::duration);
    if (model.isEmpty() || choice.seconds() != null && duration.isEmpty()) {
      // A model dropped from the configuration since the button was shown, or a forged duration.
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    kit.replies().answer(query.getId(), null);
    if (duration.isEmpty()) {
      chooseDuration(user, query, prices, model.get());
      return;
    }
    drafts.saveVideo(user.id(), new VideoDraft(model.get().id(), duration.get().seconds()));
    kit.conversations().save(user.id(), new Conversation(Conversation.Step.AWAITING_VIDEO_INPUT, null, null));
    show(user, query, kit.text(user, "video.askInput", "model", model.get().displayName(),
        "seconds", duration.get().seconds()), kit.keyboards().menuOnly(user.language()));
  }

  private void chooseDuration(ChatUser user, CallbackQuery query, PriceList prices, VideoModel model) {
    List<InlineKeyboardButton> row = new ArrayList<>();
    for (VideoDuration duration : VideoDuration.values()) {
      Optional<Credits> price = prices.priceOf(new PricedItem.Video(model.id(), duration, VideoSource.TEXT));
      price.ifPresent(credits -> row.add(kit.buttons().button(
          kit.text(user, "video.button.duration", "seconds", duration.seconds(), "price", credits),
          new ButtonAction.VideoChoice(user.id().value(), model.id(), duration.seconds()), CHOICE_BUTTON_TTL)));
    }
    show(user, query, kit.text(user, "video.chooseDuration", "model", model.displayName()),
        Keyboards.rows(List.of(row, List.of(kit.keyboards().menuButton(user.language())))));
  }

  /** A text while the flow waits for its input: text → video. */
  public void onText(ChatUser user, String text) {
    Optional<VideoDraft> draft = draftOrRestart(user);
    if (draft.isEmpty()) {
      return;
    }
    String prompt = text.strip();
    if (prompt.isEmpty()) {
      kit.replies().send(user.chatId(), kit.text(user, "video.needInput"), null);
      return;
    }
    if (prompt.length() > MAX_PROMPT) {
      kit.replies().send(user.chatId(), kit.text(user, "prompt.tooLong", "max", MAX_PROMPT), null);
      return;
    }
    offer(user, draft.get(), VideoSource.TEXT, prompt, null, null);
  }

  /** A photo (caption optional) while the flow waits for its input: photo → video. */
  public void onPhoto(ChatUser user, String fileId, Long fileSize, String contentType, String caption,
      String mediaGroupId) {
    onMedia(user, VideoSource.IMAGE, fileId, fileSize, contentType, caption, mediaGroupId, "video.photo.tooLarge");
  }

  /** A video (caption optional) while the flow waits for its input: video → video. */
  public void onVideo(ChatUser user, String fileId, Long fileSize, String contentType, String caption,
      String mediaGroupId) {
    onMedia(user, VideoSource.VIDEO, fileId, fileSize, contentType, caption, mediaGroupId, "video.video.tooLarge");
  }

  private void onMedia(ChatUser user, VideoSource source, String fileId, Long fileSize, String contentType,
      String caption, String mediaGroupId, String tooLargeKey) {
    Optional<VideoDraft> draft = draftOrRestart(user);
    if (draft.isEmpty()) {
      return;
    }
    String prompt = caption == null ? "" : caption.strip();
    if (prompt.length() > MAX_PROMPT) {
      kit.replies().send(user.chatId(), kit.text(user, "prompt.tooLong", "max", MAX_PROMPT), null);
      return;
    }
    Optional<String> key = uploads.fetch(user, fileId, fileSize, contentType, tooLargeKey);
    if (key.isPresent()) {
      offer(user, draft.get(), source, prompt, key.get(), mediaGroupId);
    }
  }

  private void offer(ChatUser user, VideoDraft draft, VideoSource source, String prompt, String mediaKey,
      String mediaGroupId) {
    Optional<VideoDuration> duration = duration(draft.seconds());
    Optional<VideoModel> model = catalog.catalog().prices().videoModel(draft.model());
    if (duration.isEmpty() || model.isEmpty()) {
      restart(user);
      return;
    }
    // The request is complete; the rest of an album must not start another one.
    kit.conversations().save(user.id(),
        mediaGroupId == null ? Conversation.IDLE : Conversation.idleAfterAlbum(mediaGroupId));
    drafts.forget(user.id());
    if (mediaGroupId != null) {
      kit.replies().send(user.chatId(), kit.text(user, "video.album.firstOnly"), null);
    }
    Map<String, String> parameters = new TreeMap<>();
    parameters.put(MODEL, model.get().id());
    parameters.put(DURATION, Integer.toString(duration.get().seconds()));
    parameters.put(LANGUAGE, user.language().code());
    if (!prompt.isEmpty()) {
      parameters.put(PROMPT, prompt);
    }
    if (mediaKey != null) {
      parameters.put(INPUT_MEDIA, mediaKey);
    }
    quotes.offer(user, new PricedItem.Video(model.get().id(), duration.get(), source), 1, parameters,
        "video.quote." + source.name(), "button.confirm", "model", model.get().displayName(),
        "seconds", duration.get().seconds(), "prompt", TextLimits.cut(prompt, PROMPT_ECHO),
        "hasPrompt", prompt.isEmpty() ? "no" : "yes");
  }

  private Optional<VideoDraft> draftOrRestart(ChatUser user) {
    Optional<VideoDraft> draft = drafts.video(user.id());
    if (draft.isEmpty()) {
      restart(user);
    }
    return draft;
  }

  /** The stored step outlived its draft: say so and offer a fresh start. */
  void restart(ChatUser user) {
    kit.conversations().reset(user.id());
    drafts.forget(user.id());
    kit.replies().send(user.chatId(), kit.text(user, "video.expired"), Keyboards.of(List.of(
        kit.keyboards().nav(user.language(), "button.video", Navigation.VIDEO),
        kit.keyboards().menuButton(user.language()))));
  }

  /**
   * Writes {@code text} into the message whose button was pressed (a new message if it cannot be
   * edited), so the choice steps do not pile up messages.
   */
  private void show(ChatUser user, CallbackQuery query, String text, InlineKeyboardMarkup keyboard) {
    boolean edited = query.getMessage() instanceof Message message && message.getText() != null
        && kit.replies().edit(user.chatId(), message.getMessageId(), text, keyboard);
    if (!edited) {
      kit.replies().send(user.chatId(), text, keyboard);
    }
  }

  private static Optional<VideoDuration> duration(int seconds) {
    try {
      return Optional.of(VideoDuration.ofSeconds(seconds));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
