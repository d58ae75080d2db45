// Accessibility in the browser: axe-core on every main screen (teacher mode's too) in all four languages,
// light and dark; large text at 320 px; a keyboard-only walk. Run through
// scripts/test.sh after app.test.mjs (one file at a time: both serve dist/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serve } from "./serve.mjs";
import { dist, port, setUpTeacher, shot, url, withBrowser } from "./browser.mjs";

process.env.SAUGA_SHOT_PREFIX ??= "a11y-";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let server;

before(async () => {
  server = await serve(dist, port);
});

after(() => server?.close());

/** axe-core's serious and critical findings on the page as it is, as readable lines. */
async function axeProblems(page) {
  // Evaluated through the DevTools protocol, which the page's policy does not govern.
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"], runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }),
  );
  assert.ok(result.passes.length > 10, "axe checked the page");
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** The main screens, each reached the way a pupil or teacher would, from Home. */
const screens = [
  ["home", async () => {}],
  ["lessons", async (p) => p.click('[data-tab="learn"]')],
  ["module", async (p) => {
    await p.click('[data-tab="learn"]');
    await p.click('button[data-module="what-is-trafficking"]');
  }],
  ["lesson page", async (p) => {
    await p.click('[data-tab="learn"]');
    await p.click('button[data-module="what-is-trafficking"]');
    await p.click('[data-action="open-module"]');
    await p.waitForSelector("article.lesson");
  }],
  ["quiz question, answered", async (p) => {
    await p.click('[data-tab="learn"]');
    await p.click('button[data-module="what-is-trafficking"]');
    await p.click('[data-action="start-quiz"]');
    await p.click("article.question .option >> nth=0");
    await p.waitForSelector("[data-verdict]");
  }],
  ["self-check question", async (p) => {
    await p.click('[data-action="open-selfcheck"]');
    await p.click('[data-action="selfcheck-start"]');
    await p.waitForSelector("[data-selfcheck-question]");
  }],
  ["glossary", async (p) => {
    await p.click('[data-tab="learn"]');
    await p.click('[data-action="open-glossary"]');
  }],
  ["facts", async (p) => {
    await p.click('[data-tab="learn"]');
    await p.click('[data-action="open-facts"]');
  }],
  ["help", async (p) => {
    await p.click('[data-tab="help"]');
    await p.waitForSelector(".emergency");
  }],
  ["settings", async (p) => p.click('[data-tab="settings"]')],
  ["quiz result", async (p) => {
    await p.click('[data-tab="learn"]');
    await p.click('button[data-module="getting-help"]');
    await p.click('[data-action="start-quiz"]');
    for (;;) {
      await p.waitForSelector("article.question");
      if ((await p.getAttribute("article.question", "data-kind")) === "multiple") {
        await p.click("article.question .option >> nth=0");
        await p.click('[data-action="check"]');
      } else {
        await p.click("article.question .option >> nth=0");
      }
      await p.click('[data-action="next-question"]');
      if (await p.$(".quiz-result")) break;
    }
  }],
  ["teacher PIN", async (p) => {
    await p.click('[data-action="home-teacher"]');
    await p.waitForSelector('[data-teacher-locked="true"]');
  }],
  ["teacher class", async (p) => {
    await openTeacher(p);
    await p.click('button[data-class="7A"]');
    await p.waitForSelector('[data-pupil="2"]');
  }],
  ["codes session", async (p) => {
    await openTeacher(p);
    await p.click('button[data-class="7A"]');
    await p.click("[data-session] >> nth=0");
    await p.waitForSelector('[data-entry="codes"]');
  }],
  ["tally presenter, revealed", async (p) => {
    await openTeacher(p);
    await p.click('button[data-class="7A"]');
    await p.click('[data-mode="tally"]');
    await p.click('[data-action="start-session"]');
    await p.click('[data-tally-plus="0"]');
    await p.click('[data-action="reveal"]');
    await p.waitForSelector('[data-right="true"]');
  }],
  ["quiz builder with its error summary", async (p) => {
    await openTeacher(p);
    await p.click('[data-action="new-own"]');
    await p.click('[data-action="form-save"]');
    await p.waitForSelector("[data-form-problem]");
  }],
];

/** Teacher mode, unlocked with the PIN `setUpTeacher` set. */
async function openTeacher(p) {
  await p.click('[data-action="home-teacher"]');
  await p.fill('[data-input="pin"]', "2468");
  await p.click('[data-action="open-teacher"]');
}

