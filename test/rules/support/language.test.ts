import { describe, expect, it } from "vitest";
import { francLanguage, guessLanguage, languageSample, languageText } from "../../../src/rules/support/language.js";

describe("francLanguage", () => {
  it("maps folder names and BCP 47 tags to the codes franc knows", () => {
    expect(["de", "de-DE", "sv-se", "nl", "zh-CN", "zh_tw", "no", "pt-BR", "eng"].map(francLanguage)).toEqual(["deu", "deu", "swe", "nld", "cmn", "cmn", "nob", "por", "eng"]);
    expect(francLanguage("xx")).toBeUndefined();
  });
});

describe("languageText", () => {
  it("drops URLs and product-like words, keeps words", () => {
    expect(languageText("Use ExpressRoute over IPVPN or IPv6, see https://example.com/a-b for Gbps rates")).toBe("Use over or , see for Gbps rates");
  });
});

describe("guessLanguage", () => {
  const english = "You can create a connection between your network and the cloud in three different ways, and your provider can help you choose.";
  const german = "Sie können eine Verbindung zwischen Ihrem Netzwerk und der Cloud auf drei verschiedene Arten erstellen, und Ihr Anbieter hilft bei der Auswahl.";

  it("tells the two candidate languages apart, with little evidence for a short table of terms", () => {
    expect(guessLanguage(german, "eng", "deu", 50)?.language).toBe("deu");
    expect(guessLanguage(english, "eng", "deu", 50)?.evidence).toBeGreaterThan(10);
    // A real Swedish security-controls table: franc leans to English, but barely.
    const table = languageText("Säkerhets kontroll Ja/nej Obs! Konfigurations hanterings stöd (konfigurations version osv.) Ja Via nätverks resurs leverantören (NRP).");
    const guess = guessLanguage(table, "eng", "swe", 50)!;
    expect(guess.language).toBe("eng");
    expect(guess.evidence).toBeLessThan(10);
  });

  it("decides by script for Chinese, however many Latin product names it carries", () => {
    const chinese = "ExpressRoute Direct 支持将数据大规模引入到 Azure Storage 和其他 Big Data 服务中的方案，ExpressRoute Global Reach 也支持。";
    expect(guessLanguage(chinese, "eng", "cmn", 20)?.language).toBe("cmn");
    expect(guessLanguage(english, "eng", "cmn", 20)?.language).toBe("eng");
  });

  it("declines to judge text shorter than the minimum", () => {
    expect(guessLanguage("Next steps", "eng", "deu", 50)).toBeUndefined();
  });

  it("judges a long text on a bounded sample taken from its start to its end", () => {
    const long = `${german} `.repeat(12) + `${english} `.repeat(6);
    const sample = languageSample(long);
    expect(long.length).toBeGreaterThan(2048);
    expect(sample.length).toBeLessThanOrEqual(1024 + 3);
    expect(sample.startsWith(long.slice(0, 256))).toBe(true);
    expect(sample.endsWith(long.slice(-256))).toBe(true);
    expect(languageSample(german)).toBe(german);
    expect(guessLanguage(long, "eng", "deu", 50)).toEqual(guessLanguage(sample, "eng", "deu", 50));
  });
});
