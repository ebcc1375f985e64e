/**
 * The HTML report's stylesheet and script, inlined into the page and allowed by their hashes in its
 * Content-Security-Policy. The script is plain browser JavaScript kept as a string: the package
 * ships no browser bundle and the project has no DOM types, so it is small and written for that.
 * It reads the data block (see `HtmlData` in html.ts), draws the heat map a page at a time and an
 * article's side-by-side view only when it is opened, so a report of thousands of articles
 * becomes interactive at once. Document text reaches the page only through `textContent`, and
 * links only from the repository address html.ts checked to be `https:`.
 */

export const CLIENT_STYLE = `
:root { color-scheme: light; --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --ok: #1a7f37; --ok-bg: #dafbe1; --line: #d0d7de; --muted: #59636e;
  --current: #2da44e; --outdated: #d4a72c; --broken: #cf222e; --missing: #8c959f; --unreadable: #82071e; --untracked: #d0d7de; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.summary { margin: 0; color: var(--muted); font-weight: normal; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
a { color: #0969da; }
meter { width: 120px; height: 12px; vertical-align: middle; margin-right: 8px; }
#locales td.states { min-width: 560px; }
.bar { display: inline-flex; width: 260px; height: 18px; border-radius: 4px; overflow: hidden; vertical-align: middle; margin-right: 10px; background: #f6f8fa; }
.bar span { flex: 0 0 auto; min-width: 3px; color: #fff; font-size: 11px; line-height: 18px; text-align: center; overflow: hidden; font-variant-numeric: tabular-nums; }
.bar .st-current { background: var(--current); }
.bar .st-outdated { background: var(--outdated); color: #1f2328; }
.bar .st-broken { background: var(--broken); }
.bar .st-missing { background: var(--missing); }
.bar .st-unreadable { background: var(--unreadable); }
.bar .st-untracked { background: var(--untracked); color: #1f2328; }
.bar-label { font-variant-numeric: tabular-nums; }
.filters { display: flex; gap: 14px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
.filters select, .filters input[type=search], .filters button { font: inherit; padding: 2px 6px; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; margin: 0; display: flex; gap: 10px; }
.filters legend { padding: 0 4px; color: var(--muted); font-size: 12px; }
#filter-rule { position: relative; }
#filter-rule summary { cursor: pointer; border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; }
#filter-rule .choices { position: absolute; z-index: 2; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; max-height: 320px; overflow: auto; box-shadow: 0 4px 12px rgba(0,0,0,.12); }
#filter-rule .choices label { display: block; white-space: nowrap; }
#heat td.article { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; cursor: pointer; }
#heat td.article::before { content: "▸ "; color: var(--muted); }
#heat tr.open td.article::before { content: "▾ "; }
#heat td.cell { text-align: center; min-width: 76px; font-variant-numeric: tabular-nums; white-space: nowrap; }
#heat td.dim { opacity: .35; }
.st-current { background: var(--ok-bg); color: var(--ok); }
.st-outdated { background: var(--warning-bg); color: var(--warning); font-weight: 600; }
.st-broken { background: var(--error-bg); color: var(--error); font-weight: 600; }
.st-missing { background: #eef1f4; color: #424a53; font-style: italic; }
.st-unreadable { background: #ffd8d3; color: var(--unreadable); font-weight: 600; }
.st-untracked { background: #fff; color: var(--muted); font-style: italic; }
.sev-error { background: var(--error-bg); color: var(--error); font-weight: 600; }
.sev-warning { background: var(--warning-bg); color: var(--warning); font-weight: 600; }
.sev-info { background: var(--info-bg); color: var(--info); }
td.detail { background: #fbfcfd; padding: 12px 16px; }
.translations { list-style: none; padding: 0; margin: 0 0 12px; }
.translations li { margin: 4px 0; }
.translations .links a { margin-left: 8px; font-size: 12px; }
.work { color: #1f2328; margin-left: 6px; }
.outline td { font-size: 13px; }
.outline th .state { display: block; font-weight: normal; font-size: 12px; }
.outline td.gap { background: var(--error-bg); color: var(--error); font-style: italic; }
.outline td.absent { color: var(--muted); font-style: italic; }
.outline td.added { box-shadow: inset 4px 0 0 #1a7f37; background: #eefbf1; }
.outline td.changed { box-shadow: inset 4px 0 0 var(--outdated); background: #fffbe6; }
.outline td.todo { box-shadow: inset 4px 0 0 var(--outdated); }
.outline .anchor { color: var(--muted); font-family: ui-monospace, Menlo, monospace; font-size: 12px; margin-left: 6px; }
.outline .method { color: var(--muted); font-size: 11px; margin-left: 6px; }
.outline .tag { display: inline-block; font-size: 11px; margin-left: 6px; padding: 0 5px; border-radius: 8px; background: #fff; border: 1px solid var(--line); color: #424a53; }
h3 { font-size: 14px; margin: 14px 0 4px; }
.findings { list-style: none; padding: 0; margin: 6px 0 0; }
.findings li { margin: 4px 0; }
.badge { display: inline-block; min-width: 64px; padding: 0 6px; border-radius: 10px; font-size: 12px; text-align: center; margin-right: 6px; font-style: normal; }
.place { font-family: ui-monospace, Menlo, monospace; font-size: 12px; color: var(--muted); margin-right: 6px; }
code { font-family: ui-monospace, Menlo, monospace; font-size: 12px; background: #eff1f3; padding: 0 4px; border-radius: 4px; }
.rule { color: var(--muted); font-size: 12px; margin-left: 6px; }
.legend { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 4px; border-radius: 4px; }
#loading { color: var(--muted); font-style: italic; }
#loading.failed { color: var(--error); font-style: normal; }
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
// Yield once so the "Loading N articles…" line is painted before a large report is unpacked.
new Promise(function (resolve) { setTimeout(resolve, 0); }).then(readData).then(start, function (error) {
  var loading = document.getElementById("loading");
  loading.className = "failed";
  loading.textContent = "Could not read the report's data: " + (error && error.message ? error.message : String(error));
});

function start(data) {
  var SEVERITIES = ["error", "warning", "info"];
  var STATUS = ["translated", "missing", "unreadable"];
  var METHODS = ["anchor", "sequence", "preamble", "content"];
  var STATES = data.states;
  // The state filter's choices, in the order a person works through them.
  var STATE_CHOICES = ["broken", "outdated", "missing", "unreadable", "current", "untracked"];
  var PAGE = 200;
  var state = { locale: "", states: [], rules: [], text: "", sort: "path", shown: PAGE };

  var localeIndex = {};
  data.locales.forEach(function (locale, index) { localeIndex["=" + locale] = index; });
  var ruleIndex = {};
  data.rules.forEach(function (rule, index) { ruleIndex["=" + rule.id] = index; });

  // translations[article][locale]: the record, or undefined where the article has none there.
  var translations = data.articles.map(function (article) {
    var byLocale = [];
    article[3].forEach(function (translation) { byLocale[translation[0]] = translation; });
    return byLocale;
  });
  var findingsByArticle = data.articles.map(function () { return []; });
  data.findings.forEach(function (finding) { findingsByArticle[finding[0]].push(finding); });
  // ruleHits[article][locale]: whether a finding of a chosen rule is there; rebuilt when the rule filter changes.
  var ruleHits;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(count, noun) { return count + " " + noun + (count === 1 ? "" : "s"); }

  // Links exist only where html.ts accepted an https: address; paths are encoded segment by segment.
  var repo = data.repository && data.repository.url.indexOf("https://") === 0 ? data.repository : null;
  function repoPath(file) { return (repo.root ? repo.root + "/" : "") + file.split("/").map(encodeURIComponent).join("/"); }
  function link(text, href, className) {
    var a = el("a", className, text);
    a.href = href;
    a.rel = "noreferrer";
    return a;
  }
  function fileLink(text, file, line) { return link(text, repo.url + "/blob/" + repo.ref + "/" + repoPath(file) + (line ? "#L" + line : "")); }
  function historyLink(file) { return link("history", repo.url + "/commits/" + repo.ref + "/" + repoPath(file)); }
  function compareLink(commit) { return link("source changes since " + commit.slice(0, 7), repo.url + "/compare/" + encodeURIComponent(commit) + "..." + repo.ref); }

  // The URL's fragment holds the filters (#locale=de&state=broken,outdated&rule=code-drift&path=x),
  // so a view can be shared and a reload restores it.
  function readHash() {
    var next = { locale: "", states: [], rules: [], text: "", sort: "path", shown: PAGE };
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at < 1) return;
      var key = pair.slice(0, at);
      var values = pair.slice(at + 1).split(",").map(function (value) {
        try { return decodeURIComponent(value); } catch (error) { return ""; }
      }).filter(function (value) { return value !== ""; });
      if (key === "locale" && values.length && localeIndex["=" + values[0]] !== undefined) next.locale = values[0];
      else if (key === "state") next.states = STATE_CHOICES.filter(function (choice) { return values.indexOf(choice) !== -1; });
      else if (key === "rule") next.rules = data.rules.map(function (rule) { return rule.id; }).filter(function (id) { return values.indexOf(id) !== -1; });
      else if (key === "path" && values.length) next.text = values.join(",");
      else if (key === "sort" && values[0] === "work") next.sort = "work";
    });
    return next;
  }

  function hashOf(current) {
    var parts = [];
    function add(key, values) { if (values.length) parts.push(key + "=" + values.map(encodeURIComponent).join(",")); }
    add("locale", current.locale ? [current.locale] : []);
    add("state", current.states);
    add("rule", current.rules);
    add("path", current.text ? [current.text] : []);
    add("sort", current.sort === "work" ? ["work"] : []);
    return parts.join("&");
  }

  function writeHash() {
    var hash = hashOf(state);
    if (location.hash.replace(/^#/, "") === hash) return;
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function visibleLocales() {
    return data.locales.map(function (_, index) { return index; }).filter(function (index) { return !state.locale || data.locales[index] === state.locale; });
  }

  function countRuleHits() {
    var chosen = state.rules.map(function (id) { return ruleIndex["=" + id]; });
    ruleHits = data.articles.map(function () { return []; });
    data.findings.forEach(function (finding) { if (chosen.indexOf(finding[2]) !== -1) ruleHits[finding[0]][finding[1]] = true; });
  }

  // An outdated translation counts as outdated whatever else it is: a broken one can be behind too.
  function stateMatches(translation) {
    if (!state.states.length) return true;
    if (!translation) return false;
    return state.states.indexOf(STATES[translation[4]]) !== -1 || (translation[6] !== undefined && state.states.indexOf("outdated") !== -1);
  }

  function cellMatches(articleIndex, locale) {
    if (state.rules.length && !ruleHits[articleIndex][locale]) return false;
    return stateMatches(translations[articleIndex][locale]);
  }

  function matches(articleIndex, locales) {
    if (state.text && data.articles[articleIndex][0].toLowerCase().indexOf(state.text.toLowerCase()) === -1) return false;
    if (!state.states.length && !state.rules.length) return true;
    return locales.some(function (locale) { return cellMatches(articleIndex, locale); });
  }

  function behind(work) { return work[2] > 0 ? work[2] + " behind" : "behind"; }

  function cellText(translation) {
    var name = STATES[translation[4]];
    if (name === "current") return "✓";
    if (name === "outdated") return behind(translation[6]);
    if (name === "broken") return plural(translation[5], "error") + (translation[6] ? " · " + behind(translation[6]) : "");
    return name;
  }

  function describe(translation) {
    var name = STATES[translation[4]];
    var text = name === "broken" ? "broken: " + plural(translation[5], "translation error") + " to fix" : name;
    if (translation[6]) text += (name === "broken" ? "; also outdated: " : ": ") + translation[6][0];
    return text;
  }

  function heatCell(articleIndex, locale) {
    var translation = translations[articleIndex][locale];
    if (!translation) return el("td", "cell");
    var name = STATES[translation[4]];
    var td = el("td", "cell st-" + name + (cellMatches(articleIndex, locale) ? "" : " dim"), cellText(translation));
    td.title = data.locales[locale] + ": " + describe(translation);
    td.dataset.locale = data.locales[locale];
    td.dataset.state = name;
    return td;
  }

  // Most work first: broken or unreadable translations, then their errors, then outdated ones and
  // how far behind, then missing ones.
  function workKey(articleIndex, locales) {
    var key = [0, 0, 0, 0, 0];
    locales.forEach(function (locale) {
      var translation = translations[articleIndex][locale];
      if (!translation) return;
      var name = STATES[translation[4]];
      if (name === "broken" || name === "unreadable") key[0]++;
      key[1] += translation[5];
      if (translation[6]) { key[2]++; key[3] += Math.max(translation[6][2], 0); }
      if (name === "missing") key[4]++;
    });
    return key;
  }

  function byWork(a, b) {
    for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
    return a.index - b.index;
  }

  function drawHeatMap() {
    var table = document.getElementById("heat");
    var locales = visibleLocales();
    var head = el("tr");
    head.appendChild(el("th", "", "article"));
    locales.forEach(function (locale) { head.appendChild(el("th", "", data.locales[locale])); });
    table.tHead.replaceChildren(head);
    var order = [];
    for (var candidate = 0; candidate < data.articles.length; candidate++) if (matches(candidate, locales)) order.push(candidate);
    if (state.sort === "work") {
      order = order.map(function (index) { return { index: index, key: workKey(index, locales) }; }).sort(byWork).map(function (entry) { return entry.index; });
    }
    var total = order.length;
    var listed = Math.min(total, state.shown);
    var body = document.createDocumentFragment();
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
    var remaining = total - listed;
    more.hidden = remaining <= 0;
    more.textContent = remaining > 0 ? "Show " + Math.min(PAGE, remaining) + " more (" + remaining + " not shown)" : "";
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

  // What each visible outdated translation must do per source anchor: "added" or "changed (kinds)".
  function workByAnchor(article, locales) {
    var todo = {};
    article[3].forEach(function (translation) {
      var work = translation[6];
      if (!work || locales.indexOf(translation[0]) === -1) return;
      function mark(anchor, kind) {
        var entry = todo["=" + anchor] || (todo["=" + anchor] = { kind: kind, label: kind, locales: {} });
        entry.locales[translation[0]] = kind;
      }
      work[3].forEach(function (anchor) { mark(anchor, "added"); });
      work[4].forEach(function (changed) {
        mark(changed[0], "changed");
        if (changed[1]) todo["=" + changed[0]].label = "changed: " + changed[1];
      });
    });
    return todo;
  }

  // One grid for all locales: a line per source section, and a line for each translation-only
  // section after the source section it follows in that translation.
  function outlineTable(article, locales) {
    var sections = article[2];
    var grid = sections.map(function () { return { cells: {}, extras: [] }; });
    var before = { cells: {}, extras: [] };
    var byLocale = {};
    article[3].forEach(function (translation) {
      byLocale[translation[0]] = translation;
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
    var todo = workByAnchor(article, locales);
    var table = el("table", "outline");
    var head = el("tr");
    head.appendChild(el("th", "", "source"));
    locales.forEach(function (locale) {
      var th = el("th", "", data.locales[locale]);
      var translation = byLocale[locale];
      if (translation) th.appendChild(el("span", "state st-" + STATES[translation[4]], cellText(translation)));
      head.appendChild(th);
    });
    table.appendChild(head);
    function line(sourceIndex, cells) {
      var tr = el("tr");
      var work = sourceIndex === -1 ? undefined : todo["=" + sections[sourceIndex][2]];
      if (sourceIndex === -1) tr.appendChild(el("td", "absent", ""));
      else {
        var source = headingCell(work ? work.kind : "", "H" + sections[sourceIndex][0] + " " + sections[sourceIndex][1], sections[sourceIndex][2]);
        if (work) source.appendChild(el("span", "tag", work.label + " for " + Object.keys(work.locales).map(function (locale) { return data.locales[locale]; }).join(", ")));
        tr.appendChild(source);
      }
      locales.forEach(function (locale) {
        var row = cells[locale];
        var translation = byLocale[locale];
        var status = translation ? translation[1] : undefined;
        var kind = work && work.locales[locale];
        var td;
        if (status === undefined || status !== 0) td = el("td", "absent", status === undefined ? "" : STATUS[status]);
        else if (row && row.length > 1) {
          var anchor = row.length > 4 ? row[4] : "";
          td = headingCell(sourceIndex === -1 ? "sev-warning" : "", "H" + row[1] + " " + row[2], anchor, sourceIndex === -1 ? "not in the source" : row[3] === 0 ? "" : METHODS[row[3]]);
        } else if (sourceIndex === -1) td = el("td", "absent", "");
        else td = el("td", "gap", "missing");
        if (kind) {
          td.classList.add("todo");
          td.appendChild(el("span", "tag", kind === "added" ? "to translate" : "to update"));
        }
        tr.appendChild(td);
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
  function message(text, className) {
    var span = el("span", className || "message");
    text.split("\u0060").forEach(function (part, index) {
      span.appendChild(index % 2 === 1 ? el("code", "", part) : document.createTextNode(part));
    });
    return span;
  }

  // Each visible translation's state, file links and, when outdated, its work list.
  function translationList(article, locales) {
    var list = el("ul", "translations");
    article[3].forEach(function (translation) {
      if (locales.indexOf(translation[0]) === -1) return;
      var item = el("li");
      item.dataset.locale = data.locales[translation[0]];
      var name = STATES[translation[4]];
      item.appendChild(el("span", "badge st-" + name, data.locales[translation[0]] + " " + name));
      var file = data.files[translation[2]];
      item.appendChild(el("span", "place", file));
      var work = translation[6];
      if (name === "broken") item.appendChild(el("span", "work", plural(translation[5], "translation error") + " to fix" + (work ? "; also outdated" : "")));
      if (work) item.appendChild(message(work[0], "work"));
      if (repo) {
        var links = el("span", "links");
        if (translation[1] !== 1) { links.appendChild(fileLink("file", file)); links.appendChild(historyLink(file)); }
        if (work && work[1]) links.appendChild(compareLink(work[1]));
        item.appendChild(links);
      }
      list.appendChild(item);
    });
    return list;
  }

  function findingItem(finding) {
    var item = el("li");
    var severity = SEVERITIES[finding[3]];
    item.appendChild(el("span", "badge sev-" + severity, severity));
    var file = data.files[finding[4]];
    var place = file + (finding[5] ? ":" + finding[5] + ":" + finding[6] : "");
    item.appendChild(repo ? fileLink(place, file, finding[5]) : el("span", "place", place));
    if (repo) item.lastChild.className = "place";
    item.appendChild(message(finding[7]));
    item.appendChild(ruleName(data.rules[finding[2]]));
    return item;
  }

  // A rule's name links to its docs page; only an https URL becomes a link.
  function ruleName(rule) {
    if (rule.url.indexOf("https://") !== 0) return el("span", "rule", rule.id);
    var link = el("a", "rule", rule.id);
    link.href = rule.url;
    link.rel = "noopener noreferrer";
    return link;
  }

  // Errors to fix first, then upstream changes and notes, each as the report orders them.
  function findingLists(articleIndex, locales) {
    var chosen = state.rules.map(function (id) { return ruleIndex["=" + id]; });
    var shown = findingsByArticle[articleIndex].filter(function (finding) {
      return locales.indexOf(finding[1]) !== -1 && (!chosen.length || chosen.indexOf(finding[2]) !== -1);
    });
    var fragment = document.createDocumentFragment();
    [[1, "Translation errors to fix"], [0, "Upstream changes and notes"]].forEach(function (group) {
      var items = shown.filter(function (finding) { return finding[8] === group[0]; });
      if (!items.length) return;
      fragment.appendChild(el("h3", "", group[1] + " (" + items.length + ")"));
      var list = el("ul", "findings");
      list.dataset.group = group[0] === 1 ? "errors" : "other";
      items.forEach(function (finding) { list.appendChild(findingItem(finding)); });
      fragment.appendChild(list);
    });
    if (!shown.length) fragment.appendChild(el("p", "findings", "No findings."));
    return fragment;
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
    var source = el("p", "source");
    source.appendChild(document.createTextNode("Source "));
    source.appendChild(el("span", "place", data.files[article[1]]));
    if (repo) { source.appendChild(fileLink("file", data.files[article[1]])); source.appendChild(historyLink(data.files[article[1]])); }
    td.appendChild(source);
    td.appendChild(translationList(article, locales));
    td.appendChild(outlineTable(article, locales));
    td.appendChild(findingLists(index, locales));
    detail.appendChild(td);
    row.after(detail);
    row.classList.add("open");
  }

  function option(label, value, title) {
    var node = el("option", "", label);
    node.value = value;
    if (title) node.title = title;
    return node;
  }

  function checkbox(name, value, label, title) {
    var wrapper = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.name = name;
    input.value = value;
    wrapper.appendChild(input);
    wrapper.appendChild(document.createTextNode(" " + label));
    if (title) wrapper.title = title;
    return wrapper;
  }

  var localeSelect = document.getElementById("filter-locale");
  data.locales.forEach(function (locale) { localeSelect.appendChild(option(locale, locale)); });
  var stateBox = document.getElementById("filter-state");
  STATE_CHOICES.forEach(function (choice) { stateBox.appendChild(checkbox("state", choice, choice)); });
  var ruleBox = document.querySelector("#filter-rule .choices");
  data.rules.forEach(function (rule) { ruleBox.appendChild(checkbox("rule", rule.id, rule.id, rule.description)); });
  var textInput = document.getElementById("filter-text");
  var sortSelect = document.getElementById("sort");

  function checked(container) {
    return Array.prototype.filter.call(container.querySelectorAll("input"), function (input) { return input.checked; }).map(function (input) { return input.value; });
  }

  // The controls show the state, whether it came from the URL or from a click.
  function showState() {
    localeSelect.value = state.locale;
    Array.prototype.forEach.call(stateBox.querySelectorAll("input"), function (input) { input.checked = state.states.indexOf(input.value) !== -1; });
    Array.prototype.forEach.call(ruleBox.querySelectorAll("input"), function (input) { input.checked = state.rules.indexOf(input.value) !== -1; });
    document.getElementById("rule-choice").textContent = state.rules.length ? state.rules.join(", ") : "all";
    if (textInput.value !== state.text) textInput.value = state.text;
    sortSelect.value = state.sort;
  }

  function refresh() {
    state.shown = PAGE;
    countRuleHits();
    showState();
    writeHash();
    drawHeatMap();
  }

  localeSelect.addEventListener("change", function () { state.locale = localeSelect.value; refresh(); });
  stateBox.addEventListener("change", function () { state.states = checked(stateBox); refresh(); });
  ruleBox.addEventListener("change", function () { state.rules = checked(ruleBox); refresh(); });
  sortSelect.addEventListener("change", function () { state.sort = sortSelect.value; refresh(); });
  textInput.addEventListener("input", function () { state.text = textInput.value; refresh(); });
  document.getElementById("reset").addEventListener("click", function () { state = { locale: "", states: [], rules: [], text: "", sort: "path", shown: PAGE }; refresh(); });
  window.addEventListener("hashchange", function () {
    if (location.hash.replace(/^#/, "") === hashOf(state)) return;
    state = readHash();
    refresh();
  });
  document.getElementById("more").addEventListener("click", function () { state.shown += PAGE; drawHeatMap(); });
  var heat = document.getElementById("heat");
  heat.addEventListener("click", function (event) {
    if (event.target.closest("a")) return;
    var cell = event.target.closest("td.article");
    if (cell) toggle(cell.parentElement);
  });
  heat.addEventListener("keydown", function (event) {
    var cell = event.target.closest("td.article");
    if (cell && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); toggle(cell.parentElement); }
  });
  state = readHash();
  refresh();
  document.getElementById("loading").remove();
  document.documentElement.dataset.ready = "true";
}
`;
