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
 * <p>To regenerate after changing a migration, from the repository root:
 * {@code ./mvnw -q -pl adapters-persistence -am test-compile && ./mvnw -q -pl adapters-persistence
 * exec:java}… or simply run this class's {@code main} from an IDE with the module's test classpath.
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
    TestDatabases.Credentials db = TestDatabases.fresh();
    Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load()
        .migrate();
    GenerationTool.generate(new Configuration()
        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(db.url()).withUser(db.user())
            .withPassword(db.password()))
        .withGenerator(new Generator()
            .withDatabase(new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema("public")
                .withExcludes("flyway_schema_history|transfers_are_append_only"))
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
  }
}
