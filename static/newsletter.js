// Progressive enhancement of the newsletter's write form: the preview follows the text as
// one types. Without this file the Preview button shows it, the form's values kept.
(function () {
  "use strict";
  var form = document.getElementById("issue-form");
  var preview = document.getElementById("issue-preview");
  if (!form || !preview || !window.fetch || !window.FormData) {
    return;
  }
  var timer = null;
  var asked = 0;

  // The preview route answers `part=preview` with the preview alone.
  function refresh() {
    var mine = ++asked;
    var data = new FormData(form);
    data.set("part", "preview");
    fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      body: new URLSearchParams(data)
    })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(answer.status); }
        return answer.text();
      })
      .then(function (html) {
        // A slower earlier answer never overwrites a later one.
        if (mine !== asked) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("issue-preview");
        if (fresh) { preview.replaceWith(fresh); preview = fresh; }
      })
      .catch(function () { /* the Preview button still works */ });
  }

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  });
}());
