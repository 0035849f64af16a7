package dev.rei.bootstrap.config;

import java.util.Objects;

/** The log line format and the level of Rei's own loggers. */
public record LogSettings(LogFormat format, LogLevel level) {

  public LogSettings {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(level, "level");
  }

  /** Levels an operator may choose. */
  public enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }
}
