package dev.rei.domain.ledger;

import java.util.Objects;

/**
 * What a transfer is about: the kind of thing, its id (a job, a payment, an admin action) and an
 * optional note such as an admin's reason (at most 500 characters, empty when there is none).
 */
public record TransferMemo(ReferenceType referenceType, String referenceId, String note) {

  public static final int MAX_NOTE_LENGTH = 500;
  public static final int MAX_REFERENCE_LENGTH = 100;

  public TransferMemo {
    Objects.requireNonNull(referenceType, "referenceType");
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(note, "note");
    if (referenceId.isBlank() || referenceId.length() > MAX_REFERENCE_LENGTH) {
      throw new IllegalArgumentException("reference id must have 1.." + MAX_REFERENCE_LENGTH + " characters");
    }
    if (note.length() > MAX_NOTE_LENGTH) {
      throw new IllegalArgumentException("note is longer than " + MAX_NOTE_LENGTH + " characters");
    }
  }

  public static TransferMemo of(ReferenceType referenceType, Object referenceId) {
    return new TransferMemo(referenceType, Objects.requireNonNull(referenceId, "referenceId").toString(), "");
  }

  public TransferMemo withNote(String newNote) {
    return new TransferMemo(referenceType, referenceId, newNote);
  }
}
