package dev.rei.bootstrap.wiring;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link dev.rei.bootstrap.run.Managed} parts a chat module contributes (the Telegram
 * poller, the inbox handlers); a {@link Role#BOT} process starts them after everything they need.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface ChatPart {}
