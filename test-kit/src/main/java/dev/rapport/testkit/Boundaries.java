package dev.rapport.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module boundaries every service's {@code ArchitectureTest} checks, so that the build keeps them: a service's
 * feature packages form no cycle, a service never reaches into another service's packages, and the shared modules
 * (platform, platform-web, contract) never import a service. Services talk through the contract (events, HTTP).
 */
public final class Boundaries {
    /** The base package of each service. */
    public static final List<String> SERVICES = List.of("dev.rapport.datatable", "dev.rapport.script",
            "dev.rapport.action", "dev.rapport.gateway");
    /** What every service may use: the event contract and the platform modules. */
    public static final List<String> SHARED = List.of("dev.rapport.platform", "dev.rapport.contract");

    private Boundaries() {
    }

    /**
     * Checks every rule for a service: no cycle between its feature packages, no import of another service, no
     * service imported by the shared modules. One call per service's {@code ArchitectureTest}.
     */
    public static void check(String service) {
        JavaClasses classes = classesOf(service);
        noPackageCycles(service).check(classes);
        staysInsideItsService(service).check(classes);
        sharedModulesImportNoService().check(classes);
    }

    /** A service's production classes and the shared modules' (tests excluded), as found on the test classpath. */
    public static JavaClasses classesOf(String service) {
        requireService(service);
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(service, SHARED.get(0), SHARED.get(1));
    }

    /** No cycle between the feature packages under {@code base} (the slices {@code base.(*)..}). */
    public static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a feature package of " + base + " that depends on another must not be depended on by it: "
                        + "move the shared part down into its own package");
    }

    /** No class of {@code service} depends on a class of another service. */
    public static ArchRule staysInsideItsService(String service) {
        requireService(service);
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk through the contract's events and their HTTP APIs, never through each "
                        + "other's classes");
    }

    /** No class of the shared modules depends on a service. */
    public static ArchRule sharedModulesImportNoService() {
        return noClasses().that().resideInAnyPackage(SHARED.stream().map(s -> s + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                .because("platform and contract are shared by every service: what they import, every service gets");
    }

    private static void requireService(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException(service + " is not a service's base package (one of " + SERVICES + ")");
        }
    }
}
