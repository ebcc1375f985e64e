#!/usr/bin/env node
// Cost of git-aware checking on a generated repository, against the same check without git and
// against Lunaria (@lunariajs/core), the tool users would otherwise pick.
//
//   npm run bench:git -- [--articles 5000] [--locales 4] [--commits 10000] [--seed 1] [--runs 2]
//                        [--no-lunaria] [--lunaria-timeout 600]
//
// The repository is written with one `git fast-import` stream: seeded, so every run with the same
// arguments builds the same history. Figures are wall-clock seconds on this machine; nothing is
// hard-coded.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadHistory } from "../dist/git/history.js";
import { check } from "../dist/index.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LUNARIA = path.join(HERE, "../node_modules/@lunariajs/core/dist/index.mjs");

const args = parseArgs(process.argv.slice(2));
const ARTICLES = args.articles ?? 5000;
const LOCALES = ["de", "fr", "ja", "zh", "es", "pt", "ko", "it"].slice(0, args.locales ?? 4);
const COMMITS = args.commits ?? 10000;
const SEED = args.seed ?? 1;
const RUNS = args.runs ?? 2;
const SECTIONS = 5;

const random = mulberry32(SEED);
const pick = (count) => Math.floor(random() * count);
const WORDS = "network region gateway circuit peering route latency policy address subnet firewall endpoint".split(" ");
const sentence = () => Array.from({ length: 8 + pick(8) }, () => WORDS[pick(WORDS.length)]).join(" ") + ".";

/** An article as section texts, so a commit can change one section. */
function newArticle(index) {
  return { index, sections: Array.from({ length: SECTIONS }, () => sentence()), port: 80 + pick(1000), day: 1 };
}
function sourceText(article) {
  const body = article.sections.map((text, at) => `## Topic ${at + 1}\n\n${text}\n`).join("\n");
  return `---\ntitle: Article ${article.index}\nms.date: 01/${String(article.day).padStart(2, "0")}/2024\n---\n\n# Article ${article.index}\n\n${body}\n\`\`\`sh\nconnect --port ${article.port}\n\`\`\`\n`;
}
function translationText(article, locale) {
  const body = article.sections.map((text, at) => `## <a name="topic-${at + 1}"></a>Thema ${at + 1} (${locale})\n\n${text.toUpperCase()}\n`).join("\n");
  return `---\ntitle: Artikel ${article.index}\nms.date: 01/${String(article.day).padStart(2, "0")}/2024\n---\n\n# Artikel ${article.index}\n\n${body}\n\`\`\`sh\nconnect --port ${article.port}\n\`\`\`\n`;
}
const articlePath = (index) => `articles/area-${index % 50}/article-${index}.md`;

function buildRepository(root) {
  execFileSync("git", ["init", "-q", "-b", "main", root]);
  const articles = Array.from({ length: ARTICLES }, (_, index) => newArticle(index));
  const chunks = [];
  let time = 1_700_000_000;
  let mark = 0;
  const commit = (message, files) => {
    time += 600;
    const lines = [`commit refs/heads/main`, `mark :${++mark}`, `committer Bench <bench@example.com> ${time} +0000`, data(message)];
    if (mark > 1) lines.push(`from :${mark - 1}`);
    for (const [file, text] of files) lines.push(`M 100644 inline ${file}`, data(text));
    chunks.push(lines.join("\n") + "\n");
  };
  commit("Add the articles", articles.map((article) => [articlePath(article.index), sourceText(article)]));
  for (const locale of LOCALES) commit(`Translate into ${locale}`, articles.map((article) => [`locales/${locale}/${articlePath(article.index).slice("articles/".length)}`, translationText(article, locale)]));
  for (let made = 1 + LOCALES.length; made < COMMITS; made++) {
    const article = articles[pick(ARTICLES)];
    const roll = random();
    if (roll < 0.25) {
      // A translator catches up with the source.
      const locale = LOCALES[pick(LOCALES.length)];
      commit(`Update the ${locale} translation of article ${article.index}`, [[`locales/${locale}/${articlePath(article.index).slice("articles/".length)}`, translationText(article, locale)]]);
      continue;
    }
    if (roll < 0.35) article.port++;
    else article.sections[pick(SECTIONS)] = sentence();
    article.day = 1 + pick(28);
    const marker = roll > 0.9 ? "\n\nL10n-Skip: true" : "";
    commit(`Edit article ${article.index}${marker}`, [[articlePath(article.index), sourceText(article)]]);
  }
  const stream = chunks.join("");
  execFileSync("git", ["fast-import", "--quiet"], { cwd: root, input: stream, maxBuffer: 1 << 30 });
  execFileSync("git", ["checkout", "-q", "-f", "main"], { cwd: root });
}

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}`;
}

async function timed(label, run) {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2).padStart(8)} s`);
  return { seconds, result };
}

