import { compareText } from "../util/compare-text.js";
import type { AnyRule } from "../model/rule.js";
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
import { renamedSource } from "./renamed-source.js";
import { sectionOrder } from "./section-order.js";
import { staleDate } from "./stale-date.js";
import { structureDrift } from "./structure-drift.js";
import { untranslated } from "./untranslated.js";
import { staleSource } from "./stale-source.js";

/** Every rule, sorted by id. A new rule is added here and nowhere else. */
export const RULES: readonly AnyRule[] = [
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
  renamedSource,
  sectionOrder,
  staleDate,
  structureDrift,
  untranslated,
  staleSource,
].sort((a, b) => compareText(a.id, b.id));

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id);
}
