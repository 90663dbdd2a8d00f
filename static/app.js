// Progressive enhancement only: every page and form works without this file.
(function () {
  "use strict";

  // Show the event's times in the visitor's own time zone when it differs.
  var visitorZone;
  try {
    visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  // In the language the page is shown in, as the server's own dates are.
  var shown = document.documentElement.lang || undefined;
  var format = new Intl.DateTimeFormat(shown, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  var timeOnly = new Intl.DateTimeFormat(shown, {
    hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  var dayOf = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
  document.querySelectorAll("[data-local-start]").forEach(function (el) {
    if (!visitorZone || el.getAttribute("data-zone") === visitorZone) {
      return;
    }
    var start = new Date(el.getAttribute("data-local-start"));
    var endText = el.getAttribute("data-local-end");
    var text = format.format(start);
    if (endText) {
      var end = new Date(endText);
      if (format.formatRange) {
        // Worded in the page's language, the end's date left out when it is the start's.
        text = format.formatRange(start, end);
      } else {
        var sameDay = dayOf.format(start) === dayOf.format(end);
        text += " – " + (sameDay ? timeOnly : format).format(end);
      }
    }
    var target = el.querySelector(".local-time-text");
    if (target) {
      target.textContent = text;
      el.hidden = false;
    }
  });

  // After a refused form, take keyboard and screen reader users to the list of problems.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
})();
