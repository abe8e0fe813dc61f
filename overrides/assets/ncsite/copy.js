/* Copy buttons for addresses (feeds, calendars): shown only when this script runs. */
(function () {
  "use strict";

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(text, element) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    selectText(element);
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var value = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy") + "-status");
    if (!value || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(value.textContent.trim(), value).then(function () {
        status.textContent = "Copied. Paste it into your app.";
      }, function () {
        selectText(value);
        status.textContent = "Copying did not work here: the address is selected, copy it with your keyboard or menu.";
      });
    });
  });
})();
