/**
 * Inline SVG charts and small HTML pieces the templates draw (axes, warp plot, sparklines, bars).
 */
package dev.mtbsync.server.html;
