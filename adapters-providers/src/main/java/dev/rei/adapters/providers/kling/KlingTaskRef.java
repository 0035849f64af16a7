package dev.rei.adapters.providers.kling;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Rei stores as the provider task id of a Kling job: the endpoint to query (a task is read back
 * on the endpoint that made it), when it was submitted (for the progress estimate, durable across
 * restarts) and Kling's own task id — {@code kling1:<endpoint>:<epoch seconds>:<task id>}.
 */
record KlingTaskRef(Endpoint endpoint, Instant submittedAt, String taskId) {

  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,150}");
  private static final Pattern FORM = Pattern.compile("kling1:(t2v|i2v|omni):(\\d{1,12}):([A-Za-z0-9_-]{1,150})");

  /** Kling's create endpoints, each with its short code in a task ref. */
  enum Endpoint {
    TEXT_TO_VIDEO("text2video", "t2v"),
    IMAGE_TO_VIDEO("image2video", "i2v"),
    OMNI_VIDEO("omni-video", "omni");

    private final String path;
    private final String code;

    Endpoint(String path, String code) {
      this.path = path;
      this.code = code;
    }

    String path() {
      return path;
    }
  }

  /** Whether Kling's task id can be kept in a ref: an unusual one is refused, not stored cut. */
  static boolean isTaskId(String taskId) {
    return taskId != null && TASK_ID.matcher(taskId).matches();
  }

  String value() {
    return "kling1:" + endpoint.code + ":" + submittedAt.getEpochSecond() + ":" + taskId;
  }

  static Optional<KlingTaskRef> parse(String value) {
    Matcher matcher = FORM.matcher(value);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Endpoint endpoint = null;
    for (Endpoint candidate : Endpoint.values()) {
      if (candidate.code.equals(matcher.group(1))) {
        endpoint = candidate;
      }
    }
    return Optional.of(new KlingTaskRef(endpoint, Instant.ofEpochSecond(Long.parseLong(matcher.group(2))),
        matcher.group(3)));
  }
}
