// End-to-end: the built web app (dist/) in headless Debian Chromium, driven by
// playwright-core. Run through scripts/test.sh, which builds dist/ first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { FLAGS, dist, open, openLesson, port, saved, shot, shots, url, watchedPage, withBrowser } from "./browser.mjs";
let server;
let profile;

async function launch(options = {}) {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 360, height: 740 },
    locale: "de-DE",
    ...options,
  });
}

before(async () => {
  profile = mkdtempSync(join(tmpdir(), "sauga-e2e-"));
  server = await serve(dist, port);
  console.log(`screenshots: ${shots}`);
});

after(async () => {
  server?.close();
  rmSync(profile, { recursive: true, force: true });
});

test("first run, Ukrainian, a whole module, kept after closing the tab and the browser", async () => {
  let context = await launch();
  let { page, errors } = await open(context);

  // A German browser gets Lithuanian, the default.
  assert.equal(await page.getAttribute("html", "lang"), "lt");
  assert.match(await page.textContent("nav.tabbar"), /Pradžia/);
  // First run: a note on shared devices and quick exit, once.
  await page.waitForSelector(".intro");
  assert.match(await page.textContent(".intro"), /Shift/);
  await shot(page, "first-run-note-lt");
  await page.click('[data-action="intro-ok"]');
  await page.waitForSelector(".intro", { state: "detached" });
  await shot(page, "home-lt");

  // One tap to Ukrainian, on the home screen.
  await page.click('[data-lang="uk"]');
  await page.waitForFunction(() => document.documentElement.lang === "uk");
  assert.match(await page.textContent("nav.tabbar"), /Головна/);
  assert.match(await page.textContent("main"), /Ласкаво просимо/);
  await saved(page);
  await shot(page, "home-uk");

  // Lessons → the first module.
  await page.click('[data-tab="learn"]');
  await page.waitForSelector('[data-module="what-is-trafficking"]');
  await shot(page, "lessons-uk");
  await page.click('button[data-module="what-is-trafficking"]');
  await page.waitForSelector('article.module');
  await shot(page, "module-uk");
  await page.click('[data-action="open-module"]');

  // Read to the last page with "next".
  const total = Number(await page.getAttribute("article.lesson", "data-pages"));
  assert.ok(total >= 5 && total <= 8, `5–8 pages, got ${total}`);
  for (let n = 1; n <= total; n++) {
    await page.waitForSelector(`article.lesson[data-page="${n}"]`);
    assert.match(await page.textContent(".page-count"), new RegExp(`Сторінка ${n} з ${total}`));
    await shot(page, `lesson-uk-page-${n}`);
    if (n < total) await page.click('[data-action="next"]');
  }
  // "Previous" goes back one page, "next" returns.
  await page.click('[data-action="previous"]');
  await page.waitForSelector(`article.lesson[data-page="${total - 1}"]`);
  await page.click('[data-action="next"]');
  await page.waitForSelector(`article.lesson[data-page="${total}"]`);
  await page.click('[data-action="finish"]');
  await page.waitForSelector('[data-completed="true"]');
  await shot(page, "module-uk-completed");

  // As soon as the app says "saved", close the tab: nothing may be lost.
  await saved(page);
  await page.close();
  ({ page } = await open(context));
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.equal(await page.$(".intro"), null, "the first-run note is shown once");
  await page.click('[data-tab="learn"]');
  await page.waitForSelector('button[data-module="what-is-trafficking"].done');
  await shot(page, "after-tab-closed");

  // A reload keeps it too.
  await page.reload();
  await page.waitForSelector("nav.tabbar");
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  await page.click('[data-tab="learn"]');
  await page.waitForSelector('button[data-module="what-is-trafficking"].done');

  // And so does quitting the browser altogether.
  await context.close();
  context = await launch();
  ({ page, errors } = await open(context));
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  await page.click('[data-tab="learn"]');
  await page.waitForSelector('button[data-module="what-is-trafficking"].done');
  assert.match(await page.textContent('button[data-module="what-is-trafficking"]'), /Пройдено/);
  await shot(page, "after-restart");
  assert.deepEqual(errors, []);
  await context.close();
});

test("damaged saved data is explained, kept aside, never silently replaced", async () => {
  // A fresh profile, Russian browser.
  const mainProfile = profile;
  profile = mkdtempSync(join(tmpdir(), "sauga-e2e-damaged-"));
  try {
    const context = await launch({ locale: "ru-RU" });
    let { page, errors } = await open(context);
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-lang="ru"]');
    await saved(page);
    // Damage the stored database behind the app's back.
    await page.evaluate(() => new Promise((ok, fail) => {
      const req = indexedDB.open("sauga", 1);
      req.onsuccess = () => {
        const tx = req.result.transaction("files", "readwrite");
        tx.objectStore("files").put(new TextEncoder().encode("this is not a database at all".repeat(10)), "sauga.sqlite3");
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      };
      req.onerror = () => fail(req.error);
    }));
    await page.reload();
    await page.waitForSelector(".problem");
    assert.equal(await page.getAttribute(".app", "lang"), "ru");
    assert.match(await page.textContent(".problem h1"), /Не удалось прочитать сохранённые данные/);
    await shot(page, "damaged-ru");
    // Start again: the damaged copy is kept under another name.
    await page.click(".problem .btn.primary");
    await page.waitForSelector("nav.tabbar");
    const keys = await page.evaluate(() => new Promise((ok) => {
      const req = indexedDB.open("sauga", 1);
      req.onsuccess = () => {
        const q = req.result.transaction("files").objectStore("files").getAllKeys();
        q.onsuccess = () => ok(q.result);
      };
    }));
    assert.ok(keys.some((k) => String(k).startsWith("sauga-refused-")), `kept aside: ${keys}`);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
    profile = mainProfile;
  }
});


