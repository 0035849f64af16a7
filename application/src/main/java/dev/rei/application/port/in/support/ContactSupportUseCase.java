package dev.rei.application.port.in.support;

/** Sends a user's message to support (the support chat, or every admin), durably through the outbox. */
public interface ContactSupportUseCase {

  ContactSupportResult contactSupport(ContactSupportCommand command);
}
