package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.ImageStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.adapters.telegram.state.ImageProfile;
import dev.rei.adapters.telegram.state.ImageProfiles;
import dev.rei.application.port.out.MediaStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /refs and /clear: the user's reference photos for face-preserving generation (/generate sends them
 * with the prompt). /refs shows each kept photo with a 🗑 button and how many slots are left; ➕ Add
 * makes the next photos references until ✅ Done, a text, or the limit. Photos are ours (MediaStore);
 * the profile keeps only their keys.
 */
public final class RefsFlow {

  static final Duration BUTTON_TTL = Duration.ofDays(1);

  private final FlowKit kit;
  private final ImageProfiles profiles;
  private final PhotoDownloads photos;
  private final MediaStore media;
  private final int maxReferences;

  public RefsFlow(FlowKit kit, ImageProfiles profiles, PhotoDownloads photos, MediaStore media, int maxReferences) {
    this.kit = kit;
    this.profiles = profiles;
    this.photos = photos;
    this.media = media;
    this.maxReferences = maxReferences;
  }

  /** /refs: every kept photo with its 🗑 button, then the count and ➕ / 🧹. */
  public void show(ChatUser user) {
    ImageProfile profile = profiles.of(user.id());
    List<String> kept = new ArrayList<>();
    List<MediaStore.Media> files = new ArrayList<>();
    for (String key : profile.references()) {
      Optional<MediaStore.Media> file = media.get(key);
      if (file.isPresent()) {
        kept.add(key);
        files.add(file.get());
      }
    }
    if (kept.size() != profile.references().size()) {
      // A photo the MediaStore no longer has cannot guide a generation; it no longer counts.
      profile = new ImageProfile(profile.prompt(), profile.aspectRatio(), profile.size(), kept);
      profiles.save(user.id(), profile);
    }
    for (int i = 0; i < files.size(); i++) {
      MediaStore.Media file = files.get(i);
      InlineKeyboardMarkup remove = Keyboards.of(List.of(step(user, kit.text(user, "refs.button.remove"),
          new ImageStep.RemoveReference(file.key()))));
      kit.replies().sendFile(user.chatId(), file.content(), file.contentType(), "reference-" + (i + 1) + ".jpg",
          kit.text(user, "refs.caption", "n", i + 1, "count", files.size()), remove);
    }
    summary(user, profile, "refs.list");
  }

  /** /clear and 🧹: forgets every reference photo and leaves the adding mode. */
  public void clear(ChatUser user, CallbackQuery query) {
    ImageProfile profile = profiles.of(user.id());
    int count = profile.references().size();
    profiles.save(user.id(), profile.withoutReferences());
    if (kit.conversations().of(user.id()).step() == Conversation.Step.AWAITING_REFERENCES) {
      kit.conversations().reset(user.id());
    }
    if (query != null) {
      kit.replies().answer(query.getId(), null);
    }
    kit.replies().send(user.chatId(), kit.text(user, count == 0 ? "refs.clear.none" : "refs.cleared", "count", count),
        Keyboards.of(List.of(step(user, kit.text(user, "refs.button.add"), new ImageStep.AddReferences()),
            kit.keyboards().menuButton(user.language()))));
  }

  /** ➕ Add: the next photos are references, as many as the slots left. */
  void startAdding(ChatUser user, CallbackQuery query) {
    kit.replies().answer(query.getId(), null);
    ImageProfile profile = profiles.of(user.id());
    int slots = maxReferences - profile.references().size();
    if (slots <= 0) {
      kit.replies().send(user.chatId(), kit.text(user, "refs.full", "max", maxReferences),
          kit.keyboards().menuOnly(user.language()));
      return;
    }
    kit.conversations().save(user.id(), Conversation.awaitingReferences(null));
    kit.replies().send(user.chatId(), kit.text(user, "refs.send", "slots", slots, "max", maxReferences),
        Keyboards.of(List.of(step(user, kit.text(user, "refs.button.done"), new ImageStep.FinishReferences()))));
  }

  /** A photo while adding: kept if a slot is left, otherwise refused (once per album). */
  void onPhoto(ChatUser user, String fileId, Long fileSize, String contentType, String mediaGroupId,
      Conversation conversation) {
    ImageProfile profile = profiles.of(user.id());
    if (profile.references().size() >= maxReferences) {
      if (mediaGroupId == null || !mediaGroupId.equals(conversation.mediaGroupId())) {
        kit.conversations().save(user.id(), Conversation.awaitingReferences(mediaGroupId));
        kit.replies().send(user.chatId(), kit.text(user, "refs.limit", "max", maxReferences),
            Keyboards.of(List.of(step(user, kit.text(user, "refs.button.done"), new ImageStep.FinishReferences()))));
      }
      return;
    }
    Optional<String> key = photos.fetch(user, fileId, fileSize, contentType);
    if (key.isEmpty()) {
      return;
    }
    // Read again: the download took a while, but a chat's updates are handled one at a time.
    ImageProfile added = profiles.of(user.id()).withReference(key.get());
    profiles.save(user.id(), added);
    int count = added.references().size();
    int slots = maxReferences - count;
    if (slots == 0) {
      // The rest of an album the slots ran out in is dropped without a word (this reply says so).
      kit.conversations().save(user.id(), Conversation.awaitingReferences(mediaGroupId));
    }
    kit.replies().send(user.chatId(), kit.text(user, "refs.added", "count", count, "max", maxReferences,
        "slots", slots), Keyboards.of(List.of(step(user, kit.text(user, "refs.button.done"),
            new ImageStep.FinishReferences()))));
  }

  /** ✅ Done: leaves the adding mode and says what is kept. */
  void finish(ChatUser user, CallbackQuery query) {
    kit.replies().answer(query.getId(), null);
    if (kit.conversations().of(user.id()).step() == Conversation.Step.AWAITING_REFERENCES) {
      kit.conversations().reset(user.id());
    }
    summary(user, profiles.of(user.id()), "refs.done");
  }

  /** 🗑 under a photo: forgets that one. */
  void remove(ChatUser user, CallbackQuery query, String key) {
    ImageProfile profile = profiles.of(user.id());
    if (!profile.references().contains(key)) {
      kit.replies().answer(query.getId(), kit.text(user, "refs.alreadyRemoved"));
      return;
    }
    ImageProfile fewer = profile.withoutReference(key);
    profiles.save(user.id(), fewer);
    kit.replies().answer(query.getId(), kit.text(user, "refs.removed.short"));
    summary(user, fewer, "refs.removed");
  }

  private void summary(ChatUser user, ImageProfile profile, String key) {
    int count = profile.references().size();
    List<InlineKeyboardButton> row = new ArrayList<>();
    if (count < maxReferences) {
      row.add(step(user, kit.text(user, "refs.button.add"), new ImageStep.AddReferences()));
    }
    if (count > 0) {
      row.add(step(user, kit.text(user, "refs.button.clear"), new ImageStep.ClearReferences()));
    }
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    if (!row.isEmpty()) {
      rows.add(row);
    }
    rows.add(List.of(kit.keyboards().menuButton(user.language())));
    kit.replies().send(user.chatId(), kit.text(user, key, "count", count, "max", maxReferences,
        "slots", maxReferences - count), Keyboards.rows(rows));
  }

  private InlineKeyboardButton step(ChatUser user, String label, ImageStep step) {
    return kit.buttons().button(label, new ButtonAction.Images(user.id().value(), step), BUTTON_TTL);
  }
}
