package dev.rei.bootstrap.http;

import dev.rei.application.port.out.MediaStore;
import java.util.Optional;

/** Serves stored media to whoever holds a valid {@link MediaLinks} link; anything else is a plain 404. */
public final class MediaRoute implements HttpRoute {

  private final MediaLinks links;
  private final MediaStore media;

  public MediaRoute(MediaLinks links, MediaStore media) {
    this.links = links;
    this.media = media;
  }

  @Override
  public HttpReply handle(HttpCall call) {
    if (!call.isRead()) {
      return HttpReply.methodNotAllowed();
    }
    // Expired, forged and missing all look alike, so a link reveals nothing about other files.
    Optional<MediaStore.Media> found = links.verify(call.path(), call.query()).flatMap(media::get);
    return found.map(m -> new HttpReply(200, m.contentType(), m.content()))
        .orElseGet(() -> HttpReply.json(404, "{\"error\":\"not found\"}"));
  }
}
