package dev.rei.adapters.telegram.send;

import java.util.Optional;

/**
 * Download links for results too large to upload to Telegram (above 50 MB by default).
 * Bootstrap provides one when it serves stored media over HTTP; a link must never be a Telegram
 * file URL.
 */
@FunctionalInterface
public interface ResultLinks {

  /** No links: a result above the upload limit is reported with its order number for support. */
  ResultLinks NONE = (mediaKey, contentType) -> Optional.empty();

  /** A link from which the user can download the stored file {@code mediaKey}, if there is one. */
  Optional<String> linkFor(String mediaKey, String contentType);
}
