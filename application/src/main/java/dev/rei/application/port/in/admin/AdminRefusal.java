package dev.rei.application.port.in.admin;

/** Why an admin action was not carried out; nothing changed. */
public enum AdminRefusal {
  NOT_AN_ADMIN,
  UNKNOWN_USER,
  INSUFFICIENT_FUNDS,
  KEY_USED_FOR_ANOTHER_ACTION
}
