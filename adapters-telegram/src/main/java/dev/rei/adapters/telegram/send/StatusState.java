package dev.rei.adapters.telegram.send;

import java.util.ArrayList;
import java.util.List;

/**
 * The message that shows an order's status: its id, the order's size and kind, the progress it
 * shows, whether it shows a final state, and the key of its cancel button (kept when the text is
 * edited, since an edit without a keyboard removes it). An order of several jobs also has one
 * {@link JobLine} per job, in the order's job order, each with its own cancel button.
 */
record StatusState(int messageId, int count, String kind, int percent, boolean done, String cancelKey,
    List<JobLine> jobs) {

  StatusState {
    // States written before per-job lines existed read with none.
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
  }

  StatusState(int messageId, int count, String kind, int percent, boolean done, String cancelKey) {
    this(messageId, count, kind, percent, done, cancelKey, List.of());
  }

  StatusState withPercent(int newPercent) {
    return new StatusState(messageId, count, kind, newPercent, done, cancelKey, jobs);
  }

  StatusState finished() {
    return new StatusState(messageId, count, kind, percent, true, cancelKey, jobs);
  }

  /** Whether this shows one line per job (an order of several jobs). */
  boolean isMultiJob() {
    return count > 1 && jobs.size() == count;
  }

  /** The position (0-based) of {@code jobId}, or -1. */
  int indexOf(String jobId) {
    for (int i = 0; i < jobs.size(); i++) {
      if (jobs.get(i).jobId().equals(jobId)) {
        return i;
      }
    }
    return -1;
  }

  /** This state with line {@code index} replaced; done once every line is final. */
  StatusState withLine(int index, JobLine line) {
    List<JobLine> next = new ArrayList<>(jobs);
    next.set(index, line);
    boolean allFinal = next.stream().allMatch(JobLine::isFinal);
    return new StatusState(messageId, count, kind, percent, allFinal, cancelKey, next);
  }

  /** One job of a multi-job order: where it stands, its progress, and its cancel button's key. */
  record JobLine(String jobId, Line state, int percent, String cancelKey) {

    JobLine with(Line newState, int newPercent) {
      return new JobLine(jobId, newState, newPercent, cancelKey);
    }

    boolean isFinal() {
      return state.isFinal();
    }
  }

  /** Where one job stands, as its line shows it. */
  enum Line {
    QUEUED,
    RUNNING,
    RETRYING,
    SENT,
    FAILED,
    CANCELLED,
    EXPIRED;

    boolean isFinal() {
      return this == SENT || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
  }
}
