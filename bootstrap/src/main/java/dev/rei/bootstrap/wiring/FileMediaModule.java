package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.rei.adapters.persistence.files.FileMediaStore;
import dev.rei.application.port.out.MediaStore;
import dev.rei.bootstrap.config.ReiConfig;

/** Input photos and generated results, as files under {@code DATA_DIR/media}. */
public final class FileMediaModule extends AbstractModule {

  @Provides
  @Singleton
  MediaStore media(ReiConfig config) {
    return new FileMediaStore(config.dataDir().resolve("media"));
  }
}
