// A pupil on a phone (360 × 740, Ukrainian and Lithuanian): a result code that lasts,
// a quiz that survives a visit to Help, Back that goes back (and quick exit that
// leaves nothing behind), feedback that teaches at a glance, the helpline on the first
// screen of Help, and a search that finds inflected words.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";
import { dist, port, shot, started, startQuiz, url, withBrowser } from "./browser.mjs";

process.env.SAUGA_SHOT_PREFIX ??= "pupil-";
let server;

before(async () => {
  server = await serve(dist, port);
});

after(() => server?.close());

/** Answers the quiz on screen to its end, always the first option. */
async function finishQuiz(page) {
  for (;;) {
    await page.waitForSelector("article.question");
    await page.click("article.question .option >> nth=0");
    if ((await page.getAttribute("article.question", "data-kind")) === "multiple") await page.click('[data-action="check"]');
    await page.waitForSelector("[data-verdict]");
    await page.click('[data-action="next-question"]');
    if (await page.$(".quiz-result")) return;
  }
}

for (const [locale, lang] of [["uk-UA", "uk"], ["lt-LT", "lt"]]) {
  test(`Help in ${lang}: 112 and the national helpline with their call buttons on the first screen; numbers never wrap`, async () => {
    await withBrowser(locale, async (page, errors) => {
      await page.goto(url);
      await page.waitForSelector("nav.tabbar");
      // The first-run note leaves the tab bar in reach.
      assert.ok(await page.isVisible('[data-action="intro-ok"]'));
      const tabbar = await page.$eval("nav.tabbar", (n) => n.getBoundingClientRect().top);
      const overlay = await page.$eval(".intro-overlay", (o) => o.getBoundingClientRect().bottom);
      assert.ok(overlay <= tabbar + 1, `the note ends at ${overlay}px, the tab bar starts at ${tabbar}px`);
      await page.click('[data-action="intro-ok"]');
      await page.click('[data-tab="help"]');
      await page.waitForSelector("[data-hotline]");
      for (const selector of ["[data-call-now] .call-112", "[data-call-now] [data-hotline]"]) {
        const box = await page.$eval(selector, (a) => a.getBoundingClientRect().toJSON());
        assert.ok(box.top >= 0 && box.bottom <= tabbar, `${selector} within the first screen: ${JSON.stringify(box)}`);
      }
      assert.equal(await page.getAttribute("[data-hotline]", "href"), "tel:+37080091119");
      // "0 800 91119" on one line.
      const lines = await page.$eval("[data-hotline]", (a) => {
        const range = document.createRange();
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
        let text = null;
        while (walker.nextNode()) if (walker.currentNode.textContent.includes("91119")) text = walker.currentNode;
        const at = text.textContent.indexOf("0");
        range.setStart(text, at);
        range.setEnd(text, text.textContent.length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      assert.equal(lines, 1, "the number wraps");
      await shot(page, `help-first-screen-${lang}`);
      assert.deepEqual(errors, []);
    });
  });
}

test("Help search finds inflected words and word starts; nothing found says who to call", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await started(page);
    await page.click('[data-tab="help"]');
    await page.click('[data-action="filters"]');
    for (const q of ["торгівля", "діти", "vaikai", "prekyba", "дитяч"]) {
      await page.fill('[data-filter="search"]', q);
      await page.waitForFunction(() => document.querySelectorAll("article.service").length > 0 || document.querySelector("[data-empty]"));
      assert.ok((await page.$$("article.service")).length > 0, `"${q}" finds services`);
    }
    await page.fill('[data-filter="search"]', "");
    // A Ukrainian speaker's language filter: nothing states Ukrainian, so it says what to do.
    await page.selectOption('[data-filter="language"]', "uk");
    await page.waitForSelector("[data-empty]");
    assert.match(await page.textContent("[data-empty-advice]"), /0\u00a0800\u00a091119/);
    assert.match(await page.textContent("[data-empty-advice]"), /English/);
    assert.match(await page.textContent("[data-empty]"), /112/);
    await shot(page, "help-empty-uk");
    assert.deepEqual(errors, []);
  });
});