for (const [locale, lang] of [["lt-LT", "lt"], ["en-GB", "en"], ["ru-RU", "ru"], ["uk-UA", "uk"]]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe: every main screen in ${lang}, ${scheme}, has no serious or critical problem`, async () => {
      await withBrowser(locale, async (page, errors) => {
        await page.goto(url);
        await page.waitForSelector("nav.tabbar");
        await page.click('[data-action="intro-ok"]');
        await page.click('[data-tab="settings"]');
        await page.click(`[data-theme-choice="${scheme}"]`);
        await page.click('[data-tab="home"]');
        await setUpTeacher(page);
        const found = [];
        for (const [name, reach] of screens) {
          await page.click('[data-tab="home"]');
          await reach(page);
          await page.waitForTimeout(50);
          const h1 = await page.$$eval("#content h1", (hs) => hs.length);
          if (h1 !== 1) found.push(`${name}: ${h1} h1 elements`);
          for (const p of await axeProblems(page)) found.push(`${name}: ${p}`);
          if (lang === "uk" || lang === "lt") await shot(page, `${name.replace(/\W+/g, "-")}-${lang}-${scheme}`);
        }
        assert.deepEqual(found, []);
        assert.deepEqual(errors, []);
      });
    });
  }
}

test("the device's dark setting is followed until a choice is made", async () => {
  await withBrowser("en-GB", async (page, errors) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector(".app")).backgroundColor);
    assert.equal(await page.getAttribute(".app", "data-theme"), "system");
    assert.equal(await background(), "rgb(14, 22, 21)");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="settings"]');
    await page.click('[data-theme-choice="light"]');
    assert.equal(await background(), "rgb(243, 246, 245)");
    // Kept after a reload.
    await page.waitForSelector('.app[data-save="saved"]');
    await page.reload();
    await page.waitForSelector("nav.tabbar");
    assert.equal(await page.getAttribute(".app", "data-theme"), "light");
    assert.deepEqual(errors, []);
  });
});

for (const [locale, lang] of [["lt-LT", "lt"], ["uk-UA", "uk"]]) {
  test(`largest text at 200 % zoom, 320 px wide, in ${lang}: no screen scrolls sideways or cuts text off`, async () => {
    // A 640-pixel window at 200 % zoom lays the page out 320 CSS pixels wide.
    await withBrowser(locale, async (page, errors) => {
      await page.goto(url);
      await page.waitForSelector("nav.tabbar");
      await page.click('[data-action="intro-ok"]');
      await page.click('[data-tab="settings"]');
      await page.click('[data-size="largest"]');
      await page.click('[data-tab="home"]');
      await setUpTeacher(page);
      const found = [];
      for (const [name, reach] of screens) {
        await page.click('[data-tab="home"]');
        await reach(page);
        await page.waitForTimeout(50);
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          if (document.documentElement.scrollWidth > width + 1) out.push(`page ${document.documentElement.scrollWidth} px wide`);
          for (const el of document.querySelectorAll(".app *")) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.right > width + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()}.${el.className} at ${Math.round(r.left)}–${Math.round(r.right)}`);
            const style = getComputedStyle(el);
            if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.children.length === 0)
              out.push(`${el.tagName.toLowerCase()}.${el.className} cut off`);
          }
          return out.slice(0, 5);
        });
        for (const w of wide) found.push(`${name}: ${w}`);
        await shot(page, `large-${name.replace(/\W+/g, "-")}-${lang}`);
      }
      assert.deepEqual(found, []);
      assert.deepEqual(errors, []);
    }, { viewport: { width: 320, height: 740 }, deviceScaleFactor: 2 });
  });
}

