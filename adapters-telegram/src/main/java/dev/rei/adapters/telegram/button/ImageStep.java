package dev.rei.adapters.telegram.button;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * What a press on the image screens (/prompt, /refs, /settings, /history) asks for. Stored on our side
 * with the button, so a reference key, a ratio or a job id reaches the flows only as the bot wrote it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "s")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ImageStep.Generate.class, name = "generate"),
    @JsonSubTypes.Type(value = ImageStep.AddReferences.class, name = "refs-add"),
    @JsonSubTypes.Type(value = ImageStep.FinishReferences.class, name = "refs-done"),
    @JsonSubTypes.Type(value = ImageStep.RemoveReference.class, name = "refs-remove"),
    @JsonSubTypes.Type(value = ImageStep.ClearReferences.class, name = "refs-clear"),
    @JsonSubTypes.Type(value = ImageStep.ChooseRatio.class, name = "ratio"),
    @JsonSubTypes.Type(value = ImageStep.ChooseSize.class, name = "size"),
    @JsonSubTypes.Type(value = ImageStep.GenerationsPage.class, name = "generations"),
    @JsonSubTypes.Type(value = ImageStep.Resend.class, name = "resend")
})
public sealed interface ImageStep {

  /** /generate: the kept prompt, references and settings, quoted. */
  record Generate() implements ImageStep {}

  /** ➕ Add: the next photos become reference photos. */
  record AddReferences() implements ImageStep {}

  /** ✅ Done adding reference photos. */
  record FinishReferences() implements ImageStep {}

  /** 🗑 Remove the reference photo kept under MediaStore key {@code key}. */
  record RemoveReference(String key) implements ImageStep {
    public RemoveReference {
      Objects.requireNonNull(key, "key");
    }
  }

  /** 🧹 Forget every reference photo. */
  record ClearReferences() implements ImageStep {}

  /** Use aspect ratio {@code ratio} ("16:9") from now on. */
  record ChooseRatio(String ratio) implements ImageStep {
    public ChooseRatio {
      Objects.requireNonNull(ratio, "ratio");
    }
  }

  /** Use image size {@code size} (an {@code ImageSize} name) from now on. */
  record ChooseSize(String size) implements ImageStep {
    public ChooseSize {
      Objects.requireNonNull(size, "size");
    }
  }

  /** Page {@code page} of the generations list. */
  record GenerationsPage(int page) implements ImageStep {
    public GenerationsPage {
      if (page < 0) {
        throw new IllegalArgumentException("page cannot be negative");
      }
    }
  }

  /** ↩️ Send the result of job {@code jobId} again. */
  record Resend(String jobId) implements ImageStep {
    public Resend {
      Objects.requireNonNull(jobId, "jobId");
    }
  }
}
