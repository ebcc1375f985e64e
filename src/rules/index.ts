import { compareText } from "../util/compare-text.js";
import type { AnyRule, RegisteredRule } from "../model/rule.js";
import { TOOL_VERSION } from "../version.js";
import { brokenAnchor } from "./broken-anchor.js";
import { codeDrift } from "./code-drift.js";
import { duplicateAnchor } from "./duplicate-anchor.js";
import { emptyDocument } from "./empty-document.js";
import { encoding } from "./encoding.js";
import { extraSection } from "./extra-section.js";
import { headingLevel } from "./heading-level.js";
import { imageDrift } from "./image-drift.js";
import { linkDrift } from "./link-drift.js";
import { historyUnavailable } from "./history-unavailable.js";
import { invalidPin } from "./invalid-pin.js";
import { localeMismatch } from "./locale-mismatch.js";
import { machineTranslated } from "./machine-translated.js";
import { metadataDrift } from "./metadata-drift.js";
import { missingSection } from "./missing-section.js";
import { missingTranslation } from "./missing-translation.js";
import { orphanTranslation } from "./orphan-translation.js";
import { parseError } from "./parse-error.js";
import { pinNotUpdated } from "./pin-not-updated.js";
import { renamedSource } from "./renamed-source.js";
import { sectionOrder } from "./section-order.js";
import { staleDate } from "./stale-date.js";
import { structureDrift } from "./structure-drift.js";
import { untranslated } from "./untranslated.js";
import { staleSource } from "./stale-source.js";

/** Where a rule's docs page is for this version: docs/rules/<id>.md at the release tag. */
export function ruleDocsUrl(id: string, version: string = TOOL_VERSION): string {
  return `https://github.com/l10n-drift/l10n-drift/blob/v${version}/docs/rules/${id}.md`;
}

/** Every rule, sorted by id, with its docs URL stamped on (as markdownlint does). A new rule is added here and nowhere else. */
export const RULES: readonly RegisteredRule[] = [
  brokenAnchor,
  codeDrift,
  duplicateAnchor,
  emptyDocument,
  encoding,
  extraSection,
  headingLevel,
  imageDrift,
  linkDrift,
  historyUnavailable,
  invalidPin,
  localeMismatch,
  machineTranslated,
  metadataDrift,
  missingSection,
  missingTranslation,
  orphanTranslation,
  parseError,
  pinNotUpdated,
  renamedSource,
  sectionOrder,
  staleDate,
  structureDrift,
  untranslated,
  staleSource,
]
  .map((rule: AnyRule): RegisteredRule => Object.freeze({ ...rule, url: ruleDocsUrl(rule.id) }))
  .sort((a, b) => compareText(a.id, b.id));
