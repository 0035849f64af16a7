package dev.rei.adapters.providers.simulated;

import dev.rei.adapters.providers.ImageJobParameters;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
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
    log.info("simulated image job={} attempt={} key={}: {}", job.id(), job.attempts(), key, SimulatedOutcomes.describe(outcome));
    return outcome;
  }

  @Override
  public Outcome poll(ProviderTask task) {
    Optional<SimulatedTask> parsed = SimulatedTask.parse(task.taskId());
    if (parsed.isEmpty()) {
      return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "not a simulated task");
    }
    SimulatedTask simulated = parsed.get();
    Instant now = clock.now();
    if (now.isBefore(simulated.endsAt())) {
      return SimulatedOutcomes.pending(task.taskId(), simulated, now, settings.pollInterval());
    }
    return finish(simulated);
  }

  private Outcome start(Job job) {
    if (!KINDS.contains(job.kind())) {
      return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "the simulated image provider does not make " + job.kind());
    }
    ImageJobParameters.Reading reading = ImageJobParameters.read(job);
    if (reading instanceof ImageJobParameters.Reading.Invalid invalid) {
      return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "the job cannot be simulated: " + invalid.reason());
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
          return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "an input image of the job is not in the media store");
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
    return SimulatedOutcomes.started(task, now, settings.pollInterval(), this::finish);
  }

  private Outcome finish(SimulatedTask task) {
    Optional<Outcome> failure = SimulatedOutcomes.requestedFailure(task);
    if (failure.isPresent()) {
      return failure.get();
    }
    String key = task.resultKey().orElseThrow();
    if (media.get(key).isEmpty()) {
      return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "the simulated image is no longer in the media store");
    }
    return new Outcome.Done(new ResultRef(key));
  }
}
