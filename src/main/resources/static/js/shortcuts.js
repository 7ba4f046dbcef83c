// Keyboard shortcuts for the care team: j/k move through the inbox, o or Enter opens, r replies,
// a assigns to me, u goes back to the inbox, / finds a patient, ? shows the help. Keys typed into a
// field are text, never shortcuts.
(function () {
  "use strict";
  var selectedId = null;

  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function items() { return Array.prototype.slice.call(document.querySelectorAll(".inbox-item")); }
  function select(item) {
    items().forEach(function (i) { i.classList.remove("selected"); });
    if (!item) { return; }
    item.classList.add("selected");
    selectedId = item.getAttribute("data-conversation");
    var link = item.querySelector("a");
    if (link) { link.focus(); }
  }
  function move(step) {
    var list = items();
    if (list.length === 0) { return; }
    var at = list.findIndex(function (i) { return i.classList.contains("selected"); });
    if (at < 0) {
      at = list.findIndex(function (i) { return i.contains(document.activeElement); });
    }
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    select(list[next]);
  }
  function click(selector) {
    var el = document.querySelector(selector);
    if (el) { el.click(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
    var help = document.getElementById("shortcuts");
    switch (e.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "o": {
        var chosen = document.querySelector(".inbox-item.selected a");
        if (chosen) { chosen.click(); } else { return; }
        break;
      }
      case "r": {
        var reply = document.getElementById("reply-body");
        if (reply) { reply.focus(); } else { return; }
        break;
      }
      case "a": if (!click("[data-shortcut=assign-to-me]")) { return; } break;
      case "u": if (!click("[data-shortcut=inbox]")) { window.location.assign("/app/inbox"); } break;
      case "/": {
        var search = document.getElementById("patient-search");
        if (search) { search.focus(); } else { window.location.assign("/app/patients"); }
        break;
      }
      case "?": if (help) { help.open = !help.open; if (help.open) { help.querySelector("summary").focus(); } } else { return; } break;
      default: return;
    }
    e.preventDefault();
  });

  // A live refresh replaces the list; keep the reader's place in it.
  document.addEventListener("htmx:afterSwap", function () {
    if (!selectedId) { return; }
    var again = document.querySelector('.inbox-item[data-conversation="' + selectedId + '"]');
    if (again) { again.classList.add("selected"); }
  });
})();
