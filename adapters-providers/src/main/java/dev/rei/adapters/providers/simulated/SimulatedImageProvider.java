package dev.rei.adapters.providers.simulated;

import dev.rei.adapters.providers.ImageJobParameters;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image provider for the sandbox and the tests, needing no key and no network: it draws a real
 * PNG (the prompt on a gradient, over the first input photo for edits), keeps it in the {@link
 * MediaStore} and answers after {@link SimulatedImageSettings#duration()} — at once when that is
 * zero, otherwise through {@link Outcome.Pending} and polls that report progress, holding no
 * thread. A prompt containing {@code #fail:<class>} fails with that class instead, every attempt;
 * {@code #fail:<class>:once} only the first attempt and {@code #fail:<class>:<n>} the first n
 * (see {@link FailMarker}).
 */
public final class SimulatedImageProvider implements GenerationProvider {

  public static final ProviderName NAME = ProviderName.of("simulated-image");

  private static final Logger log = LoggerFactory.getLogger(SimulatedImageProvider.class);
  private static final Set<JobKind> KINDS = Set.of(JobKind.IMAGE_GENERATE, JobKind.IMAGE_EDIT);

  private final MediaStore media;
  private final Clock clock;
  private final SimulatedImageSettings settings;

  public SimulatedImageProvider(MediaStore media, Clock clock, SimulatedImageSettings settings) {
    this.media = Objects.requireNonNull(media, "media");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public ProviderName name() {
    return NAME;
  }

  @Override
  public Set<JobKind> kinds() {
    return KINDS;
  }

  /** One pretend key. */
  @Override
  public int keyCount() {
    return 1;
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    Outcome outcome = start(job);
    log.info("simulated image job={} attempt={} key={}: {}", job.id(), job.attempts(), key, describe(outcome));
    return outcome;
  }

  @Override
  public Outcome poll(ProviderTask task) {
    Optional<SimulatedTask> parsed = SimulatedTask.parse(task.taskId());
    if (parsed.isEmpty()) {
      return failed(FailureClass.UNKNOWN, "not a simulated task");
    }
    SimulatedTask simulated = parsed.get();
    Instant now = clock.now();
    if (now.isBefore(simulated.endsAt())) {
      return pending(task.taskId(), simulated, now);
    }
    return finish(simulated);
  }

  private Outcome start(Job job) {
    if (!KINDS.contains(job.kind())) {
      return failed(FailureClass.UNKNOWN, "the simulated image provider does not make " + job.kind());
    }
    ImageJobParameters.Reading reading = ImageJobParameters.read(job);
    if (reading instanceof ImageJobParameters.Reading.Invalid invalid) {
      return failed(FailureClass.UNKNOWN, "the job cannot be simulated: " + invalid.reason());
    }
    ImageJobParameters parameters = ((ImageJobParameters.Reading.Valid) reading).parameters();
    Instant now = clock.now();
    Optional<FailMarker> marker = FailMarker.find(parameters.prompt());
    SimulatedTask task;
    if (marker.isPresent() && marker.get().failsAttempt(job.attempts())) {
      task = SimulatedTask.failing(now, settings.duration(), marker.get().failureClass());
    } else {
      Optional<byte[]> firstInput = Optional.empty();
      for (String inputKey : parameters.inputMedia()) {
        Optional<MediaStore.Media> input = media.get(inputKey);
        if (input.isEmpty()) {
          return failed(FailureClass.UNKNOWN, "an input image of the job is not in the media store");
        }
        if (firstInput.isEmpty()) {
          firstInput = Optional.of(input.get().content());
        }
      }
      int[] size = PlaceholderImage.dimensions(parameters.aspectRatio(), PlaceholderImage.longSide(parameters.imageSize()));
      String footer = "Rei · simulated · " + parameters.aspectRatio().orElse("1:1") + " · "
          + parameters.imageSize().orElse("1K") + " · " + size[0] + "×" + size[1];
      byte[] png = PlaceholderImage.render(parameters.prompt(), size[0], size[1], footer, firstInput);
      task = SimulatedTask.succeeding(now, settings.duration(), media.put(png, "image/png"));
    }
    if (settings.duration().isZero()) {
      return finish(task);
    }
    Optional<String> taskId = task.id();
    // A media store whose keys do not fit a task id: answer now rather than lose the result.
    return taskId.map(id -> pending(id, task, now)).orElseGet(() -> finish(task));
  }

  private Outcome pending(String taskId, SimulatedTask task, Instant now) {
    Duration elapsed = Duration.between(task.startedAt(), now);
    long percent = task.duration().isZero() ? 99 : Math.max(0, elapsed.toMillis()) * 100 / task.duration().toMillis();
    Duration remaining = Duration.between(now, task.endsAt());
    Duration pollAfter = remaining.compareTo(settings.pollInterval()) < 0 ? remaining : settings.pollInterval();
    return new Outcome.Pending(taskId, Progress.of((int) Math.min(99, percent)), pollAfter);
  }

  private Outcome finish(SimulatedTask task) {
    if (task.failure().isPresent()) {
      FailureClass failureClass = task.failure().get();
      return failed(failureClass, "simulated " + failureClass + " failure, asked for with #fail:"
          + failureClass.name().toLowerCase(java.util.Locale.ROOT));
    }
    String key = task.resultKey().orElseThrow();
    if (media.get(key).isEmpty()) {
      return failed(FailureClass.UNKNOWN, "the simulated image is no longer in the media store");
    }
    return new Outcome.Done(new ResultRef(key));
  }

  private static Outcome failed(FailureClass failureClass, String message) {
    return new Outcome.Failed(Failure.of(failureClass, message));
  }

  private static String describe(Outcome outcome) {
    if (outcome instanceof Outcome.Done done) {
      return "done " + done.result().value();
    }
    if (outcome instanceof Outcome.Pending pending) {
      return "pending " + pending.taskId() + ", poll after " + pending.pollAfter();
    }
    return "failed " + ((Outcome.Failed) outcome).failure().failureClass();
  }
}
