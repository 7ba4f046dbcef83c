// Urgent words checked while a patient types: the new-message form (subject, message and a
// request's fields) and the reply box carry the practice's urgent phrases in data-urgent-phrases
// (phrases only, no PHI; also at GET /api/v1/urgent-phrases). When what is typed holds one, the
// emergency guidance (911, 988) shows in the form's live region before sending; sending is never
// blocked. A help only: the server checks every message a patient sends all the same, and is the
// authority. The matching mirrors workflow.UrgentWords exactly: lower case, accents and
// apostrophes dropped, anything else a word break; a phrase's words in order, each starting a
// word, with at most two other words between them; every field on its own.
(function () {
  "use strict";
  var MAX_GAP = 2;
  var marks, apostrophes, breaks;
  try {
    marks = new RegExp("\\p{M}+", "gu");
    breaks = new RegExp("[^\\p{L}\\p{N}]+", "gu");
    apostrophes = /['\u2019`]/g;
  } catch (e) {
    return; // No Unicode classes in this browser: no check here, the server's stays.
  }

  function words(text) {
    var folded = String(text || "").normalize("NFD").replace(marks, "").toLowerCase()
      .replace(apostrophes, "").replace(breaks, " ").trim();
    return folded ? folded.split(" ") : [];
  }

  // The same walk as UrgentWords.matchAt: the first word starting with the phrase's first stem,
  // then each next stem in the next 1 + MAX_GAP words, the first that fits.
  function holds(ws, phrase) {
    for (var start = 0; start < ws.length; start++) {
      if (ws[start].indexOf(phrase[0]) !== 0) { continue; }
      var at = start;
      var matched = 1;
      while (matched < phrase.length) {
        var found = -1;
        for (var next = at + 1; next < ws.length && next <= at + 1 + MAX_GAP; next++) {
          if (ws[next].indexOf(phrase[matched]) === 0) { found = next; break; }
        }
        if (found < 0) { break; }
        at = found;
        matched++;
      }
      if (matched === phrase.length) { return true; }
    }
    return false;
  }

  // The first phrase found in a text, as UrgentWords.find gives it (stems joined by a space), or
  // null: what the tests compare with the server's matching.
  window.BedsideUrgentWords = {
    find: function (phrases, text) {
      var ws = words(text);
      for (var i = 0; i < phrases.length; i++) {
        var p = words(phrases[i]);
        if (p.length > 0 && holds(ws, p)) { return p.join(" "); }
      }
      return null;
    }
  };

  function watch(form) {
    var phrases;
    try {
      phrases = JSON.parse(form.getAttribute("data-urgent-phrases"));
    } catch (e) {
      return;
    }
    var stems = (phrases || []).map(words).filter(function (p) { return p.length > 0; });
    var note = form.querySelector("[data-urgent-guidance] [data-urgent-note]");
    if (!note || stems.length === 0) { return; }
    var timer = null;
    var check = function () {
      timer = null;
      var fields = form.querySelectorAll("textarea, input[type=text], input:not([type])");
      var found = Array.prototype.some.call(fields, function (field) {
        var ws = words(field.value);
        return ws.length > 0 && stems.some(function (p) { return holds(ws, p); });
      });
      if (note.hidden === found) { note.hidden = !found; }
    };
    var later = function () {
      if (timer === null) { timer = window.setTimeout(check, 120); }
    };
    form.addEventListener("input", later);
    form.addEventListener("reset", function () { window.setTimeout(check, 0); });
    form.addEventListener("htmx:afterRequest", function () { window.setTimeout(check, 0); });
    check();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-urgent-phrases]").forEach(watch);
  });
})();
