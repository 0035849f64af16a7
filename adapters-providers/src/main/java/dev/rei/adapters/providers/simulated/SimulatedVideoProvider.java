package dev.rei.adapters.providers.simulated;

import dev.rei.adapters.providers.ReelsJobParameters;
import dev.rei.adapters.providers.VideoJobParameters;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video provider for the sandbox and the tests, needing no key and no network: video from text,
 * a photo or a video, and Reels videos. Every success is a real, playable MP4 ({@link SampleVideos};
 * portrait for Reels and 9:16 orders) kept in the {@link MediaStore}; it is ready after {@link
 * SimulatedVideoSettings#delay()} — at once when that is zero, otherwise through {@link
 * Outcome.Pending} and polls whose progress follows the time since submission, written into the
 * task id so a restart loses nothing. {@code #fail:<class>}, {@code #fail:<class>:once} and {@code
 * #fail:<class>:<n>} (see {@link FailMarker}) in the prompt — for Reels also in the product text or
 * the wishes — fail with that class instead.
 */
public final class SimulatedVideoProvider implements GenerationProvider {

  public static final ProviderName NAME = ProviderName.of("simulated");

  private static final Logger log = LoggerFactory.getLogger(SimulatedVideoProvider.class);
  private static final Set<JobKind> KINDS =
      Set.of(JobKind.VIDEO_TEXT, JobKind.VIDEO_IMAGE, JobKind.VIDEO_VIDEO, JobKind.REELS_VIDEO);

  private final MediaStore media;
  private final Clock clock;
  private final SimulatedVideoSettings settings;
  /** Each sample is stored once and its key shared by every result: thousands of jobs, one file each. */
  private final Map<SampleVideos, String> storedSamples = new ConcurrentHashMap<>();

  public SimulatedVideoProvider(MediaStore media, Clock clock, SimulatedVideoSettings settings) {
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
    log.info("simulated video job={} kind={} attempt={} key={}: {}", job.id(), job.kind(), job.attempts(), key,
        SimulatedOutcomes.describe(outcome));
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
      return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "the simulated video provider does not make " + job.kind());
    }
    Checked checked = job.kind() == JobKind.REELS_VIDEO ? checkReels(job) : checkVideo(job);
    if (checked.problem().isPresent()) {
      return SimulatedOutcomes.failed(FailureClass.UNKNOWN, "the job cannot be simulated: " + checked.problem().get());
    }
    Instant now = clock.now();
    Optional<FailMarker> marker = checked.texts().stream().map(FailMarker::find).flatMap(Optional::stream).findFirst();
    SimulatedTask task;
    if (marker.isPresent() && marker.get().failsAttempt(job.attempts())) {
      task = SimulatedTask.failing(now, settings.delay(), marker.get().failureClass());
    } else {
      task = SimulatedTask.succeeding(now, settings.delay(), stored(checked.sample()));
    }
    return SimulatedOutcomes.started(task, now, settings.pollInterval(), this::finish);
  }

  /** What a job asks for: the texts that may hold a fail marker and the sample to answer with, or why it cannot run. */
  private record Checked(List<String> texts, SampleVideos sample, Optional<String> problem) {

    static Checked problem(String problem) {
      return new Checked(List.of(), SampleVideos.LANDSCAPE, Optional.of(problem));
    }
  }

  private Checked checkVideo(Job job) {
    VideoJobParameters.Reading reading = VideoJobParameters.read(job);
    if (reading instanceof VideoJobParameters.Reading.Invalid invalid) {
      return Checked.problem(invalid.reason());
    }
    VideoJobParameters parameters = ((VideoJobParameters.Reading.Valid) reading).parameters();
    if (parameters.inputMedia().isPresent() && media.get(parameters.inputMedia().get()).isEmpty()) {
      return Checked.problem("the input " + (job.kind() == JobKind.VIDEO_IMAGE ? "photo" : "video")
          + " of the job is not in the media store");
    }
    SampleVideos sample = parameters.aspectRatio().filter("9:16"::equals).isPresent()
        ? SampleVideos.PORTRAIT : SampleVideos.LANDSCAPE;
    return new Checked(parameters.prompt().stream().toList(), sample, Optional.empty());
  }

  /** Checked as the real Reels provider checks it; markers are read from the texts as the user wrote them. */
  private Checked checkReels(Job job) {
    ReelsJobParameters.Reading reading = ReelsJobParameters.read(job);
    if (reading instanceof ReelsJobParameters.Reading.Invalid invalid) {
      return Checked.problem(invalid.reason());
    }
    ReelsJobParameters parameters = ((ReelsJobParameters.Reading.Valid) reading).parameters();
    if (media.get(parameters.inputMedia()).isEmpty()) {
      return Checked.problem("the product photo of the job is not in the media store");
    }
    JobParameters values = job.parameters();
    List<String> texts = Stream.of(ReelsJobParameters.PROMPT, ReelsJobParameters.PRODUCT, ReelsJobParameters.WISHES)
        .map(name -> text(values, name)).flatMap(Optional::stream).toList();
    return new Checked(texts, SampleVideos.PORTRAIT, Optional.empty());
  }

  private static Optional<String> text(JobParameters values, String name) {
    return values.get(name).map(String::strip).filter(s -> !s.isEmpty());
  }

  private String stored(SampleVideos sample) {
    return storedSamples.computeIfAbsent(sample, s -> media.put(s.bytes().clone(), SampleVideos.CONTENT_TYPE));
  }

  private Outcome finish(SimulatedTask task) {
    Optional<Outcome> failure = SimulatedOutcomes.requestedFailure(task);
    if (failure.isPresent()) {
      return failure.get();
    }
    String key = task.resultKey().orElseThrow();
    if (media.get(key).isPresent()) {
      return new Outcome.Done(new ResultRef(key));
    }
    // The media store lost the file (a wiped sandbox): store it again rather than fail a paid job.
    SampleVideos sample = storedSamples.entrySet().stream().filter(e -> e.getValue().equals(key))
        .map(Map.Entry::getKey).findFirst().orElse(SampleVideos.LANDSCAPE);
    storedSamples.remove(sample, key);
    return new Outcome.Done(new ResultRef(stored(sample)));
  }
}
