package dev.mtbsync.cli;

import static dev.mtbsync.cli.BadInputFiles.clip;
import static dev.mtbsync.cli.BadInputFiles.cut;
import static dev.mtbsync.cli.BadInputFiles.noise;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.cli.MainTest.Run;
import dev.mtbsync.io.Json;
import dev.mtbsync.runs.RunFolders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input through the real command line: the exit code, exactly one line on stderr naming
 * the file (or the flag) and the problem, and nothing partial left (no hidden partial run, no
 * temporary file, no run folder from a sync that failed). The inputs are made here from a small
 * rendered pair and generated files.
 */
class BadInputSuiteTest {

  @TempDir static Path fx;
  @TempDir Path scratch;

  /** The fixtures every case reads: a good pair and the bad files made from it. */
  static Path ref;

  static Path neu;
  static Path markers;

  @BeforeAll
  static void renderPairAndMakeBadFiles() throws IOException {
    Path pair = fx.resolve("pair");
    Run synth =
        MainTest.mtbsync(
            "synth",
            "--out",
            pair.toString(),
            "--duration",
            "4",
            "--size",
            "320x180",
            "--new-fps",
            "30",
            "-q");
    assertThat(synth.code()).as(synth.err()).isZero();
    ref = pair.resolve("ref.mp4");
    neu = pair.resolve("new.mp4");
    markers = pair.resolve("ref_markers.csv");
    Path front = BadInputFiles.faststart(neu, fx.resolve("new_front.mp4"));
    for (int p : new int[] {10, 50, 90}) {
      cut(front, fx.resolve("new_cut" + p + ".mp4"), p);
    }
    cut(neu, fx.resolve("new_noindex.mp4"), 50); // index at the end: cut before it
    Files.write(fx.resolve("new_7bytes.mp4"), java.util.Arrays.copyOf(Files.readAllBytes(neu), 7));
    Files.createFile(fx.resolve("empty.mp4"));
    noise(fx.resolve("noise.mp4"), 20_000);
    Files.writeString(fx.resolve("text.mp4"), "not a video, just words\n".repeat(100));
    BadInputFiles.still(fx.resolve("still.png"), "png");
    BadInputFiles.still(fx.resolve("still.jpg"), "jpg");
    BadInputFiles.still(fx.resolve("png_named.mp4"), "png");
    clip(fx.resolve("one_frame.mp4"), 320, 180, 30, 1);
    clip(fx.resolve("half_second.mp4"), 320, 180, 30, 15);
    clip(fx.resolve("tiny.mp4"), 64, 36, 30, 90);
    BadInputFiles.sound(fx.resolve("sound.wav"));
    Files.createDirectories(fx.resolve("a_folder"));
    Files.writeString(fx.resolve("a_file"), "x");
    noise(fx.resolve("binary.csv"), 3000);
    Files.write(fx.resolve("latin1.csv"), "name,t_ref\nCaf\u00e9,1\n".getBytes("ISO-8859-1"));
    Files.createFile(fx.resolve("empty.csv"));
    Files.writeString(fx.resolve("garbage.csv"), "hello,world\nfoo,bar\n");
    Files.writeString(fx.resolve("wrong_header.csv"), "label,time\nJump,1\n");
    Files.writeString(fx.resolve("nan_time.csv"), "name,t_ref\nJump,NaN\n");
    Files.writeString(fx.resolve("negative_time.csv"), "name,t_ref\nJump,-3\n");
    Files.writeString(fx.resolve("words_time.csv"), "name,t_ref\nJump,soon\n");
    Files.writeString(fx.resolve("pairs.csv"), "t_new,t_ref\n0,0\n1,1.1\n2,2.2\n3,3.3\n");
    Files.writeString(fx.resolve("pairs_words.csv"), "t_new,t_ref\n0,0\n1,one\n");
    Files.writeString(fx.resolve("pins_backwards.csv"), "t_new,t_ref\n1,3\n2,1\n");
    BadInputFiles.timewarp(fx.resolve("timewarp.json"), s -> s);
    BadInputFiles.timewarp(fx.resolve("tw_cut.json"), s -> s.substring(0, s.length() / 2));
    BadInputFiles.timewarp(fx.resolve("tw_nan.json"), s -> s.replace("1.5", "NaN"));
    BadInputFiles.timewarp(fx.resolve("tw_null.json"), s -> s.replace("1.5", "null"));
    BadInputFiles.timewarp(fx.resolve("tw_failed.json"), s -> "{\"ok\": false}");
    BadInputFiles.timewarp(fx.resolve("tw_array.json"), s -> "[1, 2, 3]");
    BadInputFiles.gpx(fx.resolve("gpx_named.fit"), 8);
    BadInputFiles.gpx(fx.resolve("track.gpx"), 8);
    cut(fx.resolve("track.gpx"), fx.resolve("track_cut.gpx"), 60);
    BadInputFiles.fit(fx.resolve("fit_named.gpx"), 8);
    cut(BadInputFiles.fit(fx.resolve("ride.fit"), 8), fx.resolve("ride_cut.fit"), 70);
    noise(fx.resolve("noise.fit"), 2000);
    noise(fx.resolve("noise.mtbidx"), 500);
  }

