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
  if (wide.addEventListener) { wide.addEventListener("change", fit); }
})();
