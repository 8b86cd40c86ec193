package dev.mtbsync.server.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the jte templates of {@code templates/}. In the jar they are classes precompiled by the
 * build (jte-maven-plugin, see server/pom.xml), so rendering needs no compiler. Set the system
 * property {@value #DEV_PROPERTY} to the templates folder to render from source instead, each edit
 * picked up on the next render (development only: it needs a JDK).
 *
 * <p>Templates mirror the packages that feed them: {@code quality/benchmark.jte} takes a {@code
 * dev.mtbsync.server.quality.BenchmarkPage}; {@code layout/} and {@code tag/} hold the shared
 * parts.
 */
public final class Templates {

  /** The package jte-maven-plugin generates the template classes into (server/pom.xml). */
  static final String PACKAGE = "dev.mtbsync.server.templates";

  /** System property naming a templates folder to render from source. */
  public static final String DEV_PROPERTY = "mtbsync.templates.dir";

  private static volatile TemplateEngine engine;

  private Templates() {}

  /** The process's engine: precompiled, or from the folder named by {@value #DEV_PROPERTY}. */
  public static TemplateEngine engine() {
    TemplateEngine e = engine;
    if (e == null) {
      synchronized (Templates.class) {
        e = engine;
        if (e == null) {
          e = create(System.getProperty(DEV_PROPERTY));
          engine = e;
        }
      }
    }
    return e;
  }

  private static TemplateEngine create(String devDir) {
    ClassLoader loader = Templates.class.getClassLoader();
    if (devDir == null || devDir.isBlank()) {
      return TemplateEngine.createPrecompiled(null, ContentType.Html, loader, PACKAGE);
    }
    Path dir = Path.of(devDir);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(DEV_PROPERTY + ": not a folder: " + dir);
    }
    Path classes = Path.of(System.getProperty("java.io.tmpdir"), "mtbsync-jte-classes");
    TemplateEngine e =
        TemplateEngine.create(
            new DirectoryCodeResolver(dir), classes, ContentType.Html, loader, PACKAGE);
    e.setTrimControlStructures(true); // as the build does
    return e;
  }

  /**
   * Renders one template to a string.
   *
   * @param template path under templates/, e.g. {@code quality/benchmark.jte}
   * @param param the template's parameter name
   * @param model its value
   */
  public static String render(String template, String param, Object model) {
    StringOutput out = new StringOutput();
    // a map, not the single-object overload: with one parameter both resolve, and the map
    // form is the one that works for every template, precompiled or not
    engine().render(template, Map.of(param, model), out);
    return out.toString();
  }
}
