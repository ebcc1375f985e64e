import path from "node:path";
import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { type ImageRef, sectionContent } from "../parse/section-content.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView, unmatched } from "./support/compare.js";
import { describeSection } from "./support/sections.js";
import { neutralTarget } from "./support/targets.js";
import { decodePercent, hasScheme, parseUrl } from "../util/url.js";

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
  rationale:
    "Diagrams and screenshots are shared by every locale. A translation that lost one, shows a retired one, or links the file by an absolute URL (which breaks when the site moves) shows its readers something else than the source does.",
  messages: {
    missing: "{section} lacks the source's image `{source}`; expected it, as in the source.{sinceNote}",
    "missing-times": "{section} shows the image `{source}` {shown}; expected {expected}, as in the source.{sinceNote}",
    extra: "The image `{translation}` in {section} is not in the source's section; expected the source's images.{sinceNote}",
    "extra-times": "{section} shows the image `{translation}` {shown}; expected {expected}, as in the source.{sinceNote}",
    form: "The image `{translation}` is {form} to the file the source links as `{source}`; expected the source's form.{sinceNote}",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## Overview\n\n![Diagram](./media/diagram.png)\n",
      translation: "# Anleitung\n\n## Overview\n\n![Diagramm](https://example.com/media/old-diagram.png)\n",
    },
    good: {
      source: "# Guide\n\n## Overview\n\n![Diagram](./media/diagram.png)\n",
      translation: "# Anleitung\n\n## Overview\n\n:::image type=\"content\" source=\"./media/diagram.png\" alt-text=\"Diagramm\":::\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    return compareSections(pair, imageDifferences).map((compared) => {
      const { view, difference } = compared;
      const { source, translation, times } = difference;
      const related = source && { file: view.sourceDocument.file, line: source.line, column: source.column, message: "The image in the source." };
      const place = translation ?? { line: view.translation.line, column: view.translation.column };
      const data = {
        kind: difference.kind,
        section: describeSection(view.translation),
        ...(source && { source: source.url }),
        ...(translation && { translation: translation.url }),
        ...(times && { shown: timesText(times.translation), expected: timesText(times.source) }),
        ...(difference.kind === "form" && { form: isAbsolute(translation!.url) ? "an absolute URL" : "a relative path" }),
      };
      const messageId = difference.kind === "form" ? "form" : times === undefined ? difference.kind : `${difference.kind}-times`;
      return differenceFinding(compared, place, messageId, data, related);
    });
  },
};

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
      differences.push({ key: `missing:${key(source)}`, kind: "missing", source, ...(times.translation > 0 && { times }) });
      continue;
    }
    translationRest = translationRest.filter((translation) => translation !== same);
    differences.push({ key: `form:${key(source)}`, kind: "form", source, translation: same });
  }
  for (const translation of translationRest) {
    const times = timesShown(translation);
    differences.push({ key: `extra:${key(translation)}`, kind: "extra", translation, ...(times.source > 0 && { times }) });
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
  const url = parseUrl(absolute);
  if (url === undefined) return false;
  const pathname = decodePercent(url.pathname);
  return pathname.endsWith(relative.startsWith("/") ? relative : `/${relative}`);
}

function timesText(times: number): string {
  return times === 1 ? "once" : times === 2 ? "twice" : `${times} times`;
}

function isAbsolute(url: string): boolean {
  return hasScheme(url.trim());
}
