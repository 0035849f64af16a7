package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.state.Conversation;
import dev.rei.adapters.telegram.state.VideoDrafts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

/**
 * Where the router asks first whether an update belongs to the {@link VideoFlow} or the
 * {@link ReelsFlow}: by command, menu button, stored button, or the conversation step the user is
 * in. Each method answers whether it took the update; otherwise the router goes on as before.
 */
public final class VideoFlows {

  private static final Set<Conversation.Step> REELS_STEPS = EnumSet.of(Conversation.Step.AWAITING_REELS_PHOTO,
      Conversation.Step.AWAITING_REELS_PRODUCT, Conversation.Step.AWAITING_REELS_TEMPLATE,
      Conversation.Step.AWAITING_REELS_PROMPT, Conversation.Step.AWAITING_REELS_WISHES,
      Conversation.Step.AWAITING_REELS_COUNT);

  private final FlowKit kit;
  private final VideoFlow video;
  private final ReelsFlow reels;
  private final VideoDrafts drafts;

  public VideoFlows(FlowKit kit, VideoFlow video, ReelsFlow reels, VideoDrafts drafts) {
    this.kit = kit;
    this.video = video;
    this.reels = reels;
    this.drafts = drafts;
  }

  /** /video and /reels; false for any other command. */
  public boolean command(ChatUser user, String command) {
    return switch (command) {
      case "video" -> {
        video.start(user);
        yield true;
      }
      case "reels" -> {
        reels.start(user);
        yield true;
      }
      default -> false;
    };
  }

  /** 🎬 Video and 🎞 Reels start their flows; 🖼 Image leaves them (and is then the menu's). */
  public boolean navigate(ChatUser user, Navigation target) {
    switch (target) {
      case VIDEO -> video.start(user);
      case REELS -> reels.start(user);
      default -> {
        if (target == Navigation.IMAGE) {
          leave(user);
        }
        return false;
      }
    }
    return true;
  }

  /** Forgets a video or Reels step the user is in, e.g. when they turn to images. */
  public void leave(ChatUser user) {
    if (isOurs(kit.conversations().of(user.id()).step())) {
      kit.conversations().reset(user.id());
      drafts.forget(user.id());
    }
  }

  /** A text that is not a command, if a video or Reels step waits for one. */
  public boolean onText(ChatUser user, String text) {
    Conversation conversation = kit.conversations().of(user.id());
    if (conversation.step() == Conversation.Step.AWAITING_VIDEO_INPUT) {
      video.onText(user, text);
      return true;
    }
    if (REELS_STEPS.contains(conversation.step())) {
      reels.onText(user, conversation, text);
      return true;
    }
    return false;
  }

  /** A photo, if a video or Reels step waits; the rest of an album already taken is dropped here. */
  public boolean onPhoto(ChatUser user, String fileId, Long fileSize, String contentType, String caption,
      String mediaGroupId) {
    Conversation conversation = kit.conversations().of(user.id());
    if (!isOurs(conversation.step())) {
      return false;
    }
    if (mediaGroupId != null && mediaGroupId.equals(conversation.mediaGroupId())) {
      return true;
    }
    if (conversation.step() == Conversation.Step.AWAITING_VIDEO_INPUT) {
      video.onPhoto(user, fileId, fileSize, contentType, caption, mediaGroupId);
    } else {
      reels.onPhoto(user, conversation, fileId, fileSize, contentType, caption, mediaGroupId);
    }
    return true;
  }

  /** A video (or animation, or video note): input of the video flow, a hint anywhere else. */
  public void onVideo(ChatUser user, String fileId, Long fileSize, String contentType, String caption,
      String mediaGroupId) {
    Conversation conversation = kit.conversations().of(user.id());
    if (mediaGroupId != null && mediaGroupId.equals(conversation.mediaGroupId())) {
      return;
    }
    if (conversation.step() == Conversation.Step.AWAITING_VIDEO_INPUT) {
      video.onVideo(user, fileId, fileSize, contentType, caption, mediaGroupId);
    } else if (REELS_STEPS.contains(conversation.step())) {
      reels.onVideo(user, conversation);
    } else {
      kit.replies().send(user.chatId(), kit.text(user, "video.howTo"), Keyboards.of(List.of(
          kit.keyboards().nav(user.language(), "button.video", Navigation.VIDEO),
          kit.keyboards().menuButton(user.language()))));
    }
  }

  /** A stored button of the video or Reels flow. */
  public boolean press(ChatUser user, CallbackQuery query, ButtonAction action) {
    if (action instanceof ButtonAction.VideoChoice choice) {
      video.press(user, query, choice);
      return true;
    }
    if (action instanceof ButtonAction.ReelsChoice choice) {
      reels.press(user, query, choice);
      return true;
    }
    return false;
  }

  private static boolean isOurs(Conversation.Step step) {
    return step == Conversation.Step.AWAITING_VIDEO_INPUT || REELS_STEPS.contains(step);
  }
}
