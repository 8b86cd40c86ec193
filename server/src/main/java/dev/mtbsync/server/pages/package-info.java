/** The HTML pages: one typed model per jte template, built from the artefacts and the context. */
package dev.mtbsync.server.pages;
