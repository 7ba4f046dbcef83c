// Live updates for the conversation pages. The pages work without this file; with it, new
// messages, read receipts and status changes appear without a reload. Events carry ids only:
// on one that concerns the page, the page asks the server for its fresh fragment.
(function () {
  "use strict";
  function regions() { return Array.prototype.slice.call(document.querySelectorAll("[data-live]")); }
  // Asks for fresh fragments. Marked as background: the page asking by itself is not the reader
  // being active, so it does not keep an idle session alive.
  function refresh(conversationId) {
    if (!window.htmx) { return; }
    regions().forEach(function (r) {
      var wanted = r.getAttribute("data-conversation");
      if (conversationId && wanted && wanted !== conversationId) { return; }
      refreshRegion(r);
    });
  }
  // Regions whose refresh is on its way, and those that heard of another change meanwhile.
  var fetching = {};
  var again = {};
  // How many times each region was swapped by something other than a refresh (the reader's own
  // form answers, out-of-band parts of them): a refresh that started before such a swap carries
  // older state than the page shows, and must not land over it.
  var swaps = {};
  function inFlight(r) { return r.querySelector(".htmx-request") || r.classList.contains("htmx-request"); }
  // The reader is working a control in the region (a status or priority select, a checkbox): a
  // swap now would replace it under them, losing their choice and their keyboard focus. The
  // refresh waits until focus leaves the region; their own change answers with the fresh fragment.
  function interacting(r) {
    var a = document.activeElement;
    if (a && a !== document.body && r.contains(a) && a.matches && a.matches("select, input, textarea, button")) { return true; }
    // The inbox with conversations selected for a bulk action: a swap would drop the selection.
    // The action's answer brings the fresh list; until then the refresh waits.
    return !!r.querySelector("input.bulk-check:checked");
  }
  function refreshRegion(r) {
    var id = r.id;
    // A refresh already on its way may predate this change: ask once more when it has landed.
    if (fetching[id] !== undefined) { again[id] = true; return; }
    // A form in this region is being answered (the reader's own triage change, say): that answer
    // is the fresh fragment. Refreshing now would swap the form out from under it, and the answer,
    // with its "Saved." and "Undo", would land nowhere. Ask once the answer has landed.
    if (inFlight(r) || interacting(r)) { again[id] = true; return; }
    var since = swaps[id] || 0;
    fetching[id] = since;
    var done = function () {
      delete fetching[id];
      askAgainIfWanted(id);
    };
    var request = htmx.ajax("GET", r.getAttribute("data-refresh"), {
      source: syncElement(id), target: "#" + id, swap: "outerHTML",
      headers: { "X-Bedside-Background": "1", "X-Bedside-Region-Swaps": String(since) }
    });
    if (request && typeof request.then === "function") { request.then(done, done); } else { done(); }
  }
  // Each region's refresh is its own htmx request, synchronised on an element of its own. Without
  // a source, htmx.ajax issues every request from the body: while one region's refresh is on its
  // way, the next region's waits in the body's queue, which keeps only the last one asked for (and
  // answers the others at once as if done), so one region's refresh could silently replace
  // another's, and a page with several regions (the thread, its status line, triage) would miss a
  // change for good. The element is hidden and outside every region, so its htmx-request class
  // never marks a region as busy.
  function syncElement(id) {
    var sid = "live-sync-" + id;
    var s = document.getElementById(sid);
    if (!s) {
      s = document.createElement("span");
      s.id = sid;
      s.hidden = true;
      document.body.appendChild(s);
    }
    return s;
  }
  function askAgainIfWanted(id) {
    if (!again[id] || fetching[id] !== undefined) { return; }
    var fresh = document.getElementById(id);
    if (fresh && !inFlight(fresh) && !interacting(fresh)) {
      delete again[id];
      refreshRegion(fresh);
    }
  }
  // The number of swaps the region had when this refresh was asked for; undefined for anything else.
  function refreshedSince(detail) {
    var headers = detail.requestConfig && detail.requestConfig.headers;
    var since = headers && headers["X-Bedside-Region-Swaps"];
    return since === undefined || since === null ? undefined : Number(since);
  }
  document.addEventListener("htmx:beforeSwap", function (e) {
    var target = e.detail.target;
    if (!target || !target.id || !target.hasAttribute || !target.hasAttribute("data-live")) { return; }
    var id = target.id;
    var since = refreshedSince(e.detail);
    if (since === undefined) { return; }
    // The refresh is older than what the region shows now, or the reader's own form in it is being
    // answered: keep the page as it is, and ask again once that has landed.
    if ((swaps[id] || 0) !== since || inFlight(target) || interacting(target)) {
      e.detail.shouldSwap = false;
      again[id] = true;
      return;
    }
    // A region of controls (triage, the inbox) is left alone when its refresh shows nothing new, as
    // after the reader's own change: swapping in an identical copy would replace the select they may
    // be about to use (a choice made on the replaced one would go nowhere) and take away the outcome
    // of what they just did.
    if (target.hasAttribute("data-live-keep-same") && sameAsShown(target, e.detail.serverResponse)) {
      e.detail.shouldSwap = false;
    }
  });
  // What a reader sees of a region: its words and its controls' values (the per-answer CSRF token,
  // the no-script fallback and the outcome of the reader's own last action aside: a refresh never
  // brings that notice, and must not take it away when nothing else changed).
  function shown(region) {
    var copy = region.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("noscript, input[name=_csrf], .notice"), function (n) { n.remove(); });
    var parts = [copy.textContent.replace(/\s+/g, " ").trim()];
    Array.prototype.forEach.call(region.querySelectorAll("select, input, textarea"), function (c) {
      if (c.name === "_csrf" || c.closest("noscript")) { return; }
      parts.push(c.name + "=" + ((c.type === "checkbox" || c.type === "radio") ? c.checked : c.value));
    });
    return parts.join("\n");
  }
  function sameAsShown(region, html) {
    if (typeof html !== "string") { return false; }
    var t = document.createElement("template");
    t.innerHTML = html;
    var fresh = t.content.getElementById ? t.content.getElementById(region.id) : t.content.querySelector("#" + region.id);
    return !!fresh && shown(fresh) === shown(region);
  }
  function swapped(target, detail) {
    if (!target || !target.id || !target.hasAttribute || !target.hasAttribute("data-live")) { return; }
    if (detail && refreshedSince(detail) !== undefined) { return; }
    swaps[target.id] = (swaps[target.id] || 0) + 1;
  }
  document.addEventListener("htmx:afterSwap", function (e) { swapped(e.detail.target, e.detail); });
  document.addEventListener("htmx:oobAfterSwap", function (e) { swapped(e.detail.target, null); });
  // Focus left a region: a refresh it put off may land now.
  document.addEventListener("focusout", function (e) {
    var r = e.target && e.target.closest ? e.target.closest("[data-live]") : null;
    if (r && r.id) { setTimeout(function () { askAgainIfWanted(r.id); }, 0); }
  });
  // The last conversation of a bulk selection was unchecked: a refresh put off may land now.
  document.addEventListener("change", function (e) {
    var box = e.target;
    if (!box || !box.matches || !box.matches("input.bulk-check") || box.checked) { return; }
    var r = box.closest("[data-live]");
    if (r && r.id) { setTimeout(function () { askAgainIfWanted(r.id); }, 0); }
  });
  // A form answer has landed: regions that heard of a change meanwhile ask for it now.
  document.addEventListener("htmx:afterSettle", function () {
    Object.keys(again).forEach(askAgainIfWanted);
  });
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

  // After a successful send, the reply form starts again empty, with a new idempotency key.
  function resetAfterSend(form) {
    form.addEventListener("htmx:afterRequest", function (e) {
      var refused = e.detail.xhr && e.detail.xhr.getResponseHeader("X-Bedside-Reply") === "refused";
      // Only the send itself, not a quick reply being put into the text. (The element that made
      // the request may be gone from the page by now, so look at where the request went.)
      var path = e.detail.pathInfo && e.detail.pathInfo.requestPath;
      if (!path || !/\/messages$/.test(path)) { return; }
      if (e.detail.successful && !refused) {
        form.reset();
        // The text the page was loaded with (a draft) is gone once sent.
        form.querySelectorAll("textarea").forEach(function (t) { t.defaultValue = ""; t.value = ""; });
        var key = form.querySelector("input[name=idempotencyKey]");
        if (key) { key.value = newKey(); }
      }
    });
  }
  // Wires the forms in a part of the page once: the page itself on load, and a conversation that
  // htmx brings in later (the inbox's side pane).
  function enhance(root) {
    var forms = Array.prototype.slice.call(root.querySelectorAll("form[data-autosave], form#reply"));
    if (root.matches && root.matches("form[data-autosave], form#reply")) { forms.push(root); }
    forms.forEach(function (form) {
      if (form.hasAttribute("data-enhanced")) { return; }
      form.setAttribute("data-enhanced", "");
      if (form.hasAttribute("data-autosave")) { autosave(form); }
      if (form.id === "reply") { resetAfterSend(form); }
    });
  }

  document.addEventListener("htmx:load", function (e) { enhance(e.detail.elt); });
  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    if (regions().length === 0 || !window.EventSource) { return; }
    var source = new EventSource("/api/v1/events");
    // A new stream starts from now: a change made between this page being rendered and the stream
    // opening (a nurse opening the conversation that moment) would otherwise never reach it. So the
    // first time it opens, every region asks once for its fresh fragment (an unchanged triage panel
    // or inbox stays as it is). Reconnections resume from the last event id and need nothing more.
    var opened = false;
    // The stream's state on the page's root element (connecting, open): the page's tests wait for
    // it before they make a change, and it tells a reader's support request what their page heard.
    var root = document.documentElement;
    root.setAttribute("data-live-stream", "connecting");
    source.addEventListener("error", function () {
      root.setAttribute("data-live-stream", source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    });
    source.addEventListener("open", function () {
      root.setAttribute("data-live-stream", "open");
      if (opened) { return; }
      opened = true;
      refresh(null);
    });
    ["message.created", "read.updated", "conversation.updated", "conversation.created", "call.recorded"].forEach(function (type) {
      source.addEventListener(type, function (e) { refresh(JSON.parse(e.data).conversationId); });
    });
    source.addEventListener("resync", function () { refresh(null); });
  });
})();
