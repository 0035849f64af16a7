package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.rei.application.port.out.MessageSender;
import dev.rei.bootstrap.run.Managed;

/**
 * The chat slot while no chat adapter is installed: no {@link ChatPart}, and a sender that logs and
 * keeps every outbox message. A Telegram module takes this module's place: it binds the {@link
 * MessageSender} and adds its poller and inbox handlers to the {@link ChatPart} set.
 */
public final class NoChatModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Managed.class, ChatPart.class);
    bind(MessageSender.class).to(LoggingMessageSender.class).in(jakarta.inject.Singleton.class);
  }
}