function runLunaria(root, timeoutSeconds) {
  const script = `
    import { lunaria } from ${JSON.stringify(LUNARIA)};
    // Lunaria needs one pattern for sources and translations: the source "locale" is the
    // articles/ folder and each translation "locale" is its locales/<name> folder.
    const status = await lunaria({
      repository: { name: "example/docs", branch: "main", rootDir: "." },
      defaultLocale: { label: "English", lang: "articles" },
      locales: ${JSON.stringify(LOCALES.map((locale) => ({ label: locale, lang: `locales/${locale}` })))},
      files: [{ location: "{articles,locales}/**/*.md", pattern: "@lang/@path", type: "universal" }],
    });
    let outdated = 0;
    for (const file of status) for (const entry of Object.values(file.localizations)) if (entry.isOutdated) outdated++;
    console.log(JSON.stringify({ files: status.length, outdated }));
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: stdout.trim().split("\n").at(-1) ?? "", stderr: stderr.trim() });
    });
  });
}

function count(report, ruleId) {
  return report.findings.filter((finding) => finding.ruleId === ruleId).length;
}

const root = mkdtempSync(path.join(tmpdir(), "l10n-drift-bench-git-"));
try {
  console.log(`l10n-drift git benchmark: ${ARTICLES} articles × ${LOCALES.length} locales, ${COMMITS} commits, seed ${SEED}`);
  await timed("generate (git fast-import)", () => buildRepository(root));
  // Warm both paths up (module loading, JIT) on one folder so that neither pays for it below.
  await check({ root, history: false, articles: ["area-0/**"] });
  await check({ root, articles: ["area-0/**"] });
  const history = await timed("read history (one git log pass, indexed)", () => loadHistory(root));
  if (history.result.available) {
    const total = execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    // A translator's update that leaves the file as it was is an empty commit: no log entry.
    console.log(`  ${history.result.commits.length} of ${total} commits change a file`);
    history.result.close();
  }
  // The machine is shared: alternate the two and keep each one's fastest run.
  let plain;
  let withGit;
  for (let run = 0; run < RUNS; run++) {
    const plainRun = await timed(`check without git (history: false), run ${run + 1}`, () => check({ root, history: false }));
    const gitRun = await timed(`check with git (baselines, stale-source), run ${run + 1}`, () => check({ root }));
    if (!plain || plainRun.seconds < plain.seconds) plain = plainRun;
    if (!withGit || gitRun.seconds < withGit.seconds) withGit = gitRun;
  }
  const ratio = withGit.seconds / plain.seconds;
  console.log(`fastest: plain ${plain.seconds.toFixed(2)} s, git-aware ${withGit.seconds.toFixed(2)} s`);
  console.log(`git-aware / plain                                    ${ratio.toFixed(2).padStart(8)} ×   (target < 2×)`);
  console.log(`  stale-source ${count(withGit.result, "stale-source")}, stale-date ${count(withGit.result, "stale-date")} (plain: stale-date ${count(plain.result, "stale-date")})`);

  const shallow = path.join(root, "..", `${path.basename(root)}-shallow`);
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${root}`, shallow]);
  try {
    const shallowReport = await timed("check in a --depth 1 clone", () => check({ root: shallow }));
    const note = shallowReport.result.findings.find((finding) => finding.ruleId === "history-unavailable");
    console.log(`  history-unavailable: ${note ? note.message.slice(0, 100) + "…" : "MISSING (a silent success)"}`);
    if (!args.noLunaria) {
      const lunariaShallow = await timed("Lunaria in the --depth 1 clone", () => runLunaria(shallow, args.lunariaTimeout ?? 600));
      console.log(`  exit ${lunariaShallow.result.code}${lunariaShallow.result.signal ? ` (${lunariaShallow.result.signal})` : ""}; ${lunariaShallow.result.stdout.slice(0, 100) || lunariaShallow.result.stderr.split("\n")[0]?.slice(0, 100)}`);
    }
  } finally {
    rmSync(shallow, { recursive: true, force: true });
  }

  if (!args.noLunaria) {
    const lunaria = await timed("Lunaria status (@lunariajs/core 0.1.1)", () => runLunaria(root, args.lunariaTimeout ?? 600));
    const outcome = lunaria.result.signal ? `killed after ${args.lunariaTimeout ?? 600} s` : `exit ${lunaria.result.code}: ${lunaria.result.stdout}`;
    console.log(`  ${outcome}`);
    console.log(`git-aware check / Lunaria                            ${(withGit.seconds / lunaria.seconds).toFixed(2).padStart(8)} ×   (target ≤ 0.5×${lunaria.result.signal ? "; Lunaria did not finish" : ""})`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

function parseArgs(argv) {
  const parsed = {};
  for (let at = 0; at < argv.length; at++) {
    const flag = argv[at];
    if (flag === "--no-lunaria") parsed.noLunaria = true;
    else if (flag.startsWith("--")) parsed[flag.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = Number(argv[++at]);
  }
  return parsed;
}

/** A small seeded generator: the same seed builds the same repository. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
