package dev.mtbsync.cli;

import dev.mtbsync.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code mtbsync} command: lists the subcommands and maps failures to exit codes. */
@Command(
    name = "mtbsync",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Line up two video runs of the same trail and carry markers across.",
    subcommands = {
      IndexCommand.class,
      SyncCommand.class,
      WarpCommand.class,
      TransferCommand.class,
      ExportMarkersCommand.class,
      ExportCommand.class,
      ViewerCommand.class,
      GpsExtractCommand.class,
      BatchCommand.class,
      QualityCheckCommand.class,
      QualityGateCommand.class,
      BenchmarkQualityCommand.class,
      PrunePerfCommand.class,
      DashboardCommand.class,
      TelemetryUiCommand.class,
      CompareUiCommand.class,
      DemoCommand.class,
      SynthCommand.class,
      RenderCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line with the given streams; returns the exit code. Used by tests too. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(Main::onError);
    cli.setParameterExceptionHandler(Main::onUsageError);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A command line that cannot be read: one line. A path option whose file is missing or of the
   * wrong kind (checked as it is read, {@link PathKinds}) is a bad input, exit 1, told as the
   * check's own line; anything else is a usage error, exit 2, with where to find help.
   */
  private static int onUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    if (e.getCause() instanceof IOException io) {
      err.println("mtbsync: " + describe(io));
      List<String> given = Arrays.asList(args);
      if (given.contains("--verbose") || given.contains("-v")) {
        io.printStackTrace(err);
      }
      return ExitCodes.ERROR;
    }
    err.println(
        "mtbsync: "
            + e.getMessage()
            + " (see '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help')");
    return ExitCodes.USAGE;
  }

  private static int onError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("mtbsync: " + describe(e));
    if (parseResult.hasMatchedOption("--verbose")
        || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))) {
      e.printStackTrace(err);
    }
    return exitCode(e);
  }

  /**
   * Exit 2 for a usage error ({@link UsageException}), for a configuration value the engine refuses
   * before any work ({@link ConfigException}: the commands tell it by their flag where they have
   * one) and for an input with nothing to work on ({@link IllegalArgumentException}, e.g. a batch
   * folder without videos); 1 for everything else.
   */
  static int exitCode(Exception e) {
    return e instanceof UsageException
            || e instanceof ConfigException
            || e instanceof IllegalArgumentException
        ? ExitCodes.USAGE
        : ExitCodes.ERROR;
  }

  /** One line naming the file and what is wrong with it. */
  static String describe(Throwable e) {
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file or folder";
    }
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": " + (a.getReason() != null ? a.getReason() : "permission denied");
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      // e.g. "/x/runs/.index-cache: No space left on device", without the other file's name
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be used");
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    // one line: a parser's own message may run over several
    return message.lines().findFirst().orElse(message);
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"mtbsync " + p.getProperty("version", "unknown")};
    }
  }
}
