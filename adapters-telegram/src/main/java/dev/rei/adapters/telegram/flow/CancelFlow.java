package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.application.port.in.job.GetLiveJobsUseCase;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /cancel: forgets the step the user was in and, when they have orders still running, lists them
 * with a ❌ button each — the same cancel the order's status message offers, for an order whose
 * status message is far up the chat.
 */
public final class CancelFlow {

  static final Duration BUTTON_TTL = Duration.ofDays(1);
  private static final int BUTTONS_PER_ROW = 3;

  private final FlowKit kit;
  private final GetLiveJobsUseCase liveJobs;

  public CancelFlow(FlowKit kit, GetLiveJobsUseCase liveJobs) {
    this.kit = kit;
    this.liveJobs = liveJobs;
  }

  public void cancel(ChatUser user) {
    kit.conversations().reset(user.id());
    Map<OrderId, List<Job>> orders = new LinkedHashMap<>();
    for (Job job : liveJobs.liveJobs(user.id())) {
      if (job.state().isCancellable()) {
        orders.computeIfAbsent(job.orderId(), id -> new ArrayList<>()).add(job);
      }
    }
    if (orders.isEmpty()) {
      kit.replies().send(user.chatId(), kit.text(user, "conversation.reset"),
          kit.keyboards().mainMenu(user.language()));
      return;
    }
    StringBuilder text = new StringBuilder(kit.text(user, "conversation.reset")).append("\n\n")
        .append(kit.text(user, "cancel.live"));
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    List<InlineKeyboardButton> row = new ArrayList<>();
    int n = 0;
    for (Map.Entry<OrderId, List<Job>> order : orders.entrySet()) {
      n++;
      List<Job> jobs = order.getValue();
      String kind = jobs.get(0).kind().name();
      String kindName = kit.texts().has(user.language(), "kind." + kind) ? kit.text(user, "kind." + kind)
          : kit.text(user, "kind.unknown");
      text.append('\n').append(kit.text(user, "cancel.live.line", "n", n, "kind", kindName, "count", jobs.size()));
      row.add(kit.buttons().button(kit.text(user, "cancel.live.button", "n", n), new ButtonAction.CancelOrder(
          user.id().value(), order.getKey().toString(), jobs.stream().map(job -> job.id().toString()).toList()),
          BUTTON_TTL));
      if (row.size() == BUTTONS_PER_ROW) {
        rows.add(row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    rows.add(List.of(kit.keyboards().menuButton(user.language())));
    kit.replies().send(user.chatId(), text.toString(), Keyboards.rows(rows));
  }
}
