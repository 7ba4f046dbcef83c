// Live updates for the conversation pages. The pages work without this file; with it, new
// messages, read receipts and status changes appear without a reload. Events carry ids only:
// on one that concerns the page, the page asks the server for its fresh fragment.
(function () {
  "use strict";
  function region() { return document.querySelector("[data-live]"); }
  function refresh() {
    var r = region();
    if (r && window.htmx) {
      htmx.ajax("GET", r.getAttribute("data-refresh"), { target: "#" + r.id, swap: "outerHTML" });
    }
  }
  function newKey() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
  }
  // Drafts: what is typed into a form marked data-autosave is saved on the server shortly after
  // each pause, so a reload, a lost connection or another device loses nothing.
  function autosave(form) {
    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var data = new URLSearchParams(new FormData(form));
        fetch(form.getAttribute("data-autosave"), {
          method: "POST", body: data, credentials: "same-origin",
          headers: { "HX-Request": "true" }
        }).catch(function () { /* offline: the next pause tries again */ });
      }, 700);
    });
    // A draft must not be saved again after its message has gone.
    form.addEventListener("submit", function () { clearTimeout(timer); });
    form.addEventListener("htmx:beforeRequest", function () { clearTimeout(timer); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosave]").forEach(autosave);
    var form = document.getElementById("reply");
    if (form) {
      form.addEventListener("htmx:afterRequest", function (e) {
        var refused = e.detail.xhr && e.detail.xhr.getResponseHeader("X-Bedside-Reply") === "refused";
        if (e.detail.successful && !refused) {
          form.reset();
          var key = form.querySelector("input[name=idempotencyKey]");
          if (key) { key.value = newKey(); }
        }
      });
    }
    if (!region() || !window.EventSource) { return; }
    var source = new EventSource("/api/v1/events");
    ["message.created", "read.updated", "conversation.updated", "conversation.created"].forEach(function (type) {
      source.addEventListener(type, function (e) {
        var r = region();
        var wanted = r && r.getAttribute("data-conversation");
        var data = JSON.parse(e.data);
        if (!wanted || data.conversationId === wanted) { refresh(); }
      });
    });
    source.addEventListener("resync", refresh);
  });
})();
