// The inbox on a wide screen (>= 1200 px): a chosen conversation opens beside the list instead of
// replacing it. The row stays a plain link, so without JavaScript or on a narrower screen it opens
// the full conversation page as before. The address follows what is open (?open=<id>), so reload
// and back show the same thing.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 1200px)");

  function pane() { return document.getElementById("inbox-pane"); }
  function withOpen(id) {
    var url = new URL(window.location.href);
    if (id) { url.searchParams.set("open", id); } else { url.searchParams.delete("open"); }
    return url.pathname + url.search;
  }
  function markOpen(id) {
    document.querySelectorAll(".inbox-item").forEach(function (item) {
      var link = item.querySelector(".inbox-link");
      var open = item.getAttribute("data-conversation") === id;
      item.classList.toggle("open", open);
      if (link) { if (open) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); } }
    });
  }
  function refreshList() {
    var results = document.getElementById("inbox-results");
    if (!results || !window.htmx) { return; }
    htmx.ajax("GET", results.getAttribute("data-refresh"), {
      target: "#inbox-results", swap: "outerHTML", headers: { "X-Bedside-Background": "1" }
    });
  }
  function open(id, push, focus) {
    var target = pane();
    if (!target || !window.htmx) { return false; }
    htmx.ajax("GET", "/app/conversations/" + encodeURIComponent(id), {
      target: "#inbox-pane", select: ".workspace-grid", swap: "innerHTML"
    }).then(function () {
      target.setAttribute("data-open", id);
      // The page's help and shortcuts are already beside the list.
      target.querySelectorAll("#shortcuts").forEach(function (d) { d.remove(); });
      var heading = target.querySelector("h1");
      if (heading) {
        // One main heading per page: the list's. The conversation's subject is the pane's.
        var h2 = document.createElement("h2");
        h2.className = "pane-heading";
        h2.textContent = heading.textContent;
        h2.tabIndex = -1;
        heading.replaceWith(h2);
        if (focus) { h2.focus(); }
      }
      markOpen(id);
      // Opening marks the conversation read: the list's "new" count follows.
      refreshList();
    });
    if (push) { history.pushState({ open: id }, "", withOpen(id)); }
    return true;
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest(".inbox-list .inbox-link");
    if (!link || !wide.matches || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
    var item = link.closest(".inbox-item");
    if (item && open(item.getAttribute("data-conversation"), true, true)) { e.preventDefault(); }
  });

  window.addEventListener("popstate", function () {
    var id = new URL(window.location.href).searchParams.get("open");
    if (id && wide.matches) { open(id, false, false); return; }
    var target = pane();
    if (target && target.getAttribute("data-open")) { window.location.reload(); }
  });

  // A live refresh of the list keeps the open row marked.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "inbox-results") {
      var target = pane();
      if (target && target.getAttribute("data-open")) { markOpen(target.getAttribute("data-open")); }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var target = pane();
    var id = target && target.getAttribute("data-open");
    if (id && wide.matches) { open(id, false, false); }
  });
})();
