// Warns before an idle session ends, and lets the reader keep it. The server decides (it ends the
// session after the idle limit whatever this file does); this only makes it visible. The limit
// comes from the page: <div id="idle-warning" data-idle-seconds="900">.
(function () {
  "use strict";
  var WARN_BEFORE = 120;
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("idle-warning");
    var idle = box ? parseInt(box.getAttribute("data-idle-seconds") || "0", 10) : 0;
    if (!idle) { return; }
    var warnAfter = Math.max(idle - WARN_BEFORE, Math.floor(idle / 2));
    var lastActive = Date.now();
    var timer = null;

    function schedule() {
      clearInterval(timer);
      timer = setInterval(tick, 1000);
    }
    function tick() {
      var idleFor = (Date.now() - lastActive) / 1000;
      if (idleFor >= idle) {
        clearInterval(timer);
        window.location.assign("/login?timeout");
      } else if (idleFor >= warnAfter) {
        var left = Math.ceil(idle - idleFor);
        var out = box.querySelector("[data-seconds-left]");
        if (out) { out.textContent = String(left); }
        if (box.hidden) {
          box.hidden = false;
          var stay = box.querySelector("button");
          if (stay) { stay.focus(); }
        }
      }
    }
    function csrf() {
      var meta = document.querySelector("meta[name=_csrf]");
      return meta ? meta.getAttribute("content") : "";
    }
    // Anything the reader sends to the server counts as activity there; mirror it here.
    document.body.addEventListener("htmx:beforeRequest", function (e) {
      var headers = e.detail.requestConfig && e.detail.requestConfig.headers;
      if (!headers || !headers["X-Bedside-Background"]) { lastActive = Date.now(); }
    });
    document.addEventListener("submit", function () { lastActive = Date.now(); });
    // Typing into a form that saves drafts reaches the server too.
    document.addEventListener("input", function (e) {
      if (e.target.closest && e.target.closest("form[data-autosave]")) { lastActive = Date.now(); }
    });
    box.querySelector("button").addEventListener("click", function () {
      fetch("/app/session/keepalive", {
        method: "POST", credentials: "same-origin", headers: { "X-CSRF-TOKEN": csrf() }
      }).then(function (response) {
        if (response.ok) {
          lastActive = Date.now();
          box.hidden = true;
        } else {
          window.location.assign("/login?timeout");
        }
      });
    });
    schedule();
  });
})();
