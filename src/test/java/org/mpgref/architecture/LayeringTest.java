package org.mpgref.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of the developers' guide: the mathematical core (game, linalg, evaluation, potential, dynamics,
 * theory, catalog, limits) never depends on I/O, CLI, server, audit or conformance code.
 */
class LayeringTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.mpgref");

  @Test
  void coreNeverDependsOnIoCliServerAuditOrConformance() {
    noClasses().that().resideInAnyPackage("org.mpgref.numbers..", "org.mpgref.game..", "org.mpgref.linalg..",
            "org.mpgref.mdp..", "org.mpgref.evaluation..", "org.mpgref.potential..", "org.mpgref.dynamics..", "org.mpgref.theory..",
            "org.mpgref.catalog..", "org.mpgref.limits..", "org.mpgref.performative..", "org.mpgref.stability..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpgref.io..", "org.mpgref.cli..",
            "org.mpgref.server..", "org.mpgref.audit..", "org.mpgref.conformance..")
        .check(MAIN);
  }

  @Test
  void limitsDependOnNothingElseOfMpgref() {
    noClasses().that().resideInAPackage("org.mpgref.limits..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpgref.game..", "org.mpgref.linalg..",
            "org.mpgref.evaluation..", "org.mpgref.potential..", "org.mpgref.dynamics..", "org.mpgref.theory..",
            "org.mpgref.catalog..")
        .check(MAIN);
  }

  @Test
  void numbersAreTheBottomLayer() {
    noClasses().that().resideInAPackage("org.mpgref.numbers..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpgref.game..", "org.mpgref.linalg..",
            "org.mpgref.evaluation..", "org.mpgref.potential..", "org.mpgref.dynamics..", "org.mpgref.theory..",
            "org.mpgref.catalog..", "org.mpgref.limits..")
        .check(MAIN);
  }

  @Test
  void linearAlgebraNeverDependsOnTheGameModel() {
    noClasses().that().resideInAPackage("org.mpgref.linalg..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpgref.game..", "org.mpgref.evaluation..",
            "org.mpgref.potential..", "org.mpgref.dynamics..", "org.mpgref.theory..", "org.mpgref.catalog..")
        .check(MAIN);
  }

  @Test
  void catalogDependsOnTheModelOnly() {
    // A catalog game is data: its model (game), exact numbers, limits and, if needed, linear algebra; whatever
    // analyses a game (evaluation, potential checks, dynamics, theory) lives in those packages or in the tests.
    noClasses().that().resideInAPackage("org.mpgref.catalog..")
        .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
            .resideInAPackage("org.mpgref..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass.Predicates
                .resideInAnyPackage("org.mpgref.catalog..", "org.mpgref.game..", "org.mpgref.numbers..",
                    "org.mpgref.limits..", "org.mpgref.linalg..", "org.mpgref.performative..",
                    // mdp: the CORRECTED intervening agent of DistancingInterventionGame is the optimal Q of an
                    // MDP, solved by the one policy-iteration kernel (issue 11); mdp itself is model-level
                    "org.mpgref.mdp.."))))
        .check(MAIN);
  }

  @Test
  void performativeGamesDependOnTheModelOnly() {
    // A performative game is a map from a deployed policy to a game: model, numbers, limits and linear algebra only;
    // PSE gaps, solvers and dynamics that analyse it live outside the package.
    noClasses().that().resideInAPackage("org.mpgref.performative..")
        .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
            .resideInAPackage("org.mpgref..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass.Predicates
                .resideInAnyPackage("org.mpgref.performative..", "org.mpgref.game..", "org.mpgref.numbers..",
                    "org.mpgref.limits..", "org.mpgref.linalg.."))))
        .check(MAIN);
  }

  @Test
  void theoryConstantsNeverDependOnTheoryChecks() {
    noClasses().that().resideInAPackage("org.mpgref.theory")
        .should().dependOnClassesThat().resideInAPackage("org.mpgref.theory.check..")
        .check(MAIN);
  }

  @Test
  void coreNeverDependsOnStability() {
    // PSE gaps analyse a performative game; the model and the analyses below it (evaluation, mdp, potential checks)
    // never depend on them. Dynamics and theory are left free to report PSE gaps.
    noClasses().that().resideInAnyPackage("org.mpgref.numbers..", "org.mpgref.game..", "org.mpgref.linalg..",
            "org.mpgref.mdp..", "org.mpgref.evaluation..", "org.mpgref.potential..", "org.mpgref.catalog..",
            "org.mpgref.limits..", "org.mpgref.performative..")
        .should().dependOnClassesThat().resideInAPackage("org.mpgref.stability..")
        .check(MAIN);
  }

  @Test
  void coreNeverDependsOnReports() {
    // Reports (PNG figures, Markdown) are drawn from results; audit and cli may use them, the core never does.
    noClasses().that().resideInAnyPackage("org.mpgref.numbers..", "org.mpgref.game..", "org.mpgref.linalg..",
            "org.mpgref.mdp..", "org.mpgref.evaluation..", "org.mpgref.potential..", "org.mpgref.dynamics..",
            "org.mpgref.theory..", "org.mpgref.catalog..", "org.mpgref.limits..", "org.mpgref.performative..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpgref.report..", "org.knowm.xchart..")
        .check(MAIN);
  }
}
