/* Keeps "upcoming" true after the build: events that have ended since the site
   was built (by the reader's clock) move from an upcoming list
   ([data-nc-upcoming], items with data-end) to the list of the section the
   attribute names. Items past the list's data-limit stay hidden until earlier
   ones end. An event page built before its event ended ([data-nc-event-end])
   turns into the past form once it has: [data-nc-after-end] ("took place",
   the small .ics link) shown, [data-nc-until-end] (registration, add to
   calendar) hidden. Without JavaScript the pages stay as the build left them. */
(function () {
  "use strict";
  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-nc-upcoming]").forEach(function (box) {
      var ended = document.getElementById(box.getAttribute("data-nc-upcoming"));
      var endedList = ended && ended.querySelector("ul");
      var list = box.querySelector("ul");
      var left = [];
      if (list) {
        Array.prototype.forEach.call(list.querySelectorAll("li[data-end]"), function (item) {
          if (Date.parse(item.getAttribute("data-end")) > now) {
            left.push(item);
            return;
          }
          item.removeAttribute("data-end");
          item.hidden = false;
          if (endedList) {
            endedList.insertBefore(item, endedList.firstChild); /* newest first */
            ended.hidden = false;
          } else {
            item.remove();
          }
        });
        var limit = parseInt(list.getAttribute("data-limit") || "0", 10);
        left.forEach(function (item, index) { item.hidden = limit > 0 && index >= limit; });
        if (!left.length) list.hidden = true;
      }
      var none = box.querySelector("[data-nc-none]");
      if (none) none.hidden = left.length > 0;
    });
  }
  function turnEventPage() {
    var box = document.querySelector("[data-nc-event-end]");
    if (!box || Date.parse(box.getAttribute("data-nc-event-end")) > Date.now()) return;
    box.querySelectorAll("[data-nc-after-end]").forEach(function (el) { el.hidden = false; });
    box.querySelectorAll("[data-nc-until-end]").forEach(function (el) { el.hidden = true; });
  }
  update();
  turnEventPage();
})();
