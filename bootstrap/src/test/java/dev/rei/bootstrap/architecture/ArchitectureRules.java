package dev.rei.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The dependency rules of DESIGN §1 as ArchUnit rules, built for a root package so that the same rules
 * can be shown to fail on the deliberately broken fixture under {@code fixture.rei}.
 */
public final class ArchitectureRules {

  /** Where each framework may be used, as module paths below the root; bootstrap may use every one, it wires them. */
  public static final List<Framework> REI_FRAMEWORKS = List.of(
      new Framework("org.jooq..", List.of("adapters.persistence")),
      new Framework("org.flywaydb..", List.of("adapters.persistence")),
      new Framework("com.zaxxer.hikari..", List.of("adapters.persistence")),
      new Framework("org.postgresql..", List.of("adapters.persistence")),
      new Framework("io.lettuce..", List.of("adapters.persistence")),
      new Framework("io.github.bucket4j..", List.of("adapters.persistence")),
      new Framework("retrofit2..", List.of("adapters.providers", "adapters.payments")),
      new Framework("okhttp3..", List.of("adapters.providers", "adapters.payments", "adapters.telegram")),
      // Telegram Stars payments go through the Telegram adapter, so the payments adapter needs no Telegram library.
      new Framework("org.telegram..", List.of("adapters.telegram")),
      new Framework("com.google.inject..", List.of()));

  /** Where the jOOQ code generated from the migrations lives. */
  static final String GENERATED_JOOQ = "..adapters.persistence.postgres.jooq..";

  /** The rules for the production code of Rei. */
  public static final ArchitectureRules REI = forRoot("dev.rei");

  /** Calls that read the wall clock, by owner class and method name; the domain gets time as a parameter. */
  private static final Map<String, Set<String>> CLOCK_READS = Map.of(
      "java.lang.System", Set.of("currentTimeMillis", "nanoTime"),
      "java.time.Clock", Set.of("systemUTC", "systemDefaultZone", "system"),
      "java.time.InstantSource", Set.of("system"));

  /** Calls that create randomness, by owner class and method name ("<init>" is a constructor). */
  private static final Map<String, Set<String>> RANDOMNESS_SOURCES = Map.of(
      "java.util.UUID", Set.of("randomUUID"),
      "java.lang.Math", Set.of("random"),
      "java.lang.StrictMath", Set.of("random"),
      "java.util.Random", Set.of("<init>"),
      "java.util.SplittableRandom", Set.of("<init>"),
      "java.security.SecureRandom", Set.of("<init>", "getInstance", "getInstanceStrong"),
      "java.util.concurrent.ThreadLocalRandom", Set.of("current"),
      "java.util.random.RandomGenerator", Set.of("getDefault", "of"));

  public final ArchRule domainDependsOnlyOnJavaAndItself;
  public final ArchRule domainDoesNotUseJavaSql;
  public final ArchRule domainHasNoPublicSetters;
  public final ArchRule domainDoesNotReadTheClock;
  public final ArchRule domainDoesNotCreateRandomness;
  public final ArchRule applicationDependsOnlyOnDomainAndJakartaInject;
  public final ArchRule adaptersUsePortsNotServices;
  public final ArchRule adaptersDoNotDependOnEachOther;
  public final ArchRule eachFrameworkStaysInItsAdapter;
  public final ArchRule packagesAreFreeOfCycles;

  private ArchitectureRules(String root, List<Framework> frameworks) {
    String domain = root + ".domain..";
    String application = root + ".application..";
    String adapters = root + ".adapters..";

    domainDependsOnlyOnJavaAndItself = classes().that().resideInAPackage(domain)
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain)
        .because("the domain is pure Java: no framework, no I/O, no library annotations");
    domainDoesNotUseJavaSql = noClasses().that().resideInAPackage(domain)
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .because("java.sql is part of the JDK but belongs to persistence");
    // "set" followed by a capital letter, so that a transition such as settle() is not mistaken for a setter.
    domainHasNoPublicSetters = noMethods().that().areDeclaredInClassesThat().resideInAPackage(domain)
        .and().arePublic()
        .should().haveNameMatching("set[A-Z].*")
        .because("domain objects change through named transitions that check their rules");
    domainDoesNotReadTheClock = noClasses().that().resideInAPackage(domain)
        .should().callCodeUnitWhere(readsTheClock())
        .because("time comes in from the Clock port, so every rule can be tested at any instant");
    domainDoesNotCreateRandomness = noClasses().that().resideInAPackage(domain)
        .should().callCodeUnitWhere(createsRandomness())
        .because("ids and jitter come in from the caller, so the domain is deterministic");

