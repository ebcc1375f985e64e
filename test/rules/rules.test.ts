import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { RULES } from "../../src/rules/index.js";
import { describeRuleCases } from "../support/rule-cases.js";
import { exampleTree } from "../support/rule-examples.js";

// One loop over the registry: each rule's fixture cases, then its documented examples, which
// must do what its docs page says (the bad one is reported, the good one is not).
for (const rule of RULES) {
  // A rule that is off by default is turned on for its examples, as its docs page says to.
  const config = rule.offByDefault ? { config: { rules: { [rule.id]: rule.severity } } } : {};
  describe(rule.id, async () => {
    await describeRuleCases(rule.id);

    it(`${rule.id}: the bad example is reported`, async () => {
      const report = await check({ root: await exampleTree(rule.examples.bad), ...config });
      expect(report.findings.filter((finding) => finding.ruleId === rule.id).length).toBeGreaterThanOrEqual(1);
    });

    it(`${rule.id}: the good example is not`, async () => {
      const report = await check({ root: await exampleTree(rule.examples.good), ...config });
      expect(report.findings.filter((finding) => finding.ruleId === rule.id)).toEqual([]);
    });
  });
}