test("quick exit from a lesson: a neutral page, and Back does not bring the lesson back", async () => {
  await withBrowser("en-GB", async (page, errors) => {
    await page.goto("data:text/html,<title>Before</title><p>before</p>");
    await openLesson(page);
    const lessonTitle = await page.textContent("article.lesson h1");
    await shot(page, "lesson-before-exit-en");
    await page.click('[data-action="quick-exit"]');
    await page.waitForURL(/calc\.html$/);
    assert.equal(await page.title(), "Calculator");
    assert.ok(!(await page.content()).includes("Sauga"));
    await shot(page, "quick-exit-neutral");
    // Back goes to the page before Sauga, never to the lesson.
    await page.goBack();
    assert.ok(page.url().startsWith("data:"), page.url());
    assert.ok(!(await page.content()).includes(lessonTitle));
    await page.goForward();
    assert.match(page.url(), /calc\.html$/);
    assert.deepEqual(errors, []);
  });
});

test("before the app loads, or if it never does: help numbers and a quick exit", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    // The app's code never arrives: the first screen must do on its own.
    await page.route("**/sauga.js", (route) => route.abort());
    await page.goto("data:text/html,<title>Before</title><p>before</p>");
    await page.goto(url);
    await page.waitForSelector("#boot-exit");
    assert.equal(await page.getAttribute("html", "lang"), "uk");
    assert.match(await page.textContent("#boot"), /Вийти[\s\S]*Екстрена допомога[\s\S]*0 800 91119/);
    const tels = await page.$$eval('#boot a[href^="tel:"]', (links) => links.map((a) => a.getAttribute("href")));
    assert.deepEqual(tels, ["tel:112", "tel:+37080091119"]);
    await shot(page, "first-screen-without-app-uk");
    await page.click("#boot-exit");
    await page.waitForURL(/calc\.html$/);
    // The page was replaced: Back goes to what was open before Sauga.
    await page.goBack();
    assert.match(page.url(), /^data:/);
    assert.deepEqual(errors, []);
  });
});

test("the app's files come precompressed", async () => {
  await withBrowser("en-GB", async (page, errors) => {
    const wasm = page.waitForResponse(/sauga_bg\.wasm$/);
    await page.goto(url);
    const response = await wasm;
    assert.ok(
      ["br", "gzip"].includes(response.headers()["content-encoding"]),
      `sauga_bg.wasm came with content-encoding ${response.headers()["content-encoding"]}`,
    );
    await page.waitForSelector("nav.tabbar");
    assert.deepEqual(errors, []);
  });
});

test("a strict Content-Security-Policy, in the page and from the server, and nothing breaks it", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    const response = await page.goto(url);
    const header = response.headers()["content-security-policy"] ?? "";
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    for (const policy of [header, meta]) {
      assert.match(policy, /default-src 'self'/);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.match(policy, /connect-src 'self'/);
      assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|\*|https?:/);
    }
    assert.match(header, /frame-ancestors 'none'/);
    // The app runs under it: a lesson, Help, Settings, quick exit.
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="getting-help"]');
    await page.click('[data-action="open-module"]');
    await page.waitForSelector("article.lesson h1");
    await page.click('[data-tab="help"]');
    await page.waitForSelector(".emergency");
    await page.click('[data-tab="settings"]');
    await page.waitForSelector('[data-action="open-teacher-mode"]');
    await page.click('[data-action="quick-exit"]');
    await page.waitForURL(/calc\.html$/);
    await page.click('button[data-k="7"]');
    assert.equal(await page.textContent("#d"), "7");
    // A script the policy does not name is refused, and the test sees it.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.injected = true;";
      document.body.appendChild(s);
    });
    assert.equal(await page.evaluate(() => window.injected ?? false), false);
    await page.waitForTimeout(200);
    assert.ok(errors.length > 0, "the refused script was reported");
    for (const e of errors) assert.match(e, /Content Security Policy.*(inline|script-src)/);
  });
});

test("lessons come as one data file per language: the device's first, the rest when chosen, a failure explained", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    const asked = [];
    page.on("request", (r) => /\/content\/\w+\.json$/.test(r.url()) && asked.push(r.url().split("/").pop()));
    // The Ukrainian file does not arrive: the first screen (help numbers, quick exit)
    // stays, and the app says what is missing and offers to try again.
    await page.route("**/content/uk.json", (route) => route.abort());
    await page.goto(url);
    await page.waitForSelector('[data-action="retry-content"]');
    assert.ok(await page.isVisible('#boot a[href="tel:112"]'), "the help numbers stay on screen");
    assert.match(await page.textContent(".opening.problem"), /Не вдалося завантажити уроки цією мовою: Українська/);
    assert.match(await page.textContent(".opening.problem"), /content\/uk\.json/);
    await shot(page, "no-lessons-file-uk");
    await page.unroute("**/content/uk.json");
    await page.click('[data-action="retry-content"]');
    await page.waitForSelector("nav.tabbar");
    assert.ok(!(await page.isVisible("#boot")), "the first screen gives way to the app");
    assert.match(await page.textContent("main"), /Ласкаво просимо/);
    assert.deepEqual([...new Set(asked)], ["uk.json"], "only the device's language at first");
    // Another language is read when chosen; one that cannot be read is explained and
    // the app stays in the language it had.
    await page.click('[data-action="intro-ok"]');
    // (The context's route also stops the service worker's copy.)
    await page.evaluate(async () => {
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await page.context().route("**/content/ru.json", (route) => route.abort());
    await page.click('[data-lang="ru"]');
    await page.waitForSelector('[data-problem="content"]');
    assert.match(await page.textContent('[data-problem="content"]'), /Не вдалося завантажити уроки цією мовою: Русский/);
    assert.equal(await page.getAttribute("html", "lang"), "uk");
    await page.click('[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await page.$('[data-problem="content"]'), null);
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="getting-help"]');
    await page.click('[data-action="open-module"]');
    await page.waitForSelector("article.lesson h1");
    assert.match(await page.textContent("article.lesson"), /[a-z]{4}/);
    assert.deepEqual([...new Set(asked)], ["uk.json", "ru.json", "en.json"]);
    // The aborted requests are the test's own doing; nothing else went wrong.
    assert.deepEqual(errors.filter((e) => !/content\/(uk|ru)\.json|Failed to load resource/.test(e)), []);
  });
});

