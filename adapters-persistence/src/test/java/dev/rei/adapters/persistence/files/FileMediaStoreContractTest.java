package dev.rei.adapters.persistence.files;

import dev.rei.application.contract.MediaStoreContract;
import dev.rei.application.port.out.MediaStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link MediaStoreContract} against files in a temporary directory. */
class FileMediaStoreContractTest extends MediaStoreContract {

  @TempDir
  Path dataDir;

  @Override
  protected MediaStore newMediaStore() {
    return new FileMediaStore(dataDir.resolve("media"));
  }
}
