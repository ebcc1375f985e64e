import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("empty-document", async () => {
  await describeRuleCases("empty-document");
});
