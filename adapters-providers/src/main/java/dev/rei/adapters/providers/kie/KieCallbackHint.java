package dev.rei.adapters.providers.kie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the task id out of a KIE callback body, and nothing else. A callback is only a hint that
 * a task may have ended: KIE's callbacks are unsigned (its optional HMAC covers the task id and a
 * timestamp, not the body), so the state, the result URLs and the failure in the body are never
 * trusted. Whoever receives a callback should poll the job with that task id at once; the poll's
 * authenticated {@code recordInfo} is what decides. A body that is not a callback gives nothing.
 */
public final class KieCallbackHint implements Function<byte[], Optional<String>> {

  /** Callbacks repeat the record; a few kilobytes, far less than this. */
  static final int MAX_BODY_BYTES = 256 * 1024;
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private final ObjectMapper json = new ObjectMapper();

  /** The task id the callback names, if the body is a callback with a well-formed one. */
  public Optional<String> taskId(byte[] body) {
    if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    JsonNode data = root.path("data");
    // Market callbacks say data.taskId; KIE's webhook sample reads data.task_id.
    String taskId = data.path("taskId").asText(data.path("task_id").asText("")).strip();
    return TASK_ID.matcher(taskId).matches() ? Optional.of(taskId) : Optional.empty();
  }

  @Override
  public Optional<String> apply(byte[] body) {
    return taskId(body);
  }
}
