package dev.rei.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeteredGenerationProviderTest {

  private static final ProviderName KIE = ProviderName.of("kie");
  private static final KeyId OPENAI_KEY = new KeyId(ProviderName.of("openai"), 1);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Deque<Object> answers = new ArrayDeque<>();
  private final MeteredGenerationProvider metered = new MeteredGenerationProvider(new GenerationProvider() {
    @Override
    public ProviderName name() {
      return KIE;
    }

    @Override
    public Set<JobKind> kinds() {
      return Set.of(JobKind.REELS_VIDEO);
    }

    @Override
    public int keyCount() {
      return 1;
    }

    @Override
    public Outcome submit(Job job, KeyId key) {
      return poll(null);
    }

    @Override
    public Outcome poll(ProviderTask task) {
      Object next = answers.pop();
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (Outcome) next;
    }
  }, registry);

  private double errors(String provider, String failureClass) {
    return registry.get(ReiMeters.PROVIDER_ERRORS).tags("provider", provider, "class", failureClass).counter().count();
  }

  @Test
  void givenFailures_whenCalled_thenErrorsAreCountedByBlamedProviderAndClass_fromZero() {
    assertThat(errors("kie", "billing")).isZero();
    answers.add(new GenerationProvider.Outcome.Failed(Failure.of(FailureClass.RATE_LIMIT, "429")));
    answers.add(new GenerationProvider.Outcome.Failed(Failure.of(FailureClass.BILLING, "quota"),
        Optional.of(OPENAI_KEY)));
    answers.add(new IllegalStateException("socket closed"));

    metered.poll(null);
    metered.poll(null);
    assertThatThrownBy(() -> metered.poll(null)).isInstanceOf(IllegalStateException.class);

    assertThat(errors("kie", "rate_limit")).isEqualTo(1);
    assertThat(errors("openai", "billing")).isEqualTo(1);
    assertThat(errors("kie", "billing")).isZero();
    assertThat(errors("kie", "exception")).isEqualTo(1);
  }
}
