import type { AnyRule } from "../model/rule.js";
import { duplicateAnchor } from "./duplicate-anchor.js";
import { emptyDocument } from "./empty-document.js";
import { extraSection } from "./extra-section.js";
import { headingLevel } from "./heading-level.js";
import { localeMismatch } from "./locale-mismatch.js";
import { missingSection } from "./missing-section.js";
import { missingTranslation } from "./missing-translation.js";
import { orphanTranslation } from "./orphan-translation.js";
import { parseError } from "./parse-error.js";
import { sectionOrder } from "./section-order.js";
import { staleDate } from "./stale-date.js";

/** Every rule, sorted by id. A new rule is added here and nowhere else. */
export const RULES: readonly AnyRule[] = [
  duplicateAnchor,
  emptyDocument,
  extraSection,
  headingLevel,
  localeMismatch,
  missingSection,
  missingTranslation,
  orphanTranslation,
  parseError,
  sectionOrder,
  staleDate,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function findRule(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id);
}