test("installable: a valid manifest with its icons; a new build is offered, not mixed in", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      return (await fetch(href)).json();
    });
    assert.equal(manifest.display, "standalone");
    assert.equal(manifest.start_url, "./");
    assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
    assert.deepEqual(sizes, ["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of manifest.icons) {
      const [w, h, type] = await page.evaluate(async (src) => {
        const blob = await (await fetch(src)).blob();
        const bitmap = await createImageBitmap(blob);
        return [bitmap.width, bitmap.height, blob.type];
      }, icon.src);
      assert.equal(`${w}x${h}`, icon.sizes, icon.src);
      assert.equal(type, "image/png", icon.src);
    }
    // Chromium's own install check, through the DevTools protocol.
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "Chromium can install it");

    // A new build on the server: the open page says so and loads it on a tap.
    const { readFileSync, writeFileSync } = await import("node:fs");
    const worker = join(dist, "sw.js");
    const original = readFileSync(worker, "utf8");
    try {
      writeFileSync(worker, original.replace(/sauga-[0-9a-f]{12}/, "sauga-nextbuild0"));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.waitForSelector("#update:not([hidden])");
      assert.match(await page.textContent("#update"), /nauja versija/);
      await shot(page, "update-ready-lt");
      await Promise.all([page.waitForEvent("load"), page.click("#update button")]);
      await page.waitForSelector("nav.tabbar");
      assert.equal(await page.isVisible("#update"), false);
    } finally {
      writeFileSync(worker, original);
    }
    assert.deepEqual(errors, []);
  });
});

test("Shift pressed three times leaves at once", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await openLesson(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(/calc\.html$/, { timeout: 5_000 });
    assert.equal(await page.title(), "Calculator");
    assert.deepEqual(errors, []);
  });
});

test("Help: 112 first, tel and mailto links, filters, abroad", async () => {
  await withBrowser("ru-RU", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="help"]');
    await page.waitForSelector(".emergency");
    const first = await page.getAttribute("[data-service]", "data-service");
    assert.equal(first, "emergency-112");
    assert.equal(await page.getAttribute(".call-112", "href"), "tel:112");
    await shot(page, "help-ru");
    const cards = await page.$$("article.service");
    for (const card of cards) {
      const links = await card.$$eval("a", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(links.some((h) => h.startsWith("tel:") || h.startsWith("mailto:")), links.join(" "));
      assert.match(await card.$eval(".checked", (e) => e.textContent), /Сверено с опубликованным источником \d{4}-\d{2}-\d{2}/);
    }
    const all = cards.length;
    // The filters are folded behind one control.
    assert.ok(!(await page.isVisible('[data-filter="search"]')));
    await page.click('[data-action="filters"]');
    await page.fill('[data-filter="search"]', "91119");
    await page.waitForFunction((n) => document.querySelectorAll("article.service").length < n, all);
    assert.ok((await page.$$('a[href="tel:+37080091119"]')).length >= 1);
    await page.fill('[data-filter="search"]', "");
    await page.selectOption('[data-filter="language"]', "en");
    await page.waitForFunction((n) => document.querySelectorAll("article.service").length < n, all);
    await page.selectOption('[data-filter="language"]', "");
    await page.check('[data-filter="abroad"]');
    await page.waitForSelector('[data-category="consular-abroad"]');
    const firstGroup = await page.getAttribute("[data-category]", "data-category");
    assert.equal(firstGroup, "consular-abroad");
    await shot(page, "help-ru-abroad");
    assert.deepEqual(errors, []);
  });
});

test("passcode: set it, reload, wrong code refused, right code opens", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="settings"]');
    await page.fill('[data-input="new-passcode"]', "2468");
    await page.fill('[data-input="repeat-passcode"]', "2467");
    await page.click('[data-action="set-passcode"]');
    await page.waitForSelector(".error");
    assert.match(await page.textContent(".error"), /nesutampa/);
    await page.fill('[data-input="new-passcode"]', "2468");
    await page.fill('[data-input="repeat-passcode"]', "2468");
    await page.click('[data-action="set-passcode"]');
    await page.waitForSelector('[data-passcode="on"]');
    await saved(page);
    await shot(page, "passcode-set-lt");
    await page.reload();
    await page.waitForSelector('[data-locked="true"]');
    assert.equal(await page.$("nav.tabbar"), null, "nothing behind the lock");
    await shot(page, "locked-lt");
    await page.fill('[data-input="unlock"]', "1111");
    await page.click('[data-action="unlock"]');
    await page.waitForSelector(".lock .error");
    assert.match(await page.textContent(".lock .error"), /Neteisingas/);
    await page.fill('[data-input="unlock"]', "2468");
    await page.click('[data-action="unlock"]');
    await page.waitForSelector("nav.tabbar");
    assert.equal(await page.$('[data-locked="true"]'), null);
    assert.deepEqual(errors, []);
  });
});

