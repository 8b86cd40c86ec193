/* The time-warp of timewarp.json in the browser: new-run time -> reference time through the
   knots, by the same monotone cubic (Fritsch-Carlson) as dev.mtbsync.align.MonotoneWarp, so the
   compare view scrubs both videos exactly as the engine maps markers. */
(function (global) {
  "use strict";

  function Warp(tNew, tRef, confidence) {
    var n = tNew.length;
    if (n < 2 || tRef.length !== n) { throw new Error("a warp needs two or more knots"); }
    this.tNew = tNew;
    this.tRef = tRef;
    this.confidence = confidence || [];
    this.m = slopes(tNew, tRef);
  }

  /* Fritsch-Carlson tangents: secant averages, limited so no segment overshoots. */
  function slopes(x, y) {
    var n = x.length, d = new Array(n - 1), m = new Array(n), i;
    for (i = 0; i < n - 1; i++) { d[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]); }
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for (i = 1; i < n - 1; i++) { m[i] = d[i - 1] * d[i] <= 0 ? 0 : 0.5 * (d[i - 1] + d[i]); }
    for (i = 0; i < n - 1; i++) {
      if (d[i] === 0) { m[i] = 0; m[i + 1] = 0; continue; }
      var a = m[i] / d[i], b = m[i + 1] / d[i], r = a * a + b * b;
      if (r > 9) {
        var tau = 3 / Math.sqrt(r);
        m[i] = tau * a * d[i];
        m[i + 1] = tau * b * d[i];
      }
    }
    return m;
  }

  /* Index i of the segment [x[i], x[i+1]] holding t (clamped to the first and last). */
  function segment(x, t) {
    var lo = 0, hi = x.length - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (x[mid] <= t) { lo = mid; } else { hi = mid; }
    }
    return Math.min(lo, x.length - 2);
  }

  Warp.prototype.validFrom = function () { return this.tNew[0]; };
  Warp.prototype.validTo = function () { return this.tNew[this.tNew.length - 1]; };

  /* Reference time (s) at new time t, clamped to the covered range. */
  Warp.prototype.map = function (t) {
    var x = this.tNew, y = this.tRef, n = x.length;
    if (t <= x[0]) { return y[0]; }
    if (t >= x[n - 1]) { return y[n - 1]; }
    var i = segment(x, t), h = x[i + 1] - x[i], s = (t - x[i]) / h, m = this.m;
    var h00 = (1 + 2 * s) * (1 - s) * (1 - s), h10 = s * (1 - s) * (1 - s);
    var h01 = s * s * (3 - 2 * s), h11 = s * s * (s - 1);
    var r = h00 * y[i] + h10 * h * m[i] + h01 * y[i + 1] + h11 * h * m[i + 1];
    return Math.max(y[i], Math.min(y[i + 1], r));
  };

  /* First new time (s) whose reference time is t; NaN outside the covered reference times. */
  Warp.prototype.inverse = function (t) {
    var y = this.tRef, n = y.length;
    if (t < y[0] || t > y[n - 1]) { return NaN; }
    var lo = this.tNew[0], hi = this.tNew[n - 1];
    for (var it = 0; it < 60; it++) {
      var mid = 0.5 * (lo + hi);
      if (this.map(mid) < t) { lo = mid; } else { hi = mid; }
    }
    return hi;
  };

  /* Confidence at new time t, linear between knots, 0 outside the covered range. */
  Warp.prototype.confidenceAt = function (t) {
    var x = this.tNew, c = this.confidence, n = x.length;
    if (!c.length || t < x[0] || t > x[n - 1]) { return 0; }
    var i = segment(x, t), f = (t - x[i]) / (x[i + 1] - x[i]);
    return c[i] + f * (c[i + 1] - c[i]);
  };

  global.MtbWarp = Warp;
})(window);
