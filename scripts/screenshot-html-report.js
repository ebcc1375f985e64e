// Takes the README's picture of the HTML report: reports/index.html of the bundled example, opened
// in headless Chromium with the article expanded. Run after `npm start`:
//   node scripts/screenshot-html-report.js [output.png]
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.resolve(process.argv[2] ?? path.join(root, "docs/images/html-report.png"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(path.join(root, "reports/index.html")).href);
  await page.waitForSelector("html[data-ready=true]");
  await page.click("#heat td.article");
  await page.screenshot({ path: output, fullPage: true });
  console.log(`Wrote ${path.relative(process.cwd(), output)}`);
} finally {
  await browser.close();
}