    applicationDependsOnlyOnDomainAndJakartaInject = classes().that().resideInAPackage(application)
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", domain, application, "jakarta.inject..")
        .because("the application knows the domain and its own ports, never an adapter or a framework");

    // The adapters hold only a package-info until their issues land. ArchUnit imports it as a class today, but
    // ArchUnit 1.x fails a rule that matches no classes, and these rules must not hinge on that file, so they
    // pass while an adapter is empty. ArchitectureTest checks separately that every module is imported.
    adaptersUsePortsNotServices = noClasses().that().resideInAPackage(adapters)
        .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
        .because("adapters talk to the core through ports, so services can change freely")
        .allowEmptyShould(true);
    adaptersDoNotDependOnEachOther = slices().matching(root + ".adapters.(*)..")
        .should().notDependOnEachOther()
        .because("each adapter can be replaced or removed alone; bootstrap is the only place that joins them")
        .allowEmptyShould(true);

    eachFrameworkStaysInItsAdapter = CompositeArchRule.of(
        frameworks.stream().map(framework -> framework.staysIn(root)).toList());

    // "(**)" captures everything after the root, so every package is its own slice: dev.rei.domain.job and
    // dev.rei.domain.ledger are two slices, and so are dev.rei.domain and dev.rei.domain.job. A cycle between
    // any two packages fails, also one between a package and its own subpackage.
    packagesAreFreeOfCycles = slices().matching(root + ".(**)")
        .should().beFreeOfCycles()
        // jOOQ's generated classes (schema, tables, records) refer to each other by design; they are
        // regenerated, never edited, so their cycles are not ours to untangle.
        .ignoreDependency(resideInAPackage(GENERATED_JOOQ), resideInAPackage(GENERATED_JOOQ))
        .because("a cycle between packages makes both one unit that can only be understood and changed together");
  }

  /** The rules for the classes under {@code root}, with Rei's frameworks. */
  public static ArchitectureRules forRoot(String root) {
    return forRoot(root, REI_FRAMEWORKS);
  }

  /** The rules for the classes under {@code root}, with the given frameworks and where each may be used. */
  public static ArchitectureRules forRoot(String root, List<Framework> frameworks) {
    return new ArchitectureRules(root, frameworks);
  }

  private static DescribedPredicate<JavaCall<?>> readsTheClock() {
    return DescribedPredicate.describe("read the clock (now(), System.currentTimeMillis(), Clock.system...())",
        call -> {
          String owner = call.getTargetOwner().getName();
          String method = call.getName();
          // Every now() in java.time, with or without a Clock argument: the instant itself is the parameter.
          return owner.startsWith("java.time.") && method.equals("now")
              || CLOCK_READS.getOrDefault(owner, Set.of()).contains(method);
        });
  }

  private static DescribedPredicate<JavaCall<?>> createsRandomness() {
    return DescribedPredicate.describe("create randomness (UUID.randomUUID(), new Random(), Math.random()...)",
        call -> RANDOMNESS_SOURCES.getOrDefault(call.getTargetOwner().getName(), Set.of()).contains(call.getName()));
  }

  /**
   * A framework, as an ArchUnit package identifier such as {@code "org.jooq.."}, and the modules below the root
   * that may use it, such as {@code "adapters.persistence"}.
   */
  public record Framework(String packageIdentifier, List<String> homeModules) {

    public Framework {
      homeModules = List.copyOf(homeModules);
    }

    ArchRule staysIn(String root) {
      String[] homes = Stream.concat(homeModules.stream(), Stream.of("bootstrap"))
          .map(module -> root + "." + module + "..")
          .toArray(String[]::new);
      return noClasses().that().resideOutsideOfPackages(homes)
          .should().dependOnClassesThat().resideInAPackage(packageIdentifier)
          .because("a framework is used only where it is wired or adapted: " + String.join(", ", homes));
    }
  }
}
