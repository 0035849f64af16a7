package dev.rei.adapters.telegram.state;

import java.util.Objects;

/**
 * The Reels flow's answers so far (seed 002): the product photo (its MediaStore key), the product
 * description, the template, the extra wishes or the user's own prompt. {@code id} names this
 * draft, so buttons shown for an earlier draft are out of date once the user starts again.
 */
public record ReelsDraft(String id, String photoKey, String product, String template, String wishes, String prompt) {

  public ReelsDraft {
    Objects.requireNonNull(id, "id");
  }

  public static ReelsDraft started(String id) {
    return new ReelsDraft(id, null, null, null, null, null);
  }

  public ReelsDraft withPhoto(String key) {
    return new ReelsDraft(id, key, product, template, wishes, prompt);
  }

  public ReelsDraft withProduct(String text) {
    return new ReelsDraft(id, photoKey, text, template, wishes, prompt);
  }

  /** A template chosen anew forgets the wishes or prompt given for another one. */
  public ReelsDraft withTemplate(String code) {
    return new ReelsDraft(id, photoKey, product, code, null, null);
  }

  public ReelsDraft withWishes(String text) {
    return new ReelsDraft(id, photoKey, product, template, text, null);
  }

  public ReelsDraft withPrompt(String text) {
    return new ReelsDraft(id, photoKey, product, template, null, text);
  }

  public boolean hasProduct() {
    return photoKey != null && product != null;
  }
}