test("keyboard only: home → lesson → quiz → result → help → quick exit, focus always seen", async () => {
  await withBrowser("en-GB", async (page, errors) => {
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent || "").trim().slice(0, 60),
        data: { ...el.dataset },
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    /** Tabs (or Shift+Tabs) until `match` holds for the focused element; each stop must show its focus. */
    const tabTo = async (match, { back = false, limit = 60 } = {}) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press(back ? "Shift+Tab" : "Tab");
        const f = await focused();
        if (f.tag !== "body" && f.tag !== "h1") assert.ok(f.outline, `focus not visible on ${f.tag} "${f.text}"`);
        if (match(f)) return f;
      }
      throw new Error("not reached by keyboard");
    };
    const headingHasFocus = async () => {
      await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    };
    await tabTo((f) => f.data.action === "intro-ok");
    await page.keyboard.press("Enter");
    await tabTo((f) => f.data.tab === "learn");
    await page.keyboard.press("Enter");
    await headingHasFocus();
    await tabTo((f) => f.data.module === "what-is-trafficking");
    await page.keyboard.press("Enter");
    await headingHasFocus();
    await tabTo((f) => f.data.action === "open-module");
    await page.keyboard.press("Enter");
    await page.waitForSelector("article.lesson");
    await headingHasFocus();
    // A glossary term opens over the page with focus in it; Escape closes it.
    await tabTo((f) => (f.data.link ?? "").startsWith("glossary:"));
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-term-sheet]");
    await page.waitForFunction(() => document.activeElement?.dataset.action === "close-term");
    await page.keyboard.press("Escape");
    await page.waitForSelector("[data-term-sheet]", { state: "detached" });
    // Back to the module with Shift+Tab, then the quiz.
    await tabTo((f) => f.tag === "button" && f.data.action === "back-to-module", { back: true });
    await page.keyboard.press("Enter");
    await tabTo((f) => f.data.action === "start-quiz");
    await page.keyboard.press("Enter");
    await page.waitForSelector("article.question");
    await headingHasFocus();
    for (;;) {
      const kind = await page.getAttribute("article.question", "data-kind");
      await tabTo((f) => f.data.option !== undefined);
      await page.keyboard.press("Space");
      if (kind === "multiple") {
        await tabTo((f) => f.data.action === "check");
        await page.keyboard.press("Enter");
      }
      // The result is announced: a live region holds it.
      await page.waitForSelector('[data-verdict][role="status"]');
      await tabTo((f) => f.data.action === "next-question");
      await page.keyboard.press("Enter");
      if (await page.$(".quiz-result")) break;
      await page.waitForSelector("article.question");
    }
    await headingHasFocus();
    assert.match(await page.textContent(".quiz-result h1"), /./);
    await tabTo((f) => f.data.tab === "help", { back: true });
    await page.keyboard.press("Enter");
    await page.waitForSelector(".emergency");
    await headingHasFocus();
    await shot(page, "keyboard-help-en");
    await tabTo((f) => f.data.action === "quick-exit", { back: true });
    await page.keyboard.press("Enter");
    await page.waitForURL(/calc\.html$/);
    assert.deepEqual(errors, []);
  });
});

/**
 * A stand-in for the browser's speech synthesis that records what it is asked (text,
 * language) and speaks only when the test says (`__next()` ends one sentence and
 * starts the next). `voices` are the device's voices.
 */
function stubSpeech(voices) {
  window.__spoken = [];
  window.__calls = [];
  let queue = [];
  const start = () => queue[0]?.onstart?.();
  window.__next = () => {
    const done = queue.shift();
    done?.onend?.();
    start();
  };
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; }
  };
  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    value: {
      getVoices: () => voices,
      addEventListener() {},
      speak(u) {
        window.__spoken.push({ text: u.text, lang: u.lang });
        queue.push(u);
        if (queue.length === 1) setTimeout(start, 0);
      },
      pause() { window.__calls.push("pause"); },
      resume() { window.__calls.push("resume"); },
      cancel() { window.__calls.push("cancel"); queue = []; },
    },
  });
}

