package dev.rei.domain.job;

/**
 * What the user should be told after a transition; the text is the adapter's, chosen from this
 * and the job's last failure class.
 */
public enum JobNotice {
  NONE,
  /** A temporary failure: "retrying automatically", said once per job. */
  RETRYING,
  /** The result is ready and on its way. */
  RESULT_READY,
  /** Failed for good; the credits were returned. The job's last failure says why. */
  FAILED,
  CANCELLED,
  EXPIRED
}
