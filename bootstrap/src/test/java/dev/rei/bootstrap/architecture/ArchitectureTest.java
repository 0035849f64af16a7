package dev.rei.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the production classes of every module against the dependency rules of DESIGN §1. */
class ArchitectureTest {

  // Under "./mvnw verify" the other modules are on this classpath as their jars, under "./mvnw test" and in an
  // IDE as class directories, so jars cannot be excluded wholesale. Only Rei's own jars are read; a test jar
  // (such as rei-domain's shared fixtures) is not production code.
  private static final Pattern REI_JAR = Pattern.compile(".*/rei-[^/]*\\.jar!/.*");
  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");
  private static final ImportOption ONLY_REI_PRODUCTION_JARS =
      location -> !location.isJar() || location.matches(REI_JAR) && !location.matches(TEST_JAR);

  private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
      .withImportOption(new ImportOption.DoNotIncludeTests())
      .withImportOption(ONLY_REI_PRODUCTION_JARS)
      .importPackages("dev.rei");

  private static final ArchitectureRules RULES = ArchitectureRules.REI;

  @Test
  void importsEveryModuleAndNoTestCode() {
    // The adapter rules allow an empty match, so a broken import would let them pass silently; each module has
    // at least its package-info, which ArchUnit imports as a class.
    assertThat(PRODUCTION_CLASSES.stream().map(JavaClass::getPackageName))
        .contains("dev.rei.domain", "dev.rei.application", "dev.rei.adapters.telegram",
            "dev.rei.adapters.persistence", "dev.rei.adapters.providers", "dev.rei.adapters.payments",
            "dev.rei.bootstrap")
        .doesNotContain(ArchitectureTest.class.getPackageName());
  }

  @Test
  void domainDependsOnlyOnJavaAndItself() {
    RULES.domainDependsOnlyOnJavaAndItself.check(PRODUCTION_CLASSES);
  }

  @Test
  void domainDoesNotUseJavaSql() {
    RULES.domainDoesNotUseJavaSql.check(PRODUCTION_CLASSES);
  }

  @Test
  void domainHasNoPublicSetters() {
    RULES.domainHasNoPublicSetters.check(PRODUCTION_CLASSES);
  }

  @Test
  void domainDoesNotReadTheClock() {
    RULES.domainDoesNotReadTheClock.check(PRODUCTION_CLASSES);
  }

  @Test
  void domainDoesNotCreateRandomness() {
    RULES.domainDoesNotCreateRandomness.check(PRODUCTION_CLASSES);
  }

  @Test
  void applicationDependsOnlyOnDomainAndJakartaInject() {
    RULES.applicationDependsOnlyOnDomainAndJakartaInject.check(PRODUCTION_CLASSES);
  }

  @Test
  void adaptersUsePortsNotServices() {
    RULES.adaptersUsePortsNotServices.check(PRODUCTION_CLASSES);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    RULES.adaptersDoNotDependOnEachOther.check(PRODUCTION_CLASSES);
  }

  @Test
  void eachFrameworkStaysInItsAdapter() {
    RULES.eachFrameworkStaysInItsAdapter.check(PRODUCTION_CLASSES);
  }

  @Test
  void packagesAreFreeOfCycles() {
    RULES.packagesAreFreeOfCycles.check(PRODUCTION_CLASSES);
  }
}
