import { makeTree } from "./fixtures.js";

/**
 * A tree of `count` articles in two locales, with drift of every structural kind spread over it
 * by article number, so that sharding, workers and caching have real findings to keep in order.
 */
export async function generatedTree(count: number): Promise<string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const name = `area-${index % 7}/article-${String(index).padStart(4, "0")}.md`;
    const sections = ["Overview", "Install", "Configure", "Troubleshoot", "Next steps"];
    const source = sections.map((title, at) => `## <a name="s${at}"></a>${title}\nText ${index}.\n`).join("\n");
    files[`articles/${name}`] = `---\nms.date: 10/07/2020\n---\n# Article ${index}\n\n${source}`;
    const kept = sections.filter((_, at) => !(index % 5 === 0 && at === 2));
    const german = kept.map((title) => `## <a name="s${sections.indexOf(title)}"></a>${title} (de)\nText.\n`).join("\n");
    const date = index % 3 === 0 ? "12/06/2018" : "10/07/2020";
    if (index % 11 !== 0) files[`locales/de/${name}`] = `---\nms.date: ${date}\nms.contentlocale: de-DE\n---\n# <a name="article-${index}"></a>Artikel ${index}\n\n${german}`;
    const level = index % 4 === 0 ? "###" : "##";
    files[`locales/zh/${name}`] = `---\nms.date: 10/07/2020\n---\n# <a name="article-${index}"></a>文章 ${index}\n\n${sections.map((title, at) => `${at === 1 ? level : "##"} <a name="s${at}"></a>${title}（中文）\n文本。\n`).join("\n")}`;
  }
  files["locales/de/retired.md"] = "# Alt\n";
  return makeTree(files);
}
