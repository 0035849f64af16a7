package dev.rei.domain.limits;

/** Kinds of user action, each rate-limited on its own. */
public enum ActionClass {
  MESSAGE,
  BUTTON_PRESS,
  PAYMENT
}
