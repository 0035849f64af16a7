package dev.rei.bootstrap.config;

/** How each log line is written: readable text, or one JSON object for log collectors. */
public enum LogFormat {
  TEXT,
  JSON
}
