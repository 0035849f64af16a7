package dev.rei.adapters.payments;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the payment adapters log while a test runs. */
public final class CapturedLogs implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.rei.adapters.payments");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLogs() {
    appender.start();
    logger.addAppender(appender);
  }

  public List<String> messages() {
    return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  public String all() {
    return String.join("\n", messages());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
