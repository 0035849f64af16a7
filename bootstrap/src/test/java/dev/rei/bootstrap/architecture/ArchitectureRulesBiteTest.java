package dev.rei.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.rei.bootstrap.architecture.ArchitectureRules.Framework;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Shows that each rule fails on the deliberately broken fixture under {@code fixture.rei}; a rule that passes
 * on the real code is only worth something if it fails on code that breaks it.
 */
class ArchitectureRulesBiteTest {

  // The fixture lives in the test sources, so test classes must be imported here.
  private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages("fixture.rei");

  // No real framework is on this classpath, so AssertJ stands in for a framework of the persistence adapter.
  private static final ArchitectureRules RULES = ArchitectureRules.forRoot(
      "fixture.rei", List.of(new Framework("org.assertj..", List.of("adapters.persistence"))));

  @Test
  void domainDependsOnlyOnJavaAndItself_failsOnALibraryAnnotation() {
    assertFailsNaming(RULES.domainDependsOnlyOnJavaAndItself, "fixture.rei.domain.InjectedDomainService")
        .hasMessageContaining("jakarta.inject.Inject");
  }

  @Test
  void domainDoesNotUseJavaSql_failsOnAJdbcType() {
    assertFailsNaming(RULES.domainDoesNotUseJavaSql, "fixture.rei.domain.SqlTimestampEntry")
        .hasMessageContaining("java.sql.Timestamp");
  }

  @Test
  void domainHasNoPublicSetters_failsOnASetterButNotOnSettle() {
    assertFailsNaming(RULES.domainHasNoPublicSetters, "fixture.rei.domain.MutableAccount.setPostedCredits")
        .message().doesNotContain("MutableAccount.settle");
  }

  @Test
  void domainDoesNotReadTheClock_failsOnInstantNow() {
    assertFailsNaming(RULES.domainDoesNotReadTheClock, "fixture.rei.domain.ClockReadingHold")
        .hasMessageContaining("java.time.Instant.now()");
  }

  @Test
  void domainDoesNotCreateRandomness_failsOnRandomUuid() {
    assertFailsNaming(RULES.domainDoesNotCreateRandomness, "fixture.rei.domain.SelfNamingTransfer")
        .hasMessageContaining("java.util.UUID.randomUUID()");
  }

  @Test
  void applicationDependsOnlyOnDomainAndJakartaInject_failsOnAnAdapterClass() {
    assertFailsNaming(RULES.applicationDependsOnlyOnDomainAndJakartaInject,
        "fixture.rei.application.AdapterAwareUseCase")
        .hasMessageContaining("fixture.rei.adapters.persistence.JdbcLedgerStore");
  }

  @Test
  void adaptersUsePortsNotServices_failsOnAServiceCall() {
    assertFailsNaming(RULES.adaptersUsePortsNotServices, "fixture.rei.adapters.telegram.ServiceCallingHandler")
        .hasMessageContaining("fixture.rei.application.service.PlaceOrderService");
  }

  @Test
  void adaptersDoNotDependOnEachOther_failsOnTelegramReadingPersistence() {
    assertFailsNaming(RULES.adaptersDoNotDependOnEachOther, "fixture.rei.adapters.telegram.StoreReadingHandler")
        .hasMessageContaining("fixture.rei.adapters.persistence.JdbcLedgerStore");
  }

  @Test
  void eachFrameworkStaysInItsAdapter_failsOnAFrameworkOutsideItsAdapter() {
    assertFailsNaming(RULES.eachFrameworkStaysInItsAdapter,
        "fixture.rei.adapters.telegram.FrameworkBorrowingHandler")
        .hasMessageContaining("org.assertj.core.api.SoftAssertions");
  }

  @Test
  void packagesAreFreeOfCycles_failsOnTwoPackagesThatNeedEachOther() {
    assertFailsNaming(RULES.packagesAreFreeOfCycles, "fixture.rei.cycle.a.Invoice")
        .hasMessageContaining("fixture.rei.cycle.b.Receipt");
  }

  @Test
  void everyRuleIsCheckedOnProductionAndHasABiteTest() {
    // A rule added to ArchitectureRules but not checked, or checked but never seen to fail, proves nothing.
    List<String> rules = Arrays.stream(ArchitectureRules.class.getFields())
        .filter(field -> field.getType() == ArchRule.class)
        .map(Field::getName)
        .toList();
    List<String> productionChecks = testNames(ArchitectureTest.class);
    List<String> biteTests = testNames(ArchitectureRulesBiteTest.class);

    assertThat(rules).isNotEmpty().allSatisfy(rule -> {
      assertThat(productionChecks).contains(rule);
      assertThat(biteTests).anyMatch(test -> test.startsWith(rule + "_"));
    });
  }

  private static List<String> testNames(Class<?> testClass) {
    return Arrays.stream(testClass.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(Test.class))
        .map(Method::getName)
        .toList();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFailsNaming(ArchRule rule, String violator) {
    return assertThatThrownBy(() -> rule.check(FIXTURE_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(violator);
  }
}
