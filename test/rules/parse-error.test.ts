import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("parse-error", async () => {
  await describeRuleCases("parse-error");
});
