// The new-message form: "To someone in particular?" lists only the chosen team's members, and
// the photos and PDFs picked are listed by name. Without scripts the server does both (it lists
// the chosen team's members when the page is drawn, refuses anyone else, and the browser shows
// the chosen files in the inputs).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var team = document.querySelector("[data-team-select]");
    var provider = document.querySelector("[data-provider-select]");
    if (team && provider) {
      // Every member of every team, kept so that switching teams can show them again.
      var all = Array.prototype.slice.call(provider.querySelectorAll("option[data-team]"));
      team.addEventListener("change", function () {
        var chosen = provider.value;
        all.forEach(function (o) { if (o.parentNode) { o.parentNode.removeChild(o); } });
        all.forEach(function (o) {
          if (!team.value || o.getAttribute("data-team") === team.value) { provider.appendChild(o); }
        });
        provider.value = all.some(function (o) { return o.parentNode && o.value === chosen; }) ? chosen : "";
      });
    }
    var box = document.querySelector("[data-attach]");
    if (box) {
      var list = box.querySelector("[data-attached]");
      var inputs = box.querySelectorAll("input[type=file]");
      var show = function () {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        var names = [];
        inputs.forEach(function (input) {
          Array.prototype.forEach.call(input.files || [], function (f) {
            names.push(f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KB)");
          });
        });
        names.forEach(function (n) {
          var li = document.createElement("li");
          li.textContent = n;
          list.appendChild(li);
        });
        list.setAttribute("aria-label", list.getAttribute("data-label"));
      };
      inputs.forEach(function (input) { input.addEventListener("change", show); });
    }
  });
})();
