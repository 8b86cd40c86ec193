/* The live connection every page shares: one EventSource on /api/perf/stream, the status pill in
   the header, and listeners for its events. The browser reconnects by itself (sending the last
   event id, from which the server replays what was missed). */
(function (global) {
  "use strict";
  var listeners = {};
  var source = null;

  function setState(state, text) {
    var pill = document.getElementById("live");
    if (!pill) { return; }
    pill.setAttribute("data-state", state);
    pill.querySelector(".live-text").textContent = text;
  }

  function on(event, fn) {
    (listeners[event] = listeners[event] || []).push(fn);
    if (source) { attach(event); }
  }

  function attach(event) {
    if (attach.done[event]) { return; }
    attach.done[event] = true;
    source.addEventListener(event, function (e) {
      var data;
      try { data = JSON.parse(e.data); } catch (err) { return; }
      (listeners[event] || []).forEach(function (fn) {
        try { fn(data, e); } catch (err) { if (global.console) { console.error(err); } }
      });
    });
  }
  attach.done = {};

  function connect() {
    if (!global.EventSource) { setState("off", "no live updates"); return; }
    source = new EventSource("/api/perf/stream");
    setState("connecting", "connecting");
    source.addEventListener("open", function () { setState("on", "live"); });
    source.addEventListener("hello", function () { setState("on", "live"); });
    source.addEventListener("error", function () {
      setState(source.readyState === 2 ? "off" : "connecting",
               source.readyState === 2 ? "offline" : "reconnecting");
    });
    Object.keys(listeners).forEach(attach);
  }

  global.MtbLive = { on: on, connect: connect };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connect);
  } else {
    connect();
  }
})(window);
