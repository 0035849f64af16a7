package dev.rei.adapters.providers;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of a {@link JobKind#REELS_VIDEO} job, as the Telegram adapter writes them and the
 * Reels provider reads them: {@code input_media} (the media key of the product photo, required),
 * {@code template} ("ugc", "ad" or "own"), {@code product} (the product description, required
 * unless the template is "own"), {@code wishes} (optional extra wishes; "-" means none), {@code
 * prompt} (the user's own Sora prompt, required for "own" and used as is) and {@code language}
 * ("ru" by default).
 *
 * @param inputMedia the media key of the product photo
 * @param template which script the video follows
 * @param product the product description, stripped; empty only for {@link Template#OWN}
 * @param wishes the user's extra wishes, if any
 * @param prompt the user's own prompt; present exactly for {@link Template#OWN}
 * @param language a lower-case language code such as "ru" or "en"
 */
public record ReelsJobParameters(
    String inputMedia, Template template, Optional<String> product, Optional<String> wishes, Optional<String> prompt,
    String language) {

  public static final String INPUT_MEDIA = "input_media";
  public static final String TEMPLATE = "template";
  public static final String PRODUCT = "product";
  public static final String WISHES = "wishes";
  public static final String PROMPT = "prompt";
  public static final String LANGUAGE = "language";
  public static final String DEFAULT_LANGUAGE = "ru";

  /** What users type to say "no wishes" (seed 002: «-» or «нет»). */
  private static final Set<String> NO_WISHES = Set.of("-", "—", "–", "нет", "no", "none", "нет.", "no.");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern MEDIA_KEY = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  /** The script templates of seed 002. */
  public enum Template {
    /** 🎥 A UGC blogger shows the product; the script is written by GPT. */
    UGC("ugc"),
    /** 📢 An advertising clip; the script is written by GPT. */
    AD("ad"),
    /** 🧑‍💻 The user's own Sora prompt, used as is. */
    OWN("own");

    private final String code;

    Template(String code) {
      this.code = code;
    }

    /** The value of the {@code template} parameter. */
    public String code() {
      return code;
    }

    /** Whether a script writer turns product and wishes into the prompt. */
    public boolean isScripted() {
      return this != OWN;
    }

    static Optional<Template> ofCode(String code) {
      for (Template template : values()) {
        if (template.code.equals(code)) {
          return Optional.of(template);
        }
      }
      return Optional.empty();
    }
  }

  public ReelsJobParameters {
    Objects.requireNonNull(inputMedia, "inputMedia");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(wishes, "wishes");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(language, "language");
  }

  /** What reading a job's parameters found. */
  public sealed interface Reading {

    record Valid(ReelsJobParameters parameters) implements Reading {}

    /** The job cannot be run as written; {@code reason} says why, safe to store and show to admins. */
    record Invalid(String reason) implements Reading {}
  }

  /** Reads and checks {@code job}'s parameters; never throws on what a job may hold. */
  public static Reading read(Job job) {
    JobParameters values = job.parameters();
    String inputMedia = stripped(values, INPUT_MEDIA).orElse("");
    if (inputMedia.isEmpty()) {
      return new Reading.Invalid("the job has no product photo");
    }
    if (!MEDIA_KEY.matcher(inputMedia).matches()) {
      // One photo only: a comma-separated list or a URL is not what the Reels flow writes.
      return new Reading.Invalid("the product photo is not a single media key");
    }
    String templateCode = stripped(values, TEMPLATE).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    Optional<Template> template = Template.ofCode(templateCode);
    if (template.isEmpty()) {
      return new Reading.Invalid(templateCode.isEmpty()
          ? "the job has no template"
          : "unknown template " + shorten(templateCode) + " (ugc, ad or own)");
    }
    Optional<String> product = stripped(values, PRODUCT);
    Optional<String> prompt = stripped(values, PROMPT);
    Optional<String> wishes = stripped(values, WISHES)
        .filter(w -> !NO_WISHES.contains(w.toLowerCase(Locale.ROOT)));
    if (template.get() == Template.OWN) {
      if (prompt.isEmpty()) {
        return new Reading.Invalid("the own-prompt template needs the user's prompt");
      }
    } else {
      if (product.isEmpty()) {
        return new Reading.Invalid("the " + template.get().code() + " template needs a product description");
      }
      // A prompt on a scripted template is a leftover of an earlier step; the script replaces it.
      prompt = Optional.empty();
    }
    String language = stripped(values, LANGUAGE).map(s -> s.toLowerCase(Locale.ROOT)).orElse(DEFAULT_LANGUAGE);
    if (!LANGUAGE_CODE.matcher(language).matches()) {
      return new Reading.Invalid("unsupported language " + shorten(language));
    }
    return new Reading.Valid(new ReelsJobParameters(inputMedia, template.get(), product, wishes, prompt, language));
  }

  private static Optional<String> stripped(JobParameters values, String name) {
    return values.get(name).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static String shorten(String value) {
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
