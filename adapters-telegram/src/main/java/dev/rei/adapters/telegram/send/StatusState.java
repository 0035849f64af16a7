package dev.rei.adapters.telegram.send;

/**
 * The message that shows an order's status: its id, the order's size and kind, the progress it
 * shows, whether it shows a final state, and the key of its cancel button (kept when the text is
 * edited, since an edit without a keyboard removes it).
 */
record StatusState(int messageId, int count, String kind, int percent, boolean done, String cancelKey) {

  StatusState withPercent(int newPercent) {
    return new StatusState(messageId, count, kind, newPercent, done, cancelKey);
  }

  StatusState finished() {
    return new StatusState(messageId, count, kind, percent, true, cancelKey);
  }
}
