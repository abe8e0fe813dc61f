/* Matchpoint directory: facets, text search and "What are you looking for?", in the browser.
 *
 * The page lists every cluster; this script only shows the finder (hidden without
 * JavaScript), hides the cards that do not match, and ranks them by the topics picked.
 * Each card carries its filter data in data- attributes (country, industry, topic ids,
 * search text). The state lives in the query string (?text=&country=&industry=&topic=&want=a,b;
 * not "q", which Material's own search reads)
 * so that a filtered view can be shared and survives a reload. Values reach the page
 * only as text (textContent), never as HTML.
 */
(function () {
  "use strict";
  var form = document.getElementById("nc-finder");
  var list = document.getElementById("nc-clusters");
  var count = document.getElementById("nc-count");
  if (!form || !list || !count) return;

  var cards = Array.prototype.slice.call(list.children);
  var total = cards.length;
  var data = cards.map(function (card, index) {
    return {
      card: card,
      index: index,
      country: card.getAttribute("data-country") || "",
      industry: card.getAttribute("data-industry") || "",
      topics: (card.getAttribute("data-topics") || "").split(" ").filter(Boolean),
      text: card.getAttribute("data-text") || ""
    };
  });
  var labels = {};
  Array.prototype.forEach.call(form.querySelectorAll("input[name=want]"), function (box) {
    var label = form.querySelector("label[for='" + box.id + "']");
    labels[box.value] = label ? label.textContent : box.value;
  });
  var fields = {
    q: form.elements.q,
    country: form.elements.country,
    industry: form.elements.industry,
    topic: form.elements.topic
  };

  function wanted() {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=want]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
  }

  function state() {
    return {
      q: fields.q.value.trim(),
      country: fields.country.value,
      industry: fields.industry.value,
      topic: fields.topic.value,
      want: wanted()
    };
  }

  function setSelect(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : "";
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    fields.q.value = params.get("text") || "";
    setSelect(fields.country, params.get("country") || "");
    setSelect(fields.industry, params.get("industry") || "");
    setSelect(fields.topic, params.get("topic") || "");
    var want = (params.get("want") || "").split(",").filter(Boolean);
    Array.prototype.forEach.call(form.querySelectorAll("input[name=want]"), function (box) {
      box.checked = want.indexOf(box.value) !== -1;
    });
  }

  function writeUrl(s) {
    var params = new URLSearchParams();
    if (s.q) params.set("text", s.q);
    ["country", "industry", "topic"].forEach(function (key) { if (s[key]) params.set(key, s[key]); });
    if (s.want.length) params.set("want", s.want.join(","));
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function why(card, hits, of) {
    var note = card.querySelector(".nc-card__why");
    if (!hits) {
      if (note) note.hidden = true;
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = "nc-card__why";
      card.appendChild(note);
    }
    note.textContent = "Matches " + hits.length + " of " + of + ": " +
      hits.map(function (id) { return labels[id] || id; }).join(", ");
    note.hidden = false;
  }

  function apply() {
    var s = state();
    var words = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = [];
    data.forEach(function (d) {
      var ok = (!s.country || d.country === s.country) &&
        (!s.industry || d.industry === s.industry) &&
        (!s.topic || d.topics.indexOf(s.topic) !== -1) &&
        words.every(function (w) { return d.text.indexOf(w) !== -1; });
      var hits = s.want.filter(function (id) { return d.topics.indexOf(id) !== -1; });
      if (s.want.length && !hits.length) ok = false;
      d.score = hits.length;
      d.card.hidden = !ok;
      why(d.card, ok && s.want.length ? hits : null, s.want.length);
      if (ok) shown.push(d);
    });
    // Ranked by the topics picked, best first; otherwise the directory's order (by name).
    var order = data.slice().sort(function (a, b) {
      return s.want.length ? (b.score - a.score) || (a.index - b.index) : a.index - b.index;
    });
    var changed = order.some(function (d, i) { return list.children[i] !== d.card; });
    if (changed) order.forEach(function (d) { list.appendChild(d.card); });

    var filtered = s.q || s.country || s.industry || s.topic || s.want.length;
    var text;
    if (!filtered) text = total + " clusters";
    else if (!shown.length) text = "No cluster matches. Try fewer filters or other words.";
    else text = (shown.length === 1 ? "1 cluster" : shown.length + " clusters") + " of " + total +
      (s.want.length ? ", best match first" : "");
    if (count.textContent !== text) count.textContent = text;
    writeUrl(s);
  }

  form.hidden = false;
  var picker = document.getElementById("nc-want");
  // The topic picker starts open on wide screens, or when topics are picked; on phones it is one tap away.
  if (picker && window.matchMedia("(min-width: 45em)").matches) picker.open = true;
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  window.addEventListener("popstate", function () { readUrl(); apply(); });
  readUrl();
  if (picker && wanted().length) picker.open = true;
  apply();
})();