test("a result code lasts: on the module page and in My results, full screen for the teacher, after leaving and reopening", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await started(page);
    await startQuiz(page);
    await finishQuiz(page);
    const code = await page.getAttribute(".result-code", "data-code");
    // The pupil taps away, then comes back later: the code is still there.
    await page.click('[data-tab="help"]');
    await page.reload();
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.waitForSelector(`[data-kept-code="${code}"]`);
    assert.match(await page.textContent(`[data-kept-code="${code}"]`), /з 10 правильно · \d{4}-\d{2}-\d{2}/);
    // "Practise my mistakes" stays while mistakes remain.
    assert.ok(await page.isVisible('.quiz-card [data-action="practise"]'));
    await page.click(`[data-kept-code="${code}"] [data-action="show-code"]`);
    await page.waitForSelector(`[data-show-code="${code}"]`);
    const sheet = await page.$eval("[data-show-code]", (d) => d.getBoundingClientRect().toJSON());
    // The whole screen under the header, which keeps quick exit in reach.
    assert.ok(sheet.width >= 359 && sheet.top <= 57 && sheet.bottom >= 739, `full screen: ${JSON.stringify(sheet)}`);
    assert.ok(await page.isVisible(".quick-exit"));
    assert.equal(await page.getAttribute("[data-show-code] svg.qr", "data-qr"), code);
    await shot(page, "code-for-teacher-uk");
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-show-code]", { state: "detached" });
    // And in My results.
    await page.click('[data-tab="learn"]');
    await page.click('[data-action="open-results"]');
    await page.waitForSelector(`[data-kept-code="${code}"]`);
    assert.deepEqual(errors, []);
  });
});

test("a quiz survives a visit to Help; Back goes back one screen; after quick exit Back does not reach Sauga", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await page.goto("about:blank");
    await started(page);
    await startQuiz(page);
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector("article.question");
      await page.click("article.question .option >> nth=0");
      if ((await page.getAttribute("article.question", "data-kind")) === "multiple") await page.click('[data-action="check"]');
      await page.waitForSelector("[data-verdict]");
      await page.click('[data-action="next-question"]');
    }
    await page.waitForSelector("article.question");
    // A look at Help, then back to the quiz: offered to continue at question 4.
    await page.click('[data-tab="help"]');
    await page.waitForSelector("[data-hotline]");
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="start-quiz"]');
    await page.waitForSelector('[data-resume="3"]');
    assert.match(await page.textContent('[data-action="resume-quiz"]'), /4 з 10/);
    await shot(page, "quiz-resume-uk");
    await page.click('[data-action="resume-quiz"]');
    await page.waitForSelector("article.question");
    assert.match(await page.textContent(".page-count"), /4/);

    // The browser's Back: one screen at a time inside Sauga.
    await page.goBack();
    await page.waitForSelector(".quiz-card");
    assert.ok(page.url().startsWith(url), page.url());
    await page.goBack();
    await page.waitForSelector("button[data-module]");
    // The quiz is still offered where it was left.
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="start-quiz"]');
    await page.waitForSelector('[data-resume="3"]');

    // Quick exit: the neutral page, and Back does not bring Sauga back.
    await page.click(".quick-exit");
    await page.waitForURL(/calc\.html$/);
    await page.goBack().catch(() => {});
    await page.waitForTimeout(300);
    assert.ok(!page.url().startsWith(url) || page.url().endsWith("calc.html"), `Back reached ${page.url()}`);
    assert.equal(await page.$("nav.tabbar"), null);
    assert.deepEqual(errors, []);
  });
});

