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
 * artefacts  one typed record per JSON artefact, its reader and writer   align
 * synth      sample runs with known ground truth                        gps, markers, video
 * runs       the sync pipeline, batch, run folders, artefact files      all of the above but synth
 * export     CSV, EDL, FCPXML, Premiere XML, charts                     runs and below
 * render     the synced comparison video                                runs and below
 * quality    quality history, regression gating, benchmarks            runs and below
 * engine     batch engines beyond this JVM (Spark)                      quality, runs
 * </pre>
 *
 * <p>{@code artefacts} defines the JSON files of a run folder once ({@code TimewarpJson}, {@code
 * RunJson}, {@code PerfJson}): every reader, in the engine, the CLI and the dashboard, binds to
 * those records, so a renamed field fails to compile instead of reading as null. {@code runs}'
 * {@code TimewarpFile} and {@code PerfFile} build them from a fit and a sync's figures. The CSV
 * artefacts still have their readers in {@code runs} ({@code PairsCsv}, {@code SplitsCsv}, {@code
 * BatchSummaryCsv}, {@code AnchorsCsv}); the history and the verdict in {@code quality}.
 */
package dev.mtbsync;
