/* Matchpoint directory: text search, facets and "Topics you need a partner for", in the browser.
 *
 * The finder is a plain GET form in the page (it works as a form without this script);
 * the script filters and ranks the cards in place instead of reloading. Each card carries
 * its data in data- attributes: country, project, topic ids, and its names and searchable
 * text folded by ncsite/search.py (lowercase, no accents, words). What a visitor types is
 * folded the same way; every word must start a word of the card's text, and name hits rank
 * first, then town hits. When no card holds every word, the cards holding most of them are shown, said so.
 * The state lives in the query string (?text=&country=&project=&topic=&want=a,b; not "q",
 * which Material's search reads); values are read case-insensitively and kept in the address,
 * and a value no cluster has gives a clear empty state. Values reach the page only as text.
 */
(function () {
  "use strict";
  var form = document.getElementById("nc-finder");
  var list = document.getElementById("nc-clusters");
  var count = document.getElementById("nc-count");
  var empty = document.getElementById("nc-empty");
  if (!form || !list || !count || !empty) return;

  /* The current clusters, and those that merged or were renamed, listed apart (#nc-former). */
  var former = document.getElementById("nc-former");
  var formerSection = document.getElementById("nc-former-section");
  var cards = Array.prototype.slice.call(list.children).concat(former ? Array.prototype.slice.call(former.children) : []);
  var total = cards.length;
  var data = cards.map(function (card, index) {
    return {
      card: card,
      index: index,
      country: card.getAttribute("data-country") || "",
      project: card.getAttribute("data-project") || "",
      topics: (card.getAttribute("data-topics") || "").split(" ").filter(Boolean),
      name: " " + (card.getAttribute("data-name") || ""),
      place: " " + (card.getAttribute("data-place") || ""),
      text: " " + (card.getAttribute("data-text") || "")
    };
  });
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=want]"));
  var labels = {};
  boxes.forEach(function (box) {
    var label = form.querySelector("label[for='" + box.id + "']");
    labels[box.value] = label ? label.textContent : box.value;
  });
  var fields = { text: form.elements.text, country: form.elements.country, project: form.elements.project,
    topic: form.elements.topic };
  var more = document.getElementById("nc-more");
  var summary = more && more.querySelector("summary");
  var summaryText = summary ? summary.textContent : "";
  var regionNames = window.Intl && Intl.DisplayNames ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

  // The same folding as ncsite/search.py: ø æ œ ß and accents to plain letters, punctuation to spaces.
  var LETTERS = { "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i" };
  function fold(text) {
    return text.toLowerCase().replace(/[øæœßđðłþı]/g, function (ch) { return LETTERS[ch]; })
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^0-9a-z]+/g, " ").trim();
  }

  function optionFor(select, value, label) {
    // A value no cluster has stays visible in its select (and in the address) as "… (0)".
    var wanted = value.toLowerCase();
    var found = Array.prototype.filter.call(select.options, function (o) {
      return o.value.toLowerCase() === wanted;
    })[0];
    if (!found && value) {
      found = new Option(label + " (0)", value);
      found.setAttribute("data-added", "");
      select.appendChild(found);
    }
    select.value = found ? found.value : "";
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    fields.text.value = params.get("text") || "";
    var country = (params.get("country") || "").trim().toUpperCase();
    optionFor(fields.country, country, regionNames && /^[A-Z]{2}$/.test(country) ? regionNames.of(country) : country);
    var project = (params.get("project") || "").trim().toLowerCase();
    optionFor(fields.project, project, project);
    var topic = (params.get("topic") || "").trim().toLowerCase();
    optionFor(fields.topic, topic, topic);
    var want = params.getAll("want").join(",").toLowerCase().split(",").filter(Boolean);
    boxes.forEach(function (box) { box.checked = want.indexOf(box.value) !== -1; });
  }

  function state() {
    return {
      text: fields.text.value.trim(),
      words: fold(fields.text.value).split(" ").filter(Boolean),
      country: fields.country.value,
      project: fields.project.value,
      topic: fields.topic.value,
      want: boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; })
    };
  }

  function writeUrl(s) {
    var params = new URLSearchParams();
    if (s.text) params.set("text", s.text);
    ["country", "project", "topic"].forEach(function (key) { if (s[key]) params.set(key, s[key]); });
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

  function selectedLabel(select) {
    var option = select.options[select.selectedIndex];
    return option ? option.textContent.replace(/ \((\d+|no cluster yet)\)$/, "") : select.value;
  }

  function hits(haystack, words) {
    return words.filter(function (w) { return haystack.indexOf(" " + w) !== -1; }).length;
  }

  function apply() {
    var s = state();
    var passing = data.filter(function (d) {
      d.words = hits(d.text, s.words);
      d.names = hits(d.name, s.words);
      d.places = hits(d.place, s.words);
      d.score = s.want.filter(function (id) { return d.topics.indexOf(id) !== -1; });
      return (!s.country || d.country === s.country) && (!s.project || d.project === s.project) &&
        (!s.topic || d.topics.indexOf(s.topic) !== -1) && (!s.want.length || d.score.length);
    });
    // A name hit on a rare word ("offshore") weighs more than one on a common word ("wind").
    var spread = s.words.map(function (w) {
      return passing.filter(function (d) { return d.text.indexOf(" " + w) !== -1; }).length || 1;
    });
    passing.forEach(function (d) {
      d.names = s.words.reduce(function (sum, w, i) { return sum + (d.name.indexOf(" " + w) !== -1 ? 1 / spread[i] : 0); }, 0);
    });
    var best = passing.reduce(function (most, d) { return Math.max(most, d.words); }, 0);
    var partial = s.words.length > 0 && best > 0 && best < s.words.length;
    var shown = passing.filter(function (d) { return !s.words.length || (best > 0 && d.words === best); });
    data.forEach(function (d) {
      d.card.hidden = shown.indexOf(d) === -1;
      why(d.card, !d.card.hidden && s.want.length ? d.score : null, s.want.length);
    });
    // Best match first: topics covered, then name hits; otherwise the directory's order.
    var order = data.slice().sort(function (a, b) {
      return (b.score.length - a.score.length) || (b.names - a.names) || (b.places - a.places) ||
        (a.index - b.index);
    });
    [list, former].forEach(function (ul) {
      if (!ul) return;
      var mine = order.filter(function (d) { return d.card.parentNode === ul; });
      var changed = mine.some(function (d, i) { return ul.children[i] !== d.card; });
      if (changed) mine.forEach(function (d) { ul.appendChild(d.card); });
    });
    if (formerSection) {
      var anyFormer = shown.some(function (d) { return d.card.parentNode === former; });
      if (formerSection.hidden === anyFormer) formerSection.hidden = !anyFormer;
    }

    var filtered = s.words.length || s.country || s.project || s.topic || s.want.length;
    var text;
    if (!filtered) text = total + " clusters";
    else if (!shown.length) {
      if (s.country && !data.some(function (d) { return d.country === s.country; })) {
        text = "No cluster in " + selectedLabel(fields.country) + " yet.";
      } else if (s.topic && !data.some(function (d) { return d.topics.indexOf(s.topic) !== -1; })) {
        text = "No cluster works on “" + selectedLabel(fields.topic) + "” yet.";
      } else if (s.project && !data.some(function (d) { return d.project === s.project; })) {
        text = "No cluster from the project “" + s.project + "”.";
      } else text = "No cluster matches. Try fewer filters or other words.";
    } else {
      var set = [s.country && fields.country, s.project && fields.project, s.topic && fields.topic]
        .filter(Boolean).map(selectedLabel);
      text = (shown.length === 1 ? "1 cluster" : shown.length + " clusters") + " of " + total +
        (set.length ? " (" + set.join(", ") + ")" : "") +
        (partial ? " match some of your words (none matches all)" : "") +
        (s.want.length ? ", best match first" : "");
    }
    if (count.textContent !== text) count.textContent = text;
    // On a phone the filters stay folded, so that the answer comes first: the summary says how many are set.
    var active = [s.country, s.project, s.topic].filter(Boolean).length + (s.want.length ? 1 : 0);
    var label = active ? summaryText + " (" + active + " set)" : summaryText;
    if (summary && summary.textContent !== label) summary.textContent = label;
    empty.hidden = shown.length > 0;
    writeUrl(s);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  var clear = document.getElementById("nc-clear");
  if (clear) {
    clear.addEventListener("click", function (event) {
      event.preventDefault();
      form.reset();
      [fields.country, fields.project, fields.topic].forEach(function (select) {
        Array.prototype.forEach.call(select.querySelectorAll("option[data-added]"), function (o) { o.remove(); });
        select.value = "";
      });
      apply();
    });
  }
  window.addEventListener("popstate", function () { readUrl(); apply(); });
  readUrl();
  apply();
  document.documentElement.classList.remove("nc-filtering"); /* set by early.js: the list is filtered now */
})();
