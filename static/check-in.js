// Progressive enhancement of the check-in page: results as you type, and live counts.
// Without this file the search is a plain form and the page shows the counts it had.
(function () {
  "use strict";
  var form = document.getElementById("check-in-search");
  var results = document.getElementById("check-in-results");
  var counts = document.getElementById("check-in-counts");
  if (!form || !results || !counts || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var timer = null;
  var asked = 0;

  // The page itself, as a fragment: the same route answers `part=results`.
  function refresh(query) {
    var mine = ++asked;
    var url = form.getAttribute("action") + "?part=results&q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(answer.status); }
        return answer.text();
      })
      .then(function (html) {
        // A slower earlier answer never overwrites a later one.
        if (mine !== asked) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var newResults = doc.getElementById("check-in-results");
        var newCounts = doc.getElementById("check-in-counts");
        if (newResults) { results.replaceWith(newResults); results = newResults; }
        if (newCounts) { counts.textContent = newCounts.textContent; }
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", form.getAttribute("action") + "?q=" + encodeURIComponent(query));
        }
      })
      .catch(function () { /* the plain form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { refresh(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh(input.value);
  });
  // Other helpers at other doors check people in too.
  window.setInterval(function () { refresh(input.value); }, 15000);
}());
