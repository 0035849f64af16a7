package dev.rei.domain.pricing;

/** Why a top-up cannot be offered. */
public enum TopUpRefusal {
  UNKNOWN_PACKAGE("no such package on this rail"),
  CUSTOM_AMOUNT_NOT_OFFERED("this rail offers packages only"),
  BELOW_MINIMUM("the amount is below the minimum"),
  ABOVE_MAXIMUM("the amount is above the maximum");

  private final String description;

  TopUpRefusal(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
