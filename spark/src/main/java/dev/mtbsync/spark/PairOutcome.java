package dev.mtbsync.spark;

import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.runs.BatchRow;
import java.io.Serializable;

/**
 * What a worker sends back for one pair.
 *
 * @param row its summary row (regression still empty: the driver judges it)
 * @param quality its quality record, null when it failed or its warp missed its gates
 */
record PairOutcome(BatchRow row, QualityRecord quality) implements Serializable {}
