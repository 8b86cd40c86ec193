/* Inline-SVG line charts for the telemetry: one value per run, oldest to newest, missing values
   drawn as gaps, "(no data)" when a series is empty. No library: a few SVG elements per chart. */
(function (global) {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var H = 170, L = 46, R = 12, T = 12, B = 26;

  function el(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function niceStep(raw) {
    var p = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * p >= raw * (1 - 1e-9)) { return steps[i] * p; } }
    return 10 * p;
  }

  function fmt(v) {
    var a = Math.abs(v);
    if (a >= 1000) { return Math.round(v).toLocaleString("en").replace(/,/g, "\u2009"); }
    if (a >= 100 || v === Math.round(v)) { return String(Math.round(v)); }
    return a >= 10 ? v.toFixed(1) : v.toFixed(2).replace(/0$/, "");
  }

  function shortTime(iso) {
    if (!iso) { return ""; }
    return iso.replace("T", " ").replace(/\.\d+/, "").replace("Z", "").slice(5, 16);
  }

  /* Moving average over the last k known values (missing values stay missing). */
  function smooth(values, k) {
    var out = [], win = [];
    values.forEach(function (v) {
      if (v === null || v === undefined) { out.push(null); return; }
      win.push(v);
      if (win.length > k) { win.shift(); }
      out.push(win.reduce(function (a, b) { return a + b; }, 0) / win.length);
    });
    return out;
  }

  function pathOf(values, x, y) {
    var d = "", pen = false;
    values.forEach(function (v, i) {
      if (v === null || v === undefined) { pen = false; return; }
      d += (pen ? "L" : "M") + x(i).toFixed(1) + "," + y(v).toFixed(1);
      var next = values[i + 1];
      if (!pen && (next === null || next === undefined)) { d += "h0.1"; }
      pen = true;
    });
    return d;
  }

  /* Draws a chart into svg (replacing its content).
     spec: {title, unit, key, points: [{value, run, time, failed}], smooth: bool};
     a failed run's point is drawn hollow and red */
  function line(svg, spec) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    svg.setAttribute("class", "chart line-chart");
    // drawn at the width it is shown at, so its text keeps its size in narrow and wide grids
    var W = Math.max(220, Math.round(svg.getBoundingClientRect().width || 380));
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", spec.title);
    var pts = spec.points, n = pts.length;
    var values = pts.map(function (p) { return p.value; });
    var known = values.filter(function (v) { return v !== null && v !== undefined; });
    svg.setAttribute("data-points", String(known.length));
    if (!known.length) {
      svg.appendChild(el("line", {"class": "axis", x1: L, x2: W - R, y1: H - B, y2: H - B}));
      svg.appendChild(el("text", {"class": "empty", x: (L + W - R) / 2, y: (T + H - B) / 2 + 4,
                                   "text-anchor": "middle"}, "(no data)"));
      return;
    }
    var hi = Math.max.apply(null, known), lo = Math.min(0, Math.min.apply(null, known));
    if (hi <= lo) { hi = lo + 1; }
    var step = niceStep((hi - lo) / 4), top = Math.ceil(hi / step) * step, bottom = Math.floor(lo / step) * step;
    var x = function (i) { return n === 1 ? (L + W - R) / 2 : L + (W - R - L) * i / (n - 1); };
    var y = function (v) { return H - B - (H - B - T) * (v - bottom) / (top - bottom); };
    for (var t = bottom; t <= top + step / 2; t += step) {
      svg.appendChild(el("line", {"class": "grid", x1: L, x2: W - R, y1: y(t), y2: y(t)}));
      svg.appendChild(el("text", {x: L - 6, y: y(t) + 3.5, "text-anchor": "end"}, fmt(t)));
    }
    svg.appendChild(el("line", {"class": "axis", x1: L, x2: W - R, y1: H - B, y2: H - B}));
    svg.appendChild(el("text", {x: L, y: H - 8}, shortTime(pts[0].time)));
    if (n > 1) { svg.appendChild(el("text", {x: W - R, y: H - 8, "text-anchor": "end"}, shortTime(pts[n - 1].time))); }
    var raw = pathOf(values, x, y);
    if (spec.smooth) {
      svg.appendChild(el("path", {"class": "series faint", d: raw}));
      svg.appendChild(el("path", {"class": "series", d: pathOf(smooth(values, 5), x, y)}));
    } else {
      svg.appendChild(el("path", {"class": "series", d: raw}));
    }
    var dots = el("g", {"class": "dots"});
    var r = n > 80 ? 1.6 : 2.6;
    pts.forEach(function (p, i) {
      if (p.value === null || p.value === undefined) { return; }
      var cls = (i === n - 1 ? "last" : "") + (p.failed ? " failed" : "");
      var c = el("circle", {cx: x(i).toFixed(1), cy: y(p.value).toFixed(1), r: i === n - 1 ? 3.6 : r,
                            "class": cls.trim()});
      c.appendChild(el("title", {}, p.run + (p.failed ? " (sync failed)" : "") + " · " + shortTime(p.time) + " · " + fmt(p.value) + " " + spec.unit));
      dots.appendChild(c);
    });
    svg.appendChild(dots);
  }

  global.MtbCharts = { line: line, fmt: fmt, shortTime: shortTime, smooth: smooth };
})(window);
