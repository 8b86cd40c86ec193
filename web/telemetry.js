/* The telemetry page: pick metrics, limit to a time range or the last N runs, smooth, and
   download what is shown as CSV; new runs arrive live. Times are UTC, as in perf.json. */
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="metric"]'));
  var lastN = document.getElementById("last-n");
  var from = document.getElementById("from");
  var to = document.getElementById("to");
  var smooth = document.getElementById("smooth");
  var shown = document.getElementById("shown");

  function utc(input) {
    return input.value ? new Date(input.value + (input.value.length === 16 ? ":00" : "") + "Z").getTime() : null;
  }

  var view = new window.MtbPerf.View({
    onRender: function (items) {
      var all = view.items.length;
      shown.textContent = items.length + " of " + all + " runs shown" +
        (items.length ? " · " + window.MtbCharts.shortTime(items[0].timestamp) + " to " +
         window.MtbCharts.shortTime(items[items.length - 1].timestamp) + " UTC" : "");
    }
  });

  view.filter = function (items) {
    var a = utc(from), b = utc(to), n = parseInt(lastN.value, 10);
    var out = items.filter(function (it) {
      var t = Date.parse(it.timestamp);
      return (a === null || t >= a) && (b === null || t <= b);
    });
    return n > 0 ? out.slice(-n) : out;
  };

  function update() {
    boxes.forEach(function (b) {
      var fig = document.querySelector('#perf-charts [data-metric="' + b.value + '"]');
      if (fig) { fig.hidden = !b.checked; }
    });
    view.smooth = smooth.checked;
    view.render();
  }

  [lastN, from, to].forEach(function (el) { el.addEventListener("input", update); });
  boxes.concat([smooth]).forEach(function (el) { el.addEventListener("change", update); });

  document.getElementById("download-csv").addEventListener("click", function () {
    var keys = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var rows = [["run_id", "timestamp", "path"].concat(keys).join(",")];
    view.shown().forEach(function (it) {
      rows.push([it.run_id, it.timestamp, it.path].concat(keys.map(function (k) {
        return it[k] === null || it[k] === undefined ? "" : String(it[k]);
      })).map(function (v) { return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }).join(","));
    });
    var blob = new Blob([rows.join("\n") + "\n"], {type: "text/csv"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "telemetry.csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  });

  update();
  view.live();
})();
