package io.bedside;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.bedside.shared.Command;

/**
 * The layering and persistence convention of docs/architecture.md, checked on the compiled main
 * code, so that a class that breaks them fails the build rather than a review. Spring Modulith's
 * {@code ModularityTests} checks which module may use which; these rules check how a module is
 * built inside.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.bedside");

    /**
     * The few classes that may talk to the database without being a repository, each with why. Keep
     * it short: a new entry needs a reason no repository can serve.
     */
    private static final Map<String, String> SQL_OUTSIDE_REPOSITORIES = Map.of(
            // (none today; e.g. a readiness probe that only asks the pool for a connection)
    );

    /** Where SQL runs: only these types open a connection or run a statement. */
    private static final DescribedPredicate<JavaClass> DATABASE_ACCESS = belongToAnyOf(JdbcClient.class,
            JdbcTemplate.class, JdbcOperations.class, NamedParameterJdbcTemplate.class,
            NamedParameterJdbcOperations.class, DataSource.class)
            .as("are JdbcClient, JdbcTemplate, NamedParameterJdbcTemplate, JdbcOperations or DataSource");

    /** A repository, or a class nested in one (its row records, its lambdas' helper classes). */
    private static final DescribedPredicate<JavaClass> REPOSITORY = DescribedPredicate.describe(
            "are @Repository classes (or nested in one)", c -> outermost(c).isAnnotatedWith(Repository.class));

    private static final DescribedPredicate<JavaClass> ALLOWED_SQL_OUTSIDE_REPOSITORIES = DescribedPredicate.describe(
            "are named exceptions", c -> SQL_OUTSIDE_REPOSITORIES.containsKey(outermost(c).getName()));

    // ------------------------------------------------------------ persistence

    /** SQL lives in repositories, so that a reader finds every statement on a table in one place. */
    @Test
    void onlyRepositoriesUseTheDatabase() {
        noClasses().that(not(REPOSITORY)).and(not(ALLOWED_SQL_OUTSIDE_REPOSITORIES))
                .should().dependOnClassesThat(DATABASE_ACCESS)
                .because("SQL lives only in @Repository classes (persistence convention)")
                .check(MAIN);
    }

    /** A repository serves the services beside it; another package (or module) asks those services. */
    @Test
    void repositoriesAreNotPublic() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic()
                .because("a repository is used only by the services of its own package")
                .check(MAIN);
    }

    /** A repository is named for what it stores ({@code ConversationRows}) or what it implements ({@code JdbcAuditChain}). */
    @Test
    void repositoriesAreNamedForWhatTheyStore() {
        classes().that().areAnnotatedWith(Repository.class)
                .should().haveSimpleNameEndingWith("Rows").orShould().haveSimpleNameStartingWith("Jdbc")
                .because("repositories are named <Things>Rows, or Jdbc<Interface> when implementing a module interface")
                .check(MAIN);
    }

    /** Transactions are a service's decision: a repository joins the caller's, never starts one. */
    @Test
    void repositoriesNeverStartTransactions() {
        noClasses().that(REPOSITORY)
                .should().dependOnClassesThat().areAssignableTo(TransactionOperations.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Transactional.class)
                .because("@Transactional sits on public service methods; repositories run in the caller's transaction")
                .check(MAIN);
    }

    // ------------------------------------------------------------ web

    /** Controllers call services: a page or an API answer never bypasses the access check and audit in them. */
    @Test
    void webUsesNoRepository() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat(REPOSITORY)
                .because("controllers call services, which decide access and audit it")
                .check(MAIN);
    }

    /** A module's web layer uses other modules only through their API, never their internals. */
    @Test
    void webUsesNoOtherModulesInternals() {
        classes().that().resideInAPackage("..web..")
                .should(useNoInternalPackageOfAnotherModule())
                .check(MAIN);
    }

    /** Controllers are reached through HTTP only; nothing should call them as a Java API. */
    @Test
    void controllersAreNotPublic() {
        classes().that().areMetaAnnotatedWith(Controller.class).should().notBePublic()
                .because("a controller is reached through its routes, not called from other packages")
                .check(MAIN);
    }

    // ------------------------------------------------------------ coding rules

    /** Constructor injection: every dependency is visible, final, and set in tests without Spring. */
    @Test
    void noFieldInjection() {
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(MAIN);
    }

    /** Keys and ciphertexts are handled in one module, so that a review of crypto is a review of one package. */
    @Test
    void onlyCryptoUsesTink() {
        noClasses().that().resideOutsideOfPackage("io.bedside.crypto..")
                .should().dependOnClassesThat().resideInAPackage("com.google.crypto.tink..")
                .because("encryption goes through io.bedside.crypto's PracticeEncryption")
                .check(MAIN);
    }

    /**
     * Logs go through SLF4J (levels, correlation ids, no PHI by review); only the one-shot
     * commands print, because their output is the answer to the operator at the terminal.
     */
    @Test
    void onlyCommandsPrint() {
        noClasses().that(not(are(commandLineTools()))).should(ACCESS_STANDARD_STREAMS)
                .because("the application logs through SLF4J; commands print their answer for the operator")
                .check(MAIN);
    }

    // ------------------------------------------------------------ helpers

    private static DescribedPredicate<JavaClass> commandLineTools() {
        return DescribedPredicate.describe("command-line tools (Command implementations and BedsideApplication, "
                + "which hands the terminal to the master-keyset generator)",
                c -> outermost(c).isAssignableTo(Command.class) || outermost(c).isEquivalentTo(BedsideApplication.class));
    }

    private static final Pattern MODULE = Pattern.compile("^io\\.bedside\\.(\\w+)(\\..*)?$");
    private static final Pattern INTERNAL = Pattern.compile("^io\\.bedside\\.(\\w+)\\.internal(\\..*)?$");

    private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherModule() {
        return new ArchCondition<>("use no internal package of another module") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> own = group(MODULE, item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    Optional<String> internalOf = group(INTERNAL, dependency.getTargetClass().getPackageName());
                    if (internalOf.isPresent() && !internalOf.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> group(Pattern pattern, String packageName) {
        Matcher m = pattern.matcher(packageName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
