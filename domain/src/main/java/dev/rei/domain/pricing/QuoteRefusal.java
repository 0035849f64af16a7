package dev.rei.domain.pricing;

/** Why no quote could be given. */
public enum QuoteRefusal {
  UNKNOWN_MODEL("the video model is not offered"),
  COUNT_OUT_OF_RANGE("the number of items is not between 1 and " + Quote.MAX_COUNT);

  private final String description;

  QuoteRefusal(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
