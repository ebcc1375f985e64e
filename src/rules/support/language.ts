import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
import { scoreLanguages } from "./two-languages.js";

/**
 * Where franc knows a macrolanguage only by one of its members (Chinese as Mandarin, Norwegian
 * as Bokmål), the member; ISO 639-1 codes name the macrolanguage.
 */
const FRANC_MEMBER: Readonly<Record<string, string>> = { zh: "cmn", no: "nob", ar: "arb", fa: "pes", ms: "zsm", et: "ekk", lv: "lvs", sw: "swh", uz: "uzn", sq: "als", az: "azj", mn: "khk" };

const FROM_ISO_639_1 = new Map(Object.entries(iso6393To1).map(([three, one]) => [one, three]));

/**
 * Scripts of languages not written in Latin letters. For them the script itself tells: English
 * left in a Chinese article has no Han characters. franc would instead follow whichever script
 * has more characters, and product names in Latin letters often outnumber Han characters.
 */
const OWN_SCRIPT: Readonly<Record<string, RegExp>> = {
  cmn: /\p{Script=Han}/gu,
  jpn: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu,
  kor: /\p{Script=Hangul}/gu,
  rus: /\p{Script=Cyrillic}/gu,
  ukr: /\p{Script=Cyrillic}/gu,
  bul: /\p{Script=Cyrillic}/gu,
  srp: /\p{Script=Cyrillic}/gu,
  ell: /\p{Script=Greek}/gu,
  arb: /\p{Script=Arabic}/gu,
  pes: /\p{Script=Arabic}/gu,
  heb: /\p{Script=Hebrew}/gu,
  tha: /\p{Script=Thai}/gu,
  hin: /\p{Script=Devanagari}/gu,
};

/** franc's ISO 639-3 code for a BCP 47 tag or locale folder name (`de`, `de-DE`, `zh-cn`). */
export function francLanguage(tag: string): string | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (language.length === 3) return language;
  return FRANC_MEMBER[language] ?? FROM_ISO_639_1.get(language);
}

/**
 * Prose with what is not language removed: URLs, and words that are product names or codes
 * rather than words of a language (`ExpressRoute`, `IPVPN`, `IPv6`, `Gbps` stays).
 */
export function languageText(prose: string): string {
  return prose
    .replace(/\b[a-z][a-z\d+.-]*:\/\/\S+/gi, " ")
    .replace(/[\p{L}\d]*(?:\p{Lu}[\p{L}\d]*\p{Lu}|\d)[\p{L}\d]*/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface LanguageGuess {
  /** ISO 639-3 code of the likelier of the two languages. */
  language: string;
  /**
   * How far ahead it is: franc's margin (1 minus the other language's score) times the length
   * of the text franc read. franc divides the trigram distance between the two languages by a
   * bound proportional to the length, so the same margin of 0.03 is noise on 130 characters and
   * decisive on 1,800; multiplying back recovers, roughly, the distance gap itself, which one
   * threshold can judge at any length. Infinite for a decision by script.
   */
  evidence: number;
}

/**
 * How much of a text is identified: a sample of at most this many characters, in four slices taken
 * evenly across it. franc itself reads only the first 2,048 characters; a quarter of that from each
 * part of a section is as telling of its language, at half the trigrams, and language
 * identification is one of the largest costs of a check.
 */
const SAMPLE_CHARS = 1024;
const SAMPLE_SLICES = 4;

/** `text` if it is short enough, else slices from its start, middle parts and end, joined by spaces. */
export function languageSample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const slice = Math.floor(SAMPLE_CHARS / SAMPLE_SLICES);
  const step = (text.length - slice) / (SAMPLE_SLICES - 1);
  const parts: string[] = [];
  for (let index = 0; index < SAMPLE_SLICES; index++) {
    const start = Math.round(index * step);
    parts.push(text.slice(start, start + slice));
  }
  return parts.join(" ");
}

/**
 * Which of the source language and the translation language `text` is in, judged on a bounded
 * sample of it. Undefined when the text is too short to tell.
 */
export function guessLanguage(text: string, source: string, target: string, minLength: number): LanguageGuess | undefined {
  const sample = languageSample(text);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < minLength) return undefined;
  const script = OWN_SCRIPT[target];
  if (script !== undefined && OWN_SCRIPT[source] === undefined) {
    const share = (sample.match(script)?.length ?? 0) / letters;
    // Any real run of the target's script means the text was translated; product names and
    // commands stay in Latin letters in every translation.
    return { language: share >= 0.05 ? target : source, evidence: Number.POSITIVE_INFINITY };
  }
  const [first, second] = scoreLanguages(sample, [source, target]);
  if (first === undefined || first[0] === "und") return undefined;
  return { language: first[0], evidence: (1 - (second?.[1] ?? 0)) * sample.length };
}
