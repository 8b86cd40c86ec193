package dev.mtbsync.server.pages;

/** A choice in a select box: its value, its label, and whether it is the one chosen. */
public record Option(String value, String label, boolean selected) {}
