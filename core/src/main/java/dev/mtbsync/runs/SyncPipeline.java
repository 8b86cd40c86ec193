package dev.mtbsync.runs;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.camera.LensPrior;
import dev.mtbsync.features.OpenCvCores;
import dev.mtbsync.features.ReferenceIndex;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.features.VideoScanner;
import dev.mtbsync.gps.CameraSettings;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.GpsAgreement;
import dev.mtbsync.gps.GpsSeed;
import dev.mtbsync.gps.GpsSummary;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.io.InputPaths;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.match.MomentRefiner;
import dev.mtbsync.match.PairFinder;
import dev.mtbsync.match.SearchPrior;
import dev.mtbsync.telemetry.ResourceUse;
import dev.mtbsync.telemetry.TelemetryConfig;
import dev.mtbsync.telemetry.TelemetrySampler;
import dev.mtbsync.video.FileSignature;
import dev.mtbsync.video.SparseLumaDecoder;
import dev.mtbsync.video.VideoInfo;
import dev.mtbsync.video.VideoLength;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * video -> features -> match -> align -> markers, writing the run folder. Both videos are decoded
 * at once, one per core; the run folder appears complete or not at all. With the riders' GPS, the
 * visual search is narrowed to where the tracks put the new run; when that search gives no warp
 * that passes its gates, the pictures alone get their turn.
 */
public final class SyncPipeline {

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private SyncPipeline() {}

  /** Syncs with the default telemetry (GPU probed). */
  public static SyncResult run(SyncRequest req, Progress progress) throws IOException {
    return run(req, progress, TelemetryConfig.DEFAULT);
  }

  /** Syncs, sampling the process's resource use for perf.json as set by {@code telemetry}. */
  public static SyncResult run(SyncRequest req, Progress progress, TelemetryConfig telemetry)
      throws IOException {
    return run(req, progress, telemetry, null);
  }

  /**
   * Syncs into the run folder {@code runId} of the root (null: a fresh, time-stamped name).
   *
   * <p>DESIGN NOTE: a distributed batch names each pair's run itself, so that a retried task
   * targets the same folder as the attempt before it and a pair never leaves two runs. The folder
   * must not exist yet: the finished run is moved into place atomically.
   */
  public static SyncResult run(
      SyncRequest req, Progress progress, TelemetryConfig telemetry, String runId)
      throws IOException {
    return run(req, progress, telemetry, runId, null);
  }

  /**
   * As {@link #run(SyncRequest, Progress, TelemetryConfig, String)}, with the new run's frames from
   * {@code newScan} (null: decoded from {@link SyncRequest#newVideo()}), which may still be
   * arriving: the reference is decoded meanwhile, and the new video must be whole only once {@code
   * newScan} returns.
   */
  public static SyncResult run(
      SyncRequest req,
      Progress progress,
      TelemetryConfig telemetry,
      String runId,
      NewVideoScan newScan)
      throws IOException {
    try (TelemetrySampler sampler = TelemetrySampler.start(telemetry)) {
      return run(req, progress, sampler, runId, newScan);
    }
  }

  /** The markers after {@link #placeOnFrames}, and those placed on the frames. */
  private record Placed(List<NewMarker> markers, List<PlacementsCsv.Placement> placements) {}

  /**
   * The carried-over markers placed on the new run's own frames ({@link MomentRefiner}) where the
   * pictures show a clear moment; the warp's placement stays where they do not.
   */
  private static Placed placeOnFrames(
      List<NewMarker> markers,
      WarpFitter.Fit fit,
      SyncRequest req,
      Path newAnalysed,
      Path indexCache,
      double frameSec,
      double zoom,
      Progress progress)
      throws IOException {
    List<MomentRefiner.Request> requests = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    for (int i = 0; i < markers.size(); i++) {
      NewMarker m = markers.get(i);
      if (Double.isFinite(m.tNew())) {
        double half = m.hasInterval() ? (m.tNewHi() - m.tNewLo()) / 2 : 0.1;
        requests.add(
            new MomentRefiner.Request(m.tRef(), m.tNew(), half, fit.warp().slopeAt(m.tNew())));
        which.add(i);
      }
    }
    if (requests.isEmpty()) {
      return new Placed(markers, List.of());
    }
    MomentRefiner refiner =
        new MomentRefiner(
                req.reference(),
                newAnalysed,
                req.newOrb(),
                req.match().threads(),
                req.match().minInliers(),
                zoom)
            .keepingReferenceFrames(new MarkerFrameCache(indexCache, req.newOrb().maxWidth()));
    List<MomentRefiner.Moment> moments =
        refiner.refine(requests, done -> progress.update("place markers", done, requests.size()));
    boolean[] trusted = MomentRefiner.trusted(moments);
    List<NewMarker> out = new ArrayList<>(markers);
    List<PlacementsCsv.Placement> placements = new ArrayList<>();
    for (int k = 0; k < moments.size(); k++) {
      if (trusted[k]) {
        MomentRefiner.Moment mo = moments.get(k);
        NewMarker m = markers.get(which.get(k));
        double error = mo.errorSec(requests.get(k).slope());
        out.set(
            which.get(k),
            MarkerTransfer.placed(m, mo.tNew(), error, req.reviewThreshold(), frameSec));
        placements.add(new PlacementsCsv.Placement(m.name(), m.tRef(), mo.tNew(), error));
      }
    }
    return new Placed(out, placements);
  }

