import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { RULES } from "../../src/rules/index.js";
import type { RuleExample } from "../../src/model/rule.js";
import { describeRuleCases } from "../support/rule-cases.js";
import { exampleTree } from "../support/rule-examples.js";

/** An example of a checked change is checked as that change: since the commit before the last. */
function changed(example: RuleExample): { changedSince?: string } {
  return example.changedTranslation === undefined ? {} : { changedSince: "HEAD~1" };
}

// One loop over the registry: each rule's fixture cases, then its documented examples, which
// must do what its docs page says (the bad one is reported, the good one is not).
for (const rule of RULES) {
  // A rule that is off by default is turned on for its examples, as its docs page says to.
  const config = rule.offByDefault ? { config: { rules: { [rule.id]: rule.severity } } } : {};
  describe(rule.id, async () => {
    await describeRuleCases(rule.id);

    it(`${rule.id}: the bad example is reported`, async () => {
      const report = await check({ root: await exampleTree(rule.examples.bad), ...config, ...changed(rule.examples.bad) });
      expect(report.findings.filter((finding) => finding.ruleId === rule.id).length).toBeGreaterThanOrEqual(1);
    });

    it(`${rule.id}: the good example is not`, async () => {
      const report = await check({ root: await exampleTree(rule.examples.good), ...config, ...changed(rule.examples.good) });
      expect(report.findings.filter((finding) => finding.ruleId === rule.id)).toEqual([]);
    });
  });
}
