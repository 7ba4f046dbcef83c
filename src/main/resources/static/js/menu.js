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
