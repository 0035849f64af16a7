package dev.rei.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.rei.bootstrap.config.LogFormat;
import dev.rei.bootstrap.config.LogSettings;
import java.nio.file.Path;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Configures logback once the configuration is known: one line per event, as text or JSON, every
 * line masked by {@link SecretMasker}; to the console, or to a file (the sandbox keeps the
 * terminal for its chat). Until then {@code logback.xml} logs masked text to the console.
 */
public final class LogSetup {

  /**
   * Text: time, level, thread, logger, message, and an exception folded onto the same line ({@code
   * " | "} between its lines), so one event is one line.
   */
  static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg"
      + "%replace(%replace(%xEx){'\\s*[\\r\\n]+\\s*', ' | '}){'^(.+?)( \\| )?$', ' | $1'}%nopex%n";

  /** Libraries that are chatty at INFO; they speak at WARN unless the operator asked for DEBUG or TRACE. */
  private static final List<String> CHATTY = List.of("io.netty", "io.lettuce", "reactor", "io.zonky",
      "com.zaxxer.hikari", "org.flywaydb", "org.jooq", "redis.embedded", "okhttp3");

  private LogSetup() {}

  /** Logs to standard output. */
  public static void toConsole(LogSettings settings) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setTarget("System.out");
    install(settings, appender);
  }

  /** Logs to {@code file}, appending. */
  public static void toFile(LogSettings settings, Path file) {
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setFile(file.toAbsolutePath().toString());
    appender.setAppend(true);
    install(settings, appender);
  }

  private static void install(LogSettings settings, OutputStreamAppender<ILoggingEvent> appender) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    MaskingEncoder encoder = new MaskingEncoder();
    encoder.setContext(context);
    encoder.setDelegate(delegate(settings.format(), context));
    encoder.start();
    appender.setContext(context);
    appender.setName(settings.format().name().toLowerCase(java.util.Locale.ROOT));
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = Level.toLevel(settings.level().name(), Level.INFO);
    root.setLevel(level);
    root.addAppender(appender);
    if (level.isGreaterOrEqual(Level.INFO)) {
      CHATTY.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }
  }

  private static Encoder<ILoggingEvent> delegate(LogFormat format, LoggerContext context) {
    return switch (format) {
      case TEXT -> {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        yield text;
      }
      case JSON -> {
        LogstashEncoder json = new LogstashEncoder();
        json.setContext(context);
        json.start();
        yield json;
      }
    };
  }
}
