// Takes the README's screenshots from the built web app (dist/):
// node tests/e2e/screenshots.mjs [OUT_DIR]   (default docs/screenshots)
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const here = new URL(".", import.meta.url).pathname;
const out = resolve(process.argv[2] ?? join(here, "../../docs/screenshots"));
const port = 8766;
mkdirSync(out, { recursive: true });
const server = await serve(resolve(here, "../../dist"), port);

/** A fresh browser profile at a size and language, on the app past its first-run note. */
async function openApp(lang, viewport) {
  const profile = mkdtempSync(join(tmpdir(), "sauga-shots-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport,
    locale: lang,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector("nav.tabbar");
  await page.click('[data-action="intro-ok"]');
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

// Three modules as a pupil reads them, at 360 × 740, in Lithuanian and Russian.
for (const lang of ["lt", "ru"]) {
  const { page, close } = await openApp(lang, { width: 360, height: 740 });
  for (const id of ["forms-of-trafficking", "safe-online", "rights-and-law"]) {
    await page.click('[data-tab="learn"]');
    await page.click(`button[data-module="${id}"]`);
    await page.screenshot({ path: join(out, `module-${lang}-${id}.png`) });
    await page.click('[data-action="open-module"]');
    await page.click('[data-action="next"]');
    await page.screenshot({ path: join(out, `module-${lang}-${id}-page2.png`) });
  }
  await close();
}

const sizes = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };
for (const lang of ["lt", "uk"]) {
  for (const [name, viewport] of Object.entries(sizes)) {
    const { page, close } = await openApp(lang, viewport);
    await page.screenshot({ path: join(out, `${lang}-${name}-home.png`) });
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="job-offers-abroad"]');
    await page.click('[data-action="open-module"]');
    for (let i = 0; i < 2; i++) await page.click('[data-action="next"]');
    await page.waitForSelector('article.lesson[data-page="3"]');
    await page.screenshot({ path: join(out, `${lang}-${name}-lesson.png`) });
    await page.click('[data-tab="learn"]');
    await page.screenshot({ path: join(out, `${lang}-${name}-lessons.png`) });
    await page.click('[data-tab="settings"]');
    await page.screenshot({ path: join(out, `${lang}-${name}-settings.png`) });
    await page.click('[data-tab="help"]');
    await page.screenshot({ path: join(out, `${lang}-${name}-help.png`) });
    await close();
  }
}
server.close();
console.log(`screenshots in ${out}`);
