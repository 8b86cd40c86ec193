package dev.mtbsync.server.pages;

/**
 * What every dashboard page's frame shows ({@code layout/app.jte}).
 *
 * @param title the page's title
 * @param active the nav entry to highlight: {@code dashboard}, {@code telemetry} or {@code compare}
 * @param root the batch root served
 * @param allowWrite whether write controls are shown
 */
public record Shell(String title, String active, String root, boolean allowWrite) {}
