/**
 * The engine's one definition of each statistic and least-squares fit, backed by Apache Commons
 * Math: percentiles and medians ({@link Stats}) and straight lines and weighted polynomials through
 * points ({@link LeastSquares}). Where an artefact's numbers were written with another definition
 * (the upper middle element as a median, a floor-index percentile), that definition has a name of
 * its own here, so it stays the same in every file.
 *
 * <p>Every other package may use this one; it depends on no other {@code dev.mtbsync} package.
 */
package dev.mtbsync.stats;
