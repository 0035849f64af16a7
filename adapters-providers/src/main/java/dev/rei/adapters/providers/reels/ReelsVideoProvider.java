package dev.rei.adapters.providers.reels;

import dev.rei.adapters.providers.ReelsJobParameters;
import dev.rei.adapters.providers.kie.KieSora2Client;
import dev.rei.adapters.providers.kie.KieSora2Client.Created;
import dev.rei.adapters.providers.kie.KieSora2Client.Download;
import dev.rei.adapters.providers.kie.KieSora2Client.Record;
import dev.rei.adapters.providers.kie.KieSora2Client.Uploaded;
import dev.rei.adapters.providers.openai.OpenAiScriptWriter;
import dev.rei.adapters.providers.openai.OpenAiScriptWriter.ScriptRequest;
import dev.rei.adapters.providers.reels.ReelsTemplates.ScriptTemplate;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.KeyPool;
import dev.rei.domain.provider.KeySelection;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reels videos ({@link JobKind#REELS_VIDEO}) the way seed 002 makes them: for the UGC and Ad
 * templates, OpenAI writes the Sora prompt from the product description and wishes (the own-prompt
 * template uses the user's prompt as is); then the product photo's bytes are uploaded to KIE and a
 * Sora 2 image-to-video task is created with the KIE key the core chose. Polls read the task's
 * record; a finished video is downloaded into the {@link MediaStore}. No thread waits between polls.
 *
 * <p>The OpenAI keys are rotated here, round-robin over the healthy ones with the shared counter
 * of {@link KeyHealthStore}; an OpenAI failure comes back blaming the OpenAI key, so the core cools
 * down or blocks that key and not the KIE key. Failures found by a poll blame the KIE key of the
 * task, since the core names no key on a poll. A retried job writes its script anew: one more
 * (cheap) GPT call, and possibly a different script, which is accepted.
 *
 * <p>A KIE callback is only a hint ({@link dev.rei.adapters.providers.kie.KieCallbackHint}); this
 * provider trusts nothing but {@code recordInfo}.
 */
public final class ReelsVideoProvider implements GenerationProvider, AutoCloseable {

  public static final ProviderName NAME = ProviderName.of("kie");
  /** The key-health name of the script writer's keys: {@code KeyId("openai", i)}. */
  public static final ProviderName SCRIPT_WRITER = ProviderName.of("openai");

  /** Sora 2 takes first-frame images of at most 10 MB, as JPEG, PNG or WebP. */
  static final long MAX_PHOTO_BYTES = 10L * 1000 * 1000;
  static final Map<String, String> PHOTO_EXTENSIONS = Map.of("image/jpeg", "jpg", "image/jpg", "jpg",
      "image/png", "png", "image/webp", "webp");

  private static final Logger log = LoggerFactory.getLogger(ReelsVideoProvider.class);
  private static final Set<JobKind> KINDS = Set.of(JobKind.REELS_VIDEO);
  private static final Progress SUBMITTED = Progress.of(5);
  private static final Progress DOWNLOADING = Progress.of(99);

  private final ReelsSettings settings;
  private final KieSora2Client kie;
  private final OpenAiScriptWriter writer;
  private final KeyHealthStore keyHealth;
  private final MediaStore media;
  private final Clock clock;

  /** With its own HTTP clients; {@link #close()} releases them. */
  public ReelsVideoProvider(ReelsSettings settings, KeyHealthStore keyHealth, MediaStore media, Clock clock) {
    this(settings, new KieSora2Client(settings.kie()), new OpenAiScriptWriter(settings.openAi()), keyHealth, media,
        clock);
  }

  /** Sharing {@code baseClient}'s connection pool and dispatcher; {@link #close()} leaves it alone. */
  public ReelsVideoProvider(ReelsSettings settings, KeyHealthStore keyHealth, MediaStore media, Clock clock,
      OkHttpClient baseClient) {
    this(settings, new KieSora2Client(settings.kie(), baseClient), new OpenAiScriptWriter(settings.openAi(), baseClient),
        keyHealth, media, clock);
  }

  private ReelsVideoProvider(ReelsSettings settings, KieSora2Client kie, OpenAiScriptWriter writer,
      KeyHealthStore keyHealth, MediaStore media, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.kie = kie;
    this.writer = writer;
    this.keyHealth = Objects.requireNonNull(keyHealth, "keyHealth");
    this.media = Objects.requireNonNull(media, "media");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProviderName name() {
    return NAME;
  }

  @Override
  public Set<JobKind> kinds() {
    return KINDS;
  }

  @Override
  public int keyCount() {
    return kie.keyCount();
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    Outcome outcome = start(job, key);
    if (outcome instanceof Outcome.Failed failed) {
      log.warn("reels job={} key={} submit failed {}{}: {}", job.id(), key, failed.failure().failureClass(),
          failed.blamedKey().map(k -> " (blaming " + k + ")").orElse(""), failed.failure().message());
    } else if (outcome instanceof Outcome.Pending pending) {
      log.info("reels job={} key={} submitted as KIE task {}", job.id(), key, pending.taskId());
    }
    return outcome;
  }

  @Override
  public Outcome poll(ProviderTask task) {
    if (!task.key().provider().equals(NAME) || task.key().index() >= kie.keyCount()) {
      return failed(FailureClass.UNKNOWN, "no KIE API key is configured as " + task.key());
    }
    Record record = kie.recordInfo(task.taskId(), task.key().index());
    if (record instanceof Record.Running running) {
      return pending(task.taskId(), progressOf(running));
    }
    if (record instanceof Record.Unreadable unreadable) {
      // The task runs on at KIE whatever our read of it did; failing the job would pay for a second video.
      log.info("reels task {} key={} not read this time: {}", task.taskId(), task.key(), unreadable.why());
      return pending(task.taskId(), Progress.NONE);
    }
    if (record instanceof Record.Failed failedRecord) {
      log.warn("reels task {} key={} failed {}: {}", task.taskId(), task.key(),
          failedRecord.failure().failureClass(), failedRecord.failure().message());
      return new Outcome.Failed(failedRecord.failure(), Optional.of(task.key()));
    }
    String videoUrl = ((Record.Succeeded) record).videoUrl();
    Download download = kie.download(videoUrl);
    if (download instanceof Download.Failed failedDownload) {
      if (failedDownload.retryable()) {
        log.info("reels task {} video download will be tried again: {}", task.taskId(),
            failedDownload.failure().message());
        return pending(task.taskId(), DOWNLOADING);
      }
      log.warn("reels task {} video download failed {}: {}", task.taskId(), failedDownload.failure().failureClass(),
          failedDownload.failure().message());
      return new Outcome.Failed(failedDownload.failure(), Optional.of(task.key()));
    }
    Download.Video video = (Download.Video) download;
    String stored = media.put(video.content(), video.contentType());
    log.info("reels task {} done: {} bytes stored", task.taskId(), video.content().length);
    return new Outcome.Done(new ResultRef(stored));
  }

  @Override
  public void close() {
    kie.close();
    writer.close();
  }

  private Outcome start(Job job, KeyId key) {
    if (job.kind() != JobKind.REELS_VIDEO) {
      return failed(FailureClass.UNKNOWN, "the Reels provider does not make " + job.kind());
    }
    if (!key.provider().equals(NAME) || key.index() >= kie.keyCount()) {
      return failed(FailureClass.UNKNOWN, "no KIE API key is configured as " + key);
    }
    ReelsJobParameters.Reading reading = ReelsJobParameters.read(job);
    if (reading instanceof ReelsJobParameters.Reading.Invalid invalid) {
      return failed(FailureClass.UNKNOWN, "the job cannot be sent to KIE: " + invalid.reason());
    }
    ReelsJobParameters parameters = ((ReelsJobParameters.Reading.Valid) reading).parameters();
    Optional<MediaStore.Media> photo = media.get(parameters.inputMedia());
    if (photo.isEmpty()) {
      return failed(FailureClass.UNKNOWN, "the product photo of the job is not in the media store");
    }
    String type = photo.get().contentType().toLowerCase(Locale.ROOT).strip();
    String extension = PHOTO_EXTENSIONS.get(type);
    if (extension == null) {
      return failed(FailureClass.USER_VIOLATION, "the product photo is " + type + ", not a JPEG, PNG or WebP image");
    }
    if (photo.get().content().length == 0 || photo.get().content().length > MAX_PHOTO_BYTES) {
      return failed(FailureClass.USER_VIOLATION, "the product photo must have 1 byte to 10 MB, it has "
          + photo.get().content().length + " bytes");
    }
    String prompt;
    if (parameters.template().isScripted()) {
      Script script = writeScript(parameters);
      if (script.failure().isPresent()) {
        return script.failure().get();
      }
      prompt = script.text();
    } else {
      prompt = parameters.prompt().orElseThrow();
    }
    // One name per job: a retry overwrites its own earlier upload instead of piling up files.
    Uploaded uploaded = kie.upload(photo.get().content(), type.equals("image/jpg") ? "image/jpeg" : type,
        "rei-" + job.id() + "." + extension, key.index());
    if (uploaded instanceof Uploaded.Failed failedUpload) {
      return new Outcome.Failed(failedUpload.failure());
    }
    String imageUrl = ((Uploaded.At) uploaded).url();
    if (imageUrl.toLowerCase(Locale.ROOT).contains("api.telegram.org")) {
      // Belt and braces: a Telegram file URL holds the bot token and must never reach a provider.
      return failed(FailureClass.UNKNOWN, "the uploaded photo's URL points at Telegram; refused");
    }
    Created created = kie.createTask(prompt, imageUrl, key.index());
    if (created instanceof Created.Failed failedTask) {
      return new Outcome.Failed(failedTask.failure());
    }
    return pending(((Created.Task) created).taskId(), SUBMITTED);
  }

  /** The script or the outcome that ends the attempt. */
  private record Script(String text, Optional<Outcome> failure) {}

  private Script writeScript(ReelsJobParameters parameters) {
    List<KeyId> keys = new ArrayList<>();
    for (int i = 0; i < writer.keyCount(); i++) {
      keys.add(new KeyId(SCRIPT_WRITER, i));
    }
    Instant now = clock.now();
    KeyPool pool = new KeyPool(keyHealth.health(keys), settings.openAiKeyPolicy());
    KeySelection selection = pool.select(keyHealth.nextTurn(SCRIPT_WRITER), now);
    KeyId key = selection.key();
    boolean wasBlocked = !pool.health(key).isHealthyAt(now);
    if (selection.allBlocked()) {
      log.warn("every OpenAI key is blocked; trying {}, whose block ends first", key);
    }
    ScriptTemplate template = settings.templates().of(parameters.template());
    OpenAiScriptWriter.Result result = writer.write(new ScriptRequest(template.system(), template.instructions(),
        parameters.product().orElseThrow(), parameters.wishes(), parameters.language()), key.index());
    if (result instanceof OpenAiScriptWriter.Result.Failed failedScript) {
      Failure failure = Failure.of(failedScript.failure().failureClass(),
          "script writer: " + failedScript.failure().message());
      return new Script("", Optional.of(new Outcome.Failed(failure, Optional.of(key))));
    }
    if (wasBlocked) {
      keyHealth.clear(key);
    }
    return new Script(((OpenAiScriptWriter.Result.Written) result).script(), Optional.empty());
  }

  /** KIE's own progress where it gives one; else an estimate from the state and the time since creation. */
  private Progress progressOf(Record.Running running) {
    switch (running.state()) {
      case "waiting":
        return Progress.of(5);
      case "queuing":
        return Progress.of(10);
      case "generating":
        if (running.progress().isPresent()) {
          return Progress.of(Math.max(10, Math.min(98, running.progress().getAsInt())));
        }
        if (running.createdAt().isPresent()) {
          long elapsedMillis = Duration.between(running.createdAt().get(), clock.now()).toMillis();
          long expectedMillis = settings.kie().expectedDuration().toMillis();
          long percent = 15 + Math.max(0, elapsedMillis) * 80 / expectedMillis;
          return Progress.of((int) Math.min(95, percent));
        }
        return Progress.of(15);
      default:
        return running.progress().isPresent()
            ? Progress.of(Math.min(98, running.progress().getAsInt()))
            : Progress.of(5);
    }
  }

  private Outcome pending(String taskId, Progress progress) {
    return new Outcome.Pending(taskId, progress, settings.kie().pollInterval());
  }

  private static Outcome failed(FailureClass failureClass, String message) {
    return new Outcome.Failed(Failure.of(failureClass, message));
  }
}
