// Content packs in the browser build, without a rebuild: a pack signed with a test key
// updates a help number, a lesson and a quiz; every refusal says why in the reader's
// language and changes nothing; progress and class results stay across the change;
// and the built-in content comes back. tests/e2e/pack-setup.sh makes the test key and
// a copy of the site whose checker trusts it (dist/ itself never does).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createPrivateKey, sign } from "node:crypto";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";
import { port, saved, setUpTeacher, shot, started, url, withBrowser } from "./browser.mjs";

process.env.SAUGA_SHOT_PREFIX ??= "pack-";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const packDir = join(root, "target/e2e-pack");
const contentCheck = join(root, "target/debug/content-check");
const testKey = join(packDir, "test.key");
const fixture = JSON.parse(readFileSync(join(root, "tests/e2e/fixtures/codes-25.json"), "utf8"));
const builtIn = readFileSync(join(root, "content/content.toml"), "utf8").match(/version = "([^"]+)"/)[1];
const marker = "Šį sakinį į pamoką atnešė turinio paketas.";
let server;
let work;

before(async () => {
  work = mkdtempSync(join(tmpdir(), "sauga-packs-"));
  server = await serve(join(packDir, "site"), port);
});

after(() => {
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const edit = (file, from, to) => {
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(from), `${file} has ${from}`);
  writeFileSync(file, text.replace(from, to));
};

/** The content folder with `version`, changed by `change`, packed by content-check. */
function makePack(name, { version = "2099.1.1", change = () => {}, key = testKey } = {}) {
  const dir = join(work, name);
  cpSync(join(root, "content"), dir, { recursive: true });
  edit(join(dir, "content.toml"), `version = "${builtIn}"`, `version = "${version}"`);
  change(dir);
  const out = join(work, `${name}.pack`);
  execFileSync(contentCheck, ["pack", "--key", key, "--out", out, dir], { stdio: "pipe" });
  return out;
}

/** A help number, a lesson sentence, and the first module's quiz with its last
 * question removed (and so a new quiz version). */
const update = (dir) => {
  const services = join(dir, "help/services.toml");
  edit(services, 'number = "+37061691119"\ndisplay = "+370 616 91119"', 'number = "+37061691118"\ndisplay = "+370 616 91118"');
  edit(join(dir, "modules/01-what-is-trafficking/lt.md"),
    "Vienas žmogus ima kontroliuoti kitą žmogų.", marker);
  const quiz = join(dir, "modules/01-what-is-trafficking/quiz.toml");
  const text = readFileSync(quiz, "utf8");
  writeFileSync(quiz, text.slice(0, text.lastIndexOf("[[question]]")).replace(/^version = 1$/m, "version = 2"));
};

/** A pack's body changed and signed again with the test key (content-check would not
 * pack content that fails its check; the app must refuse it all the same). */
function resigned(packFile, change) {
  const bytes = readFileSync(packFile);
  const first = bytes.indexOf(10);
  const second = bytes.indexOf(10, first + 1);
  const head = bytes.subarray(0, first + 1);
  const body = Buffer.from(change(bytes.subarray(second + 1).toString("utf8")), "utf8");
  const seed = Buffer.from(readFileSync(testKey, "utf8").trim(), "hex");
  const key = createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]), format: "der", type: "pkcs8" });
  const signature = sign(null, Buffer.concat([head, body]), key).toString("hex");
  return Buffer.concat([head, Buffer.from(`${signature}\n`), body]);
}

async function openContentCard(page) {
  await page.click('[data-tab="settings"]');
  await page.waitForSelector('[data-card="content"]');
}

async function inUse(page) {
  return {
    version: await page.getAttribute("[data-content-in-use]", "data-content-in-use"),
    origin: await page.getAttribute('[data-card="content"]', "data-content-origin"),
  };
}

