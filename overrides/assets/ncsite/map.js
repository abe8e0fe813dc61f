/* Maps (overrides/ncsite/map.html): the "Show the map" button on phones, and the directory's filters.
 *
 * The map is complete without this script. On Matchpoint it shows only the markers of the
 * clusters whose cards the directory (matchpoint.js) shows: it watches the cards' `hidden`
 * attribute, whatever changed it (filters, text search, the URL), and matches a marker to
 * its card by the profile address both link to. A town whose markers are all hidden is
 * hidden with its name. A click on a country's name sets the directory's country filter.
 */
(function () {
  "use strict";

  function absolute(href) {
    return new URL(href, window.location.href).href;
  }

  function toggle(figure) {
    var button = figure.querySelector(".nc-map__toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = !figure.classList.contains("nc-map--open");
      figure.classList.toggle("nc-map--open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? "Hide the map" : "Show the map";
    });
  }

  function follow(figure, lists) {
    var pins = Array.prototype.slice.call(figure.querySelectorAll("a.nc-map__pin"));
    var towns = Array.prototype.slice.call(figure.querySelectorAll(".nc-map__town"));
    function update() {
      var cards = {};
      lists.forEach(function (list) {
        Array.prototype.forEach.call(list.children, function (card) {
          var link = card.querySelector("a[href]");
          if (link) cards[absolute(link.getAttribute("href"))] = card;
        });
      });
      pins.forEach(function (pin) {
        var card = cards[absolute(pin.getAttribute("href"))];
        var hide = !!card && card.hidden;
        if (pin.hasAttribute("hidden") !== hide) pin.toggleAttribute("hidden", hide);
      });
      towns.forEach(function (town) {
        var hide = !town.querySelector("a.nc-map__pin:not([hidden])");
        if (town.hasAttribute("hidden") !== hide) town.toggleAttribute("hidden", hide);
      });
    }
    lists.forEach(function (list) {
      new MutationObserver(update).observe(list, { attributes: true, attributeFilter: ["hidden"], subtree: true,
                                                   childList: true });
    });
    update();
  }

  // A country's name sets the directory's country filter in place (its link, ?country=XX, is for
  // browsers without this script and for opening in a new tab); the chosen country is marked current.
  function countries(figure, select) {
    var links = Array.prototype.slice.call(figure.querySelectorAll("a.nc-map__country"));
    function known(code) {
      return Array.prototype.some.call(select.options, function (o) { return o.value === code; });
    }
    function mark() {
      links.forEach(function (link) {
        if (link.getAttribute("data-country") === select.value) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      });
    }
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        var code = link.getAttribute("data-country");
        if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || !known(code)) return;
        event.preventDefault();
        select.value = code;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
    select.addEventListener("change", mark);
    window.addEventListener("popstate", mark);
    if (select.form) select.form.addEventListener("reset", function () { setTimeout(mark, 0); });
    mark();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-nc-map]"), function (figure) {
    toggle(figure);
    /* The current clusters and, listed apart, those that merged or were renamed. */
    var lists = ["nc-clusters", "nc-former"].map(function (id) { return document.getElementById(id); }).filter(Boolean);
    if (figure.classList.contains("nc-map--clusters") && lists.length) follow(figure, lists);
    var select = document.getElementById("nc-country");
    if (select) countries(figure, select);
  });
})();
