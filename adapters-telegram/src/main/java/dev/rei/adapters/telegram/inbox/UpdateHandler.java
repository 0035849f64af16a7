package dev.rei.adapters.telegram.inbox;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Handles one update taken from the inbox; the inbox worker calls it for one chat at a time. */
public interface UpdateHandler {

  /** Handles {@code update}; an exception means "try again", up to the worker's limit. */
  void handle(Update update) throws Exception;

  /** {@code update} failed every attempt and is dropped: tell its user, briefly, and never throw. */
  void giveUp(Update update);
}
