package dev.rei.bootstrap.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The button presses sent to the bot and its answers; each press may be answered once, as on Telegram. */
final class CallbackDesk {

  private record Press(long userId) {
  }

  private final Map<String, Press> unanswered = new HashMap<>();
  private final List<CallbackAnswer> answers = new ArrayList<>();
  private long counter;

  /** Opens a press by the user and returns its callback_query id. */
  synchronized String open(long userId) {
    counter++;
    String queryId = String.format(Locale.ROOT, "%d%010d", 7, counter);
    unanswered.put(queryId, new Press(userId));
    return queryId;
  }

  synchronized CallbackAnswer answer(String queryId, String text, boolean showAlert) {
    Press press = unanswered.remove(queryId);
    if (press == null) {
      throw ApiRefusal.badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    CallbackAnswer answer = new CallbackAnswer(queryId, press.userId(), text, showAlert);
    answers.add(answer);
    return answer;
  }

  synchronized List<CallbackAnswer> answers() {
    return List.copyOf(answers);
  }

  synchronized Optional<CallbackAnswer> answerTo(String queryId) {
    return answers.stream().filter(answer -> answer.queryId().equals(queryId)).findFirst();
  }
}
