/* Fixing a sync by hand on the compare page: step either video (or both, in step) frame by frame,
   with the buttons or the keys "," and "." (one frame; with shift, one second); then pin the two
   frames shown as the same moment. Every change sends the run's whole list of pins to
   POST /api/anchors, which refits the warp through them and answers the view afresh: markers,
   ticks and this list are redrawn from it. Pins that run backwards come back as 409 with a
   message that names both, shown beside the button. */
(function () {
  "use strict";
  var cmp = window.mtbCompare;
  if (!cmp || !document.getElementById("stepper")) { return; }
  var DEFAULT_FPS = 30;

  function $(id) { return document.getElementById(id); }
  function text(tag, value, cls) {
    var e = document.createElement(tag);
    e.textContent = value;
    if (cls) { e.className = cls; }
    return e;
  }
  function fps(role) {
    var v = role === "new" ? cmp.data.neu : cmp.data.ref;
    return v && v.fps ? v.fps : DEFAULT_FPS;
  }
  function video(role) { return role === "new" ? cmp.vNew : cmp.vRef; }
  /* The frame a video shows: the last one starting at or before its current time. */
  function frameOf(role) { return Math.floor(video(role).currentTime * fps(role) + 1e-3); }
  /* A frame's own time; seeks go a millisecond past it so the browser shows that very frame. */
  function frameTime(role, k) { return k / fps(role); }
  function target() {
    var checked = document.querySelector("input[name=step-target]:checked");
    return checked ? checked.value : "both";
  }

  /* Steps by frames, or by whole seconds when `seconds` is set. */
  function step(n, seconds) {
    var who = target();
    var role = who === "ref" ? "ref" : "new";
    var k = frameOf(role) + (seconds ? Math.round(n * fps(role)) : n);
    var t = Math.max(0, frameTime(role, k)) + 0.001;
    if (who === "both") { cmp.seekBoth(t); } else { cmp.seekAlone(role, t); }
  }

  function showFrames() {
    ["new", "ref"].forEach(function (role) {
      var k = frameOf(role);
      $("frame-" + role).textContent = "frame " + k + " · " + frameTime(role, k).toFixed(3) + " s";
    });
  }

  document.querySelectorAll("#stepper [data-step]").forEach(function (b) {
    b.addEventListener("click", function () {
      var s = b.getAttribute("data-step");
      step(s.charAt(0) === "-" ? -1 : 1, s.slice(-1) === "s");
    });
  });

  /* "," and "." step; shift steps a second; "p" pins. Typing into a field is left alone. */
  document.addEventListener("keydown", function (e) {
    var el = e.target, tag = el && el.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && el.type !== "range" && el.type !== "radio")) { return; }
    if (e.code === "Comma" || e.key === "," || e.key === "<") {
      e.preventDefault();
      step(-1, e.shiftKey);
    } else if (e.code === "Period" || e.key === "." || e.key === ">") {
      e.preventDefault();
      step(1, e.shiftKey);
    } else if ((e.key === "p" || e.key === "P") && cmp.data.can_pin) {
      e.preventDefault();
      addPin();
    }
  });

  ["timeupdate", "seeked"].forEach(function (ev) {
    cmp.vNew.addEventListener(ev, showFrames);
    cmp.vRef.addEventListener(ev, showFrames);
  });

  function addPin() {
    var kNew = frameOf("new"), kRef = frameOf("ref");
    var pin = {t_new: round6(frameTime("new", kNew)), t_ref: round6(frameTime("ref", kRef)), note: $("pin-note").value.trim()};
    var pins = (cmp.data.pins || []).filter(function (p) { return Math.abs(p.t_new - pin.t_new) > 1e-6; });
    pins.push(pin);
    save(pins, function () { $("pin-note").value = ""; });
  }
  function round6(t) { return Math.round(t * 1e6) / 1e6; }

  function remove(pin) {
    save((cmp.data.pins || []).filter(function (p) { return p !== pin; }));
  }

  var busy = false;
  function save(pins, done) {
    if (busy) { return; }
    busy = true;
    $("pin-add").disabled = true;
    $("pin-state").textContent = "refitting…";
    var body = {run: cmp.data.run_id, pins: pins};
    var picked = $("compare-markers");
    if (picked) { body.markers = picked.value; }
    fetch("/api/anchors", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.error || ("HTTP " + r.status)); } return j; }); })
      .then(function (view) {
        showError(null);
        cmp.setView(view);
        $("pin-state").textContent = pins.length ? "warp refitted through " + pins.length + (pins.length === 1 ? " pin" : " pins") : "warp refitted from the pictures alone";
        if (done) { done(); }
      })
      .catch(function (err) { showError(err.message); $("pin-state").textContent = ""; })
      .then(function () { busy = false; $("pin-add").disabled = false; });
  }

  function showError(msg) {
    var e = $("pin-error");
    e.hidden = !msg;
    e.textContent = msg ? "Not pinned: " + msg : "";
  }

  function renderPins(data) {
    var ul = $("pin-list");
    ul.innerHTML = "";
    var pins = data.pins || [];
    $("pin-count").textContent = pins.length ? String(pins.length) : "";
    if (!pins.length) {
      ul.appendChild(text("li", "No pins: the warp is the pictures' own.", "muted"));
      return;
    }
    pins.forEach(function (p) {
      var li = document.createElement("li");
      li.setAttribute("data-t-new", p.t_new.toFixed(3));
      var go = document.createElement("button");
      go.type = "button";
      go.className = "pin-go";
      go.appendChild(text("span", "new " + p.t_new.toFixed(3) + " s", "t"));
      go.appendChild(text("span", "= ref " + p.t_ref.toFixed(3) + " s", "t"));
      if (p.note) { go.appendChild(text("span", p.note, "note")); }
      go.title = "show this moment";
      go.addEventListener("click", function () { cmp.seekBoth(p.t_new + 0.001); });
      li.appendChild(go);
      if (data.can_pin) {
        var rm = text("button", "Remove", "button");
        rm.type = "button";
        rm.setAttribute("aria-label", "remove the pin at new " + p.t_new.toFixed(3) + " s");
        rm.addEventListener("click", function () { remove(p); });
        li.appendChild(rm);
      }
      ul.appendChild(li);
    });
  }

  $("pin-form").addEventListener("submit", function (e) { e.preventDefault(); addPin(); });
  $("pin-form").hidden = !cmp.data.can_pin;
  $("pin-readonly").hidden = !!cmp.data.can_pin;
  if (cmp.data.can_write && !cmp.data.run_id) {
    $("pin-readonly").textContent = "Pins refit a run of the root: start compare-ui with --root (or the dashboard) to pin moments.";
  }
  var unknown = ["new", "ref"].filter(function (r) { return !(r === "new" ? cmp.data.neu : cmp.data.ref).fps; });
  if (unknown.length) {
    $("fps-note").hidden = false;
    $("fps-note").textContent = "Frame rate of the " + unknown.join(" and ") + " video unknown: a step is 1/30 s.";
  }
  cmp.onView.push(renderPins);
  renderPins(cmp.data);
  showFrames();
})();
