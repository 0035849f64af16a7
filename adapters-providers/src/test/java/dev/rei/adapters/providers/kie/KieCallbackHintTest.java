package dev.rei.adapters.providers.kie;

import static dev.rei.adapters.providers.ReelsPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A KIE callback gives a task id to poll, and nothing else. */
class KieCallbackHintTest {

  private final KieCallbackHint hint = new KieCallbackHint();

  @Test
  void givenSuccessAndFailureCallbacks_theTaskIdIsRead() {
    assertThat(hint.taskId(bytes(payload("kie/callback-success.json")))).contains("task_sora2_1772442000");
    assertThat(hint.apply(bytes(payload("kie/callback-failure.json")))).contains("task_sora2_1772442001");
  }

  @Test
  void givenTheSnakeCaseSpelling_theTaskIdIsRead() {
    assertThat(hint.taskId(bytes("{\"data\":{\"task_id\":\"abc-123\"}}"))).contains("abc-123");
  }

  @Test
  void givenAnythingElse_thereIsNoHint() {
    assertThat(hint.taskId(null)).isEmpty();
    assertThat(hint.taskId(new byte[0])).isEmpty();
    assertThat(hint.taskId(bytes("not json"))).isEmpty();
    assertThat(hint.taskId(bytes("[1,2]"))).isEmpty();
    assertThat(hint.taskId(bytes("{\"data\":{}}"))).isEmpty();
    assertThat(hint.taskId(bytes("{\"data\":{\"taskId\":\"../../x?y=1\"}}"))).isEmpty();
    assertThat(hint.taskId(bytes("{\"data\":{\"taskId\":\"" + "a".repeat(201) + "\"}}"))).isEmpty();
    assertThat(hint.taskId(new byte[KieCallbackHint.MAX_BODY_BYTES + 1])).isEqualTo(Optional.empty());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
