/* Runs in <head> of the directory pages (Matchpoint, events), before the first paint, so that a link
   with a filter shows its answer at once instead of the whole list moving into place (layout shift):
   html.nc-js says scripts run (the phone map's "Show the map" button keeps its place from the start);
   html.nc-filtering, on an address with a query (?country=, ?topic=, ...), keeps the list invisible
   until matchpoint.js has filtered it (site.css shows the list after 3 s whatever happens);
   <html data-nc-target>, the address's #type-..., #year-... or #project-... (the events filters,
   overrides/calendar.html), kept up to date as the reader follows the filter links. */
(function () {
  "use strict";
  var classes = document.documentElement.classList;
  classes.add("nc-js");
  if (window.location.search.length > 1) classes.add("nc-filtering");
  function target() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (/^(type|year|project)-[a-z0-9-]+$/.test(id)) document.documentElement.setAttribute("data-nc-target", id);
    else document.documentElement.removeAttribute("data-nc-target");
  }
  target();
  window.addEventListener("hashchange", target);
})();
