// Teacher mode in a real lesson: 25 pupils' result codes entered through the fast
// flow, with the taps counted. The codes come from tests/e2e/fixtures/codes-25.json,
// which a Rust test makes with the app's own encoder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve } from "./serve.mjs";
import { dist, port, shot, url, withBrowser } from "./browser.mjs";

process.env.SAUGA_SHOT_PREFIX ??= "classroom-";
const fixture = JSON.parse(readFileSync(new URL("./fixtures/codes-25.json", import.meta.url), "utf8"));
let server;

before(async () => {
  server = await serve(dist, port);
});

after(() => server?.close());

test("25 result codes in class: the next pupil is chosen, Enter saves, one tap each; repeats and replacements are asked", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    // Teacher mode from the home screen, one tap.
    await page.click('[data-action="home-teacher"]');
    await page.fill('[data-input="new-pin"]', "2468");
    await page.fill('[data-input="repeat-pin"]', "2468");
    await page.click('[data-action="set-pin"]');
    await page.click('[data-action="recovery-done"]');
    await page.fill('[data-input="class-name"]', "7A");
    await page.click('[data-action="create-class"]');
    await page.fill('[data-input="pupils"]', Array.from({ length: 25 }, (_, i) => `M${i + 1}`).join("\n"));
    await page.click('[data-action="add-pupils"]');
    await page.waitForSelector('[data-pupil="25"]');
    await page.selectOption('[data-input="quiz"]', fixture.quiz);
    await page.click('[data-mode="codes"]');
    await page.click('[data-action="start-session"]');
    await page.waitForSelector('[data-entry="codes"]');

    const chosenPupil = () => page.$eval('[data-input="pupil"]', (s) => s.options[s.selectedIndex].textContent.trim());
    const codeHasFocus = () => page.evaluate(() => document.activeElement?.dataset.input === "code");
    let taps = 0;
    const enter = async (code) => {
      assert.ok(await codeHasFocus(), "the code field has the focus");
      await page.keyboard.type(code);
      await page.keyboard.press("Enter");
      taps += 1;
    };
    const start = Date.now();
    for (let i = 0; i < 25; i++) {
      assert.equal(await chosenPupil(), `#${i + 1} M${i + 1}`, "the next pupil without a result is chosen");
      if (i === 24) {
        // The first pupil's code again, for the last pupil: asked, not recorded.
        await enter(fixture.codes[0]);
        await page.waitForSelector("[data-code-ask]");
        assert.match(await page.textContent("[data-code-ask]"), /lygiai tokie patys kaip mokinio #1 M1/);
        await page.click('[data-action="code-no"]');
        assert.equal(await page.$("[data-code-ask]"), null);
        assert.equal(await chosenPupil(), "#25 M25");
        await page.evaluate(() => { document.querySelector('[data-input="code"]').select(); });
      }
      await enter(fixture.codes[i]);
      await page.waitForFunction(
        (n) => document.querySelector('[data-code-result="ok"]')?.textContent.includes(`#${n} M${n}`),
        i + 1,
      );
      assert.match(await page.textContent('[data-code-result="ok"]'), new RegExp(`${fixture.right[i]} iš ${fixture.questions} teisingai`));
      const missing = Number(await page.getAttribute("[data-missing]", "data-missing"));
      assert.equal(missing, 24 - i);
      if (i === 5) {
        assert.match(await page.textContent("[data-missing]"), /Dar trūksta: #7, #8, #9/);
        await shot(page, "codes-in-progress-lt");
      }
    }
    const seconds = (Date.now() - start) / 1000;
    assert.match(await page.textContent("[data-missing]"), /Visi mokiniai turi rezultatą/);
    assert.equal((await page.$$("[data-score-pupil]")).length, 25);
    // One tap per pupil (Enter, or the Save button) plus the one answer to the question.
    const perPupil = taps / 25;
    assert.ok(perPupil <= 3, `${perPupil} taps per pupil`);
    console.log(`# 25 codes: ${taps} taps (${perPupil.toFixed(2)} per pupil), ${seconds.toFixed(1)} s as typed by the test`);

    // Pupil #3 given #4's code by mistake: asked, replaced, then undone.
    const scoreOf = (n) => page.textContent(`[data-score-pupil="${n}"] td:last-child`);
    const before3 = await scoreOf(3);
    await page.selectOption('[data-input="pupil"]', { label: "#3 M3" });
    await page.click('[data-input="code"]');
    await enter(fixture.codes[3]);
    await page.waitForSelector("[data-code-ask]");
    assert.match(await page.textContent("[data-code-ask]"), new RegExp(`#3 M3 jau turi atsakymų šiame teste \\(${fixture.right[2]} iš ${fixture.questions}`));
    await page.click('[data-action="code-yes"]');
    await page.waitForFunction((s) => document.querySelector('[data-score-pupil="3"] td:last-child')?.textContent !== s, before3);
    await page.click('[data-action="undo-code"]');
    await page.waitForFunction((s) => document.querySelector('[data-score-pupil="3"] td:last-child')?.textContent === s, before3);
    assert.match(await page.textContent('[data-code-result="ok"]'), /Atšaukta: #3 M3 vėl turi ankstesnius atsakymus/);
    await shot(page, "codes-done-lt", { fullPage: true });
    // Printed: the class and the date on top, and no buttons or fields.
    await page.emulateMedia({ media: "print" });
    assert.match(await page.textContent("[data-print-header]"), /^7A · \d{4}-\d{2}-\d{2}$/);
    assert.ok(await page.isVisible("[data-print-header]"));
    const controls = await page.$$eval("main button, main input, main select", (es) => es.filter((e) => e.offsetParent !== null).length);
    assert.equal(controls, 0, "controls on paper");
    await page.emulateMedia({ media: "screen" });
    await page.click("button.back");
    await page.waitForSelector('[data-class-title="7A"]');
    await page.emulateMedia({ media: "print" });
    assert.match(await page.textContent("[data-print-header]"), /^7A · \d{4}-\d{2}-\d{2}$/);
    assert.equal(await page.$$eval("main button", (es) => es.filter((e) => e.offsetParent !== null).length), 0);
    await page.emulateMedia({ media: "screen" });
    assert.ok(!(await page.isVisible("[data-print-header]")), "only on paper");
    assert.deepEqual(errors, []);
  });
});
