package dev.rei.adapters.providers.simulated;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The real, playable MP4 files the simulated video provider hands out: 5 s of FFmpeg's test pattern,
 * landscape (480×270) or portrait (270×480, for Reels), about 100 KB each; how they were made is in
 * {@code VIDEOS.md} beside them.
 */
enum SampleVideos {
  LANDSCAPE("video-16x9.mp4"),
  PORTRAIT("video-9x16.mp4");

  static final String CONTENT_TYPE = "video/mp4";

  private final String resource;
  private volatile byte[] bytes;

  SampleVideos(String resource) {
    this.resource = resource;
  }

  /** The file's bytes, read once; callers must not change them. */
  byte[] bytes() {
    byte[] loaded = bytes;
    if (loaded == null) {
      try (InputStream in = SampleVideos.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the sample video " + resource + " is missing from the jar");
        }
        loaded = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sample video " + resource, e);
      }
      bytes = loaded;
    }
    return loaded;
  }
}
