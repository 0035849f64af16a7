package dev.rei.bootstrap.sandbox;

import java.util.ArrayList;
import java.util.List;

/** Every Bot API call the emulator answered, in arrival order. */
final class CallLog {

  private final List<RecordedCall> calls = new ArrayList<>();

  synchronized void add(RecordedCall call) {
    calls.add(call);
  }

  synchronized List<RecordedCall> all() {
    return List.copyOf(calls);
  }
}
