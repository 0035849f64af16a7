package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed jOOQ classes are exactly what the migrations generate today. */
class JooqCodeIsUpToDateTest {

  @Test
  void committedJooqCode_matchesTheMigrations() throws Exception {
    Path fresh = Files.createTempDirectory("jooq-check");
    JooqCodegen.generate(fresh);

    String packagePath = JooqCodegen.PACKAGE.replace('.', '/');
    Map<String, String> expected = read(fresh.resolve(packagePath));
    Map<String, String> committed = read(JooqCodegen.COMMITTED.resolve(packagePath));

    assertThat(committed)
        .as("the jOOQ code under src/main/java/%s is stale: run JooqCodegen.main (test sources) and commit the result",
            packagePath)
        .isEqualTo(expected);
  }

  private static Map<String, String> read(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(path).toString(), Files.readString(path));
      }
    }
    return files;
  }
}
