// The header's menu is a <details> disclosure: closed on a phone (one line: the practice and
// "Menu"), open as a row of links on a wide screen. Without scripts it simply stays a disclosure.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem)");
  function fit() {
    document.querySelectorAll("details[data-menu]").forEach(function (menu) {
      menu.classList.toggle("inline", wide.matches);
      menu.open = wide.matches;
    });
  }
  document.addEventListener("DOMContentLoaded", fit);
  // On a phone the open menu covers the page: a tap elsewhere or Escape closes it.
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details[data-menu]:not(.inline)[open]").forEach(function (menu) {
      if (!menu.contains(e.target)) { menu.open = false; }
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    document.querySelectorAll("details[data-menu]:not(.inline)[open]").forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  if (wide.addEventListener) { wide.addEventListener("change", fit); }
})();

// Installable Bedside: the service worker keeps only the offline page (never a page, an API answer
// or anything about a patient) and shows Web Push notices. Registered on every page.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) { return; }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      // No service worker (a private window, an old browser): Bedside works as a plain site.
    });
  });
})();
