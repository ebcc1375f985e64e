#!/usr/bin/env node
// Measures how often `untranslated` catches English text in a translation, on two made-up trees:
// 1. every English article of the corpus filed, unchanged, as a translation in each locale;
// 2. every real translation with one section (its longest level-2 section aligned with the
//    source) replaced by the English source's text of that section.
// The rule runs alone; prints how many of these it flagged.
//
//   npm run build && node scripts/untranslated-recall.js [CORPUS_DIR]
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alignSections, check, parseDocument, RULES } from "../dist/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(process.argv[2] ?? process.env.L10N_DRIFT_CORPUS ?? path.join(repoRoot, "../shared/corpus"));
const locales = (await readdir(path.join(corpus, "locales"), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

const root = await mkdtemp(path.join(tmpdir(), "l10n-drift-recall-"));
try {
  await cp(path.join(corpus, "articles"), path.join(root, "articles"), { recursive: true });
  for (const locale of locales) await cp(path.join(corpus, "articles"), path.join(root, "locales", locale), { recursive: true });
  const rules = Object.fromEntries(RULES.filter((rule) => rule.id !== "untranslated").map((rule) => [rule.id, "off"]));
  const report = await check({ root, rules });
  const flagged = report.findings.filter((finding) => finding.severity === "error").length;
  const sections = report.findings.filter((finding) => finding.severity === "warning").length;
  process.stdout.write(`${flagged} of ${report.summary.translations} English articles filed as translations (${locales.join(", ")}) flagged untranslated; ${sections} section warnings\n`);

  await rm(path.join(root, "locales"), { recursive: true });
  const planted = new Map(); // translation file → anchor of the section left in English
  for (const locale of locales) {
    for (const article of await listMarkdown(path.join(corpus, "locales", locale))) {
      const file = `locales/${locale}/${article}`;
      const sourceText = await readFile(path.join(corpus, "articles", article), "utf8").catch(() => undefined);
      const translationText = await readFile(path.join(corpus, file), "utf8");
      const mixed = sourceText === undefined ? undefined : withOneEnglishSection(`articles/${article}`, sourceText, file, translationText);
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), mixed?.text ?? translationText);
      if (mixed) planted.set(file, mixed.anchor);
    }
  }
  const mixedReport = await check({ root, rules });
  const caught = mixedReport.findings.filter((finding) => planted.get(finding.file) === finding.anchor && finding.severity === "warning").length;
  const elsewhere = mixedReport.findings.filter((finding) => planted.get(finding.file) !== finding.anchor).length;
  process.stdout.write(`${caught} of ${planted.size} sections left in English flagged; ${elsewhere} other findings\n`);
} finally {
  await rm(root, { recursive: true, force: true });
}

async function listMarkdown(directory, prefix = "") {
  const found = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...(await listMarkdown(path.join(directory, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith(".md")) found.push(`${prefix}${entry.name}`);
  }
  return found.sort();
}

/** The translation with its longest aligned level-2 section's body replaced by the source's. */
function withOneEnglishSection(sourceFile, sourceText, translationFile, translationText) {
  const source = parseDocument(sourceFile, new TextEncoder().encode(sourceText));
  const translation = parseDocument(translationFile, new TextEncoder().encode(translationText));
  const rows = alignSections(source.sections, translation.sections).rows.filter((row) => row.source !== undefined && row.translation !== undefined);
  const candidates = rows.map((row) => [source.sections[row.source], translation.sections[row.translation]]).filter(([, section]) => section.level === 2);
  const length = ([from]) => from.endLine - from.line;
  const [from, to] = candidates.sort((a, b) => length(b) - length(a))[0] ?? [];
  if (from === undefined || to.anchor === "") return undefined;
  const sourceLines = sourceText.split("\n");
  const lines = translationText.split("\n");
  lines.splice(to.line, to.endLine - to.line, ...sourceLines.slice(from.line, from.endLine));
  return { text: lines.join("\n"), anchor: to.anchor };
}
