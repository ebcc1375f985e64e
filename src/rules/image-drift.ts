import path from "node:path";
import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { type ImageRef, sectionContent } from "../parse/section-content.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView, unmatched } from "./support/compare.js";
import { describeSection } from "./support/sections.js";
import { neutralTarget } from "./support/targets.js";
import { decodePercent, hasScheme } from "../util/url.js";

interface ImageDifference extends Difference {
  kind: "missing" | "extra" | "form";
  source?: ImageRef;
  translation?: ImageRef;
  /** For an image both show, but not equally often: how often each side shows it. */
  times?: { source: number; translation: number };
}


/**
 * Images are not translated (their alt text is): a section must show the source's image files.
 * Markdown `![…](…)`, docfx `:::image source="…":::` and HTML `<img src>` are the same image
 * when they name the same file; a relative path in one and an absolute URL to that file in the
 * other is reported as such.
 */
export const imageDrift: Rule = {
  id: "image-drift",
  severity: "warning",
  description: "A translated section lacks an image of the source's section, shows another, or links the same file by absolute URL instead of relative path.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    return compareSections(pair, imageDifferences).map((compared) => {
      const { view, difference } = compared;
      const { source, translation } = difference;
      const where = describeSection(view.translation);
      const related = source && { file: view.sourceDocument.file, line: source.line, column: source.column, message: "The image in the source." };
      const place = translation ?? { line: view.translation.line, column: view.translation.column };
      const message = imageMessage(difference, where);
      return differenceFinding(compared, place, message, related, { kind: difference.kind, ...(source && { source: source.url }), ...(translation && { translation: translation.url }) });
    });
  },
};

function imageMessage({ kind, source, translation, times }: ImageDifference, where: string): string {
  switch (kind) {
    case "missing":
      return times === undefined
        ? `${where} lacks the source's image \`${source!.url}\`; expected it, as in the source.`
        : `${where} shows the image \`${source!.url}\` ${timesText(times.translation)}; expected ${timesText(times.source)}, as in the source.`;
    case "extra":
      return times === undefined
        ? `The image \`${translation!.url}\` in ${where} is not in the source's section; expected the source's images.`
        : `${where} shows the image \`${translation!.url}\` ${timesText(times.translation)}; expected ${timesText(times.source)}, as in the source.`;
    case "form":
      return `The image \`${translation!.url}\` is ${isAbsolute(translation!.url) ? "an absolute URL" : "a relative path"} to the file the source links as \`${source!.url}\`; expected the source's form.`;
  }
}

function imageDifferences(view: SectionPairView): ImageDifference[] {
  const key = (image: ImageRef) => imageKey(image.url, view.article);
  const sourceImages = sectionContent(view.source).images;
  const translationImages = sectionContent(view.translation).images;
  const sourceRest = unmatched(sourceImages, translationImages, key);
  let translationRest = unmatched(translationImages, sourceImages, key);
  const differences: ImageDifference[] = [];
  const timesShown = (image: ImageRef) => ({
    source: sourceImages.filter((other) => key(other) === key(image)).length,
    translation: translationImages.filter((other) => key(other) === key(image)).length,
  });
  for (const source of sourceRest) {
    const same = translationRest.find((translation) => sameFile(key(source), key(translation)));
    if (same === undefined) {
      const times = timesShown(source);
      differences.push({ key: `missing\0${key(source)}`, kind: "missing", source, ...(times.translation > 0 && { times }) });
      continue;
    }
    translationRest = translationRest.filter((translation) => translation !== same);
    differences.push({ key: `form\0${key(source)}\0${key(same)}`, kind: "form", source, translation: same });
  }
  for (const translation of translationRest) {
    const times = timesShown(translation);
    differences.push({ key: `extra\0${key(translation)}`, kind: "extra", translation, ...(times.source > 0 && { times }) });
  }
  return differences;
}

/** An absolute URL as written (locale neutralised); a relative path resolved against the article. */
function imageKey(url: string, article: string): string {
  if (isAbsolute(url)) return neutralTarget(url);
  const bare = decodePercent(url.trim().split(/[?#]/)[0]!);
  return bare.startsWith("/") ? bare : path.posix.normalize(path.posix.join(path.posix.dirname(article), bare));
}

/** A URL whose path ends with the other's resolved relative path names the same file. */
function sameFile(a: string, b: string): boolean {
  const [absolute, relative] = isAbsolute(a) ? [a, b] : [b, a];
  if (!isAbsolute(absolute) || isAbsolute(relative)) return false;
  let pathname: string;
  try {
    pathname = decodePercent(new URL(absolute).pathname);
  } catch {
    return false;
  }
  return pathname.endsWith(relative.startsWith("/") ? relative : `/${relative}`);
}

function timesText(times: number): string {
  return times === 1 ? "once" : times === 2 ? "twice" : `${times} times`;
}

function isAbsolute(url: string): boolean {
  return hasScheme(url.trim());
}
