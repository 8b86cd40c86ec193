/* The telemetry view shared by the dashboard and the telemetry page: the perf history (embedded
   in the page as JSON, oldest first), a chart per metric and a table, kept live from the stream's
   "perf" events. */
(function (global) {
  "use strict";
  var METRICS = [
    {key: "fps", label: "Frames per second", unit: "fps"},
    {key: "cpu_pct", label: "CPU", unit: "%"},
    {key: "gpu_util", label: "GPU utilisation", unit: "%"},
    {key: "gpu_mem_mb", label: "VRAM", unit: "MB"},
    {key: "rss_mb", label: "RSS memory", unit: "MB"}
  ];
  var COLUMNS = ["fps", "cpu_pct", "gpu_util", "gpu_mem_mb", "rss_mb", "total_sec"];
  var DIGITS = {fps: 1, cpu_pct: 1, gpu_util: 0, gpu_mem_mb: 0, rss_mb: 0, total_sec: 2};

  function text(tag, value, cls) {
    var e = document.createElement(tag);
    e.textContent = value;
    if (cls) { e.className = cls; }
    return e;
  }

  function cell(v, column) {
    if (v === null || v === undefined) { return text("td", "–", "num muted"); }
    return text("td", v.toFixed(DIGITS[column]), "num");
  }

  function View(opts) {
    var data = JSON.parse(document.getElementById("perf-data").textContent);
    this.items = data.items || [];
    this.problems = data.problems || [];
    this.opts = opts;
    this.metrics = opts.metrics || METRICS;
    this.smooth = false;
    this.filter = function (items) { return items; };
    this.fresh = {};
    this.build();
  }

  View.prototype.build = function () {
    var box = document.getElementById("perf-charts");
    box.innerHTML = "";
    this.svgs = {};
    var self = this;
    this.metrics.forEach(function (m) {
      var fig = document.createElement("figure");
      fig.className = "card chart-card";
      fig.setAttribute("data-metric", m.key);
      var head = document.createElement("div");
      head.className = "chart-head";
      head.appendChild(text("h3", m.label));
      head.appendChild(text("span", m.unit, "unit"));
      var last = text("span", "", "last");
      head.appendChild(last);
      fig.appendChild(head);
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      fig.appendChild(svg);
      box.appendChild(fig);
      self.svgs[m.key] = {svg: svg, last: last, metric: m};
    });
  };

  View.prototype.shown = function () { return this.filter(this.items); };

  View.prototype.render = function () {
    var items = this.shown(), self = this;
    Object.keys(this.svgs).forEach(function (k) {
      var s = self.svgs[k];
      var points = items.map(function (it) { return {value: it[k], run: it.run_id, time: it.timestamp, failed: it.ok === false}; });
      global.MtbCharts.line(s.svg, {title: s.metric.label, unit: s.metric.unit, points: points, smooth: self.smooth});
      var lastKnown = null;
      for (var i = points.length - 1; i >= 0; i--) { if (points[i].value !== null && points[i].value !== undefined) { lastKnown = points[i].value; break; } }
      s.last.textContent = lastKnown === null ? "" : "last " + global.MtbCharts.fmt(lastKnown);
    });
    this.renderTable(items);
    var count = document.getElementById("perf-count");
    if (count) { count.textContent = items.length + " runs · live from perf.json files"; }
    var probs = document.getElementById("perf-problems");
    if (probs) {
      probs.innerHTML = "";
      this.problems.slice(-5).forEach(function (p) { probs.appendChild(text("div", "⚠ " + p, "warning")); });
    }
    if (this.opts.onRender) { this.opts.onRender(items); }
  };

  View.prototype.renderTable = function (items) {
    var body = document.querySelector("#perf-table tbody");
    if (!body) { return; }
    body.innerHTML = "";
    var limit = this.opts.tableLimit || items.length, self = this;
    items.slice(-limit).reverse().forEach(function (it) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-run", it.run_id);
      tr.className = (self.fresh[it.path] ? "fresh" : "") + (it.ok === false ? " failed" : "");
      var a = document.createElement("a");
      a.href = "/?run=" + encodeURIComponent(it.run_id);
      a.className = "run-id";
      a.textContent = it.run_id;
      var td = document.createElement("td");
      td.appendChild(a);
      if (it.ok === false) { td.appendChild(text("span", "sync failed", "pill bad")); }
      tr.appendChild(td);
      tr.appendChild(text("td", global.MtbCharts.shortTime(it.timestamp)));
      COLUMNS.forEach(function (c) { tr.appendChild(cell(it[c], c)); });
      body.appendChild(tr);
    });
    if (!items.length) {
      var tr = document.createElement("tr");
      var td = text("td", "(no data) — no perf.json under this root yet", "muted");
      td.colSpan = 8;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  };

  /* A perf.json appeared (or was rewritten): replace its entry or append it, then redraw. */
  View.prototype.add = function (perf) {
    var i;
    for (i = 0; i < this.items.length; i++) { if (this.items[i].path === perf.path) { break; } }
    if (i < this.items.length) { this.items[i] = perf; } else { this.items.push(perf); }
    this.items.sort(function (a, b) { return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0; });
    this.fresh[perf.path] = true;
    this.render();
  };

  View.prototype.problem = function (perf) {
    this.problems.push(perf.path + ": " + perf.problem);
    this.render();
  };

  View.prototype.live = function () {
    var self = this, pending = null;
    global.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { self.render(); }, 150);
    });
    global.MtbLive.on("perf", function (d) { self.add(d.perf); if (self.opts.onRun && d.run) { self.opts.onRun(d.run); } });
    global.MtbLive.on("perf-problem", function (d) { self.problem(d.perf); });
  };

  global.MtbPerf = { View: View, METRICS: METRICS, COLUMNS: COLUMNS };
})(window);
