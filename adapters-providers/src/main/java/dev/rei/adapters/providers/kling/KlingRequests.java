package dev.rei.adapters.providers.kling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.providers.VideoJobParameters;
import dev.rei.adapters.providers.kling.KlingTaskRef.Endpoint;
import java.util.Base64;
import java.util.Set;

/**
 * Builds the create-task bodies of Kling's video endpoints (reference §2) from a video job: which
 * endpoint a job goes to, and with which model. Inputs reach Kling as bytes (a photo, base64) or as
 * our own public URL (a video: the omni endpoint takes no bytes) — never as a Telegram file URL.
 */
final class KlingRequests {

  /** Kling's prompt limit, in characters. */
  static final int MAX_PROMPT_LENGTH = 2_500;
  /** Models that make video from a photo only (capability map, reference §2). */
  static final Set<String> PHOTO_ONLY_MODELS = Set.of("kling-v1-5", "kling-v2-1");
  /** The models of the omni-video endpoint, the only one that takes a video as input. */
  static final Set<String> OMNI_MODELS = Set.of("kling-video-o1", "kling-v3-omni");
  static final String DEFAULT_OMNI_MODEL = "kling-video-o1";
  static final String DEFAULT_ASPECT_RATIO = "16:9";
  /** The omni endpoint needs a prompt; a photo sent without a caption gets this one. */
  static final String DEFAULT_PHOTO_PROMPT = "Bring the scene to life with natural, smooth motion.";
  /** A video sent without a caption is continued, as Kling's own example does. */
  static final String DEFAULT_VIDEO_PROMPT = "Based on <<<video_1>>>, generate the next shot.";

  private final ObjectMapper json;
  private final String mode;

  KlingRequests(ObjectMapper json, String mode) {
    this.json = json;
    this.mode = mode;
  }

  /** The endpoint {@code model} (canonical) is sent to for a job of {@code parameters}' kind. */
  static Endpoint endpointFor(VideoJobParameters parameters, String model) {
    return switch (parameters.kind()) {
      case VIDEO_VIDEO -> Endpoint.OMNI_VIDEO;
      case VIDEO_IMAGE -> OMNI_MODELS.contains(model) ? Endpoint.OMNI_VIDEO : Endpoint.IMAGE_TO_VIDEO;
      default -> OMNI_MODELS.contains(model) ? Endpoint.OMNI_VIDEO : Endpoint.TEXT_TO_VIDEO;
    };
  }

  /**
   * The model a video → video job runs on: the chosen one when it is an omni model, Kling 3.0's
   * omni sibling for Kling 3.0, else the first omni model.
   */
  static String videoModelFor(String model) {
    if (OMNI_MODELS.contains(model)) {
      return model;
    }
    return model.startsWith("kling-v3") ? "kling-v3-omni" : DEFAULT_OMNI_MODEL;
  }

  ObjectNode textToVideo(VideoJobParameters parameters, String model) {
    ObjectNode body = common(model, parameters.prompt().orElse(""), parameters.durationSeconds());
    body.put("aspect_ratio", parameters.aspectRatio().orElse(DEFAULT_ASPECT_RATIO));
    return body;
  }

  /** Image → video: the photo as raw base64, without a {@code data:} prefix; the video follows its ratio. */
  ObjectNode imageToVideo(VideoJobParameters parameters, String model, byte[] photo) {
    String image = Base64.getEncoder().encodeToString(photo);
    if (OMNI_MODELS.contains(model)) {
      ObjectNode body = common(model, parameters.prompt().orElse(DEFAULT_PHOTO_PROMPT), parameters.durationSeconds());
      body.putArray("image_list").addObject().put("image_url", image).put("type", "first_frame");
      return body;
    }
    ObjectNode body = json.createObjectNode();
    body.put("model_name", model);
    body.put("image", image);
    parameters.prompt().ifPresent(prompt -> body.put("prompt", prompt));
    body.put("mode", mode);
    body.put("duration", Integer.toString(parameters.durationSeconds()));
    return body;
  }

  /**
   * Video → video on the omni endpoint. With a prompt the video is edited ({@code refer_type}
   * "base"; Kling then makes a video as long as the input, whatever the duration); without one it
   * is continued by a next shot of the chosen duration ({@code refer_type} "feature").
   */
  ObjectNode videoToVideo(VideoJobParameters parameters, String model, String videoUrl) {
    boolean edit = parameters.prompt().isPresent();
    String prompt = edit ? referencingVideo(parameters.prompt().get()) : DEFAULT_VIDEO_PROMPT;
    ObjectNode body = json.createObjectNode();
    body.put("model_name", model);
    body.put("prompt", prompt);
    body.putArray("video_list").addObject()
        .put("video_url", videoUrl)
        .put("refer_type", edit ? "base" : "feature")
        .put("keep_original_sound", "yes");
    body.put("mode", mode);
    if (!edit) {
      body.put("duration", Integer.toString(parameters.durationSeconds()));
      body.put("aspect_ratio", parameters.aspectRatio().orElse(DEFAULT_ASPECT_RATIO));
    }
    return body;
  }

  private ObjectNode common(String model, String prompt, int durationSeconds) {
    ObjectNode body = json.createObjectNode();
    body.put("model_name", model);
    body.put("prompt", prompt);
    body.put("mode", mode);
    body.put("duration", Integer.toString(durationSeconds));
    return body;
  }

  /** The omni model finds its inputs by {@code <<<video_1>>>} in the prompt. */
  private static String referencingVideo(String prompt) {
    return prompt.contains("<<<video_1>>>") ? prompt : "Edit <<<video_1>>>: " + prompt;
  }
}
