package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.MediaStore;
import dev.rei.application.port.out.MediaStore.Media;
import dev.rei.domain.job.ResultRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MediaStore} must do: keep bytes and their content type whole under a random,
 * path-safe key, and answer a malformed or unknown key with nothing — never with another file.
 */
public abstract class MediaStoreContract {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** A fresh, empty store. */
  protected abstract MediaStore newMediaStore();

  protected MediaStore store;

  @BeforeEach
  void freshStore() {
    store = newMediaStore();
  }

  @Test
  void givenStoredFile_get_returnsItsBytesAndContentType() {
    String key = store.put(PNG_SIGNATURE, "image/png");

    Media media = store.get(key).orElseThrow();

    assertThat(media.key()).isEqualTo(key);
    assertThat(media.contentType()).isEqualTo("image/png");
    assertThat(media.content()).containsExactly(PNG_SIGNATURE);
  }

  @Test
  void givenSameContentTwice_put_returnsTwoKeys_eachWithItsOwnType() {
    String first = store.put(PNG_SIGNATURE, "image/png");
    String second = store.put(PNG_SIGNATURE, "application/octet-stream");

    assertThat(first).isNotEqualTo(second);
    assertThat(store.get(first).orElseThrow().contentType()).isEqualTo("image/png");
    assertThat(store.get(second).orElseThrow().contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void put_returnsAKey_safeInAPath_andUsableAsAResultRef() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      keys.add(store.put(new byte[] {(byte) i}, "image/jpeg"));
    }

    assertThat(keys).hasSize(50).allSatisfy(key -> {
      assertThat(key).matches("[A-Za-z0-9_-]{16,200}");
      assertThat(new ResultRef(key).value()).isEqualTo(key);
    });
  }

  @Test
  void givenEveryByteValue_andEmptyContent_andSeveralMegabytes_theyComeBackWhole() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] large = new byte[6 * 1024 * 1024 + 7];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31 + (i >>> 11));
    }

    String everyByteKey = store.put(everyByte, "application/octet-stream");
    String emptyKey = store.put(new byte[0], "text/plain");
    String largeKey = store.put(large, "video/mp4");

    assertThat(store.get(everyByteKey).orElseThrow().content()).containsExactly(everyByte);
    assertThat(store.get(emptyKey).orElseThrow().content()).isEmpty();
    assertThat(Arrays.equals(store.get(largeKey).orElseThrow().content(), large)).isTrue();
  }

  @Test
  void givenCallerChangesItsArrays_theStoredFileStaysAsItWas() {
    byte[] content = "original".getBytes(StandardCharsets.UTF_8);
    String key = store.put(content, "text/plain");

    content[0] = 'X';
    store.get(key).orElseThrow().content()[1] = 'Y';

    assertThat(new String(store.get(key).orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("original");
  }

  @Test
  void givenUnknownKeyOfTheRightShape_get_isEmpty() {
    String key = store.put(PNG_SIGNATURE, "image/png");
    String sibling = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");

    assertThat(store.get(sibling)).isEmpty();
    assertThat(store.get("0".repeat(key.length()))).isEmpty();
  }

  @Test
  void givenMalformedOrHostileKey_get_isEmpty_andNeverAnotherFile() {
    String key = store.put(PNG_SIGNATURE, "image/png");
    List<String> hostile = new ArrayList<>(List.of(
        "", " ", ".", "..", "../", "/", "\\", "~", "../../../../../../etc/passwd", "/etc/passwd",
        "..\\..\\windows\\win.ini", "C:\\Windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2f",
        "file:///etc/passwd", "a\u0000b", "\u0000", "key\nother", "*", "?", "x".repeat(5_000)));
    hostile.addAll(List.of(key + "/", "/" + key, "./" + key, key + "/..", "../" + key, key + ".type",
        key + ".tmp", key.substring(0, 2) + "/" + key, key.toUpperCase(), " " + key, key + " ", key + "\u0000"));
    hostile.add(null);

    for (String attempt : hostile) {
      assertThat(store.get(attempt)).as("get(%s)", attempt).isEmpty();
    }
    assertThat(store.get(key)).isPresent();
  }

  @Test
  void givenMalformedContentType_put_refuses() {
    for (String type : Arrays.asList(null, "", " ", "png", "image/", "/png", "image/png; charset=binary",
        "image/png\n", "text/html\r\nX-Injected: 1", "image /png", "../../x/y")) {
      assertThatThrownBy(() -> store.put(PNG_SIGNATURE, type)).as("content type %s", type)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void givenManyWritersAtOnce_everyFileIsKept_underItsOwnKey() throws Exception {
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<String> keys = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            keys.add(store.put(("file " + thread + "/" + i).getBytes(StandardCharsets.UTF_8), "text/plain"));
          }
          return keys;
        }));
      }
      Set<String> all = new HashSet<>();
      for (int t = 0; t < threads; t++) {
        List<String> keys = futures.get(t).get(1, TimeUnit.MINUTES);
        for (int i = 0; i < perThread; i++) {
          assertThat(new String(store.get(keys.get(i)).orElseThrow().content(), StandardCharsets.UTF_8))
              .isEqualTo("file " + t + "/" + i);
        }
        all.addAll(keys);
      }
      assertThat(all).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
