import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("stale-date", async () => {
  await describeRuleCases("stale-date");
});
