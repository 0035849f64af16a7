package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.ImageStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.application.port.in.job.GenerationsPage;
import dev.rei.application.port.in.job.GenerationsQuery;
import dev.rei.application.port.in.job.GetGenerationUseCase;
import dev.rei.application.port.in.job.GetGenerationsUseCase;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /history: the user's generations of the last 30 days, newest first, ten to a page (what, when,
 * state, price), each finished one with ↩️ to send its result again from the MediaStore; 📜 opens
 * the credit history as 👤 Account → 📜 does.
 */
public final class GenerationsFlow {

  static final int DAYS = 30;
  static final int PAGE_SIZE = 10;
  static final Duration BUTTON_TTL = Duration.ofDays(1);
  private static final int RESEND_PER_ROW = 5;
  /** How much of each prompt the list repeats. */
  private static final int PROMPT_ECHO = 60;

  private final FlowKit kit;
  private final GetGenerationsUseCase generations;
  private final GetGenerationUseCase generation;
  private final MediaStore media;
  private final long uploadLimitBytes;
  private final HistoryDates dates;

  public GenerationsFlow(FlowKit kit, GetGenerationsUseCase generations, GetGenerationUseCase generation,
      MediaStore media, long uploadLimitBytes) {
    this.kit = kit;
    this.generations = generations;
    this.generation = generation;
    this.media = media;
    this.uploadLimitBytes = uploadLimitBytes;
    this.dates = new HistoryDates(kit.texts());
  }

  /** Page {@code page}; a press turns the pressed message into it. */
  public void show(ChatUser user, CallbackQuery query, int page) {
    GenerationsPage found = generations.generations(new GenerationsQuery(user.id(), DAYS, page, PAGE_SIZE));
    Language language = user.language();
    StringBuilder text = new StringBuilder(kit.text(user, "generations.title", "days", DAYS, "page", page + 1));
    List<InlineKeyboardButton> resends = new ArrayList<>();
    if (found.jobs().isEmpty()) {
      text.append("\n\n").append(kit.text(user, page == 0 ? "generations.empty" : "generations.pageEmpty"));
    }
    int number = page * PAGE_SIZE;
    for (Job job : found.jobs()) {
      number++;
      text.append("\n\n").append(kit.text(user, "generations.entry", "n", number,
          "kind", kindName(user, job), "when", dates.brief(language, job.createdAt()),
          "state", kit.text(user, "generations.state." + job.state().name()), "price", job.price(),
          "prompt", promptLine(user, job)));
      if (job.state() == JobState.SUCCEEDED && job.result().isPresent()) {
        resends.add(step(user, kit.text(user, "generations.button.resend", "n", number),
            new ImageStep.Resend(job.id().toString())));
      }
    }
    if (!resends.isEmpty()) {
      text.append("\n\n").append(kit.text(user, "generations.hint"));
    }
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    for (int i = 0; i < resends.size(); i += RESEND_PER_ROW) {
      rows.add(resends.subList(i, Math.min(resends.size(), i + RESEND_PER_ROW)));
    }
    List<InlineKeyboardButton> paging = new ArrayList<>();
    if (page > 0) {
      paging.add(step(user, kit.text(user, "button.previous"), new ImageStep.GenerationsPage(page - 1)));
    }
    if (found.hasMore()) {
      paging.add(step(user, kit.text(user, "button.next"), new ImageStep.GenerationsPage(page + 1)));
    }
    if (!paging.isEmpty()) {
      rows.add(paging);
    }
    rows.add(List.of(kit.keyboards().nav(language, "generations.button.credits", Navigation.HISTORY),
        kit.keyboards().menuButton(language)));
    AccountScreens.show(kit, user, query, text.toString(), Keyboards.rows(rows));
  }

  /** ↩️: the job's result again, if it is the user's, finished, and still stored. */
  void resend(ChatUser user, CallbackQuery query, String jobId) {
    Optional<Job> found;
    try {
      found = generation.generation(user.id(), JobId.parse(jobId));
    } catch (IllegalArgumentException e) {
      found = Optional.empty();
    }
    if (found.isEmpty() || found.get().state() != JobState.SUCCEEDED || found.get().result().isEmpty()) {
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    Job job = found.get();
    Optional<MediaStore.Media> file = media.get(job.result().get().value());
    if (file.isEmpty()) {
      kit.replies().answer(query.getId(), null);
      kit.replies().send(user.chatId(), kit.text(user, "generations.gone"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    if (file.get().content().length > uploadLimitBytes) {
      kit.replies().answer(query.getId(), null);
      kit.replies().send(user.chatId(), kit.text(user, "generations.tooLarge", "orderId", job.orderId().toString()),
          kit.keyboards().menuOnly(user.language()));
      return;
    }
    kit.replies().answer(query.getId(), kit.text(user, "generations.resending"));
    String caption = kit.text(user, "generations.caption", "kind", kindName(user, job),
        "when", dates.brief(user.language(), job.createdAt()));
    boolean sent = kit.replies().sendFile(user.chatId(), file.get().content(), file.get().contentType(),
        fileName(job, file.get().contentType()), caption, kit.keyboards().menuOnly(user.language()));
    if (!sent) {
      kit.replies().send(user.chatId(), kit.text(user, "generations.failed"), null);
    }
  }

  private String promptLine(ChatUser user, Job job) {
    String prompt = job.parameters().get(ImageFlow.PROMPT).orElse("").strip();
    return prompt.isEmpty() ? "" : kit.text(user, "generations.prompt", "prompt", TextLimits.cut(prompt, PROMPT_ECHO));
  }

  private String kindName(ChatUser user, Job job) {
    return kit.text(user, "kind." + job.kind().name());
  }

  private static String fileName(Job job, String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    String extension = type.equals("image/png") ? ".png" : type.startsWith("image/") ? ".jpg"
        : type.startsWith("video/") ? ".mp4" : ".bin";
    return "rei-" + job.id() + extension;
  }

  private InlineKeyboardButton step(ChatUser user, String label, ImageStep step) {
    return kit.buttons().button(label, new ButtonAction.Images(user.id().value(), step), BUTTON_TTL);
  }
}
