package dev.rei.bootstrap.cli;

/** What the process's exit status means. */
public final class ExitCodes {

  public static final int OK = 0;
  /** The process could not start or failed while running (database unreachable, port taken…). */
  public static final int FAILED = 1;
  /** A setting is missing or malformed (each problem was printed), or the command line was wrong. */
  public static final int BAD_CONFIGURATION = 2;

  private ExitCodes() {}
}