test("a signed pack updates a help number, a lesson and a quiz without a rebuild; progress and class results stay; the built-in content comes back", async () => {
  const pack = makePack("update", { change: update });
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    // A pupil's progress: the first module's first page read.
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    await page.waitForSelector("article.lesson");
    assert.ok(!(await page.textContent("article.lesson")).includes(marker));
    await saved(page);
    await page.click('[data-tab="learn"]');
    const progressBefore = await page.textContent('button[data-module="what-is-trafficking"]');
    // A class result: the first pupil's code entered in teacher mode.
    await page.click('[data-tab="home"]');
    await setUpTeacher(page, { pupils: ["A", "B"], quiz: fixture.quiz });
    await page.keyboard.type(fixture.codes[0]);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-score-pupil="1"]');
    await saved(page);

    // The pack, from Settings (here on the teacher page; the pupil's has the same card).
    await openContentCard(page);
    assert.deepEqual(await inUse(page), { version: builtIn, origin: "built-in" });
    await page.setInputFiles('[data-input="content-pack"]', pack);
    await page.waitForSelector('[data-pack-taken="2099.1.1"]', { timeout: 30_000 });
    assert.deepEqual(await inUse(page), { version: "2099.1.1", origin: "pack" });
    assert.match(await page.textContent('[data-card="content"]'), /iš failo update\.pack/);
    assert.match(await page.textContent("[data-content-version]"), /2099\.1\.1 \(\d{4}-\d\d-\d\d\), iš failo update\.pack/);
    await saved(page);
    await page.locator('[data-card="content"]').scrollIntoViewIfNeeded();
    await shot(page, "taken-lt");

    // From the next screen on: the new number, the new lesson text.
    await page.click('[data-tab="help"]');
    await page.waitForSelector('a[href="tel:+37061691118"]');
    assert.equal(await page.$('a[href="tel:+37061691119"]'), null);
    await page.click('[data-tab="learn"]');
    assert.equal(await page.textContent('button[data-module="what-is-trafficking"]'), progressBefore, "progress kept");
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    await page.waitForSelector("article.lesson");
    // The first page (the module opens where the reader stopped).
    while ((await page.getAttribute("article.lesson", "data-page")) !== "1") {
      await page.click('[data-action="previous"]');
      await page.waitForTimeout(50);
    }
    assert.ok((await page.textContent("article.lesson")).includes(marker), "the pack's lesson text");

    // Taken for good: after a reload, and the class's results with the removed question named.
    await page.reload();
    await page.waitForSelector("nav.tabbar");
    await openContentCard(page);
    assert.deepEqual(await inUse(page), { version: "2099.1.1", origin: "pack" });
    await page.click('[data-tab="home"]');
    await page.click('[data-action="home-teacher"]');
    await page.fill('[data-input="pin"]', "2468");
    await page.click('[data-action="open-teacher"]');
    await page.click('button[data-class="7A"]');
    await page.click("[data-session]");
    await page.waitForSelector('[data-score-pupil="1"]');
    const removed = await page.textContent('[data-question-report="what-is-trafficking/q10"][data-removed]');
    assert.match(removed, /Klausimas pašalintas turinyje 2099\.1\.1 \(what-is-trafficking\/q10\)/);
    assert.equal((await page.$$("[data-question-report]")).length, 10, "every question of the session is reported");
    await shot(page, "removed-question-lt", { fullPage: true });

    // Back to the built-in content: asked first, then the old number again.
    await openContentCard(page);
    await page.click('[data-action="pack-back"]');
    await page.click('[data-action="pack-back-confirm"]');
    await page.waitForSelector("[data-pack-back]");
    assert.deepEqual(await inUse(page), { version: builtIn, origin: "built-in" });
    await page.click('[data-tab="help"]');
    await page.waitForSelector('a[href="tel:+37061691119"]');
    assert.deepEqual(errors, []);
  });
});

test("refused packs: wrong key, one byte changed, older, failing the content check, a quiz changed under its version, truncated, 100 MB; each says why and changes nothing", async () => {
  const good = makePack("good", { version: "2099.2.1" });
  const otherKey = join(work, "other.key");
  execFileSync(contentCheck, ["keygen", otherKey], { stdio: "pipe" });
  const bytes = readFileSync(good);
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 200] ^= 1;
  const huge = join(work, "huge.pack");
  writeFileSync(huge, Buffer.alloc(100 * 1024 * 1024, 32));
  const cases = [
    ["wrong-key.pack", makePack("wrong-key", { key: otherKey }), "not_signed", /nepasirašė „Saugos“ turinio leidėjas/],
    ["one-byte.pack", flipped, "not_signed", /pakeistas po pasirašymo/],
    ["older.pack", makePack("older", { version: "2020.1.1" }), "older", /\(2020\.1\.1\) senesnis nei naudojamas turinys/],
    ["failing.pack", resigned(good, (body) => {
      // A help number without its country code, in services.toml (as JSON text).
      const from = 'number = \\"+37080091119\\"';
      assert.ok(body.includes(from));
      return body.replaceAll(from, 'number = \\"80091119\\"');
    }), "fails_check", /neišlaiko programėlės turinio patikrinimo/],
    ["quiz.pack", makePack("quiz", { change: (dir) => {
      const quiz = join(dir, "modules/01-what-is-trafficking/quiz.toml");
      const text = readFileSync(quiz, "utf8");
      writeFileSync(quiz, text.slice(0, text.lastIndexOf("[[question]]")));
    } }), "quiz_changed", /testo what-is-trafficking klausimus nepakeitęs testo versijos/],
    ["truncated.pack", bytes.subarray(0, Math.floor(bytes.length / 2)), "not_signed", /pakeistas po pasirašymo/],
    ["cut.pack", bytes.subarray(0, 60), "truncated", /Failas nepilnas/],
    ["notes.pack", Buffer.from("Mano užrašai\n"), "not_a_pack", /Tai ne „Saugos“ turinio paketas/],
    [huge.split("/").pop(), huge, "too_large", /per didelis.*20 MB/],
  ];
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    await openContentCard(page);
    for (const [name, file, code, message] of cases) {
      const files = typeof file === "string" ? file : { name, mimeType: "application/octet-stream", buffer: file };
      await page.setInputFiles('[data-input="content-pack"]', files);
      const problem = `[data-pack-problem="${code}"][data-pack-file="${name}"]`;
      await page.waitForSelector(problem, { timeout: 30_000 });
      const text = await page.textContent(problem);
      assert.match(text, message, name);
      assert.match(text, /Niekas nepakeista/, name);
      assert.deepEqual(await inUse(page), { version: builtIn, origin: "built-in" }, name);
      if (name === "wrong-key.pack") {
        await page.locator("[data-pack-problem]").scrollIntoViewIfNeeded();
        await shot(page, "refused-lt");
      }
      // The next file is judged on its own.
      await page.evaluate(() => { document.querySelector('[data-input="content-pack"]').value = ""; });
    }
    // Nothing was stored: the built-in content after a reload too.
    await page.reload();
    await page.waitForSelector("nav.tabbar");
    await openContentCard(page);
    assert.deepEqual(await inUse(page), { version: builtIn, origin: "built-in" });
    assert.deepEqual(errors, []);
  });
});
