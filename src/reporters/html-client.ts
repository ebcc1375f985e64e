/**
 * The HTML report's stylesheet and script, inlined into the page and allowed by their hashes in its
 * Content-Security-Policy. The script is plain browser JavaScript kept as a string: the package
 * ships no browser bundle and the project has no DOM types, so it is small and written for that.
 * It reads the data block (see `HtmlData` in html.ts), draws the heat map a page at a time and an
 * article's side-by-side view only when it is opened, so a report of thousands of articles
 * becomes interactive at once. Document text reaches the page only through `textContent`.
 */

export const CLIENT_STYLE = `
:root { color-scheme: light; --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --ok: #1a7f37; --ok-bg: #dafbe1; --line: #d0d7de; --muted: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.summary { margin: 0; color: var(--muted); }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 160px; height: 12px; vertical-align: middle; margin-right: 8px; }
.filters { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
.filters select, .filters input[type=search] { font: inherit; padding: 2px 6px; }
#heat td.article { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; cursor: pointer; }
#heat td.article::before { content: "▸ "; color: var(--muted); }
#heat tr.open td.article::before { content: "▾ "; }
#heat td.cell { text-align: center; min-width: 64px; font-variant-numeric: tabular-nums; }
.sev-error { background: var(--error-bg); color: var(--error); font-weight: 600; }
.sev-warning { background: var(--warning-bg); color: var(--warning); font-weight: 600; }
.sev-info { background: var(--info-bg); color: var(--info); }
.sev-none { background: var(--ok-bg); color: var(--ok); }
#heat td.absent { color: var(--muted); font-style: italic; }
td.detail { background: #fbfcfd; padding: 12px 16px; }
.outline td { font-size: 13px; }
.outline td.gap { background: var(--error-bg); color: var(--error); font-style: italic; }
.outline td.absent { color: var(--muted); font-style: italic; }
.outline .anchor { color: var(--muted); font-family: ui-monospace, Menlo, monospace; font-size: 12px; margin-left: 6px; }
.outline .method { color: var(--muted); font-size: 11px; margin-left: 6px; }
.findings { list-style: none; padding: 0; margin: 12px 0 0; }
.findings li { margin: 4px 0; }
.badge { display: inline-block; min-width: 64px; padding: 0 6px; border-radius: 10px; font-size: 12px; text-align: center; margin-right: 6px; }
.place { font-family: ui-monospace, Menlo, monospace; font-size: 12px; color: var(--muted); margin-right: 6px; }
.message code { font-family: ui-monospace, Menlo, monospace; font-size: 12px; background: #eff1f3; padding: 0 4px; border-radius: 4px; }
.rule { color: var(--muted); font-size: 12px; margin-left: 6px; }
.legend { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 4px; border-radius: 4px; }
#more { margin-top: 10px; font: inherit; padding: 4px 12px; }
`;

