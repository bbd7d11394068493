// Adds the visitor's own time beside an event's time when their browser's zone differs from
// the event's. Without JavaScript the page shows the event's time and zone, which is enough.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll("[data-event-start]").forEach(function (element) {
    var start = new Date(element.getAttribute("data-event-start"));
    if (isNaN(start.getTime()) || !browserZone) {
      return;
    }
    var zoneLabel = element.querySelector(".event-when__zone");
    if (zoneLabel && zoneLabel.textContent.indexOf(browserZone) !== -1) {
      return; // the visitor is in the event's zone
    }
    var formatted = new Intl.DateTimeFormat(lang, {
      dateStyle: "full",
      timeStyle: "short",
    }).format(start);
    var note = document.createElement("span");
    note.className = "event-when__local";
    note.textContent = " · " + formatted + " (" + browserZone + ")";
    element.appendChild(note);
  });
})();
