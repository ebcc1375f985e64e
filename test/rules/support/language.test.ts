import { describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { francAll } from "franc";
import { francLanguage, guessLanguage, languageSample, languageText } from "../../../src/rules/support/language.js";
import { scoreLanguages } from "../../../src/rules/support/two-languages.js";

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

describe("scoreLanguages", () => {
  it("gives franc's languages and scores for two candidates, on the bundled articles' text", async () => {
    const files: string[] = [];
    for (const dir of ["articles", "locales"]) {
      for (const name of await readdir(dir, { recursive: true })) if (name.endsWith(".md")) files.push(path.join(dir, name));
    }
    const texts = ["", " ", "1234 5678", "Gbps", "a", "ExpressRoute", "日本語のテキストと English words", "Привет, мир", "Γειά σου κόσμε", "שלום עולם"];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      // Windows of every length franc treats differently: short, sampled, longer than it reads.
      for (let start = 0; start < text.length; start += 997) for (const length of [12, 130, 1024, 2600]) texts.push(text.slice(start, start + length));
    }
    expect(files.length).toBeGreaterThanOrEqual(5);
    const pairs = [["eng", "deu"], ["eng", "swe"], ["eng", "nld"], ["eng", "cmn"], ["eng", "jpn"], ["eng", "rus"], ["deu", "nld"], ["nld", "deu"], ["eng", "eng"], ["eng", "xxx"], ["xxx", "yyy"], ["eng", "ell"]];
    let compared = 0;
    for (const text of texts) {
      for (const pair of pairs) {
        expect(scoreLanguages(text, pair), `${pair.join("/")}: ${JSON.stringify(text.slice(0, 40))}`).toEqual(francAll(text, { only: pair, minLength: 1 }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
