package dev.mtbsync.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's packages only point down (the map is in {@code
 * dev/mtbsync/server/package-info.java}): a change that closes a loop between two of them, or makes
 * a sub-package use the wiring package, fails here, naming the classes on the loop.
 */
class LayeringTest {

  private static final String ROOT = "dev.mtbsync.server";

  private static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void serverPackagesFormNoCycle() {
    slices().assignedFrom(new ByPackage()).should().beFreeOfCycles().check(server);
  }

  @Test
  void noSubPackageUsesTheWiringPackage() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".*..")
        .should()
        .dependOnClassesThat(resideInAPackage(ROOT))
        .check(server);
  }

  @Test
  void theRulesSeeEveryPackage() {
    // the rules above would pass on an empty import: make sure they looked at the real classes
    assertThat(server.contain(ROOT + ".DashboardServer")).isTrue();
    assertThat(server.stream().map(JavaClass::getPackageName).distinct().count()).isGreaterThan(10);
  }

  /**
   * One slice per package directly under the server's, plus the server's own package: ArchUnit's
   * {@code matching("dev.mtbsync.server.(*)..")} leaves the wiring package out of every slice, so a
   * loop through it would go unseen.
   */
  private static final class ByPackage implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String pkg = c.getPackageName();
      if (pkg.equals(ROOT)) {
        return SliceIdentifier.of("(wiring)");
      }
      if (!pkg.startsWith(ROOT + ".")) {
        return SliceIdentifier.ignore();
      }
      String rest = pkg.substring(ROOT.length() + 1);
      int dot = rest.indexOf('.');
      return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    @Override
    public String getDescription() {
      return "the server's packages";
    }
  }
}