  private static SyncResult run(
      SyncRequest req,
      Progress progress,
      TelemetrySampler telemetry,
      String fixedRunId,
      NewVideoScan newScan)
      throws IOException {
    long start = System.nanoTime();
    Instant started = Instant.now();
    // cheap checks first: a bad marker file should not cost a decode
    List<RefMarker> refMarkers =
        req.refMarkers() == null ? null : MarkerCsv.readReference(req.refMarkers());
    FileSignature refSig = FileSignature.of(InputPaths.file(req.reference()));
    // an upload still arriving is signed once it is whole
    FileSignature newSig =
        newScan == null ? FileSignature.of(InputPaths.file(req.newVideo())) : null;
    if (req.index() != null) {
      InputPaths.file(req.index());
    }
    InputPaths.outputFolder(req.outRoot());
    GpsSeed.Loaded gpsRead =
        req.gps().isNone() ? null : GpsSeed.Loaded.read(req.gps(), req.reference(), req.newVideo());
    SyncableVideo.probe(req.reference());
    List<String> warnings = new ArrayList<>();
    Path proxy = null;
    VideoInfo newInfo = null;
    if (newScan == null) { // an upload is probed by its own decoder as its bytes arrive
      newInfo = SyncableVideo.probe(req.newVideo());
      proxy = req.proxy().choose(req.newVideo(), newInfo, warnings);
    }
    Path newAnalysed = proxy == null ? req.newVideo() : proxy;

    // the decoders get the cores the matching gets (--threads)
    SparseLumaDecoder.Options decoding = new SparseLumaDecoder.Options(req.match().threads());
    OpenCvCores.limit(req.match().threads());
    VideoScanner refScanner = new VideoScanner(req.refOrb(), decoding);
    VideoScanner newScanner = new VideoScanner(req.newOrb(), decoding);
    Path cache = IndexCache.path(req.outRoot(), refSig, req.refOrb());
    ScannedVideo indexed = indexedReference(req, refSig, cache);
    ScannedVideo ref;
    ScannedVideo neu;
    // both videos at once only when two cores are allowed
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, req.match().threads()));
    try {
      Future<ScannedVideo> r =
          indexed != null
              ? CompletableFuture.completedFuture(indexed)
              : pool.submit(() -> refScanner.scan(req.reference(), progress, "decode reference"));
      Future<ScannedVideo> n =
          pool.submit(
              () ->
                  newScan == null
                      ? newScanner.scan(newAnalysed, progress, "decode new")
                      : newScan.scan(newScanner, progress));
      ref = get(r);
      neu = get(n);
    } finally {
      pool.shutdownNow();
    }
    if (newSig == null) {
      newSig = FileSignature.of(InputPaths.file(req.newVideo())); // whole now, and in place
    }
    long decoded = System.nanoTime();
    if (proxy != null) {
      // the proxy's frames and features, under the video's own header: its frame rate times the
      // markers' intervals and the pins
      neu = new ScannedVideo(newInfo, neu.width(), neu.height(), neu.pts(), neu.samples());
    }
    VideoLength refLength = SyncableVideo.check(req.reference(), ref);
    VideoLength newLength = SyncableVideo.check(newAnalysed, neu);
    truncation(req.reference(), refLength, warnings);
    truncation(newAnalysed, newLength, warnings);

    GpsSeed gps = gpsRead == null ? null : gpsRead.plan(duration(ref), duration(neu));
    SearchPrior prior = gps == null ? null : gps.prior();
    CameraSettings refCamera = CameraSettings.read(req.reference());
    CameraSettings newCamera = CameraSettings.read(req.newVideo());
    PairFinder finder =
        new PairFinder(req.match(), new LensPrior(refCamera.lensMode(), newCamera.lensMode()));
    PairFinder.Result found = finder.find(ref, neu, prior);
    long matched = System.nanoTime();

    SearchAttempt search = SearchAttempt.fit(found, req, neu);
    long fitted = System.nanoTime();
    List<String> gpsNotes = gps == null ? List.of() : new ArrayList<>(gps.notes());
    if (prior != null && search.doubtful()) {
      // the GPS band may have kept the search from the right places: the pictures alone decide
      SearchAttempt alone = SearchAttempt.fit(finder.find(ref, neu), req, neu);
      search = SearchAttempt.choose(search, alone, gpsNotes);
      if (search == alone) {
        prior = null;
      }
      long refitted = System.nanoTime();
      matched += refitted - fitted; // the second search counts as retrieval
      fitted = refitted;
    }
    found = search.found();
    WarpFitter.Fit fit = search.fit();
    List<String> problems = search.problems();

    List<NewMarker> transferred = List.of();
    List<PlacementsCsv.Placement> placements = List.of();
    if (refMarkers != null && fit != null) {
      double fps = neu.info().fps();
      double frameSec = fps > 0 ? 1 / fps : Double.NaN;
      transferred =
          MarkerTransfer.transfer(refMarkers, fit.warp(), req.reviewThreshold(), frameSec);
      // not where a lens was taken out: what the one-parameter lens leaves in the pictures moved
      // the valley by up to 6 frames on the walking clip whose reference is the fisheye one, with
      // a vertex as sharp as anywhere (one marker 3.9 frames off inside a 1-frame interval)
      boolean lens = found.camera() != null && found.camera().lens().applied();
      Placed placed =
          !req.match().placeOnFrames() || lens
              ? new Placed(transferred, List.of())
              : placeOnFrames(
                  transferred,
                  fit,
                  req,
                  newAnalysed,
                  cache,
                  frameSec,
                  found.camera() == null ? Double.NaN : found.camera().zoom(),
                  progress);
      transferred = placed.markers();
      placements = placed.placements();
    }
    GpsAgreement agreement = gps == null || fit == null ? null : gps.compare(fit.warp());
    GpsSummary gpsSummary = gps == null ? null : new GpsSummary(prior != null, gpsNotes, agreement);
    List<DeltaTime.Point> delta =
        fit == null
            ? List.of()
            : DeltaTime.curve(
                fit.warp(),
                gps == null ? null : gps.refCurve(),
                gps == null ? null : gps.newCurve());
    List<Splits.Gate> splits =
        refMarkers == null || fit == null
            ? List.of()
            : Splits.of(
                transferred,
                gps == null ? null : gps.refCurve(),
                gps == null ? null : gps.newCurve());
    long done = System.nanoTime();

    long frames = (indexed == null ? ref.frames() : 0) + neu.frames();
    double total = (done - start) / 1e9;
    ResourceUse use = telemetry.finish();
    Perf perf =
        new Perf(
            sec(decoded - start),
            sec(matched - decoded),
            sec(fitted - matched),
            sec(done - fitted),
            total,
            frames,
            frames / total,
            use.cpuPct() == null ? Double.NaN : use.cpuPct(),
            use.rssMb(),
            use.gpuUtil(),
            use.gpuMemMb());

    String runId =
        fixedRunId != null
            ? fixedRunId
            : RUN_ID.format(started) + "-" + String.format("%04x", System.nanoTime() & 0xffff);
    Path runDir = req.outRoot().resolve(runId);
    PartialRun.cleanStale(req.outRoot());
    try (PartialRun partial = PartialRun.begin(req.outRoot(), runId)) {
      try {
        RunFolderWriter.write(
            partial.dir(),
            new RunFolderWriter.Contents(
                runId,
                req,
                RunInputs.video(refSig, refLength),
                RunInputs.video(newSig, newLength),
                proxy == null ? null : RunInputs.file(FileSignature.of(proxy)),
                started,
                search,
                transferred,
                placements,
                perf,
                new RunFolderWriter.Extras(gps, gpsSummary, agreement, delta, splits)));
        partial.commit(runDir);
      } catch (IOException e) {
        throw partial.failed(e, runDir);
      }
    }
    if (indexed == null && req.index() == null) {
      try {
        ReferenceIndex.write(cache, new ReferenceIndex.Entry(req.refOrb(), refSig, ref));
      } catch (IOException e) {
        // the run is complete without it; the next sync analyses the reference again
        warnings.add(
            e.getMessage() + " (the reference index cache; the next sync decodes it again)");
      }
    }
    return new SyncResult(
        runDir,
        search.passes(),
        fit == null ? null : fit.warp(),
        fit == null ? null : fit.quality(),
        List.copyOf(problems),
        transferred,
        perf,
        gpsSummary,
        splits,
        found.camera(),
        warnings,
        refLength.truncated() || newLength.truncated(),
        proxy);
  }

  /** Adds the one line a truncated video gets. */
  private static void truncation(Path video, VideoLength length, List<String> warnings) {
    if (length.truncated()) {
      warnings.add(
          video
              + ": "
              + length.truncation()
              + " (synced over what decodes; kept out of the quality history)");
    }
  }

  /** Time (s) of a video's last frame. */
  private static double duration(ScannedVideo v) {
    return v.pts()[v.pts().length - 1];
  }

  /**
   * The reference's features from the index the user gave (which must match), or from the batch
   * root's cache (a mismatch there just means rebuilding); null when the video must be decoded.
   */
  private static ScannedVideo indexedReference(SyncRequest req, FileSignature refSig, Path cache)
      throws IOException {
    if (req.index() != null) {
      ReferenceIndex.Entry e = ReferenceIndex.read(req.index());
      ReferenceIndex.check(req.index(), e, refSig, req.refOrb());
      return e.video();
    }
    if (Files.isRegularFile(cache)) {
      try {
        ReferenceIndex.Entry e = IndexCache.read(cache);
        ReferenceIndex.check(cache, e, refSig, req.refOrb());
        return e.video();
      } catch (IOException stale) {
        return null; // rebuilt and replaced after this sync
      }
    }
    return null;
  }

  private static ScannedVideo get(Future<ScannedVideo> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  private static double sec(long nanos) {
    return nanos / 1e9;
  }
}