test("feedback on a multiple-answer question: your answers and the ones missed, each with its icon and words", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    await startQuiz(page);
    for (;;) {
      await page.waitForSelector("article.question");
      if ((await page.getAttribute("article.question", "data-kind")) === "multiple") break;
      await page.click("article.question .option >> nth=0");
      await page.waitForSelector("[data-verdict]");
      await page.click('[data-action="next-question"]');
    }
    // One wrong option only: it is marked as the pupil's wrong answer, the right ones as missed.
    const wrong = await page.$eval("article.question", (a) => a.dataset.question);
    assert.ok(wrong);
    const options = await page.$$("article.question .option");
    let chose = null;
    for (const o of options) {
      // The quiz file names the right ones only after checking; choose the last option.
      chose = o;
    }
    await chose.click();
    await page.click('[data-action="check"]');
    await page.waitForSelector("[data-verdict]");
    const marks = await page.$$eval("[data-mark]", (ms) => ms.map((m) => [m.dataset.mark, m.textContent.trim(), !!m.querySelector("svg")]));
    assert.ok(marks.every(([, text, icon]) => text.length > 3 && icon), JSON.stringify(marks));
    const kinds = new Set(marks.map(([k]) => k));
    assert.ok(kinds.has("missed-right"), JSON.stringify(marks));
    assert.ok(kinds.has("chosen-wrong") || kinds.has("chosen-right"), JSON.stringify(marks));
    // The explanation: the pupil's own answer first, then what was right.
    const order = await page.$$eval("[data-verdict] [data-feedback]", (ps) => ps.map((p) => p.dataset.feedback));
    assert.ok(order[0].startsWith("chosen-"), order.join());
    assert.match(await page.textContent("[data-verdict] [data-feedback]"), /^Tavo atsakymas:/);
    if (order.includes("missed-right")) assert.match(await page.textContent('[data-feedback="missed-right"]'), /Taip pat teisinga/);
    // It is in view, above the tab bar.
    const verdict = await page.$eval("[data-verdict]", (v) => v.getBoundingClientRect().toJSON());
    const tabbar = await page.$eval("nav.tabbar", (n) => n.getBoundingClientRect().top);
    assert.ok(verdict.top >= 0 && verdict.top < tabbar, `verdict at ${verdict.top}px`);
    await shot(page, "feedback-multiple-lt");
    assert.deepEqual(errors, []);
  });
});

test("the smaller ones: the quiz right after a lesson, progress and lessons about pupils, teacher material folded, self-check back, About in the language", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await started(page);
    // Home counts the pupils' lessons only.
    const lessons = await page.evaluate(() => document.body.textContent.match(/Пройдено уроків: 0 з (\d+)/)?.[1]);
    assert.equal(lessons, "8");
    // The lesson list: teacher material folded under its own heading.
    await page.click('[data-tab="learn"]');
    assert.ok(!(await page.isVisible('[data-section="staff"]')), "staff material folded");
    assert.ok(await page.isVisible("[data-teacher-material] summary"));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`# lesson list: ${height} px high`);
    // The last page of a lesson offers its quiz at once.
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    while (await page.$('[data-action="next"]')) await page.click('[data-action="next"]');
    await page.click('[data-action="take-quiz-now"]');
    await page.waitForSelector("article.question");
    // The self-check goes back one question.
    await page.click('[data-tab="home"]');
    await page.click('[data-action="open-selfcheck"]');
    await page.click('[data-action="selfcheck-start"]');
    const first = await page.getAttribute("[data-selfcheck-question]", "data-selfcheck-question");
    await page.click('[data-selfcheck-question] .option >> nth=0');
    await page.waitForFunction((q) => document.querySelector("[data-selfcheck-question]")?.dataset.selfcheckQuestion !== q, first);
    await page.click('[data-action="selfcheck-back"]');
    await page.waitForSelector(`[data-selfcheck-question="${first}"]`);
    // About names the browser's storage in Ukrainian.
    await page.click('[data-tab="settings"]');
    assert.match(await page.textContent(".about"), /Сховище цього браузера/);
    assert.doesNotMatch(await page.textContent(".about"), /this browser/);
    assert.deepEqual(errors, []);
  });
});
