package dev.rei.adapters.persistence.postgres;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the Flyway migrations on a fresh PostgreSQL. The generated code
 * is committed, so a build needs no database; {@link JooqCodeIsUpToDateTest} fails when it drifts.
 *
 * <p>To regenerate after changing a migration, from {@code adapters-persistence/}:
 * <pre>
 * ../mvnw -q -pl . test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.rei.adapters.persistence.postgres.JooqCodegen
 * </pre>
 */
public final class JooqCodegen {

  static final String PACKAGE = "dev.rei.adapters.persistence.postgres.jooq";
  static final Path COMMITTED = Path.of("src/main/java");

  private JooqCodegen() {}

  public static void main(String[] args) throws Exception {
    Path root = args.length > 0 ? Path.of(args[0]) : COMMITTED;
    generate(root);
    System.out.println("jOOQ code regenerated under " + root.toAbsolutePath());
  }

  static void generate(Path targetDirectory) throws Exception {
    TestDatabases.Credentials db = TestDatabases.empty();
    Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load()
        .migrate();
    GenerationTool.generate(new Configuration()
        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(db.url()).withUser(db.user())
            .withPassword(db.password()))
        .withGenerator(new Generator()
            .withDatabase(new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema("public")
                .withExcludes("flyway_schema_history|transfers_are_append_only|transfers_track_pending_holds"))
            .withGenerate(new Generate()
                .withGeneratedAnnotation(false)
                .withJavadoc(false)
                .withComments(false)
                .withRoutines(false)
                .withRecords(true)
                .withPojos(false)
                .withSequences(false)
                .withIndexes(false)
                .withKeys(true))
            .withTarget(new Target().withPackageName(PACKAGE).withDirectory(targetDirectory.toString())
                .withClean(true))));
    dropJdkSpecificWarnings(targetDirectory);
  }

  /**
   * On JDK 21 and later jOOQ also suppresses "this-escape", a warning older JDKs do not have; dropping
   * it makes the output the same on every JDK the build supports.
   */
  private static void dropJdkSpecificWarnings(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = java.nio.file.Files.readString(file);
        String portable = source.replace(", \"this-escape\" })", " })");
        if (!portable.equals(source)) {
          java.nio.file.Files.writeString(file, portable);
        }
      }
    }
  }
}
