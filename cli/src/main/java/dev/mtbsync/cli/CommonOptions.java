package dev.mtbsync.cli;

import picocli.CommandLine.Option;

/** Flags every command shares. */
public final class CommonOptions {

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors and the final result.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces on errors.")
  boolean verbose;
}
