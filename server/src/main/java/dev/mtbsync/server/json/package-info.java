/** The dashboard's JSON: the artefacts' mapper made compact, and JSON safe to embed in a page. */
package dev.mtbsync.server.json;
