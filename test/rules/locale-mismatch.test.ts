import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("locale-mismatch", async () => {
  await describeRuleCases("locale-mismatch");
});