test("read aloud: the device's own voice, sentence by sentence, highlighted; pause, stop, leaving; no voice says so", async () => {
  await withBrowser("uk-UA", async (page, errors) => {
    await page.addInitScript(stubSpeech, [
      { lang: "uk-UA", name: "Device Ukrainian", localService: true },
      { lang: "en-GB", name: "Device English", localService: true },
      // A voice that runs on a server is never used: nothing may leave the device.
      { lang: "lt-LT", name: "Cloud Lithuanian", localService: false },
    ]);
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    await page.waitForSelector("article.lesson");
    await page.click('[data-action="read-aloud"]');
    await page.waitForSelector('[data-reading="reading"]');
    const spoken = await page.evaluate(() => window.__spoken);
    const title = (await page.textContent("article.lesson h1")).trim();
    assert.equal(spoken[0].text, title, "the page's title first (not the page count or the control)");
    assert.ok(spoken.length > 4, `sentence by sentence: ${spoken.length}`);
    assert.ok(spoken.every((s) => s.lang === "uk-UA" && s.text.trim().length > 0));
    assert.ok(!spoken.some((s) => /Прочитати вголос|Як це працює|Сторінка \d/.test(s.text)), "the control is not read");
    const lessonText = await page.textContent("article.lesson");
    for (const s of spoken) assert.ok(lessonText.includes(s.text), `"${s.text}" is on the page`);
    // The sentence being read is highlighted, then the next one.
    const highlighted = () => page.evaluate(() => {
      const h = CSS.highlights.get("sauga-reading");
      return h ? [...h][0].toString().trim() : null;
    });
    await page.waitForFunction((t) => CSS.highlights.get("sauga-reading") && [...CSS.highlights.get("sauga-reading")][0].toString().trim() === t, spoken[0].text);
    await page.evaluate(() => window.__next());
    assert.equal(await highlighted(), spoken[1].text);
    await shot(page, "read-aloud-uk");
    // Pause, continue, stop.
    await page.click('[data-action="read-pause"]');
    await page.click('[data-action="read-resume"]');
    await page.click('[data-action="read-stop"]');
    await page.waitForSelector('[data-reading="idle"]');
    assert.deepEqual((await page.evaluate(() => window.__calls)).slice(-3), ["pause", "resume", "cancel"]);
    assert.equal(await highlighted(), null);
    // A quiz question: the question, its options, and after answering the explanation.
    await page.click('[data-action="back-to-module"]');
    await page.click('[data-action="start-quiz"]');
    await page.waitForSelector("article.question");
    await page.click("article.question .option >> nth=0");
    await page.waitForSelector("[data-verdict]");
    await page.evaluate(() => { window.__spoken = []; });
    await page.click('[data-action="read-aloud"]');
    await page.waitForSelector('[data-reading="reading"]');
    const quiz = (await page.evaluate(() => window.__spoken)).map((s) => s.text).join(" ");
    const question = (await page.textContent("article.question h1")).trim();
    const option = (await page.textContent("article.question .option >> nth=1")).trim();
    const why = (await page.textContent("[data-verdict] .feedback")).trim();
    for (const part of [question, option, why]) assert.ok(quiz.includes(part.split(/(?<=[.!?])\s/)[0]), `read: ${part} IN ${quiz}`);
    // Leaving the screen stops the reading.
    const cancels = await page.evaluate(() => window.__calls.filter((c) => c === "cancel").length);
    await page.click('[data-tab="help"]');
    await page.waitForSelector(".emergency");
    assert.ok((await page.evaluate(() => window.__calls.filter((c) => c === "cancel").length)) > cancels);
    // Lithuanian: the device's only Lithuanian voice is a server's, so the app says
    // there is none, names the language, and reads nothing.
    await page.click('[data-tab="home"]');
    await page.click('[data-lang="lt"]');
    await page.waitForFunction(() => document.documentElement.lang === "lt");
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    await page.evaluate(() => { window.__spoken = []; });
    await page.click('[data-action="read-aloud"]');
    await page.waitForSelector("[data-read-refused]");
    assert.match(await page.textContent("[data-read-refused]"), /nėra balso šiai kalbai \(Lietuvių\)/);
    assert.deepEqual(await page.evaluate(() => window.__spoken), []);
    assert.match(await page.textContent(".read-help"), /Niekas niekur nesiunčiama/);
    await shot(page, "read-aloud-no-voice-lt");
    assert.deepEqual(errors, []);
  });
});

test("read aloud stops on quick exit", async () => {
  await withBrowser("en-GB", async (page, errors) => {
    await page.addInitScript(stubSpeech, [{ lang: "en-US", name: "Device English", localService: true }]);
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.click('[data-action="intro-ok"]');
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="getting-help"]');
    await page.click('[data-action="open-module"]');
    await page.click('[data-action="read-aloud"]');
    await page.waitForSelector('[data-reading="reading"]');
    assert.ok((await page.evaluate(() => window.__spoken)).every((s) => s.lang === "en-US"));
    // The calculator page replaces the app; what the stub was asked on the way out is
    // kept in localStorage (which quick exit leaves alone) to read afterwards.
    await page.evaluate(() => {
      const before = window.__calls.length;
      window.addEventListener("pagehide", () => localStorage.setItem("calls", JSON.stringify(window.__calls.slice(before))));
      document.querySelector('[data-action="quick-exit"]').click();
    });
    await page.waitForURL(/calc\.html$/);
    assert.ok(JSON.parse(await page.evaluate(() => localStorage.getItem("calls"))).includes("cancel"));
    assert.deepEqual(errors, []);
  });
});
