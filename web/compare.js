/* The compare page: two videos side by side, kept in step through the warp (new-run time ->
   reference time, computed here from timewarp.json's knots by MtbWarp), the markers within 5 s of
   the playhead and annotations. Frame stepping and pins (web/pins.js) use
   window.mtbCompare; a refit hands the page a new view through its setView. */
(function () {
  "use strict";
  var dataEl = document.getElementById("compare-data");
  if (!dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);
  var warp = data.warp ? new window.MtbWarp(data.warp.t_new, data.warp.t_ref, data.warp.confidence) : null;
  var vNew = document.getElementById("video-new");
  var vRef = document.getElementById("video-ref");
  var scrub = document.getElementById("scrub");
  var leadSel = document.getElementById("lead");
  var playBtn = document.getElementById("play");
  var NEAR = 5;
  var state = {lead: "new", quiet: {new: 0, ref: 0}, playing: false, stepping: false};

  function $(id) { return document.getElementById(id); }
  function text(tag, value, cls) {
    var e = document.createElement(tag);
    e.textContent = value;
    if (cls) { e.className = cls; }
    return e;
  }
  function secs(t) { return t === null || t === undefined || isNaN(t) ? "–" : t.toFixed(2) + " s"; }
  function ms(d) { return d === null || d === undefined ? "–" : (d >= 0 ? "+" : "") + Math.round(1000 * d) + " ms"; }
  /* the bands' limits come with the page's data (core's ConfidenceBand), not copied here */
  var BANDS = data.confidence_bands;
  function band(c) { return c >= BANDS.high ? "high" : c >= BANDS.mid ? "mid" : "low"; }

  /* new-run time -> reference time, and back (clamped to the warp's range). */
  function toRef(t) { return warp ? warp.map(t) : t; }
  function toNew(t) {
    if (!warp) { return t; }
    var y = warp.tRef;
    if (t <= y[0]) { return warp.validFrom(); }
    if (t >= y[y.length - 1]) { return warp.validTo(); }
    return warp.inverse(t);
  }

  (data.warnings || []).forEach(function (w) { $("compare-warnings").appendChild(text("div", "⚠ " + w, "warning")); });
  if (!warp) { $("compare-warnings").appendChild(text("div", "⚠ no warp: the videos play independently", "warning")); }

  vNew.src = data.neu.url;
  vRef.src = data.ref.url;
  [vNew, vRef].forEach(function (v) { v.controls = true; v.addEventListener("error", function () {
    $("compare-warnings").appendChild(text("div", "⚠ cannot play " + (v === vNew ? data.neu.name : data.ref.name) +
      " (" + (v.error ? "error " + v.error.code : "unknown error") + ")", "warning"));
  }); });

  /* Chromium's playbackRate range: outside it (and near 0, for a stop) the follower is stepped by
     seeking instead of rate control. */
  var RATE_MIN = 1 / 16, RATE_MAX = 16;
  /* s: while rates follow the warp, a drift is closed over about this long. */
  var CATCH_UP = 0.5;

  function fpsOf(v) {
    var f = v === vNew ? data.neu.fps : data.ref.fps;
    return f && f > 0 ? f : 30;
  }

  /* Seconds of the follower per second of the lead at the playhead (the warp's local slope). */
  function followerRate(lead) {
    var t = vNew.currentTime, h = 1 / 60;
    var slope = (toRef(t + h) - toRef(Math.max(0, t - h))) / (t + h - Math.max(0, t - h));
    return lead === vNew ? slope : (slope > 0 ? 1 / slope : Infinity);
  }

  function seekQuietly(v, t) {
    state.quiet[v === vNew ? "new" : "ref"]++;
    v.currentTime = t;
  }

  /* Move the follower to where the lead is, without its seek counting as the user's. While
     playing, the follower plays at the warp's slope (with a small correction for any drift) where
     the browser can play at that rate; where it cannot (a stop: the reference barely moves while
     the new run plays on; or a rush above 16x) the follower is held and seeked to the warp's time
     on every animation frame it is half a frame off, so it never drifts by more than a frame. */
  function follow() {
    var lead = state.lead === "new" ? vNew : vRef, other = lead === vNew ? vRef : vNew;
    var target = lead === vNew ? toRef(lead.currentTime) : toNew(lead.currentTime);
    if (!isFinite(target)) { return; }
    if (other.duration) { target = Math.min(target, other.duration); }
    var drift = other.currentTime - target;
    if (!state.playing || !warp) {
      state.stepping = false;
      if (Math.abs(drift) > (state.playing ? 0.15 : 0.001)) { seekQuietly(other, target); }
      refresh();
      return;
    }
    var rate = followerRate(lead);
    // at its end the follower is held too: play() on an ended video would restart it from 0
    var atEnd = other.duration && target >= other.duration - 0.5 / fpsOf(other);
    if (rate >= RATE_MIN && rate <= RATE_MAX && !atEnd) {
      if (state.stepping || other.paused) {
        state.stepping = false;
        other.play().catch(function () {});
      }
      if (Math.abs(drift) > 0.15) {
        seekQuietly(other, target);
      } else {
        var r = Math.max(RATE_MIN, Math.min(RATE_MAX, rate - drift / CATCH_UP));
        if (Math.abs(r - other.playbackRate) > 0.005 * rate) { other.playbackRate = r; }
      }
    } else {
      if (!state.stepping) {
        state.stepping = true;
        other.pause();
        other.playbackRate = 1;
      }
      if (!other.seeking && Math.abs(drift) > 0.5 / fpsOf(other)) { seekQuietly(other, target); }
    }
    refresh();
  }

  function userMoved(v) {
    var key = v === vNew ? "new" : "ref";
    if (state.quiet[key] > 0) { state.quiet[key]--; return; }
    state.lead = key;
    leadSel.value = key;
    follow();
  }

  [vNew, vRef].forEach(function (v) {
    v.addEventListener("seeking", function () { userMoved(v); });
    v.addEventListener("timeupdate", function () { if (!state.playing) { refresh(); } });
    v.addEventListener("seeked", refresh);
    v.addEventListener("play", function () { if (!state.playing && v === (state.lead === "new" ? vNew : vRef)) { start(); } });
    v.addEventListener("pause", function () { if (state.playing && v === (state.lead === "new" ? vNew : vRef)) { stop(); } });
    v.addEventListener("ended", function () { if (state.playing && v === (state.lead === "new" ? vNew : vRef)) { stop(); } });
    v.addEventListener("loadedmetadata", setup);
  });

  function start() {
    state.playing = true;
    playBtn.textContent = "Pause";
    var lead = state.lead === "new" ? vNew : vRef, other = lead === vNew ? vRef : vNew;
    follow();
    lead.play().catch(function () {});
    if (!state.stepping) { other.play().catch(function () {}); }
    (function tick() {
      if (!state.playing) { return; }
      follow();
      requestAnimationFrame(tick);
    })();
  }

  function stop() {
    state.playing = false;
    state.stepping = false;
    playBtn.textContent = "Play";
    vNew.pause();
    vRef.pause();
    vNew.playbackRate = 1;
    vRef.playbackRate = 1;
    follow();
  }

  playBtn.addEventListener("click", function () { if (state.playing) { stop(); } else { start(); } });
  leadSel.addEventListener("change", function () { state.lead = leadSel.value; follow(); });

  /* The scrub bar is in new-run time. */
  scrub.addEventListener("input", function () {
    state.lead = "new";
    leadSel.value = "new";
    state.quiet.new++;
    vNew.currentTime = Number(scrub.value);
    follow();
  });

  /* t= of the address: the moment of the new run to open at (checked by the server). */
  var startAt = dataEl.getAttribute("data-start") ? Number(dataEl.getAttribute("data-start")) : null;

  function setup() {
    if (!vNew.duration) { return; }
    scrub.max = vNew.duration.toFixed(2);
    drawTicks();
    if (startAt !== null && isFinite(startAt)) {
      var at = Math.min(startAt, vNew.duration);
      startAt = null;
      jump(at);
      return;
    }
    follow();
  }

  function drawTicks() {
    var box = $("ticks"), dur = vNew.duration || (warp ? warp.validTo() : 0);
    box.innerHTML = "";
    if (!dur) { return; }
    if (warp) {
      var cover = document.createElement("i");
      cover.className = "covered";
      cover.style.left = (100 * warp.validFrom() / dur) + "%";
      cover.style.width = (100 * (warp.validTo() - warp.validFrom()) / dur) + "%";
      cover.title = "covered by the warp";
      box.appendChild(cover);
    }
    (data.pins || []).forEach(function (p) {
      var pin = document.createElement("button");
      pin.type = "button";
      pin.className = "pin-tick";
      pin.style.left = (100 * p.t_new / dur) + "%";
      pin.title = "pin · new " + secs(p.t_new) + " = ref " + secs(p.t_ref) + (p.note ? " · " + p.note : "");
      pin.setAttribute("aria-label", pin.title);
      pin.addEventListener("click", function () { jump(p.t_new); });
      box.appendChild(pin);
    });
    data.markers.forEach(function (m) {
      var at = m.t_new !== null ? m.t_new : m.predicted;
      if (at === null) { return; }
      var b = document.createElement("button");
      b.type = "button";
      b.className = "tick " + band(m.confidence) + (m.needs_review ? " review" : "");
      b.style.left = (100 * at / dur) + "%";
      b.title = m.name + " · " + secs(at);
      b.addEventListener("click", function () { jump(at); });
      box.appendChild(b);
    });
  }

  function jump(t) {
    state.lead = "new";
    leadSel.value = "new";
    state.quiet.new++;
    vNew.currentTime = t;
    follow();
  }

  function refresh() {
    var t = vNew.currentTime;
    $("t-new").textContent = secs(t);
    $("t-ref").textContent = secs(vRef.currentTime);
    $("t-scrub").textContent = secs(t);
    if (document.activeElement !== scrub) { scrub.value = t.toFixed(2); }
    var expected = toRef(t), drift = vRef.currentTime - expected;
    var inRange = warp && t >= warp.validFrom() && t <= warp.validTo();
    $("sync-state").textContent = !warp ? "no warp" : !inRange ? "outside the warp's range" :
      "ref " + secs(expected) + (Math.abs(drift) > 0.08 ? " (catching up)" : " · in step");
    $("sync-state").className = "sync-state " + (inRange && Math.abs(drift) <= 0.08 ? "good" : "warn");
    renderGap(t);
    renderNear(t);
  }

  /* The running gap at new time t (s, above zero: behind), as core's TimeGap.runningAt: the new
     run's time since the anchor (the first gate) minus the reference's, through the warp. NaN
     outside the warp or before the anchor. */
  function gapAt(t) {
    var g = data.gap;
    if (!warp || !g || t < warp.validFrom() || t > warp.validTo() || t < g.anchor_new - 1e-6) { return NaN; }
    return (t - g.anchor_new) - (warp.map(t) - g.anchor_ref);
  }

  function gapText(d) {
    var s = (d >= 0 ? "+" : "−") + Math.abs(d).toFixed(2) + " s";
    return d >= 0.005 ? s + " behind" : d <= -0.005 ? s + " ahead" : "±0.00 s level";
  }
  function gapTone(d) { return d >= 0.005 ? "bad" : d <= -0.005 ? "good" : ""; }

  /* Which gates lie at or before new time t: 0 (before the first) to gates.length (after the last). */
  function gatesPassed(t) {
    var gs = data.gap ? data.gap.gates : [], k = 0;
    while (k < gs.length && gs[k].t_new <= t + 1e-3) { k++; }
    return k;
  }

  function sectorAt(t) {
    var gs = data.gap ? data.gap.gates : [], k = gatesPassed(t);
    if (!gs.length) { return ""; }
    if (k === 0) { return "before " + gs[0].name; }
    if (k === gs.length) { return gs.length === 1 ? "after " + gs[0].name : "after " + gs[k - 1].name + ", the last gate"; }
    return "sector " + k + "/" + (gs.length - 1) + ": " + gs[k - 1].name + " → " + gs[k].name;
  }

  function renderGap(t) {
    var g = data.gap, box = $("gap-now"), badge = $("gap-badge");
    if (!g) { box.hidden = true; badge.hidden = true; return; }
    box.hidden = false;
    var d = gapAt(t), text;
    if (isFinite(d)) {
      text = gapText(d);
    } else if (warp && g.anchor_name && t < g.anchor_new && t >= warp.validFrom()) {
      text = "from " + g.anchor_name;
    } else {
      text = "–";
    }
    var tone = isFinite(d) ? gapTone(d) : "";
    $("gap-at").textContent = text;
    $("gap-at").className = "gap-at " + tone;
    badge.hidden = false;
    badge.textContent = isFinite(d) ? text : "gap " + text;
    badge.className = "gap-badge " + tone;
    $("sector-now").textContent = sectorAt(t);
    var k = gatesPassed(t);
    document.querySelectorAll("#gate-jumps .gate-jump").forEach(function (b, i) {
      b.classList.toggle("current", i === k - 1);
    });
  }

  /* /compare at new time t (s): the address a gate or marker name links to. */
  function momentHref(t) {
    var q = new URLSearchParams();
    if (data.run_id) { q.set("run", data.run_id); }
    var markers = new URLSearchParams(location.search).get("markers");
    if (markers) { q.set("markers", markers); }
    q.set("t", t.toFixed(3));
    return "/compare?" + q.toString();
  }

  /* A link to the moment that, clicked here, moves both videos there without reloading. */
  function momentLink(label, t, cls) {
    var a = document.createElement("a");
    a.href = momentHref(t);
    a.className = cls || "";
    a.textContent = label;
    a.addEventListener("click", function (e) {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
      e.preventDefault();
      jump(t);
    });
    return a;
  }

  function renderGates() {
    var box = $("gate-jumps");
    box.innerHTML = "";
    var g = data.gap;
    if (!g) { return; }
    $("gap-def").textContent = "The " + g.definition + ". " + (g.anchor_name ? "Timed from " + g.anchor_name + "." : "Fewer than two gates: timed from the start of the shared stretch.");
    g.gates.forEach(function (gate) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button gate-jump";
      b.setAttribute("data-t-new", gate.t_new);
      b.title = "both videos to " + gate.name + " (new " + secs(gate.t_new) + ", ref " + secs(gate.t_ref) + ")";
      b.appendChild(text("span", gate.name, "gate-name"));
      if (gate.delta_sec !== null && gate.gate > 1) {
        b.appendChild(text("span", (gate.delta_sec >= 0 ? "+" : "−") + Math.abs(gate.delta_sec).toFixed(2), "gate-delta " + gapTone(gate.delta_sec)));
      }
      b.addEventListener("click", function () { jump(gate.t_new); });
      box.appendChild(b);
    });
  }

  var lastNearKey = "";
  function renderNear(t) {
    var near = data.markers.filter(function (m) {
      var at = m.t_new !== null ? m.t_new : m.predicted;
      return at !== null && Math.abs(at - t) <= NEAR;
    });
    var key = near.map(function (m) { return m.name; }).join("|") + "@" + Math.round(t * 4);
    if (key === lastNearKey) { return; }
    lastNearKey = key;
    var ul = $("near");
    ul.innerHTML = "";
    if (!near.length) { ul.appendChild(text("li", "no marker within 5 s", "muted")); return; }
    near.forEach(function (m) {
      var at = m.t_new !== null ? m.t_new : m.predicted;
      var li = document.createElement("li");
      li.className = band(m.confidence) + (m.needs_review ? " review" : "");
      var b = momentLink("", at, "near-item");
      b.appendChild(text("span", "", "dot"));
      b.appendChild(text("span", m.name, "name"));
      var d = at - t;
      b.appendChild(text("span", Math.abs(d) < 0.05 ? "now" : d > 0 ? "in " + d.toFixed(1) + " s" : d.toFixed(1).slice(1) + " s ago", "rel"));
      b.appendChild(text("span", "new " + secs(at) + plusMinus(m) + " · conf " + m.confidence.toFixed(2) + (m.delta !== null ? " · Δ " + ms(m.delta) : ""), "meta"));
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  /** " ± 45 ms": half the width of the 90 % interval of t_new; empty when the file has none. */
  function plusMinus(m) {
    if (m.t_new === null || m.t_new_lo == null || m.t_new_hi == null) { return ""; }
    return " ± " + Math.round(500 * (m.t_new_hi - m.t_new_lo)) + " ms";
  }

  function renderAll() {
    var body = document.querySelector("#all-markers tbody");
    body.innerHTML = "";
    data.markers.forEach(function (m) {
      var tr = document.createElement("tr");
      tr.className = band(m.confidence);
      tr.setAttribute("data-marker", m.name);
      var name = document.createElement("td");
      var at = m.t_new !== null ? m.t_new : m.predicted;
      name.appendChild(at !== null ? momentLink(m.name, at) : text("span", m.name));
      tr.appendChild(name);
      [secs(m.t_ref), secs(m.predicted), secs(m.t_new) + plusMinus(m), m.delta === null ? "–" : Math.round(1000 * m.delta)].forEach(function (v) {
        tr.appendChild(text("td", v, "num"));
      });
      body.appendChild(tr);
    });
  }

  function renderAnnotations() {
    var ul = $("ann-list");
    ul.innerHTML = "";
    if (!data.annotations.length) { ul.appendChild(text("li", "none yet", "muted")); }
    data.annotations.forEach(function (a) {
      var li = document.createElement("li");
      li.appendChild(text("b", a.marker));
      if (a.label) { li.appendChild(text("span", a.label, "pill info")); }
      li.appendChild(text("span", a.note, "note"));
      li.appendChild(text("span", (a.updated || "").replace("T", " ").replace(/\.\d+/, "").replace("Z", ""), "when"));
      ul.appendChild(li);
    });
  }

  function setupAnnotations() {
    var q = data.run_id ? "?run=" + encodeURIComponent(data.run_id) + "&" : "?";
    $("export-csv").href = "/api/annotations" + q + "format=csv";
    $("export-jsonl").href = "/api/annotations" + q + "format=json";
    var sel = $("ann-marker");
    data.markers.forEach(function (m) { sel.appendChild(new Option(m.name, m.name)); });
    if (!data.can_write) {
      $("annotate").hidden = true;
      $("ann-readonly").hidden = false;
      return;
    }
    $("annotate").addEventListener("submit", function (e) {
      e.preventDefault();
      var body = {marker: sel.value, label: $("ann-label").value, note: $("ann-note").value, t_new: vNew.currentTime};
      if (data.run_id) { body.run = data.run_id; }
      fetch("/api/annotations", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
        .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.error); } return j; }); })
        .then(function (j) { data.annotations = j.annotations; $("ann-note").value = ""; renderAnnotations(); })
        .catch(function (err) { $("compare-warnings").appendChild(text("div", "⚠ " + err.message, "warning")); });
    });
  }

  var pickMarkers = $("compare-markers");
  if (pickMarkers) {
    pickMarkers.addEventListener("change", function () {
      location.href = "/compare?run=" + encodeURIComponent(pickMarkers.getAttribute("data-run")) +
        "&markers=" + encodeURIComponent(pickMarkers.value);
    });
  }

  /* A fresh view of the same comparison (after a refit): new warp, markers and pins. */
  function setView(view) {
    data = view;
    warp = data.warp ? new window.MtbWarp(data.warp.t_new, data.warp.t_ref, data.warp.confidence) : null;
    api.warp = warp;
    api.data = data;
    renderAll();
    renderGates();
    drawTicks();
    lastNearKey = "";
    refresh();
    api.onView.forEach(function (f) { f(data); });
  }

  /* Moves one video to t (s) without the other following: stepping a video on its own. */
  function seekAlone(role, t) {
    var v = role === "new" ? vNew : vRef;
    if (state.playing) { stop(); }
    state.quiet[role]++;
    v.currentTime = Math.max(0, v.duration ? Math.min(t, v.duration) : t);
    refresh();
  }

  /* Moves the new run to t (s) and the reference with it, through the warp. */
  function seekBoth(t) {
    if (state.playing) { stop(); }
    jump(Math.max(0, vNew.duration ? Math.min(t, vNew.duration) : t));
  }

  renderAll();
  renderGates();
  renderAnnotations();
  setupAnnotations();
  refresh();
  var api = {warp: warp, state: state, toRef: toRef, toNew: toNew, gapAt: gapAt, data: data, vNew: vNew, vRef: vRef,
    setView: setView, seekAlone: seekAlone, seekBoth: seekBoth, onView: [], warn: function (msg) {
      $("compare-warnings").appendChild(text("div", "⚠ " + msg, "warning"));
    }};
  window.mtbCompare = api;
})();
