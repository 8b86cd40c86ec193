/* The dashboard page: live telemetry, new runs added to the runs list as they finish, the marker
   file picker, and (with --allow-write) JSON export and the perf.json prune control. */
(function () {
  "use strict";

  function post(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().then(function (j) {
          if (!r.ok) { throw new Error(j.error || ("HTTP " + r.status)); }
          return j;
        });
      });
  }

  function show(el, message, tone) {
    el.hidden = false;
    el.className = "result " + (tone || "");
    el.textContent = message;
  }

  /* ppm as every page shows it: signed, +12 345 or -183 175 (Fmt.signedWhole) */
  function signedWhole(v) {
    if (v === null || v === undefined) { return "–"; }
    var n = Math.round(v);
    return (n > 0 ? "+" : "") + n.toLocaleString("en").replace(/,/g, "\u2009");
  }
  function text(tag, value, cls) {
    var e = document.createElement(tag);
    e.textContent = value;
    if (cls) { e.className = cls; }
    return e;
  }
  function fmt(v, digits) { return v === null || v === undefined ? "–" : v.toFixed(digits); }

  /* A run finished: put its row at the top of the runs list (or refresh it). */
  function addRun(run) {
    var body = document.querySelector("#runs-table tbody");
    if (!body) { return; }
    var old = body.querySelector('tr[data-run="' + CSS.escape(run.id) + '"]');
    var tr = document.createElement("tr");
    tr.setAttribute("data-run", run.id);
    tr.className = "fresh" + (old && old.classList.contains("selected") ? " selected" : "");
    var tone = run.ok === null ? "warn" : run.ok ? "good" : "bad";
    var status = run.ok === null ? "unknown" : run.ok ? "ok" : "failed";
    var when = (run.finished || run.modified || "").replace("T", " ").replace(/\.\d+/, "").replace("Z", "");
    var td = document.createElement("td");
    var a = document.createElement("a");
    a.href = "/?run=" + encodeURIComponent(run.id);
    a.className = "run-id";
    a.textContent = run.id;
    var sub = document.createElement("div");
    sub.className = "when";
    sub.textContent = when + (run.new_video ? " · " + run.new_video : "");
    td.appendChild(a);
    td.appendChild(sub);
    tr.appendChild(td);
    var st = document.createElement("td");
    var pill = document.createElement("span");
    pill.className = "pill " + tone;
    pill.textContent = status;
    st.appendChild(pill);
    tr.appendChild(st);
    var lap = run.lap;
    var gap = document.createElement("td");
    gap.className = "num run-gap";
    gap.appendChild(text("span", lap ? (lap.gap_sec >= 0 ? "+" : "") + lap.gap_sec.toFixed(2) + " s" : "–",
      "delta " + (!lap || Math.abs(lap.gap_sec) < 0.005 ? "" : lap.gap_sec > 0 ? "bad" : "good")));
    tr.appendChild(gap);
    var rt = document.createElement("td");
    rt.className = "num run-time";
    rt.textContent = lap && lap.run_time_sec !== null ? lap.run_time_sec.toFixed(2) + " s" : "–";
    tr.appendChild(rt);
    /* best and worst sector one a line each, as runs.jte writes them: never cut off */
    if (lap && (lap.best || lap.worst)) {
      var sectors = document.createElement("div");
      sectors.className = "when sectors";
      if (lap.best) { sectors.appendChild(text("span", "best " + lap.best.name + " " + lap.best.delta_sec.toFixed(2) + " s", "sector-best")); }
      if (lap.worst) { sectors.appendChild(text("span", "worst " + lap.worst.name + " +" + lap.worst.delta_sec.toFixed(2) + " s", "sector-worst")); }
      td.appendChild(sectors);
    }
    [fmt(run.p90, 3), signedWhole(run.ppm),
     run.inlier_frac === null ? "–" : Math.round(100 * run.inlier_frac) + "%"].forEach(function (v) {
      var c = document.createElement("td");
      c.className = "num";
      c.textContent = v;
      tr.appendChild(c);
    });
    if (old) { old.remove(); }
    body.insertBefore(tr, body.firstChild);
    var empty = document.querySelector(".runs-card .pad");
    if (empty) { empty.remove(); }
  }

  var view = new window.MtbPerf.View({tableLimit: 25, onRun: addRun});
  view.render();
  view.live();

  document.addEventListener("click", function (e) {
    var tr = e.target.closest("#runs-table tbody tr");
    if (tr && !e.target.closest("a")) { location.href = "/?run=" + encodeURIComponent(tr.getAttribute("data-run")); }
  });

  var picker = document.getElementById("marker-file");
  if (picker) {
    picker.addEventListener("change", function () {
      location.href = "/?run=" + encodeURIComponent(picker.getAttribute("data-run")) +
        "&markers=" + encodeURIComponent(picker.value) + "#markers";
    });
  }

  var exportButton = document.getElementById("export-json");
  if (exportButton) {
    exportButton.addEventListener("click", function () {
      var out = document.getElementById("export-result");
      post("/api/export-json", {file: exportButton.getAttribute("data-file")})
        .then(function (j) {
          out.hidden = false;
          out.className = "result good";
          out.textContent = "Wrote " + j.markers + " markers to ";
          var a = document.createElement("a");
          a.href = "/api/files/" + j.written.split("/").map(encodeURIComponent).join("/");
          a.textContent = j.written;
          out.appendChild(a);
        })
        .catch(function (err) { show(out, err.message, "bad"); });
    });
  }

  var prune = document.getElementById("prune-form");
  if (prune) {
    var keep = document.getElementById("prune-keep");
    var apply = document.getElementById("prune-apply");
    var result = document.getElementById("prune-result");
    var previewed = null;
    prune.addEventListener("submit", function (e) {
      e.preventDefault();
      post("/api/prune-perf", {keep: Number(keep.value), dry_run: true})
        .then(function (j) {
          previewed = Number(keep.value);
          apply.disabled = j.removed.length === 0;
          var list = j.removed.slice(0, 8).join(", ") + (j.removed.length > 8 ? ", …" : "");
          show(result, "Would delete " + j.removed.length + " of " + j.found + " perf.json files, keeping " +
               j.kept + (j.removed.length ? ": " + list : "."), j.removed.length ? "warn" : "good");
        })
        .catch(function (err) { show(result, err.message, "bad"); });
    });
    keep.addEventListener("input", function () { apply.disabled = true; });
    apply.addEventListener("click", function () {
      if (previewed === null || !confirm("Delete all but the newest " + previewed + " perf.json files?")) { return; }
      post("/api/prune-perf", {keep: previewed, dry_run: false})
        .then(function (j) {
          apply.disabled = true;
          show(result, "Deleted " + j.removed.length + " perf.json files; " + j.kept + " kept." +
               (j.problems.length ? " Problems: " + j.problems.join("; ") : ""), j.problems.length ? "warn" : "good");
          var gone = {};
          j.removed.forEach(function (p) { gone[p] = true; });
          view.items = view.items.filter(function (it) { return !gone[it.path]; });
          view.render();
        })
        .catch(function (err) { show(result, err.message, "bad"); });
    });
  }
})();
