/** A calendar day, compared as `YYYY-MM-DD` strings: front matter dates carry no time zone. */
export type IsoDay = string;

export type DateReading = { ok: true; day: IsoDay } | { ok: false; reason: string };

const MICROSOFT_DOCS = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/; // MM/DD/YYYY, as ms.date is written
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads `ms.date` style (MM/DD/YYYY, also M/D/YYYY) and ISO 8601 dates. */
export function readDate(value: unknown): DateReading {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: "not a valid date" } : { ok: true, day: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== "string" && typeof value !== "number") return { ok: false, reason: "not a date string" };
  const text = String(value).trim();
  let year: number;
  let month: number;
  let day: number;
  const us = MICROSOFT_DOCS.exec(text);
  const iso = ISO_8601.exec(text);
  if (us) {
    [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return { ok: false, reason: "expected MM/DD/YYYY or YYYY-MM-DD" };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: "no such calendar day" };
  }
  return { ok: true, day: date.toISOString().slice(0, 10) };
}
