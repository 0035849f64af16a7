package dev.rei.adapters.persistence.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the file system store can get wrong: the layout on disk, traversal, restarts. */
class FileMediaStoreTest {

  @TempDir
  Path dataDir;

  @Test
  void put_keepsTheFileAndItsTypeUnderTheRoot_andLeavesNoTemporaryFile() throws IOException {
    FileMediaStore store = new FileMediaStore(dataDir.resolve("media"));

    String key = store.put("image bytes".getBytes(StandardCharsets.UTF_8), "image/webp");

    Path shard = store.root().resolve(key.substring(0, 2));
    try (Stream<Path> files = Files.walk(store.root())) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .containsExactlyInAnyOrder(shard.resolve(key), shard.resolve(key + ".type"));
    }
    assertThat(Files.readString(shard.resolve(key + ".type"))).isEqualTo("image/webp");
    assertThat(Files.readString(shard.resolve(key))).isEqualTo("image bytes");
  }

  @Test
  void givenStoreOpenedAgainOnTheSameDirectory_earlierFilesAreStillThere() {
    Path root = dataDir.resolve("media");
    String key = new FileMediaStore(root).put(new byte[] {1, 2, 3}, "image/png");

    FileMediaStore reopened = new FileMediaStore(root);

    assertThat(reopened.get(key).orElseThrow().content()).containsExactly(1, 2, 3);
    assertThat(reopened.get(key).orElseThrow().contentType()).isEqualTo("image/png");
  }

  @Test
  void givenSecretFilesOutsideTheRoot_noKeyReachesThem() throws IOException {
    Files.writeString(dataDir.resolve("secret.txt"), "bot token");
    Files.createDirectories(dataDir.resolve("media"));
    Files.writeString(dataDir.resolve("media").resolve("secret.txt"), "bot token");
    FileMediaStore store = new FileMediaStore(dataDir.resolve("media"));

    for (String attempt : List.of("../secret.txt", "secret.txt", "../../secret.txt", dataDir.resolve("secret.txt")
        .toString(), "..", "../media/secret.txt", "%2e%2e/secret.txt", "secret.txt\u0000")) {
      assertThat(store.get(attempt)).as("get(%s)", attempt).isEmpty();
    }
  }

  @Test
  void givenAFileOfKeyShapeOutsideItsShard_itIsNotServed() throws IOException {
    FileMediaStore store = new FileMediaStore(dataDir.resolve("media"));
    String planted = "ab".repeat(16);
    Files.writeString(store.root().resolve(planted), "planted");

    assertThat(store.get(planted)).isEmpty();
  }

  @Test
  void givenItsTypeFileWasLost_get_stillReturnsTheBytes_asOctetStream() throws IOException {
    FileMediaStore store = new FileMediaStore(dataDir.resolve("media"));
    String key = store.put(new byte[] {9}, "image/png");
    Files.delete(store.root().resolve(key.substring(0, 2)).resolve(key + ".type"));

    assertThat(store.get(key).orElseThrow().contentType()).isEqualTo("application/octet-stream");
    assertThat(store.get(key).orElseThrow().content()).containsExactly(9);
  }

  @Test
  void givenItsTypeFileWasTamperedWith_get_doesNotPassTheDamageOn() throws IOException {
    FileMediaStore store = new FileMediaStore(dataDir.resolve("media"));
    String key = store.put(new byte[] {9}, "image/png");
    Files.writeString(store.root().resolve(key.substring(0, 2)).resolve(key + ".type"), "text/html\r\nX-Evil: 1");

    assertThat(store.get(key).orElseThrow().contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void givenRootIsAFile_construction_failsClearly() throws IOException {
    Path notADirectory = Files.writeString(dataDir.resolve("media"), "oops");

    assertThatThrownBy(() -> new FileMediaStore(notADirectory))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("media directory");
  }
}
