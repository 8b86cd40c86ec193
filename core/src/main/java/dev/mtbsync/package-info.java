/**
 * The mtbsync engine. Its packages form layers that only point down; {@code LayeringTest} fails the
 * build on any package cycle. Lowest first, each with what it may use (besides {@code io}, {@code
 * config}, {@code stats} and this package's {@link dev.mtbsync.Progress}):
 *
 * <pre>
 * config     the configuration error every config's validate() throws  nothing of ours
 * stats      percentiles, medians, least-squares fits (Commons Math)    nothing of ours
 * io         atomic files, the one JSON mapper, tolerant JSON reading   nothing of ours
 * video      probe, decode, timestamped sampling, frame sinks           nothing of ours
 * camera     the camera difference between two runs                     nothing of ours
 * telemetry  CPU, RSS, GPU sampling                                     nothing of ours
 * features   ORB keypoints, per-frame signatures, the index file        video
 * match      coarse retrieval, local verification, time pairs           features, camera
 * align      time-warp models, fitting, mapping, quality                match
 * markers    marker schema, transfer, review flags                      align
 * gps        GPX, FIT, GPMF, distance curves, splits, delta time        align, markers, match
 * synth      sample runs with known ground truth                        gps, markers, video
 * runs       the sync pipeline, batch, run folders, artefact files      all of the above but synth
 * export     CSV, EDL, FCPXML, Premiere XML, charts                     runs and below
 * render     the synced comparison video                                runs and below
 * quality    quality history, regression gating, benchmarks            runs and below
 * engine     batch engines beyond this JVM (Spark)                      quality, runs
 * </pre>
 *
 * <p>{@code export}, {@code render} and {@code quality} read artefact files through {@code runs}
 * ({@code PairsCsv}, {@code SplitsCsv}, {@code TimewarpFile}, {@code PerfFile}): those readers are
 * to move down into an {@code artefacts} package (issue 11), leaving {@code runs} to orchestrate.
 */
package dev.mtbsync;
