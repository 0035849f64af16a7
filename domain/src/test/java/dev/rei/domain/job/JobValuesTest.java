package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.KEY;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.queuedJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.provider.KeyEffect;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small value types of the job package check themselves. */
class JobValuesTest {

  @Nested
  class Parameters {

    @ParameterizedTest
    @ValueSource(strings = {"prompt", "a", "model_v2", "x012345678901234567890123456789012345678"})
    void givenLowerCaseIdentifier_parameters_acceptName(String name) {
      assertThat(JobParameters.of(Map.of(name, "v")).get(name)).contains("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Prompt", "1st", "_x", "a-b", "a b", "prompt!", "промпт",
        "x0123456789012345678901234567890123456789"})
    void givenBadName_parameters_throw(String name) {
      assertThatThrownBy(() -> JobParameters.of(Map.of(name, "v")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("lower-case identifier");
    }

    @Test
    void givenNullNameOrValue_parameters_throw() {
      Map<String, String> nullName = new HashMap<>();
      nullName.put(null, "v");
      Map<String, String> nullValue = new HashMap<>();
      nullValue.put("prompt", null);

      assertThatThrownBy(() -> JobParameters.of(nullName)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> JobParameters.of(nullValue)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> JobParameters.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenSizeLimits_parameters_acceptUpToTheLimitOnly() {
      assertThat(JobParameters.of(entries(JobParameters.MAX_ENTRIES)).values()).hasSize(32);
      assertThatThrownBy(() -> JobParameters.of(entries(JobParameters.MAX_ENTRIES + 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most 32");

      String longest = "x".repeat(JobParameters.MAX_VALUE_LENGTH);
      assertThat(JobParameters.of(Map.of("prompt", longest)).get("prompt")).contains(longest);
      assertThatThrownBy(() -> JobParameters.of(Map.of("prompt", longest + "x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("10000");
      assertThat(JobParameters.of(Map.of("prompt", "")).get("prompt")).contains("");
    }

    @Test
    void givenParameters_values_areSortedCopiedAndUnmodifiable() {
      Map<String, String> source = new LinkedHashMap<>();
      source.put("zoom", "2");
      source.put("angle", "45");
      JobParameters parameters = JobParameters.of(source);

      source.put("added", "later");

      assertThat(parameters.values().keySet()).containsExactly("angle", "zoom");
      assertThatThrownBy(() -> parameters.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
      assertThat(parameters).isEqualTo(JobParameters.of(Map.of("zoom", "2", "angle", "45")));
    }

    @Test
    void givenParameters_with_returnsNewParametersAndValidates() {
      JobParameters base = JobParameters.of(Map.of("prompt", "fox"));

      JobParameters more = base.with("duration", "5");

      assertThat(base.get("duration")).isEmpty();
      assertThat(more.get("duration")).contains("5");
      assertThat(more.with("prompt", "cat").get("prompt")).contains("cat");
      assertThatThrownBy(() -> base.with("Bad", "x")).isInstanceOf(IllegalArgumentException.class);
      assertThat(JobParameters.NONE.values()).isEmpty();
    }

    private Map<String, String> entries(int count) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < count; i++) {
        values.put("p" + i, "v");
      }
      return values;
    }
  }

  @Nested
  class ProgressValue {

    @Test
    void givenPercentOutside0To100_progress_throws() {
      assertThatThrownBy(() -> Progress.of(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Progress.of(101)).isInstanceOf(IllegalArgumentException.class);
      assertThat(Progress.of(0)).isEqualTo(Progress.NONE);
      assertThat(Progress.of(100)).isEqualTo(Progress.DONE);
    }

    @Test
    void givenProgresses_compareTo_ordersByPercent() {
      assertThat(Progress.of(10)).isLessThan(Progress.of(11));
      assertThat(Progress.of(50)).isEqualByComparingTo(Progress.of(50));
      assertThat(Progress.DONE).isGreaterThan(Progress.NONE);
    }
  }

  @Nested
  class FailureValue {

    @Test
    void givenLongMessage_failure_keepsTheFirst1000Characters() {
      String message = "e".repeat(999) + "XYZ";

      Failure failure = Failure.of(FailureClass.TEMPORARY, message);

      assertThat(failure.message()).hasSize(Failure.MAX_MESSAGE_LENGTH).isEqualTo(message.substring(0, 1_000));
    }

    @Test
    void givenEmojiAcrossTheCut_failure_keepsNoHalfOfIt() {
      String message = "e".repeat(999) + "😀" + "tail";

      Failure failure = Failure.of(FailureClass.TEMPORARY, message);

      assertThat(failure.message()).isEqualTo("e".repeat(999));
      assertThat(Character.isHighSurrogate(failure.message().charAt(failure.message().length() - 1))).isFalse();
    }

    @Test
    void givenMessageOfExactly1000_failure_keepsIt() {
      String message = "m".repeat(1_000);

      assertThat(Failure.of(FailureClass.UNKNOWN, message).message()).isEqualTo(message);
    }

    @Test
    void givenNullMessage_of_givesEmptyMessage() {
      assertThat(Failure.of(FailureClass.UNKNOWN, null).message()).isEmpty();
      assertThatThrownBy(() -> new Failure(FailureClass.UNKNOWN, null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> Failure.of(null, "x")).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class LeaseValue {

    @Test
    void givenNonPositiveFence_lease_throws() {
      assertThatThrownBy(() -> new Lease(WORKER, 0, T0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Lease(WORKER, -5, T0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Lease(null, 1, T0)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new Lease(WORKER, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenLease_isExpiredAt_fromItsExpiryOn() {
      Lease lease = new Lease(WORKER, 1, T0);

      assertThat(lease.isExpiredAt(T0.minusMillis(1))).isFalse();
      assertThat(lease.isExpiredAt(T0)).isTrue();
      assertThat(lease.isExpiredAt(T0.plusSeconds(1))).isTrue();
    }
  }

  @Nested
  class Names {

    @Test
    void givenTaskId_providerTask_accepts1To200Characters() {
      assertThat(new ProviderTask(KEY, "t").taskId()).isEqualTo("t");
      assertThat(new ProviderTask(KEY, "t".repeat(200)).taskId()).hasSize(200);
      assertThatThrownBy(() -> new ProviderTask(KEY, "t".repeat(201))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ProviderTask(KEY, "")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ProviderTask(KEY, "  ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ProviderTask(KEY, null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ProviderTask(null, "t")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenWorkerName_workerId_accepts1To100CharactersAndPrintsIt() {
      assertThat(new WorkerId("host-1-worker-2")).hasToString("host-1-worker-2");
      assertThat(new WorkerId("w".repeat(100)).value()).hasSize(100);
      assertThatThrownBy(() -> new WorkerId("w".repeat(101))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WorkerId(" ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WorkerId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenReference_resultRef_accepts1To2000Characters() {
      assertThat(new ResultRef("r".repeat(2_000)).value()).hasSize(2_000);
      assertThatThrownBy(() -> new ResultRef("r".repeat(2_001))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ResultRef("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ResultRef(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenIds_parseAndToString_roundTrip() {
      UUID uuid = UUID.fromString("0b0e8f0c-3a8e-4b8e-9c55-1a2b3c4d5e6f");

      assertThat(JobId.parse(JobId.of(uuid).toString())).isEqualTo(JobId.of(uuid));
      assertThat(OrderId.of(uuid)).hasToString(uuid.toString());
      assertThatThrownBy(() -> JobId.of(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> OrderId.of(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> JobId.parse("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Enums {

    @ParameterizedTest
    @EnumSource(JobState.class)
    void givenState_terminalAndCancellable_areDisjointAndMatchDesign(JobState state) {
      boolean terminal = state == JobState.SUCCEEDED || state == JobState.FAILED || state == JobState.CANCELLED
          || state == JobState.EXPIRED;
      boolean cancellable = state == JobState.QUEUED || state == JobState.RUNNING
          || state == JobState.AWAITING_PROVIDER;

      assertThat(state.isTerminal()).isEqualTo(terminal);
      assertThat(state.isCancellable()).isEqualTo(cancellable);
    }

    @Test
    void givenKinds_isVideo_onlyForVideos() {
      assertThat(JobKind.IMAGE_GENERATE.isVideo()).isFalse();
      assertThat(JobKind.IMAGE_EDIT.isVideo()).isFalse();
      assertThat(JobKind.VIDEO_TEXT.isVideo()).isTrue();
      assertThat(JobKind.VIDEO_IMAGE.isVideo()).isTrue();
      assertThat(JobKind.VIDEO_VIDEO.isVideo()).isTrue();
      assertThat(JobKind.REELS_VIDEO.isVideo()).isTrue();
    }

    @Test
    void givenMissingParts_keyReportAndJobChange_throw() {
      assertThatThrownBy(() -> new KeyReport(null, KeyEffect.BLOCK)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new KeyReport(KEY, null)).isInstanceOf(NullPointerException.class);
      Job job = queuedJob();
      assertThatThrownBy(() -> new JobChange(null, HoldAction.NONE, Optional.empty(), JobNotice.NONE))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new JobChange(job, null, Optional.empty(), JobNotice.NONE))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new JobChange(job, HoldAction.NONE, null, JobNotice.NONE))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new JobChange(job, HoldAction.NONE, Optional.empty(), null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
