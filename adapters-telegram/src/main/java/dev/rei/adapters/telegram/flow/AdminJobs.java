package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.admin.AdminArgs;
import dev.rei.adapters.telegram.admin.AdminScreens;
import dev.rei.adapters.telegram.button.AdminStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.in.admin.RetryJobCommand;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** /job: one job as an operator sees it, with ❌ Cancel while it is live and 🔁 Retry while it can be retried. */
final class AdminJobs {

  private final FlowKit kit;
  private final AdminReplies replies;
  private final AdminScreens screens;
  private final GetJobUseCase jobs;
  private final RetryJobUseCase retries;
  private final CancelJobUseCase cancels;

  AdminJobs(FlowKit kit, AdminReplies replies, AdminScreens screens, GetJobUseCase jobs, RetryJobUseCase retries,
      CancelJobUseCase cancels) {
    this.kit = kit;
    this.replies = replies;
    this.screens = screens;
    this.jobs = jobs;
    this.retries = retries;
    this.cancels = cancels;
  }

  void show(ChatUser admin, AdminArgs args) {
    Optional<UUID> id = args.count() == 1 ? AdminArgs.uuid(args.word(0)) : Optional.empty();
    if (id.isEmpty()) {
      replies.usage(admin, "admin.usage.job");
      return;
    }
    GetJobUseCase.Result result = jobs.job(admin.id(), JobId.of(id.get()));
    if (result instanceof GetJobUseCase.Result.Refused refused) {
      replies.refused(admin, refused.reason(), "");
      return;
    }
    Job job = ((GetJobUseCase.Result.Found) result).job();
    List<InlineKeyboardButton> row = new ArrayList<>();
    if (job.state().isCancellable()) {
      row.add(replies.button(admin, "admin.button.cancelJob", new AdminStep.CancelJob(job.id().toString())));
    }
    if (isRetryable(job.state())) {
      row.add(replies.button(admin, "admin.button.retryJob", new AdminStep.RetryJob(job.id().toString())));
    }
    kit.replies().send(admin.chatId(), screens.job(admin.language(), job), row.isEmpty() ? null : Keyboards.of(row));
  }

  void cancel(ChatUser admin, String jobId) {
    Optional<UUID> id = AdminArgs.uuid(jobId);
    if (id.isEmpty()) {
      return;
    }
    CancelResult result = cancels.cancel(new CancelJobCommand(JobId.of(id.get()), admin.id(), CancelledBy.ADMIN));
    if (result instanceof CancelResult.Cancelled cancelled) {
      replies.say(admin, kit.text(admin, "admin.job.cancelled", "id", jobId,
          "user", cancelled.job().userId().toString()));
    } else {
      replies.say(admin, kit.text(admin, "admin.job.cancelRefused." + ((CancelResult.Refused) result).reason().name()));
    }
  }

  void retry(ChatUser admin, String jobId) {
    Optional<UUID> id = AdminArgs.uuid(jobId);
    if (id.isEmpty()) {
      return;
    }
    RetryJobUseCase.Result result = retries.retry(new RetryJobCommand(admin.id(), JobId.of(id.get())));
    if (result instanceof RetryJobUseCase.Result.MadeDue due) {
      replies.say(admin, kit.text(admin, due.changed() ? "admin.job.madeDue" : "admin.job.alreadyDue", "id", jobId));
    } else if (result instanceof RetryJobUseCase.Result.Reordered reordered) {
      String newId = reordered.replacement().id().toString();
      replies.say(admin, reordered.replayed()
          ? kit.text(admin, "admin.job.reorderedBefore", "id", jobId, "newId", newId)
          : kit.text(admin, "admin.job.reordered", "id", jobId, "user", reordered.replacement().userId().toString(),
              "newId", newId, "credits", reordered.granted()));
    } else {
      replies.refused(admin, ((RetryJobUseCase.Result.Refused) result).reason(), "");
    }
  }

  /** Waiting for a retry or a poll (made due now), or failed or expired (ordered again). */
  private static boolean isRetryable(JobState state) {
    return state == JobState.QUEUED || state == JobState.AWAITING_PROVIDER || state == JobState.FAILED
        || state == JobState.EXPIRED;
  }
}
