package dev.rei.bootstrap.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResourceStackTest {

  @Test
  void givenResources_whenClosed_thenInReverseOrder_andAFailureDoesNotStopTheOthers() {
    List<String> closed = new CopyOnWriteArrayList<>();
    ResourceStack stack = new ResourceStack();
    stack.register("server", () -> closed.add("server"));
    stack.register("pool", () -> {
      closed.add("pool");
      throw new IllegalStateException("boom");
    });
    stack.register("connection", () -> closed.add("connection"));

    stack.close();
    stack.close();

    assertThat(closed).containsExactly("connection", "pool", "server");
  }

  @Test
  void givenAClosedStack_whenAResourceArrivesLate_thenItIsClosedAtOnce() {
    List<String> closed = new CopyOnWriteArrayList<>();
    ResourceStack stack = new ResourceStack();
    stack.close();

    assertThatThrownBy(() -> stack.register("late", () -> closed.add("late")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(closed).containsExactly("late");
  }
}