export const CLIENT_SCRIPT = `
"use strict";
// A large report's data is gzip and base64 (see formatHtml); the browser's DecompressionStream
// unpacks it without a request, so the page stays self-contained.
function readData() {
  var block = document.getElementById("drift-data");
  if (block.type === "application/json") return Promise.resolve(JSON.parse(block.textContent));
  var binary = atob(block.textContent.trim());
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then(JSON.parse);
}
readData().then(function (data) {
  var SEVERITIES = ["error", "warning", "info"];
  var STATUS = ["translated", "missing", "unreadable"];
  var METHODS = ["anchor", "sequence", "preamble", "content"];
  var PAGE = 200;
  var state = { locale: -1, rule: -1, driftOnly: false, text: "", sort: "path", shown: PAGE };

  // counts[article][locale][severity], for the selected rule; rebuilt when the rule filter changes.
  var counts;
  var findingsByArticle = data.articles.map(function () { return []; });
  data.findings.forEach(function (finding) { findingsByArticle[finding[0]].push(finding); });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function countFindings() {
    counts = data.articles.map(function () { return data.locales.map(function () { return [0, 0, 0]; }); });
    data.findings.forEach(function (finding) {
      if (state.rule === -1 || finding[2] === state.rule) counts[finding[0]][finding[1]][finding[3]]++;
    });
  }

  function visibleLocales() {
    return data.locales.map(function (_, index) { return index; }).filter(function (index) { return state.locale === -1 || index === state.locale; });
  }

  function worst(cell) {
    for (var severity = 0; severity < 3; severity++) if (cell[severity] > 0) return severity;
    return -1;
  }

  function plural(count, noun) { return count + " " + noun + (count === 1 || noun === "info" ? "" : "s"); }

  function describe(cell) {
    var parts = [];
    if (cell[0]) parts.push(plural(cell[0], "error"));
    if (cell[1]) parts.push(plural(cell[1], "warning"));
    if (cell[2]) parts.push(plural(cell[2], "info"));
    return parts.length ? parts.join(", ") : "no findings";
  }

  // Errors outweigh any number of warnings, warnings any number of info findings.
  function severityKey(articleIndex, locales) {
    var key = 0;
    locales.forEach(function (locale) {
      var cell = counts[articleIndex][locale];
      key += cell[0] * 1e8 + Math.min(cell[1], 9999) * 1e4 + Math.min(cell[2], 9999);
    });
    return key;
  }

  function matches(articleIndex) {
    var article = data.articles[articleIndex];
    if (state.text && article[0].toLowerCase().indexOf(state.text) === -1) return false;
    if (!state.driftOnly) return true;
    return visibleLocales().some(function (locale) { return worst(counts[articleIndex][locale]) !== -1; });
  }

  // statuses[article][locale]: 0 translated, 1 missing, 2 unreadable; absent for an orphan's path.
  var statuses = data.articles.map(function (article) {
    var byLocale = [];
    article[3].forEach(function (translation) { byLocale[translation[0]] = translation[1]; });
    return byLocale;
  });

  function heatCell(articleIndex, locale) {
    var cell = counts[articleIndex][locale];
    var severity = worst(cell);
    var status = statuses[articleIndex][locale];
    // A clean cell is green only where a translation was checked; a filtered-out missing file is not "clean".
    var td = el("td", "cell " + (severity !== -1 ? "sev-" + SEVERITIES[severity] : status === 0 ? "sev-none" : "absent"));
    if (severity !== -1) td.textContent = [cell[0] ? cell[0] + "✖" : "", cell[1] ? cell[1] + "⚠" : "", cell[2] ? cell[2] + "ℹ" : ""].filter(Boolean).join(" ");
    else td.textContent = status === 0 ? "✓" : status === undefined ? "" : STATUS[status];
    td.title = data.locales[locale] + ": " + describe(cell);
    td.dataset.locale = data.locales[locale];
    td.dataset.severity = severity === -1 ? "none" : SEVERITIES[severity];
    return td;
  }

  function drawHeatMap() {
    var table = document.getElementById("heat");
    var locales = visibleLocales();
    var head = el("tr");
    head.appendChild(el("th", "", "article"));
    locales.forEach(function (locale) { head.appendChild(el("th", "", data.locales[locale])); });
    table.tHead.replaceChildren(head);
    var body = document.createDocumentFragment();
    var order = [];
    for (var candidate = 0; candidate < data.articles.length; candidate++) if (matches(candidate)) order.push(candidate);
    if (state.sort === "findings") order.sort(function (a, b) { return severityKey(b, locales) - severityKey(a, locales) || a - b; });
    var total = order.length;
    var listed = Math.min(total, state.shown);
    order.slice(0, listed).forEach(function (index) {
      var row = el("tr");
      row.dataset.article = String(index);
      var name = el("td", "article", data.articles[index][0]);
      name.tabIndex = 0;
      row.appendChild(name);
      locales.forEach(function (locale) { row.appendChild(heatCell(index, locale)); });
      body.appendChild(row);
    });
    table.tBodies[0].replaceChildren(body);
    var more = document.getElementById("more");
    more.hidden = listed >= total;
    more.textContent = "Show " + Math.min(PAGE, total - listed) + " more (" + (total - listed) + " not shown)";
    document.getElementById("listed").textContent = listed === total ? plural(total, "article") : listed + " of " + plural(total, "article");
  }

  function headingCell(className, title, anchor, extra) {
    var td = el("td", className);
    td.appendChild(document.createTextNode(title));
    if (anchor) td.appendChild(el("span", "anchor", "#" + anchor));
    if (extra) td.appendChild(el("span", "method", extra));
    return td;
  }

  // A row as [source, level, title, method, anchor?], or [source] for a gap; a bare title is the
  // translation of the source section after the previous row's, at its level, by its anchor.
  function expand(row, previous, sections) {
    if (typeof row !== "string") return row;
    return [previous + 1, sections[previous + 1][0], row, 0];
  }

  // One grid for all locales: a line per source section, and a line for each translation-only
  // section after the source section it follows in that translation.
  function outlineTable(article, locales) {
    var sections = article[2];
    var grid = sections.map(function () { return { cells: {}, extras: [] }; });
    var before = { cells: {}, extras: [] };
    article[3].forEach(function (translation) {
      if (locales.indexOf(translation[0]) === -1) return;
      var after = before;
      var previous = -1;
      translation[3].forEach(function (compact) {
        var row = expand(compact, previous, sections);
        if (row[0] >= 0) {
          previous = row[0];
          grid[row[0]].cells[translation[0]] = row;
          after = grid[row[0]];
        } else {
          var extra = { cells: {} };
          extra.cells[translation[0]] = row;
          after.extras.push(extra);
        }
      });
    });
    var statusOf = {};
    article[3].forEach(function (translation) { statusOf[translation[0]] = translation[1]; });
    var table = el("table", "outline");
    var head = el("tr");
    head.appendChild(el("th", "", "source"));
    locales.forEach(function (locale) { head.appendChild(el("th", "", data.locales[locale])); });
    table.appendChild(head);
    function line(sourceIndex, cells) {
      var tr = el("tr");
      if (sourceIndex === -1) tr.appendChild(el("td", "absent", ""));
      else tr.appendChild(headingCell("", "H" + sections[sourceIndex][0] + " " + sections[sourceIndex][1], sections[sourceIndex][2]));
      locales.forEach(function (locale) {
        var row = cells[locale];
        var status = statusOf[locale];
        if (status === undefined || status !== 0) tr.appendChild(el("td", "absent", status === undefined ? "" : STATUS[status]));
        else if (row && row.length > 1) {
          var anchor = row.length > 4 ? row[4] : "";
          tr.appendChild(headingCell(sourceIndex === -1 ? "sev-warning" : "", "H" + row[1] + " " + row[2], anchor, sourceIndex === -1 ? "not in the source" : row[3] === 0 ? "" : METHODS[row[3]]));
        } else if (sourceIndex === -1) tr.appendChild(el("td", "absent", ""));
        else tr.appendChild(el("td", "gap", "missing"));
      });
      table.appendChild(tr);
    }
    before.extras.forEach(function (extra) { line(-1, extra.cells); });
    grid.forEach(function (entry, sourceIndex) {
      line(sourceIndex, entry.cells);
      entry.extras.forEach(function (extra) { line(-1, extra.cells); });
    });
    return table;
  }

  // Names a rule put in backticks are shown as code; every part goes in as text.
  function message(text) {
    var span = el("span", "message");
    text.split("\u0060").forEach(function (part, index) {
      span.appendChild(index % 2 === 1 ? el("code", "", part) : document.createTextNode(part));
    });
    return span;
  }

  // A rule's name links to its docs page; only an https URL becomes a link.
  function ruleName(rule) {
    if (rule.url.indexOf("https://") !== 0) return el("span", "rule", rule.id);
    var link = el("a", "rule", rule.id);
    link.href = rule.url;
    link.rel = "noopener noreferrer";
    return link;
  }

  function findingList(articleIndex, locales) {
    var list = el("ul", "findings");
    findingsByArticle[articleIndex].forEach(function (finding) {
      if (locales.indexOf(finding[1]) === -1) return;
      if (state.rule !== -1 && finding[2] !== state.rule) return;
      var item = el("li");
      var severity = SEVERITIES[finding[3]];
      item.appendChild(el("span", "badge sev-" + severity, severity));
      item.appendChild(el("span", "place", data.files[finding[4]] + (finding[5] ? ":" + finding[5] + ":" + finding[6] : "")));
      item.appendChild(message(finding[7]));
      item.appendChild(ruleName(data.rules[finding[2]]));
      list.appendChild(item);
    });
    if (!list.firstChild) list.appendChild(el("li", "", "No findings."));
    return list;
  }

  function toggle(row) {
    var next = row.nextElementSibling;
    if (next && next.classList.contains("detail-row")) {
      next.remove();
      row.classList.remove("open");
      return;
    }
    var index = Number(row.dataset.article);
    var locales = visibleLocales();
    var detail = el("tr", "detail-row");
    var td = el("td", "detail");
    td.colSpan = locales.length + 1;
    var article = data.articles[index];
    if (article[2].length > 0 || article[3].length > 0) td.appendChild(outlineTable(article, locales));
    else td.appendChild(el("p", "", "No source article at this path."));
    td.appendChild(findingList(index, locales));
    detail.appendChild(td);
    row.after(detail);
    row.classList.add("open");
  }

  function fillSelect(id, labels, titles) {
    var select = document.getElementById(id);
    labels.forEach(function (label, index) {
      var option = el("option", "", label);
      option.value = String(index);
      if (titles) option.title = titles[index];
      select.appendChild(option);
    });
    return select;
  }

  function refresh() {
    state.shown = PAGE;
    drawHeatMap();
  }

  fillSelect("filter-locale", data.locales).addEventListener("change", function (event) { state.locale = Number(event.target.value); refresh(); });
  fillSelect("filter-rule", data.rules.map(function (rule) { return rule.id; }), data.rules.map(function (rule) { return rule.description; })).addEventListener("change", function (event) {
    state.rule = Number(event.target.value);
    countFindings();
    refresh();
  });
  document.getElementById("sort").addEventListener("change", function (event) { state.sort = event.target.value; refresh(); });
  document.getElementById("filter-drift").addEventListener("change", function (event) { state.driftOnly = event.target.checked; refresh(); });
  document.getElementById("filter-text").addEventListener("input", function (event) { state.text = event.target.value.toLowerCase(); refresh(); });
  document.getElementById("more").addEventListener("click", function () { state.shown += PAGE; drawHeatMap(); });
  var heat = document.getElementById("heat");
  heat.addEventListener("click", function (event) {
    var cell = event.target.closest("td.article");
    if (cell) toggle(cell.parentElement);
  });
  heat.addEventListener("keydown", function (event) {
    var cell = event.target.closest("td.article");
    if (cell && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); toggle(cell.parentElement); }
  });
  countFindings();
  drawHeatMap();
  document.documentElement.dataset.ready = "true";
});
`;
