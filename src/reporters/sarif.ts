import type * as Sarif from "sarif";
import type { Finding, Place, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import type { AnyRule, RegisteredRule } from "../model/rule.js";
import { translationErrors } from "./translation-errors.js";

export interface SarifOptions {
  /** The rule registry: SARIF names every rule a run could report, not only those that fired. */
  rules: readonly (Pick<AnyRule, "id" | "severity" | "description"> & Partial<Pick<RegisteredRule, "url" | "rationale">>)[];
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: "error", warning: "warning", info: "note" };

/** Paths in the report are relative to the checked tree, which code scanning calls the source root. */
const SOURCE_ROOT = "%SRCROOT%";

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers; one run, one result per finding. */
export function formatSarif(report: Report, options: SarifOptions): string {
  const rules = ruleDescriptors(report, options.rules);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: "The root of the checked tree, which holds articles/ and locales/." } } },
        results: resultsOf(report, ruleIndex),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The registry's rules, then any other rule a finding names (a rule a later version removed). */
function ruleDescriptors(report: Report, registry: SarifOptions["rules"]): Sarif.ReportingDescriptor[] {
  const descriptors = registry.map((rule) => descriptor(rule.id, rule.severity, rule.description, rule.rationale, rule.url));
  const known = new Set(registry.map((rule) => rule.id));
  for (const finding of report.findings) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    descriptors.push(descriptor(finding.ruleId, finding.severity, `Findings of \`${finding.ruleId}\`.`));
  }
  return descriptors;
}

/** `help` is what code scanning shows beside an alert: what the rule reports, why it matters, and its docs page. */
function descriptor(id: string, severity: Severity, description: string, rationale?: string, url?: string): Sarif.ReportingDescriptor {
  const more = url === undefined ? "" : ` See ${url}`;
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: description },
    ...(rationale !== undefined && { fullDescription: { text: rationale } }),
    ...(url !== undefined && { helpUri: url }),
    help: {
      text: `${description}${rationale === undefined ? "" : ` ${rationale}`}${more}`,
      ...(url !== undefined && { markdown: `${description}${rationale === undefined ? "" : `\n\n${rationale}`}\n\n[Rule documentation](${url})` }),
    },
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

/** Translation errors keep their level; upstream work (the source moved on) is a `note`. */
function resultsOf(report: Report, ruleIndex: ReadonlyMap<string, number>): Sarif.Result[] {
  const errors = translationErrors(report);
  return report.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId)!, errors.has(finding.fingerprint)));
}

function result(finding: Finding, ruleIndex: number, isError: boolean): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: isError ? LEVEL[finding.severity] : "note",
    message: { text: finding.message },
    locations: [location(finding)],
    ...(finding.related && { relatedLocations: finding.related.map((related, index) => ({ id: index + 1, ...location(related), message: { text: related.message } })) }),
    // Stable across edits that only move lines, so code scanning keeps an alert open instead of reopening it.
    // Identity v2 (rule, article, locale, anchor, messageId, key): a new key, as v1 hashed the message.
    partialFingerprints: { "l10nDrift/v2": finding.fingerprint },
    ...(finding.suppression !== undefined && { baselineState: finding.suppression === "known" ? "unchanged" : "new" }),
    properties: { locale: finding.locale, article: finding.article, ...(finding.anchor !== undefined && { anchor: finding.anchor }), cause: finding.cause },
  };
}

function location(place: Pick<Place, "file"> & Partial<Place>): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(place.file), uriBaseId: SOURCE_ROOT },
      // Code scanning shows an alert only at a line: a finding about a whole file points at its first.
      region: { startLine: place.line ?? 1, startColumn: place.column ?? 1 },
    },
  };
}

/** A relative URI reference: each segment percent-encoded, so `#`, `?` or `%` in a name stay part of the path. */
function relativeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
