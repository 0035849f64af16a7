package dev.rei.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Wraps any encoder (text pattern or JSON) and passes each finished line through {@link
 * SecretMasker}, so a secret is hidden wherever it appears: message, arguments, exception text or
 * stack trace.
 */
public final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

  private Encoder<ILoggingEvent> delegate;

  /** Set by logback from the nested {@code <delegate class="…">} element, or by {@link LogSetup}. */
  public void setDelegate(Encoder<ILoggingEvent> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void start() {
    if (delegate == null) {
      addError("MaskingEncoder needs a delegate encoder");
      return;
    }
    if (!delegate.isStarted()) {
      delegate.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] line = delegate.encode(event);
    return SecretMasker.mask(new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
