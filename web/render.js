/* The "Render video" action of a run (with --allow-write): starts a render of the run's comparison
   video, follows its progress on /api/render/events, lets it be cancelled, and plays the result in
   the page with a download link. One render runs at a time per server; another page's render shows
   here too, with its run named. */
(function () {
  "use strict";
  var card = document.getElementById("render");
  if (!card) { return; }
  var run = card.getAttribute("data-run");
  var form = document.getElementById("render-form");
  var start = document.getElementById("render-start");
  var cancel = document.getElementById("render-cancel");
  var bar = document.getElementById("render-progress");
  var out = document.getElementById("render-result");
  var video = document.getElementById("render-video");
  var download = document.getElementById("render-download");
  var layout = document.getElementById("render-layout");
  var size = document.getElementById("render-size");

  function post(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().then(function (j) {
          if (!r.ok) { throw new Error(j.error || ("HTTP " + r.status)); }
          return j;
        });
      });
  }

  function say(text, tone) {
    out.hidden = false;
    out.className = "result " + (tone || "");
    out.textContent = text;
  }

  function href(file) {
    return "/api/files/" + file.split("/").map(encodeURIComponent).join("/");
  }

  function name(s) { return s.layout + (s.follow === "reference" ? ", following the reference" : ""); }

  /* One status (from GET /api/render or a render event) onto the card. */
  function show(s) {
    var mine = s.run === run;
    var running = s.state === "running";
    start.disabled = running;
    cancel.hidden = !running;
    bar.hidden = !(running && mine);
    if (running) {
      if (!mine) { say("A render of " + s.run + " is running; one runs at a time.", "warn"); return; }
      var pct = s.total ? Math.min(1, s.done / s.total) : 0;
      bar.value = pct;
      say("Rendering " + name(s) + ": " + s.done + (s.total ? " of " + s.total : "") + " frames" +
          (s.total ? " (" + Math.round(pct * 100) + " %)" : ""), "");
      return;
    }
    if (!mine) { return; }
    if (s.state === "done") {
      say("Rendered " + name(s) + ": " + s.video_sec.toFixed(1) + " s of video in " + s.wall_sec.toFixed(1) + " s.", "good");
      var url = href(s.file);
      if (video.getAttribute("src") !== url + "?v=" + s.wall_sec) {
        video.src = url + "?v=" + s.wall_sec; /* a new render of the same name: load it afresh */
      }
      video.hidden = false;
      download.href = url;
      download.hidden = false;
    } else if (s.state === "cancelled") {
      say("Render cancelled; nothing was written.", "warn");
    } else if (s.state === "failed") {
      say("Render failed: " + s.error, "bad");
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var body = {run: run, layout: layout.value, follow: document.getElementById("render-follow").value};
    if (size.value === "720") { body.size = layout.value === "stacked" ? "720x1280" : "1280x720"; }
    video.hidden = true;
    download.hidden = true;
    post("/api/render", body).then(show).catch(function (err) { say(err.message, "bad"); });
  });
  cancel.addEventListener("click", function () {
    post("/api/render/cancel", {}).catch(function (err) { say(err.message, "bad"); });
  });

  if (window.EventSource) {
    var events = new EventSource("/api/render/events");
    events.addEventListener("render", function (e) {
      try { show(JSON.parse(e.data)); } catch (err) { if (window.console) { console.error(err); } }
    });
  }
  fetch("/api/render").then(function (r) { return r.json(); }).then(show).catch(function () {});
})();