test("every module opens in every language without an error; glossary and facts", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    for (const lang of ["lt", "en", "ru", "uk"]) {
      await page.click('[data-tab="home"]');
      await page.click(`[data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.click('[data-tab="learn"]');
      // Staff material and plans are folded: open them to list every module.
      await page.click("[data-teacher-material] summary");
      const ids = await page.$$eval("button[data-module]", (bs) => bs.map((b) => b.dataset.module));
      assert.ok(ids.length >= 26, `${lang}: ${ids.length} modules listed`);
      for (const id of ids) {
        await page.click('[data-tab="learn"]');
        if (!(await page.isVisible(`button[data-module="${id}"]`))) await page.click("[data-teacher-material] summary");
        await page.click(`button[data-module="${id}"]`);
        await page.waitForSelector(`article.module[data-module="${id}"]`);
        // The first time, page 1; later (read once in another language), the next page.
        await page.click('[data-action="open-module"]');
        await page.waitForSelector("article.lesson");
        const text = await page.textContent("article.lesson");
        assert.ok(text.trim().length > 80, `${lang} ${id}: the page is nearly empty`);
        assert.ok(!text.includes("module.") && !text.includes("lesson."), `${lang} ${id}: a raw key shows`);
      }
    }
    // A glossary term opens in place, over the lesson.
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    let found = false;
    for (let n = 1; n <= 8 && !found; n++) {
      const term = await page.$('[data-link^="glossary:"]');
      if (term) {
        await term.click();
        await page.waitForSelector("[data-term-sheet]");
        assert.ok((await page.textContent("[data-term-sheet]")).length > 20);
        await shot(page, "glossary-sheet-uk");
        await page.click('[data-action="close-term"]');
        found = true;
      } else if (await page.$('[data-action="next"]')) {
        await page.click('[data-action="next"]');
      }
    }
    assert.ok(found, "a glossary link in the first module");
    await page.click('[data-tab="learn"]');
    await page.click('[data-action="open-facts"]');
    await page.waitForSelector("[data-fact]");
    const facts = await page.$$eval("[data-fact] .checked", (ps) => ps.map((p) => p.textContent));
    assert.ok(facts.length > 0 && facts.every((t) => /\d{4}/.test(t)), "every fact shows its year");
    await shot(page, "facts-uk");
    assert.deepEqual(errors, []);
  });
});

/** The stored database's bytes, from IndexedDB, as a hex digest. */
async function storedDigest(page) {
  return page.evaluate(async () => {
    const bytes = await new Promise((ok, fail) => {
      const req = indexedDB.open("sauga", 1);
      req.onsuccess = () => {
        const q = req.result.transaction("files").objectStore("files").get("sauga.sqlite3");
        q.onsuccess = () => ok(q.result);
        q.onerror = () => fail(q.error);
      };
      req.onerror = () => fail(req.error);
    });
    const hash = await crypto.subtle.digest("SHA-256", bytes);
    return Array.from(new Uint8Array(hash)).map((b) => b.toString(16).padStart(2, "0")).join("");
  });
}

/** Answers the question on screen with its first option (all options when several may be chosen). */
async function answerFirst(page) {
  const kind = await page.getAttribute("article.question", "data-kind");
  if (kind === "multiple") {
    for (const b of await page.$$("article.question .option")) await b.click();
    await page.click('[data-action="check"]');
  } else {
    await page.click("article.question .option >> nth=0");
  }
  await page.waitForSelector("[data-verdict]");
  return page.getAttribute("[data-verdict]", "data-verdict");
}

test("a quiz in Russian: explanations, result code, practising the mistake, a new order on retry", async () => {
  await withBrowser("ru-RU", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="start-quiz"]');
    await page.waitForSelector("article.question");
    const firstOrder = [];
    let wrong = 0;
    for (;;) {
      firstOrder.push(await page.getAttribute("article.question", "data-question"));
      assert.match(await page.textContent(".page-count"), /Вопрос \d+ из \d+/);
      const verdict = await answerFirst(page);
      if (verdict === "wrong") {
        wrong += 1;
        const why = await page.textContent(".verdict.wrong");
        assert.match(why, /Не совсем/);
        assert.ok(why.length > 40, "the explanation is shown");
        if (wrong === 1) await shot(page, "quiz-ru-explanation");
      }
      await page.click('[data-action="next-question"]');
      if (await page.$(".quiz-result")) break;
      await page.waitForSelector("article.question");
    }
    assert.ok(wrong >= 1, "at least one answer was wrong");
    const total = Number(await page.getAttribute(".quiz-result", "data-total"));
    const right = Number(await page.getAttribute(".quiz-result", "data-score"));
    assert.equal(total, firstOrder.length);
    assert.equal(right, total - wrong);
    const code = await page.textContent(".result-code .code");
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{3}( [0-9A-HJKMNP-TV-Z]{1,3})+$/, code);
    assert.equal((await page.$$("[data-missed]")).length, wrong);
    await shot(page, "quiz-ru-result");
    await saved(page);

    // Practise the mistake.
    await page.click('.quiz-result [data-action="practise"]');
    await page.waitForSelector("article.question");
    const practised = await page.getAttribute("article.question", "data-question");
    assert.ok(firstOrder.includes(practised));
    await shot(page, "practice-ru");

    // Retry: the questions come in another order; best score and attempts are kept.
    await page.click('[data-tab="learn"]');
    assert.match(await page.textContent('button[data-module="what-is-trafficking"]'), /тест \d+\/\d+ \(попыток: 1\)/);
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="start-quiz"]');
    const secondOrder = [];
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector("article.question");
      secondOrder.push(await page.getAttribute("article.question", "data-question"));
      await answerFirst(page);
      await page.click('[data-action="next-question"]');
    }
    assert.notDeepEqual(secondOrder, firstOrder.slice(0, 3), "a retry asks in a new order");
    assert.deepEqual(errors, []);
  });
});

test("the self-check leaves the stored database exactly as it was", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await saved(page);
    const before = await storedDigest(page);
    await page.click('[data-action="open-selfcheck"]');
    assert.match(await page.textContent("[data-selfcheck=intro]"), /нічого не зберігається|Нічого з цього не зберігається/);
    await shot(page, "selfcheck-uk-intro");
    await page.click('[data-action="selfcheck-start"]');
    // The answers that raise concern: the last option of each question.
    while (await page.$("[data-selfcheck-question]")) {
      const options = await page.$$("[data-selfcheck-question] .option");
      await options[options.length - 1].click();
    }
    await page.waitForSelector("[data-outcome]");
    assert.equal(await page.getAttribute("[data-outcome]", "data-outcome"), "serious");
    assert.ok(await page.$('[data-outcome] a[href="tel:112"]'));
    assert.ok(await page.$('[data-outcome] a[href^="tel:+370"]'));
    await shot(page, "selfcheck-uk-outcome");
    assert.equal(await page.getAttribute(".app", "data-save"), "saved");
    assert.equal(await storedDigest(page), before, "not one byte of the database changed");
    // Quick exit drops it: back in the app, nothing of the answers is there.
    await page.click('[data-action="quick-exit"]');
    await page.waitForURL(/calc\.html$/);
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    assert.equal(await page.$("[data-outcome]"), null);
    assert.equal(await storedDigest(page), before);
    assert.deepEqual(errors, []);
  });
});

test("teacher mode: PIN, a class of 5, codes (one mistyped), tally, shared device, reports, CSV, reload, lock", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');

    // Two pupils' codes, from taking the quiz as pupils would on their phones.
    const codes = [];
    for (let i = 0; i < 2; i++) {
      await page.click('[data-tab="learn"]');
      await page.click('button[data-module="what-is-trafficking"]');
      await page.click('[data-action="start-quiz"]');
      for (;;) {
        await page.waitForSelector("article.question");
        await answerFirst(page);
        await page.click('[data-action="next-question"]');
        if (await page.$(".quiz-result")) break;
      }
      codes.push(await page.getAttribute(".result-code", "data-code"));
    }

    // Set a PIN; the recovery code is shown once.
    await page.click('[data-tab="settings"]');
    await page.click('[data-action="open-teacher-mode"]');
    await page.fill('[data-input="new-pin"]', "2468");
    await page.fill('[data-input="repeat-pin"]', "2468");
    await page.click('[data-action="set-pin"]');
    await page.waitForSelector("[data-recovery]");
    const recovery = await page.getAttribute("[data-recovery]", "data-recovery");
    assert.match(recovery, /^[0-9A-HJKMNP-TV-Z]{10}$/);
    await page.click('[data-action="recovery-done"]');

    // A class of five, pseudonymous.
    await page.fill('[data-input="class-name"]', "8B");
    await page.click('[data-action="create-class"]');
    await page.waitForSelector('[data-class-title="8B"]');
    await page.fill('[data-input="pupils"]', "AK\nBT\nCR\n-\nEM");
    await page.click('[data-action="add-pupils"]');
    await page.waitForSelector('[data-pupil="5"]');
    await shot(page, "teacher-class-lt");

    // Result codes: a mistyped one is refused, then both are recorded.
    await page.selectOption('[data-input="quiz"]', "what-is-trafficking");
    await page.click('[data-mode="codes"]');
    await page.click('[data-action="start-session"]');
    await page.waitForSelector('[data-entry="codes"]');
    const pupilOptions = await page.$$eval('[data-input="pupil"] option', (os) => os.map((o) => o.value).filter(Boolean));
    const bad = codes[0].slice(0, 3) + (codes[0][3] === "A" ? "B" : "A") + codes[0].slice(4);
    await page.selectOption('[data-input="pupil"]', pupilOptions[0]);
    await page.fill('[data-input="code"]', bad);
    await page.click('[data-action="enter-code"]');
    await page.waitForSelector('[data-code-result="refused"]');
    assert.match(await page.textContent('[data-code-result]'), /klaida/);
    for (let i = 0; i < 2; i++) {
      await page.selectOption('[data-input="pupil"]', pupilOptions[i]);
      await page.fill('[data-input="code"]', codes[i].toLowerCase());
      await page.click('[data-action="enter-code"]');
      // Two pupils who answered alike give the same code: the app asks first.
      await page.waitForSelector('[data-code-result="ok"], [data-code-ask]');
      if (await page.$("[data-code-ask]")) await page.click('[data-action="code-yes"]');
      await page.waitForSelector('[data-code-result="ok"]');
    }
    await page.waitForSelector('[data-score-pupil="2"]');
    await shot(page, "teacher-session-codes-lt", { fullPage: true });

    // CSV for a Lithuanian spreadsheet: a BOM, `;` between cells, a decimal comma,
    // the questions' text in the header, every pupil of the class, a telling file name.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-csv"]')]);
    assert.match(download.suggestedFilename(), /^sauga-8B-Kas yra prekyba žmonėmis-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const bytes = (await import("node:fs")).readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = bytes.subarray(3).toString("utf8").trim().split("\n");
    assert.equal(rows.length, 6, rows.join("\n"));
    assert.match(rows[0], /^Mokinys;Q1: [^;]*prekyb/);
    for (const row of rows.slice(1, 3)) {
      const cells = row.split(";");
      assert.match(cells[0], /^#\d/);
      for (const c of cells.slice(1, -2)) assert.match(c, /^[01]$/);
      assert.match(cells.at(-1), /^\d+(,\d)?$/);
    }
    for (const row of rows.slice(3)) assert.match(row, /^#\d[^;]*;+$/, "a pupil without a result: empty cells");

    // A tally session.
    await page.click('button.back');
    await page.click('[data-mode="tally"]');
    await page.click('[data-action="start-session"]');
    await page.waitForSelector('[data-entry="tally"]');
    // Before the first answer the questions can be chosen: drop the last one.
    await page.click("[data-picker] summary");
    const picked = (await page.$$("[data-picked]")).length;
    await page.click('[data-picked] >> nth=-1 >> [data-action="remove-question"]');
    await page.waitForFunction((n) => document.querySelectorAll("[data-picked]").length === n - 1, picked);
    await page.waitForSelector(`[data-tally-questions="${picked - 1}"]`);
    for (const [option, n] of [[0, 3], [1, 2]]) {
      for (let i = 0; i < n; i++) await page.click(`[data-tally-plus="${option}"]`);
    }
    await page.waitForSelector('[data-tally-total="5"]');
    await page.waitForSelector('[data-question-report][data-percent]:not([data-percent="0"])');
    await shot(page, "teacher-session-tally-lt", { fullPage: true });
    // The tally's CSV holds its counts, a row per option.
    const [tallyDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-csv"]')]);
    const tallyRows = (await import("node:fs")).readFileSync(await tallyDownload.path()).subarray(3).toString("utf8").trim().split("\n");
    assert.match(tallyRows[0], /^Klausimas;Atsakymo variantas;Teisingas;Kiek pasirinko$/);
    assert.deepEqual(tallyRows.slice(1, 3).map((r) => r.split(";").at(-1)), ["3", "2"]);
    assert.ok(tallyRows.length > 4, tallyRows.join("\n"));

    // Shared device for two pupils: the result is hidden between them.
    await page.click('button.back');
    await page.click('[data-mode="shared"]');
    await page.click('[data-action="start-session"]');
    for (let i = 0; i < 2; i++) {
      await page.waitForSelector('[data-input="shared-pupil"]');
      await page.selectOption('[data-input="shared-pupil"]', pupilOptions[2 + i]);
      await page.click('[data-action="start-pupil"]');
      while (await page.$("[data-shared-question]")) {
        await page.click("[data-shared-question] .option >> nth=0");
        await page.click('[data-action="shared-next"]');
      }
      await page.waitForSelector("[data-handover]");
      assert.equal(await page.$('[data-report="session"]'), null, "the last result is hidden");
      assert.equal(await page.$("button.back"), null, "no way into the class from here");
      await page.click('[data-action="next-pupil"]');
      // The teacher takes the device back with the PIN.
      await page.waitForSelector('[data-teacher-locked="true"]');
      await page.fill('[data-input="pin"]', "2468");
      await page.click('[data-action="open-teacher"]');
    }
    await page.waitForSelector('[data-score-pupil="4"]');

    // The class reports.
    await page.click('button.back');
    await page.waitForSelector('[data-report="class"] svg.trend');
    assert.ok((await page.$$("[data-difficult]")).length > 0);
    // The trend names its figures for screen readers: one per session with answers.
    const trendLabel = await page.getAttribute('[data-report="class"] svg.trend', "aria-label");
    assert.equal((trendLabel.match(/\d{4}-\d\d-\d\d \d+ %/g) || []).length, 3, trendLabel);
    const topics = await page.$$eval('[data-report="class"] .bar-label', (es) => es.map((e) => e.textContent));
    assert.ok(topics.length > 0 && topics.every((t) => !/^[a-z-]+$/.test(t)), `topics shown as raw tags: ${topics}`);
    // Each class report exports as CSV: a BOM, a header, numbers as numbers.
    for (const [table, cols] of [["pupils", 4], ["topics", 4], ["questions", 6]]) {
      const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-action="export-class-csv"][data-table="${table}"]`)]);
      assert.match(file.suggestedFilename(), new RegExp(`^sauga-8B-${table}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const bytes = (await import("node:fs")).readFileSync(await file.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], table);
      const lines = bytes.subarray(3).toString("utf8").trim().split("\n");
      assert.ok(lines.length > 1, `${table}: ${lines}`);
      for (const line of lines.slice(1)) {
        // A Lithuanian spreadsheet's CSV: `;` between cells, a decimal comma.
        const cells = line.match(/("([^"]|"")*"|[^;]*)(;|$)/g).map((c) => c.replace(/;$/, ""));
        assert.ok(cells.length >= cols, `${table}: ${line}`);
        // Columns 1–3 are figures in every table (pupils: the three sessions).
        for (const i of [1, 2, 3]) assert.match(cells[i], /^(\d+(,\d)?)?$/, `${table}: ${line}`);
      }
    }
    // Weakest topic first: where to reteach.
    const topicPercents = await page.$$eval('[data-report="class"] .bar-value', (es) => es.map((e) => parseFloat(e.textContent)));
    const topicOnly = topicPercents.slice(-topics.length);
    assert.deepEqual(topicOnly, [...topicOnly].sort((a, b) => a - b), `topics weakest first: ${topicOnly}`);
    await shot(page, "teacher-class-report-lt", { fullPage: true });
    await saved(page);

    // Reload: locked, then everything is there.
    await page.reload();
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-tab="settings"]');
    await page.click('[data-action="open-teacher-mode"]');
    await page.waitForSelector('[data-teacher-locked="true"]');
    await page.fill('[data-input="pin"]', "1111");
    await page.click('[data-action="open-teacher"]');
    await page.waitForSelector(".lock .error");
    await page.fill('[data-input="pin"]', "2468");
    await page.click('[data-action="open-teacher"]');
    await page.click('button[data-class="8B"]');
    await page.waitForSelector('[data-pupil="5"]');
    assert.equal((await page.$$("[data-session]")).length, 3);
    // Own quizzes in GIFT: a broken file is refused with its line, a good one is kept
    // and can run a session; a built-in quiz exports to GIFT.
    await page.click('button.back');
    await page.setInputFiles('[data-input="import-gift"]', { name: "broken.txt", mimeType: "text/plain", buffer: Buffer.from("::A:: Fine {=yes ~no}\n\n::B:: Not closed {=yes ~no\n") });
    await page.waitForSelector("[data-gift-errors]");
    // In the teacher's language and plain words: no English, no Markdown backticks.
    assert.match(await page.textContent("[data-gift-errors]"), /3 eilutė: riestiniai skliaustai nesudaro poros/);
    assert.doesNotMatch(await page.textContent("[data-gift-errors]"), /`|line/);
    assert.equal(await page.$("[data-own-quiz]"), null);
    // A file with very many errors lists the first 50 and counts the rest.
    const many = Array.from({ length: 80 }, (_, i) => `::Q${i}:: Not closed {=yes ~no`).join("\n\n");
    await page.setInputFiles('[data-input="import-gift"]', { name: "many.txt", mimeType: "text/plain", buffer: Buffer.from(many) });
    await page.waitForSelector("[data-more-errors]");
    const total = Number(await page.getAttribute("[data-gift-errors]", "data-gift-errors"));
    assert.ok(total >= 80, `${total} errors`);
    assert.equal(Number(await page.getAttribute("[data-more-errors]", "data-more-errors")), total - 50);
    assert.equal((await page.$$("[data-gift-errors] li")).length, 51);
    await page.setInputFiles('[data-input="import-gift"]', { name: "Mano testas.txt", mimeType: "text/plain", buffer: Buffer.from("// a comment\n::A:: Ar tai įspėjamasis ženklas? {T #Taip.}\n\n::B:: Ką daryti? {=Pasitarti #Gerai. ~Važiuoti #Ne. ####Pagalbos linija padės.}\n") });
    await page.waitForSelector('[data-own-quiz="Mano testas"]');
    // The question form: a question without a right answer is refused, then saved.
    await page.click('[data-action="new-own"]');
    await page.fill('[data-input="form-title"]', "Formos testas");
    await page.fill('[data-draft="0"] [data-input="draft-text"]', "Kas gali padėti?");
    await page.fill('[data-draft="0"] [data-draft-option="0"] [data-input="option-text"]', "Pagalbos linija");
    await page.fill('[data-draft="0"] [data-draft-option="0"] [data-input="option-feedback"]', "Taip, ji dirba visą parą.");
    await page.fill('[data-draft="0"] [data-draft-option="1"] [data-input="option-text"]', "Niekas");
    // Every field has a visible label; the question type fills the width of a phone.
    const unlabelled = await page.$$eval("[data-form] textarea, [data-form] select, [data-form] input:not([type=checkbox])", (fields) =>
      fields.filter((f) => !f.closest("label")?.querySelector("span")?.textContent.trim()).length);
    assert.equal(unlabelled, 0, "fields without a visible label");
    const [selectWidth, draftWidth] = await page.$eval('[data-draft="0"] [data-input="draft-kind"]', (s) => [s.getBoundingClientRect().width, s.closest("fieldset").clientWidth]);
    assert.ok(selectWidth > draftWidth * 0.8, `type select ${selectWidth}px of ${draftWidth}px`);
    await page.click('[data-action="form-save"]');
    await page.waitForSelector("[data-form-problem]");
    // The error summary on top names the question, takes the focus, and leads to it.
    assert.match(await page.textContent("[data-form-problem]"), /Testo dar negalima išsaugoti/);
    await page.waitForFunction(() => document.activeElement?.dataset.formProblem === "true");
    await shot(page, "teacher-form-problem-lt");
    await page.click('[data-problem-question="1"]');
    assert.equal(await page.evaluate(() => document.activeElement.closest("[data-draft]")?.dataset.draft), "0");
    await page.check('[data-draft="0"] [data-draft-option="0"] [data-input="option-right"]');
    await page.click('[data-action="form-save"]');
    await page.waitForSelector('[data-own-quiz="Formos testas"]');
    const [giftFile] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-builtin"]')]);
    assert.match((await import("node:fs")).readFileSync(await giftFile.path(), "utf8"), /\{[\s\S]*=/);
    await page.click('button[data-class="8B"]');
    const ownValue = await page.$eval('[data-input="quiz"]', (s) => [...s.options].find((o) => o.text.startsWith("Mano testas")).value);
    await page.selectOption('[data-input="quiz"]', ownValue);
    await page.click('[data-mode="tally"]');
    await page.click('[data-action="start-session"]');
    await page.waitForSelector('[data-entry="tally"]');
    await page.waitForSelector('[data-tally-questions="2"]');
    await page.click('button.back');
    await page.click('button.back');

    // Leaving each session kept an automatic copy, listed on the classes screen.
    await page.waitForSelector('[data-restore-auto="session"]');
    // A backup, a broken file refused without change, then a restore.
    const [backupFile] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="backup"]')]);
    const backup = (await import("node:fs")).readFileSync(await backupFile.path(), "utf8");
    assert.match(backup, /"format": "sauga-teacher-backup"/);
    await page.setInputFiles('[data-input="restore"]', { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(backup.replace('"tally"', '"semaphore"')) });
    await page.waitForSelector('[data-backup-result="refused"]');
    assert.match(await page.textContent("[data-backup-result]"), /^Niekas nepakeista: kopija pakeista arba sugadinta: „8B“ testo būdas/);
    assert.doesNotMatch(await page.textContent("[data-backup-result]"), /`|session|mode/);
    assert.equal(await page.$('[data-action="restore-confirm"]'), null);
    // A class made after that backup: the restore replaces it, and the copy taken
    // just before the restore brings it back with a tap.
    await page.fill('[data-input="class-name"]', "9C");
    await page.click('[data-action="create-class"]');
    await page.waitForSelector('[data-class-title="9C"]');
    await page.click('button.back');
    await page.setInputFiles('[data-input="restore"]', { name: "good.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await page.waitForSelector('[data-action="restore-confirm"]');
    // The confirmation lists what the file holds and what it replaces, Cancel first.
    assert.match(await page.textContent("[data-restore-file-holds]"), /^Faile yra: klasių: 1 \(8B\), mokinių: 5, testų: \d+, savų testų: 2\.$/);
    assert.match(await page.textContent("[data-restore-replaces]"), /klasių: 2 \((8B, 9C|9C, 8B)\)/);
    assert.deepEqual(await page.$$eval("[data-restore-ask] .row button", (bs) => bs.map((b) => b.dataset.action)), ["restore-cancel", "restore-confirm"]);
    await shot(page, "teacher-restore-ask-lt");
    await page.click('[data-action="restore-confirm"]');
    await page.waitForSelector('[data-backup-result="ok"]');
    assert.equal(await page.$('button[data-class="9C"]'), null);
    await page.click('[data-restore-auto="restore"]');
    await page.click('[data-action="restore-confirm"]');
    await page.waitForSelector('button[data-class="9C"]');
    await shot(page, "teacher-auto-backups-lt", { fullPage: true });
    await page.click('button[data-class="8B"]');
    await page.waitForSelector('[data-pupil="5"]');
    assert.equal((await page.$$("[data-session]")).length, 4);
    // Leaving teacher mode locks it.
    await page.click('[data-tab="home"]');
    await page.click('[data-tab="settings"]');
    await page.click('[data-action="open-teacher-mode"]');
    await page.waitForSelector('[data-teacher-locked="true"]');
    // A forgotten PIN: the recovery code, typed as it was shown (in groups, in small
    // letters) in a field that takes letters, opens; a new PIN is asked first, then a
    // new recovery code is shown, and the classes are all there.
    await page.click('[data-action="toggle-recovery"]');
    assert.equal(await page.getAttribute('[data-input="recovery"]', "inputmode"), "text");
    const shown = recovery.match(/.{1,3}/g).join(" ").toLowerCase();
    await page.fill('[data-input="recovery"]', shown);
    await page.click('[data-action="open-teacher"]');
    await page.waitForSelector('[data-pin-setup="after-recovery"]');
    await shot(page, "teacher-after-recovery-lt");
    await page.fill('[data-input="new-pin"]', "1357");
    await page.fill('[data-input="repeat-pin"]', "1357");
    await page.click('[data-action="set-pin"]');
    await page.waitForSelector("[data-recovery]");
    assert.notEqual(await page.getAttribute("[data-recovery]", "data-recovery"), recovery);
    await page.click('[data-action="recovery-done"]');
    await page.waitForSelector('button[data-class="8B"]');
    assert.deepEqual(errors, []);
  });
});

test("two tabs: one saves, the other says so and can take over; nothing reported saved is lost", async () => {
  await withBrowser("en-GB", async (a, errors) => {
    await a.goto(url);
    await a.waitForSelector("nav.tabbar");
    await a.click('[data-action="intro-ok"]');
    // Tab A changes the language: saved.
    await a.click('[data-lang="lt"]');
    await a.waitForFunction(() => document.documentElement.lang === "lt");
    await saved(a);
    // Tab B: Sauga is open in another tab; B may take over.
    const { page: b, errors: errorsB } = await watchedPage(a.context(), { another: true });
    await b.goto(url);
    await b.waitForSelector('[data-action="take-over"]');
    await shot(b, "second-tab-lt");
    await b.click('[data-action="take-over"]');
    await b.waitForSelector("nav.tabbar");
    assert.equal(await b.getAttribute(".app", "lang"), "lt", "B sees what A saved");
    // B reads a lesson page: saved.
    await b.click('[data-tab="learn"]');
    await b.click('button[data-module="what-is-trafficking"]');
    await b.click('[data-action="open-module"]');
    await b.waitForSelector('article.lesson[data-page="1"]');
    await saved(b);
    // A has stopped saving, and says so instead of "saved".
    await a.click('[data-tab="home"]');
    await a.click('[data-lang="ru"]');
    await a.waitForSelector('.app[data-save="other-tab"]');
    await shot(a, "first-tab-stopped-saving");
    // Reopened: A's saved change and B's page are both there; A's refused one is not.
    await a.close();
    await b.close();
    const { page: c, errors: errorsC } = await watchedPage(a.context(), { another: true });
    await c.goto(url);
    await c.waitForSelector("nav.tabbar");
    assert.equal(await c.getAttribute(".app", "lang"), "lt");
    await c.click('[data-tab="learn"]');
    assert.match(
      await c.textContent('button[data-module="what-is-trafficking"]'),
      /Perskaityta 1 iš \d+ psl\./,
      "B's page is there",
    );
    assert.deepEqual([...errors, ...errorsB, ...errorsC], []);
  });
});

test("after the first visit the web app opens with no network at all", async () => {
  await withBrowser("en-GB", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.click('[data-action="intro-ok"]');
    await saved(page);
    await page.context().setOffline(true);
    await page.reload();
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-tab="help"]');
    await page.waitForSelector(".emergency");
    await shot(page, "offline-help-en");
    // Offline, a lesson reads in every language.
    for (const lang of ["lt", "en", "ru", "uk"]) {
      await page.click('[data-tab="home"]');
      await page.click(`[data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.click('[data-tab="learn"]');
      await page.click('button[data-module="getting-help"]');
      await page.click('[data-action="open-module"]');
      await page.waitForSelector("article.lesson h1");
      assert.ok((await page.textContent("article.lesson")).length > 200, `a lesson page in ${lang}`);
    }
    await page.context().setOffline(false);
    assert.deepEqual(errors, []);
  });
});