  /** One bad input: the command line, the exit code, and what the line must say. */
  record Case(
      String name,
      Function<Path, String[]> args,
      int exit,
      Function<Path, String> names,
      String problem,
      boolean leavesRun) {}

  private static String f(String name) {
    return fx.resolve(name).toString();
  }

  /** sync of {@code neu} against {@code ref} into OUT/runs, plus {@code extra} flags. */
  private static Function<Path, String[]> sync(String r, String n, String... extra) {
    return o -> {
      List<String> a =
          new ArrayList<>(
              List.of(
                  "sync",
                  "--reference",
                  r,
                  "--new",
                  n,
                  "--out",
                  o.resolve("runs").toString(),
                  "--no-gpu"));
      a.addAll(List.of(extra));
      return a.toArray(String[]::new);
    };
  }

  private static Case fails(
      String name, Function<Path, String[]> args, String file, String problem) {
    return new Case(name, args, ExitCodes.ERROR, o -> file, problem, false);
  }

  private static Case usage(
      String name, Function<Path, String[]> args, String flag, String problem) {
    return new Case(name, args, ExitCodes.USAGE, o -> flag, problem, false);
  }

  static List<Case> cases() {
    String good = ref.toString();
    String n = neu.toString();
    String m = markers.toString();
    List<Case> c = new ArrayList<>();
    // videos: cut short, not videos, too little to sync
    c.add(
        fails(
            "new cut at 10 %, index first",
            sync(good, f("new_cut10.mp4")), f("new_cut10.mp4"), ": truncated: decodes to "));
    c.add(
        new Case(
            "new cut at 50 %, index first",
            sync(good, f("new_cut50.mp4")),
            0,
            o -> f("new_cut50.mp4"),
            ": truncated: decodes to ",
            true));
    c.add(
        new Case(
            "new cut at 90 %, index first",
            sync(good, f("new_cut90.mp4")),
            0,
            o -> f("new_cut90.mp4"),
            ": truncated: decodes to ",
            true));
    c.add(
        new Case(
            "reference cut at 50 %, index first (the new run whole)",
            sync(f("new_cut50.mp4"), n),
            0,
            o -> f("new_cut50.mp4"),
            ": truncated: decodes to ",
            true));
    c.add(
        fails(
            "new cut before its index",
            sync(good, f("new_noindex.mp4")),
            f("new_noindex.mp4"),
            ": truncated: the file stops before its index"));
    c.add(
        fails(
            "new is 7 bytes of an MP4",
            sync(good, f("new_7bytes.mp4")),
            f("new_7bytes.mp4"),
            ": not a video file"));
    c.add(
        fails(
            "new is empty",
            sync(good, f("empty.mp4")),
            f("empty.mp4"),
            ": file is empty (0 bytes)"));
    c.add(fails("new is noise", sync(good, f("noise.mp4")), f("noise.mp4"), ": not a video file"));
    c.add(fails("new is text", sync(good, f("text.mp4")), f("text.mp4"), ": not a video file"));
    c.add(
        fails(
            "new is a PNG",
            sync(good, f("still.png")),
            f("still.png"),
            ": not a video: a still image (PNG)"));
    c.add(
        fails(
            "new is a JPEG",
            sync(good, f("still.jpg")),
            f("still.jpg"),
            ": not a video: a still image (JPEG)"));
    c.add(
        fails(
            "reference is a PNG named .mp4",
            sync(f("png_named.mp4"), n),
            f("png_named.mp4"),
            ": not a video: a still image"));
    c.add(
        fails(
            "new is one frame",
            sync(good, f("one_frame.mp4")),
            f("one_frame.mp4"),
            ": too short to sync: 1 frame (needs at least 1 s)"));
    c.add(
        fails(
            "new is half a second",
            sync(good, f("half_second.mp4")),
            f("half_second.mp4"),
            ": too short to sync: 0.5 s"));
    c.add(
        fails(
            "new is 64x36",
            sync(good, f("tiny.mp4")),
            f("tiny.mp4"),
            ": too small to sync: 64x36 px"));
    c.add(
        fails(
            "new is sound only",
            sync(good, f("sound.wav")),
            f("sound.wav"),
            ": contains no video stream"));
    // paths that exist but are not what the option takes
    c.add(
        fails(
            "new is a folder",
            sync(good, f("a_folder")),
            f("a_folder"),
            ": is a folder, not a file"));
    c.add(fails("new is /dev/null", sync(good, "/dev/null"), "/dev/null", ": not a regular file"));
    c.add(
        fails("reference is /dev/zero", sync("/dev/zero", n), "/dev/zero", ": not a regular file"));
    c.add(
        fails(
            "new is missing",
            sync(good, f("nope.mp4")),
            f("nope.mp4"),
            ": no such file or folder"));
    c.add(
        fails(
            "out is a file",
            o -> new String[] {"sync", "--reference", good, "--new", n, "--out", f("a_file")},
            f("a_file"),
            ": is a file, not a folder"));
    c.add(
        fails(
            "out is under a file",
            o ->
                new String[] {
                  "sync", "--reference", good, "--new", n, "--out", f("a_file") + "/runs"
                },
            f("a_file"),
            " is a file, not a folder"));
    c.add(
        fails(
            "index is a folder",
            sync(good, n, "--index", f("a_folder")),
            f("a_folder"),
            ": is a folder"));
    c.add(
        fails(
            "index is noise",
            sync(good, n, "--index", f("noise.mtbidx")),
            f("noise.mtbidx"),
            ": not an mtbsync index"));
    c.add(
        fails(
            "index reference is a PNG",
            o ->
                new String[] {
                  "index", "--reference", f("still.png"), "--out", o.resolve("i.mtbidx").toString()
                },
            f("still.png"),
            ": not a video: a still image (PNG)"));
    c.add(
        fails(
            "index reference is one frame",
            o ->
                new String[] {
                  "index",
                  "--reference",
                  f("one_frame.mp4"),
                  "--out",
                  o.resolve("i.mtbidx").toString()
                },
            f("one_frame.mp4"),
            ": too short to sync: 1 frame"));
    c.add(
        new Case(
            "index reference cut at 50 %",
            o ->
                new String[] {
                  "index",
                  "--reference",
                  f("new_cut50.mp4"),
                  "--out",
                  o.resolve("i.mtbidx").toString()
                },
            0,
            o -> f("new_cut50.mp4"),
            ": truncated: decodes to ",
            true));
    c.add(
        fails(
            "index out under a file",
            o -> new String[] {"index", "--reference", good, "--out", f("a_file") + "/i.mtbidx"},
            f("a_file") + "/i.mtbidx",
            " is a file, not a folder"));
    c.add(
        fails(
            "index out is a folder",
            o -> new String[] {"index", "--reference", good, "--out", f("a_folder")},
            f("a_folder"),
            ": is a folder"));
    c.add(
        fails(
            "index reference is /dev/null",
            o ->
                new String[] {
                  "index", "--reference", "/dev/null", "--out", o.resolve("i").toString()
                },
            "/dev/null",
            ": not a regular file"));
    // roots and folders
    c.add(
        fails(
            "dashboard root is a file",
            o -> new String[] {"dashboard", "--root", f("a_file")},
            f("a_file"),
            ": is a file, not a folder"));
    c.add(
        fails(
            "quality-check root is a file",
            o -> new String[] {"quality-check", "--root", f("a_file")},
            f("a_file"),
            ": is a file, not a folder"));
    c.add(
        fails(
            "prune-perf root is /dev/null",
            o -> new String[] {"prune-perf", "--root", "/dev/null"},
            "/dev/null",
            ": not a folder"));
    c.add(
        fails(
            "telemetry-ui root is missing",
            o -> new String[] {"telemetry-ui", "--root", f("nowhere")},
            f("nowhere"),
            ": no such file or folder"));
    c.add(
        fails(
            "batch input is a file",
            o ->
                new String[] {
                  "batch", f("a_file"), "--reference", good, "--out-dir", o.resolve("b").toString()
                },
            f("a_file"),
            ": is a file, not a folder"));
    c.add(
        fails(
            "batch reference is a folder",
            o ->
                new String[] {
                  "batch",
                  f("a_folder"),
                  "--reference",
                  f("a_folder"),
                  "--out-dir",
                  o.resolve("b").toString()
                },
            f("a_folder"),
            ": is a folder, not a file"));
    c.add(
        fails(
            "render run is a file",
            o -> new String[] {"render", f("a_file")},
            f("a_file"),
            ": is a file, not a folder"));
    // marker files
    c.add(
        fails(
            "markers are binary",
            sync(good, n, "--ref-markers", f("binary.csv")),
            f("binary.csv"),
            ": binary data, not a text file"));
    c.add(
        fails(
            "markers are Latin-1",
            sync(good, n, "--ref-markers", f("latin1.csv")),
            f("latin1.csv"),
            ": not UTF-8 text"));
    c.add(
        fails(
            "markers are empty",
            sync(good, n, "--ref-markers", f("empty.csv")),
            f("empty.csv"),
            ": empty file (expected a header with name,t_ref)"));
    c.add(
        fails(
            "markers lack t_ref",
            sync(good, n, "--ref-markers", f("wrong_header.csv")),
            f("wrong_header.csv"),
            ":1: missing column 'name'"));
    c.add(
        fails(
            "marker time is NaN",
            sync(good, n, "--ref-markers", f("nan_time.csv")),
            f("nan_time.csv"),
            ":2: "));
    c.add(
        fails(
            "marker time is negative",
            sync(good, n, "--ref-markers", f("negative_time.csv")),
            f("negative_time.csv"),
            ":2: "));
    c.add(
        fails(
            "marker time is a word",
            sync(good, n, "--ref-markers", f("words_time.csv")),
            f("words_time.csv"),
            ":2: "));
    c.add(
        fails(
            "markers are a folder",
            sync(good, n, "--ref-markers", f("a_folder")),
            f("a_folder"),
            ": is a folder"));
    c.add(
        fails(
            "markers are /dev/null",
            sync(good, n, "--ref-markers", "/dev/null"),
            "/dev/null",
            ": not a regular file"));
    c.add(
        fails(
            "transfer markers are binary",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  f("binary.csv"),
                  "--timewarp-json",
                  f("timewarp.json"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("binary.csv"),
            ": binary data"));
    c.add(
        fails(
            "export markers are binary",
            o ->
                new String[] {
                  "export-markers",
                  f("binary.csv"),
                  "--preset",
                  "csv",
                  "--out",
                  o.resolve("x.csv").toString()
                },
            f("binary.csv"),
            ": binary data"));
    // pairs and pins
    c.add(
        fails(
            "warp pairs are garbage",
            o ->
                new String[] {
                  "warp", "--pairs", f("garbage.csv"), "--out", o.resolve("w.json").toString()
                },
            f("garbage.csv"),
            ":1: missing column 't_new' or 't_ref'"));
    c.add(
        fails(
            "warp pairs are binary",
            o ->
                new String[] {
                  "warp", "--pairs", f("binary.csv"), "--out", o.resolve("w.json").toString()
                },
            f("binary.csv"),
            ": binary data"));
    c.add(
        fails(
            "warp pairs are Latin-1",
            o ->
                new String[] {
                  "warp", "--pairs", f("latin1.csv"), "--out", o.resolve("w.json").toString()
                },
            f("latin1.csv"),
            ": not UTF-8 text"));
    c.add(
        fails(
            "warp pairs hold a word",
            o ->
                new String[] {
                  "warp", "--pairs", f("pairs_words.csv"), "--out", o.resolve("w.json").toString()
                },
            f("pairs_words.csv"),
            ":3: not a row of numbers"));
    c.add(
        fails(
            "warp pairs are empty",
            o ->
                new String[] {
                  "warp", "--pairs", f("empty.csv"), "--out", o.resolve("w.json").toString()
                },
            f("empty.csv"),
            ": empty file"));
    c.add(
        fails(
            "warp pairs are a folder",
            o ->
                new String[] {
                  "warp", "--pairs", f("a_folder"), "--out", o.resolve("w.json").toString()
                },
            f("a_folder"),
            ": is a folder"));
    c.add(
        fails(
            "warp out under a file",
            o -> new String[] {"warp", "--pairs", f("pairs.csv"), "--out", f("a_file") + "/w.json"},
            f("a_file"),
            " is a file, not a folder"));
    c.add(
        fails(
            "warp pins are binary",
            o ->
                new String[] {
                  "warp",
                  "--pairs",
                  f("pairs.csv"),
                  "--anchors",
                  f("binary.csv"),
                  "--out",
                  o.resolve("w.json").toString()
                },
            f("binary.csv"),
            ": binary data"));
    c.add(
        usage(
            "warp pins run backwards",
            o ->
                new String[] {
                  "warp",
                  "--pairs",
                  f("pairs.csv"),
                  "--anchors",
                  f("pins_backwards.csv"),
                  "--out",
                  o.resolve("w.json").toString()
                },
            "pin (new 1.000 s = ref 3.000 s)",
            "conflict"));
    // timewarp files
    c.add(
        fails(
            "timewarp cut short",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("tw_cut.json"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("tw_cut.json"),
            ": not a timewarp JSON file (cut short, it ends inside the JSON)"));
    c.add(
        fails(
            "timewarp holds NaN",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("tw_nan.json"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("tw_nan.json"),
            "'NaN' is not a number JSON allows"));
    c.add(
        fails(
            "timewarp holds null",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("tw_null.json"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("tw_null.json"),
            ": invalid mapping"));
    c.add(
        fails(
            "timewarp of a failed sync",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("tw_failed.json"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("tw_failed.json"),
            ": has no mapping (the sync failed: ok=false)"));
    c.add(
        fails(
            "timewarp is an array",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("tw_array.json"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("tw_array.json"),
            ": has no mapping"));
    c.add(
        fails(
            "timewarp is binary",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("binary.csv"),
                  "--out",
                  o.resolve("m.csv").toString()
                },
            f("binary.csv"),
            ": binary data"));
    c.add(
        fails(
            "viewer timewarp cut short",
            o ->
                new String[] {
                  "viewer",
                  "--headless",
                  "--timewarp-json",
                  f("tw_cut.json"),
                  "--out-png",
                  o.resolve("v.png").toString()
                },
            f("tw_cut.json"),
            ": not a timewarp JSON file (cut short"));
    c.add(
        fails(
            "transfer out under a file",
            o ->
                new String[] {
                  "transfer",
                  "--ref-markers",
                  m,
                  "--timewarp-json",
                  f("timewarp.json"),
                  "--out",
                  f("a_file") + "/m.csv"
                },
            f("a_file"),
            " is a file, not a folder"));
    // values of options
    c.add(usage("--new-fps 0", sync(good, n, "--new-fps", "0"), "--new-fps", " must be 0.5 to 30"));
    c.add(usage("--fps 100", sync(good, n, "--fps", "100"), "--fps", " must be 0.5 to 30"));
    c.add(
        usage(
            "--warp-window-sec 0",
            sync(good, n, "--warp-window-sec", "0"),
            "--warp-window-sec",
            " must be 0.2 to 10 s"));
    c.add(
        usage("--threads 999", sync(good, n, "--threads", "999"), "--threads", " must be 1 to 64"));
    c.add(
        usage(
            "index --fps 0",
            o ->
                new String[] {
                  "index", "--reference", good, "--fps", "0", "--out", o.resolve("i").toString()
                },
            "--fps",
            " must be 0.5 to 30"));
    c.add(
        usage(
            "warp --video-fps 0",
            o ->
                new String[] {
                  "warp",
                  "--pairs",
                  f("pairs.csv"),
                  "--video-fps",
                  "0",
                  "--out",
                  o.resolve("w.json").toString()
                },
            "--video-fps",
            " must be 1 to 1000"));
    c.add(
        usage(
            "--new-fps is a word",
            sync(good, n, "--new-fps", "abc"),
            "'--new-fps'",
            "'abc' is not a double"));
    c.add(usage("unknown flag", sync(good, n, "--bogus"), "'--bogus'", "Unknown option"));
    // GPS files, recognised by content
    c.add(
        fails(
            "FIT cut short",
            o ->
                new String[] {
                  "gps-extract", f("ride_cut.fit"), "--out", o.resolve("g.gpx").toString()
                },
            f("ride_cut.fit"),
            ": FIT file is truncated or corrupt"));
    c.add(
        fails(
            "noise named .fit",
            o ->
                new String[] {
                  "gps-extract", f("noise.fit"), "--out", o.resolve("g.gpx").toString()
                },
            f("noise.fit"),
            ": not a FIT file"));
    c.add(
        fails(
            "GPX cut short",
            o ->
                new String[] {
                  "gps-extract", f("track_cut.gpx"), "--out", o.resolve("g.gpx").toString()
                },
            f("track_cut.gpx"),
            ": not a readable GPX file (the XML breaks off or is malformed at line"));
    c.add(
        fails(
            "gps-extract of a folder",
            o -> new String[] {"gps-extract", f("a_folder")},
            f("a_folder"),
            ": is a folder"));
    c.add(
        fails(
            "sync GPS is /dev/zero",
            sync(good, n, "--ref-gpx", "/dev/zero", "--new-gpx", f("track.gpx")),
            "/dev/zero",
            ": not a regular file"));
    c.add(
        fails(
            "sync GPS is a folder",
            sync(good, n, "--ref-gpx", f("a_folder"), "--new-gpx", f("track.gpx")),
            f("a_folder"),
            ": is a folder"));
    c.add(
        fails(
            "sync GPS is a cut GPX",
            sync(good, n, "--ref-gpx", f("track_cut.gpx"), "--new-gpx", f("track.gpx")),
            f("track_cut.gpx"),
            ": not a readable GPX file"));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> eachBadInputIsOneLineNamingItAndLeavesNothingPartial() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(), () -> check(c, Files.createTempDirectory(scratch, "case"))));
  }

  private static void check(Case c, Path o) throws IOException {
    Run run = MainTest.mtbsync(c.args().apply(o));
    assertThat(run.code()).as(c.name() + ": " + run.err()).isEqualTo(c.exit());
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(c.name() + ": one line on stderr").hasSize(1);
    assertThat(lines.get(0))
        .as(c.name())
        .startsWith("mtbsync: ")
        .contains(c.names().apply(o), c.problem())
        .doesNotContain("Exception", "\tat ");
    assertNothingPartial(o);
    assertNothingPartial(fx);
    Path runs = o.resolve("runs");
    if (!c.leavesRun() && Files.isDirectory(runs)) {
      assertThat(RunFolders.discover(runs, null)).as(c.name() + ": no run folder").isEmpty();
    }
  }

  @Test
  void aTruncatedRunIsRecordedAsSuchAndKeptOutOfTheQualityHistory() throws IOException {
    Path root = scratch.resolve("runs");
    Run run = MainTest.mtbsync(sync(ref.toString(), f("new_cut50.mp4")).apply(scratch));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err())
        .matches(
            "mtbsync: warning: .*new_cut50\\.mp4: truncated: decodes to \\d+\\.\\d s of a"
                + " \\d+\\.\\d s header duration \\(synced over what decodes; kept out of the"
                + " quality history\\)\n");
    List<RunFolders.RunFolder> runs = RunFolders.discover(root, null);
    assertThat(runs).hasSize(1);
    JsonNode inputs =
        Json.MAPPER.readTree(runs.get(0).dir().resolve("run.json").toFile()).path("inputs");
    JsonNode cutNew = inputs.path("new");
    assertThat(cutNew.path("truncated").asBoolean()).isTrue();
    assertThat(cutNew.path("path").asText()).endsWith("new_cut50.mp4");
    // the header still promises the whole run: about twice what decodes
    assertThat(cutNew.path("header_sec").asDouble())
        .isGreaterThan(1.5 * cutNew.path("decoded_sec").asDouble());
    assertThat(inputs.path("reference").path("truncated").asBoolean()).isFalse();
    assertThat(root.resolve("quality_history.json")).doesNotExist();

    Run whole = MainTest.mtbsync(sync(ref.toString(), neu.toString()).apply(scratch));
    assertThat(whole.code()).as(whole.err()).isZero();
    assertThat(whole.err()).isEmpty();
    assertThat(root.resolve("quality_history.json")).as("a whole run is tracked").exists();
  }

  @Test
  void gpsFilesAreRecognisedByContentWhateverTheirName() {
    Run gpx =
        MainTest.mtbsync(
            "gps-extract", f("gpx_named.fit"), "--out", scratch.resolve("a.gpx").toString());
    assertThat(gpx.code()).as(gpx.err()).isZero();
    assertThat(gpx.out()).contains("8 fixes from GPX");
    Run fit =
        MainTest.mtbsync(
            "gps-extract", f("fit_named.gpx"), "--out", scratch.resolve("b.gpx").toString());
    assertThat(fit.code()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("8 fixes from FIT");
  }

  @Test
  void aSyncKilledMidWriteLeavesAPartialFolderTheNextSyncRemoves() throws IOException {
    Path root = Files.createDirectories(scratch.resolve("runs"));
    Path stale = Files.createDirectories(root.resolve(".20240101-000000-dead.partial"));
    Files.writeString(stale.resolve("run.json"), "{\"half\": ");
    Path alive = Files.createDirectories(root.resolve(".20240101-000001-live.partial"));
    Path aliveLock = root.resolve(".20240101-000001-live.partial.lock");
    // a sync still writing holds its lock; a lock held by another process reads the same
    try (FileChannel ch =
            FileChannel.open(aliveLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      Run run =
          MainTest.mtbsync(sync(ref.toString(), neu.toString(), "--regression-off").apply(scratch));
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(stale).doesNotExist();
      assertThat(root.resolve(".20240101-000000-dead.partial.lock")).doesNotExist();
      assertThat(alive).as("being written: kept").isDirectory();
    }
    assertThat(RunFolders.discover(root, null)).hasSize(1);
  }

  @Test
  void aDiskThatFillsWhileTheRunIsWrittenNamesTheFileAndLeavesNoRunFolder() throws Exception {
    Path disk = smallDisk("16k");
    try {
      Run run = MainTest.mtbsync(sync(ref.toString(), neu.toString()).apply(disk));
      assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
      assertThat(run.err().lines().toList())
          .singleElement(as(STRING))
          .startsWith("mtbsync: cannot write " + disk.resolve("runs"))
          .endsWith(": No space left on device");
      assertThat(RunFolders.discover(disk.resolve("runs"), null)).isEmpty();
      assertNothingPartial(disk);
    } finally {
      unmount(disk);
    }
  }

  @Test
  void aDiskTooFullForTheIndexCacheKeepsTheRunAndSaysSo() throws Exception {
    Path disk = smallDisk("100k");
    try {
      Run run = MainTest.mtbsync(sync(ref.toString(), neu.toString()).apply(disk));
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.err().lines().toList())
          .singleElement(as(STRING))
          .startsWith("mtbsync: warning: cannot write " + disk.resolve("runs/.index-cache"))
          .contains(": No space left on device (the reference index cache");
      List<RunFolders.RunFolder> runs = RunFolders.discover(disk.resolve("runs"), null);
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).dir().resolve("timewarp.json")).isNotEmptyFile();
      assertNothingPartial(disk);
    } finally {
      unmount(disk);
    }
  }

  /**
   * A small RAM disk to fill, mounted under the scratch folder; skips with the reason where this
   * process may not mount one (it needs root).
   */
  private Path smallDisk(String size) throws Exception {
    Path disk = Files.createDirectories(scratch.resolve("disk"));
    int code;
    try {
      code =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString())
              .redirectErrorStream(true)
              .start()
              .waitFor();
    } catch (IOException noMount) {
      code = -1;
    }
    assumeThat(code)
        .as("a full disk is simulated with a small tmpfs, which needs root (not here: skipped)")
        .isZero();
    return disk;
  }

  private static void unmount(Path disk) throws Exception {
    new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start().waitFor();
  }

  /** No hidden partial run, lock or temporary file anywhere under {@code dir}. */
  static void assertNothingPartial(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .noneMatch(
              name ->
                  name.endsWith(".partial")
                      || name.endsWith(".partial.lock")
                      || name.contains(".tmp-"));
    }
  }
}
