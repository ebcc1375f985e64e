import { describe, expect, it } from "vitest";
import { articleTarget, neutralTarget, pairLocales } from "../../../src/rules/support/targets.js";

describe("neutralTarget", () => {
  it("drops the locale of a localised site and `?lang=`, keeps other parameters", () => {
    expect(neutralTarget("https://Learn.Microsoft.com/de-de/azure/x?view=azps-12&lang=de#y")).toBe("https://learn.microsoft.com/azure/x?view=azps-12#y");
    expect(neutralTarget("/zh-cn/azure/x")).toBe("/azure/x");
    expect(neutralTarget("./media/a.png")).toBe("media/a.png");
    expect(neutralTarget("/azure/de-de-x")).toBe("/azure/de-de-x");
  });
});

describe("neutralTarget with the pair's locales", () => {
  it("drops a bare language segment only when it is one of the pair's locales, as MDN writes them", () => {
    const locales = pairLocales("en-US", "de");
    expect(neutralTarget("/en-US/docs/Web/CSS", locales)).toBe("/docs/Web/CSS");
    expect(neutralTarget("/de/docs/Web/CSS", locales)).toBe("/docs/Web/CSS");
    expect(neutralTarget("https://developer.mozilla.org/de/docs/Web/CSS", locales)).toBe("https://developer.mozilla.org/docs/Web/CSS");
    expect(neutralTarget("/js/app.js", locales)).toBe("/js/app.js");
    expect(neutralTarget("/de/docs/Web/CSS")).toBe("/de/docs/Web/CSS");
  });
});

describe("articleTarget", () => {
  const published = ["https://learn.microsoft.com/azure/", "/azure/"];

  it("reads a published URL and a relative path to the same article as one target", () => {
    expect(articleTarget("https://learn.microsoft.com/azure/expressroute/bfd#enable", "expressroute/nat.md", published)).toBe("expressroute/bfd#enable");
    expect(articleTarget("bfd.md#enable", "expressroute/nat.md", published)).toBe("expressroute/bfd#enable");
    expect(articleTarget("/azure/service-health/overview", "expressroute/nat.md", published)).toBe("service-health/overview");
    expect(articleTarget("../service-health/overview.md", "expressroute/nat.md", published)).toBe("service-health/overview");
  });

  it("leaves other targets alone", () => {
    expect(articleTarget("https://portal.azure.com/", "a.md", published)).toBeUndefined();
    expect(articleTarget("media/a.png", "a.md", published)).toBeUndefined();
  });
});
