package dev.mtbsync;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages only point down (DESIGN, "Data flows one way"; the map is in {@code
 * dev/mtbsync/package-info.java}): a change that closes a loop between two packages fails here,
 * naming the classes on the loop.
 */
class LayeringTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mtbsync");
  }

  @Test
  void corePackagesFormNoCycle() {
    slices().matching("dev.mtbsync.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void configAndStatsDependOnNoOtherPackageOfOurs() {
    for (String bottom : new String[] {"dev.mtbsync.config..", "dev.mtbsync.stats.."}) {
      classes()
          .that()
          .resideInAPackage(bottom)
          .should()
          .onlyDependOnClassesThat(
              resideOutsideOfPackage("dev.mtbsync..").or(resideInAPackage(bottom)))
          .check(core);
    }
  }

  @Test
  void ioDependsOnNoOtherPackageOfOurs() {
    classes()
        .that()
        .resideInAPackage("dev.mtbsync.io..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.mtbsync..").or(resideInAPackage("dev.mtbsync.io..")))
        .check(core);
  }
}
