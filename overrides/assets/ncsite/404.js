/* Page not found: show the address that was asked for. */
(function () {
  var box = document.querySelector(".nc-404__asked");
  var path = document.getElementById("nc-404-path");
  if (!box || !path) return;
  path.textContent = decodeURIComponent(window.location.pathname) + window.location.search;
  box.hidden = false;
})();
