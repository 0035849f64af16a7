package dev.rei.domain.pricing;

/** Output sizes of generated images, each with its own price. */
public enum ImageSize {
  K1("1K"),
  K2("2K"),
  K4("4K");

  private final String label;

  ImageSize(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
