/**
 * Run artefacts as the pages and API show them: tolerant views of run.json, timewarp.json, markers,
 * perf, splits, regression.
 */
package dev.mtbsync.server.artefacts;
