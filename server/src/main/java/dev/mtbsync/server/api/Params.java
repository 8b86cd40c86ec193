package dev.mtbsync.server.api;

import io.javalin.http.Context;

/** Query parameters, checked: a bad one is a 400 naming it. */
final class Params {

  private Params() {}

  static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing query parameter '" + name + "'");
    }
    return v;
  }

  static Integer positiveInt(Context ctx, String name, Integer fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number of 1 or more, got '" + v + "'");
    }
  }
}
