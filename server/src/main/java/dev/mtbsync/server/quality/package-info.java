/** The quality benchmark page: aggregated runs against their truth, as HTML. */
package dev.mtbsync.server.quality;
