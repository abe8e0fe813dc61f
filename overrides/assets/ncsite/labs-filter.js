/*
  Living labs: filter the lab cards by country and status. Without this script
  the page still works: the labs are grouped by status, with a country index.
  ?country=DK&status=running in the address preselects the filter.
*/
(function () {
  "use strict";

  var form = document.getElementById("lab-filter");
  if (!form) {
    return;
  }
  var country = form.elements.country;
  var status = form.elements.status;
  var count = form.querySelector(".nc-filter__count");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".nc-lab-card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".nc-lab-group"));
  var empty = document.querySelector(".nc-filter__empty");

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var match = (!country.value || card.getAttribute("data-country") === country.value) &&
        (!status.value || card.getAttribute("data-status") === status.value);
      card.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".nc-lab-card:not([hidden])");
    });
    if (empty) {
      empty.hidden = shown > 0;
    }
    count.textContent = shown === cards.length
      ? "Showing all " + cards.length + " labs."
      : "Showing " + shown + " of " + cards.length + " labs.";
  }

  var params = new URLSearchParams(window.location.search);
  [country, status].forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      select.value = wanted;
    }
    select.addEventListener("change", apply);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (empty) {
    empty.querySelector("button").addEventListener("click", function () {
      country.value = "";
      status.value = "";
      apply();
      country.focus();
    });
  }
  form.hidden = false;
  apply();
})();
