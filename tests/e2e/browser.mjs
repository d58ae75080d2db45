// What every browser test shares: Chromium's flags, the one way to get a page
// (`watchedPage`, which tests/it/layers.rs checks), fresh profiles and screenshots.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const here = new URL(".", import.meta.url).pathname;
export const dist = resolve(here, "../../dist");
export const shots = resolve(process.env.SAUGA_SCREENSHOTS ?? join(here, "../../target/e2e-screenshots"));
export const port = Number(process.env.SAUGA_E2E_PORT ?? 8765);
export const url = `http://127.0.0.1:${port}/`;
mkdirSync(shots, { recursive: true });
let step = 0;

export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];


export async function shot(page, name, { fullPage = false } = {}) {
  step += 1;
  const file = join(shots, `${process.env.SAUGA_SHOT_PREFIX ?? ""}${String(step).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * The one way a test gets a page (tests/it/layers.rs checks that no other code opens
 * one): script errors, and any request that is not to our server, land in `errors`,
 * which every test asserts empty. The app must never reach out.
 */
export async function watchedPage(context, { consoleErrors = false, another = false } = {}) {
  const page = (!another && context.pages()[0]) || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (consoleErrors) page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // Anything the page's Content-Security-Policy refuses is a failure, on every screen.
  else page.on("console", (m) => /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  page.on("request", (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith("data:")) errors.push(`network: ${r.url()}`);
  });
  return { page, errors };
}

/** Opens the app and waits until it has rendered its frame. */
export async function open(context) {
  const { page, errors } = await watchedPage(context, { consoleErrors: true });
  await page.goto(url);
  await page.waitForSelector("nav.tabbar");
  return { page, errors };
}

export async function saved(page) {
  await page.waitForSelector('.app[data-save="saved"]', { timeout: 10_000 });
}

/** A fresh profile for one test; returns the context and a page past the first-run note. */
export async function freshStart(locale, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sauga-e2e-x-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 740 },
    locale,
    ...options,
  });
  const { page, errors } = await watchedPage(context);
  return { dir, context, page, errors };
}

/** Runs a test body in a fresh browser profile, closed and removed afterwards. */
export async function withBrowser(locale, body, options = {}) {
  const { dir, context, page, errors } = await freshStart(locale, options);
  try {
    await body(page, errors);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function openLesson(page) {
  await page.goto(url);
  await page.waitForSelector("nav.tabbar");
  if (await page.$(".intro")) await page.click('[data-action="intro-ok"]');
  await page.click('[data-tab="learn"]');
  await page.click('button[data-module="job-offers-abroad"]');
  await page.click('[data-action="open-module"]');
  await page.waitForSelector('article.lesson[data-page="1"]');
}

/**
 * From the home screen: a PIN (2468), a class named `className` with the pupils
 * given (one per line, as pasted), and a session of `quiz` in `mode` started.
 */
export async function setUpTeacher(page, { className = "7A", pupils = ["A", "B"], quiz = "what-is-trafficking", mode = "codes" } = {}) {
  await page.click('[data-action="home-teacher"]');
  await page.fill('[data-input="new-pin"]', "2468");
  await page.fill('[data-input="repeat-pin"]', "2468");
  await page.click('[data-action="set-pin"]');
  await page.click('[data-action="recovery-done"]');
  await page.fill('[data-input="class-name"]', className);
  await page.click('[data-action="create-class"]');
  await page.fill('[data-input="pupils"]', pupils.join("\n"));
  await page.click('[data-action="add-pupils"]');
  await page.waitForSelector(`[data-pupil="${pupils.length}"]`);
  await page.selectOption('[data-input="quiz"]', quiz);
  await page.click(`[data-mode="${mode}"]`);
  await page.click('[data-action="start-session"]');
  await page.waitForSelector(`[data-entry="${mode}"]`);
}

/** Opens the app as a first-time visitor and closes the first-run note. */
export async function started(page) {
  await page.goto(url);
  await page.waitForSelector("nav.tabbar");
  await page.click('[data-action="intro-ok"]');
}

/** From any screen: a module's quiz, at its first question. */
export async function startQuiz(page, module = "what-is-trafficking") {
  await page.click('[data-tab="learn"]');
  await page.click(`button[data-module="${module}"]`);
  await page.click('[data-action="start-quiz"]');
  await page.waitForSelector("article.question");
}
