// Teacher mode in a real lesson: 25 pupils' result codes entered through the fast
// flow, with the taps counted. The codes come from tests/e2e/fixtures/codes-25.json,
// which a Rust test makes with the app's own encoder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { serve } from "./serve.mjs";
import { dist, port, saved, setUpTeacher, shot, started, url, withBrowser } from "./browser.mjs";

process.env.SAUGA_SHOT_PREFIX ??= "classroom-";
// openpyxl reads the spreadsheets back (scripts/setup.sh puts it in target/py).
const python = process.env.SAUGA_PYTHON ?? new URL("../../target/py/bin/python", import.meta.url).pathname;
const readXlsx = (path) =>
  JSON.parse(execFileSync(python, [new URL("./read_xlsx.py", import.meta.url).pathname, path], { encoding: "utf8" }));
const fixture = JSON.parse(readFileSync(new URL("./fixtures/codes-25.json", import.meta.url), "utf8"));
let server;

before(async () => {
  server = await serve(dist, port);
});

after(() => server?.close());

test("25 result codes in class: the next pupil is chosen, Enter saves, one tap each; repeats and replacements are asked", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    // A pupil's visit never reads the teacher-only tools; teacher mode reads them ahead.
    const requested = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.click('[data-tab="learn"]');
    await page.waitForSelector("button[data-module]");
    assert.deepEqual(requested.filter((p) => p.includes("/tools/")), [], "a pupil downloads no teacher tools");
    await page.click('[data-tab="home"]');
    // Teacher mode from the home screen, one tap.
    await setUpTeacher(page, { pupils: Array.from({ length: 25 }, (_, i) => `M${i + 1}`), quiz: fixture.quiz });
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/tools/sauga_tools_bg.wasm")));
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

    // On a laptop: pupils × questions beside the reports; on a phone it is left out.
    assert.ok(!(await page.isVisible("[data-grid]")), "no grid on a phone");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForSelector("[data-grid]", { state: "visible" });
    const grid = await page.$eval("[data-grid]", (g) => g.getBoundingClientRect().toJSON());
    const report = await page.$eval('[data-report="session"]', (r) => r.getBoundingClientRect().toJSON());
    assert.ok(grid.right <= report.left + 1 && Math.abs(grid.top - report.top) < 5, `grid ${JSON.stringify(grid)} beside report ${JSON.stringify(report)}`);
    assert.equal((await page.$$("[data-grid-pupil]")).length, 25);
    const firstRow = await page.$$eval('[data-grid-pupil="1"] td', (tds) => tds.map((td) => td.dataset.cell));
    assert.equal(firstRow.filter((c) => c === "right").length, fixture.right[0]);
    assert.equal(firstRow.length, fixture.questions);
    await shot(page, "codes-laptop-grid-lt");
    await page.setViewportSize({ width: 360, height: 740 });

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

    // The session as a spreadsheet: numbers as numbers, percentages with a % format,
    // the question text in the frozen header, every pupil listed.
    const [xlsxFile] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-xlsx"]')]);
    assert.match(xlsxFile.suggestedFilename(), /^sauga-7A-.*-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = readXlsx(await xlsxFile.path());
    assert.equal(book.sheets.length, 1);
    const sheet = book.data[book.sheets[0]];
    assert.equal(sheet.freeze, "A2");
    assert.ok(sheet.bold_header);
    const [header, ...pupilRows] = sheet.rows;
    assert.equal(header[0], "Mokinys");
    assert.match(header[1], /^Q1: .*prekyb/);
    assert.equal(header.at(-1), "%");
    assert.equal(pupilRows.length, 25);
    for (const [i, row] of pupilRows.entries()) {
      assert.equal(row[0], `#${i + 1} M${i + 1}`);
      for (const c of row.slice(1, -2)) assert.ok(c === 0 || c === 1, `a 1 or 0, not text: ${JSON.stringify(c)}`);
      assert.equal(row.at(-2), fixture.right[i], `pupil ${i + 1}'s number right`);
      assert.ok(Math.abs(row.at(-1) - fixture.right[i] / fixture.questions) < 1e-9, "the percent as a fraction");
    }
    const lastColumn = String.fromCharCode(64 + header.length);
    assert.equal(sheet.formats[`${lastColumn}2`], "0.0%");
    assert.ok(sheet.widths.A >= 8, "the pupil column is wide enough");
    // Printed: the class and the date on top, and no buttons or fields.
    await page.emulateMedia({ media: "print" });
    assert.match(await page.textContent("[data-print-header]"), /^7A · \d{4}-\d{2}-\d{2}$/);
    assert.ok(await page.isVisible("[data-print-header]"));
    const controls = await page.$$eval("main button, main input, main select", (es) => es.filter((e) => e.offsetParent !== null).length);
    assert.equal(controls, 0, "controls on paper");
    await page.emulateMedia({ media: "screen" });
    await page.click("button.back");
    await page.waitForSelector('[data-class-title="7A"]');
    // The hardest questions: one tap from the class, on screen without scrolling.
    await page.click('[data-jump="hardest"]');
    await page.waitForFunction(() => document.activeElement?.id === "report-hardest");
    const hardest = await page.$eval("#report-hardest", (h) => h.getBoundingClientRect().top);
    assert.ok(hardest >= 0 && hardest < 740 - 150, `the hardest questions at ${hardest}px`);
    assert.ok(await page.isVisible("[data-difficult]"));
    await page.emulateMedia({ media: "print" });
    assert.match(await page.textContent("[data-print-header]"), /^7A · \d{4}-\d{2}-\d{2}$/);
    assert.equal(await page.$$eval("main button", (es) => es.filter((e) => e.offsetParent !== null).length), 0);
    await page.emulateMedia({ media: "screen" });
    assert.ok(!(await page.isVisible("[data-print-header]")), "only on paper");
    assert.deepEqual(errors, []);
  });
});

test("tally as a presenter: no right-answer mark before Reveal, +/− saved at once, totals within the class, ticks for multiple answers, counts in the CSV", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    await setUpTeacher(page, { pupils: ["A", "B", "C", "D"], mode: "tally" });
    const q1 = await page.getAttribute("[data-presenter]", "data-presenter");
    // Nothing tells the class which answer is right until the teacher reveals it.
    assert.equal(await page.$('[data-right="true"]'), null);
    assert.equal(await page.$(".right-mark"), null);
    const plus = (o) => page.click(`[data-tally-plus="${o}"]`);
    await plus(0);
    await plus(0);
    await plus(1);
    await page.waitForSelector('[data-tally-total="3"]');
    assert.match(await page.textContent("[data-tally-total]"), /Suskaičiuota mokinių: 3 iš 4/);
    await plus(2);
    await page.waitForSelector('[data-tally-total="4"]');
    // A fifth answer in a class of four is refused and said why.
    await plus(3);
    await page.waitForSelector("[data-tally-problem]");
    assert.match(await page.textContent("[data-tally-problem]"), /Mokinių klasėje: 4, todėl čia tinka ne daugiau kaip 0/);
    assert.equal(await page.getAttribute("[data-tally-total]", "data-tally-total"), "4");
    await page.click('[data-tally-minus="2"]');
    await page.waitForSelector('[data-tally-total="3"]');
    assert.equal(await page.$("[data-tally-problem]"), null);
    await shot(page, "tally-presenter-lt");
    await page.click('[data-action="reveal"]');
    await page.waitForSelector('[data-right="true"]');
    const right = await page.$$eval('[data-right="true"]', (es) => es.map((e) => e.dataset.tallyOption));
    assert.deepEqual(right, ["0"]);
    assert.match(await page.textContent('[data-right="true"]'), /Teisingas atsakymas/);
    await shot(page, "tally-revealed-lt");
    // On a projector: the presenter alone, full screen, and back.
    await page.click('[data-action="full-screen"]');
    await page.waitForFunction(() => document.fullscreenElement?.dataset.presenter !== undefined);
    await shot(page, "tally-full-screen-lt");
    await page.click('[data-action="full-screen"]');
    await page.waitForFunction(() => document.fullscreenElement === null);

    // Autosave: leaving and coming back keeps every count, with no Save button.
    assert.equal(await page.$('[data-action="save-tally"]'), null);
    await page.click("button.back");
    await page.click("[data-session] >> nth=0");
    await page.waitForSelector(`[data-presenter="${q1}"]`);
    assert.equal(await page.inputValue('[data-tally-count="0"]'), "2");
    assert.equal(await page.getAttribute("[data-tally-total]", "data-tally-total"), "3");
    // The next question hides the answer again.
    await page.click('[data-action="tally-next"]');
    await page.waitForFunction((k) => document.querySelector("[data-presenter]")?.dataset.presenter !== k, q1);
    assert.equal(await page.$('[data-right="true"]'), null);

    // A question with several right answers counts ticks: each option up to the class size.
    while (!(await page.$("[data-tally-ticks]"))) await page.click('[data-action="tally-next"]');
    const multiple = await page.getAttribute("[data-presenter]", "data-presenter");
    for (const o of [0, 1, 2]) for (let i = 0; i < 4; i++) await plus(o);
    await page.waitForSelector('[data-tally-total="12"]');
    assert.equal(await page.$("[data-tally-problem]"), null);
    await page.fill('[data-tally-count="0"]', "9");
    await page.press('[data-tally-count="0"]', "Enter");
    await page.waitForSelector("[data-tally-problem]");
    assert.match(await page.textContent("[data-tally-problem]"), /ne daugiau kaip 4/);
    // The report shows ticks per option for it, not a percent of nobody.
    const ticks = await page.$$eval(`[data-ticks="${multiple}"] [data-tick-count]`, (es) => es.map((e) => e.textContent));
    assert.deepEqual(ticks.slice(0, 3), ["4", "4", "4"]);
    assert.equal(await page.$(`[data-question-report="${multiple}"] .bar`), null);
    const first = await page.getAttribute(`[data-question-report="${q1}"]`, "data-percent");
    assert.equal(first, "67", "2 of 3 counted chose the right answer");

    // The CSV holds the counts per option, in a Lithuanian spreadsheet's format.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-csv"]')]);
    const rows = readFileSync(await download.path()).subarray(3).toString("utf8").trim().split("\n");
    assert.match(rows[0], /^Klausimas;Atsakymo variantas;Teisingas;Kiek pasirinko$/);
    assert.deepEqual(rows.slice(1, 5).map((r) => r.split(";").at(-1)), ["2", "1", "0", "0"]);
    assert.ok(rows.filter((r) => r.endsWith(";4")).length >= 3, rows.join("\n"));
    assert.deepEqual(errors, []);
  });
});

test("fix what was entered wrong: a pupil renamed and removed with their answers, a session renamed, closed, reopened and deleted, each asked first; the class as a spreadsheet; Change PIN", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    await setUpTeacher(page, { pupils: ["AK", "BT", "CR"], quiz: fixture.quiz });
    for (const code of fixture.codes.slice(0, 2)) {
      await page.keyboard.type(code);
      await page.keyboard.press("Enter");
      await page.waitForSelector('[data-code-result="ok"], [data-code-ask]');
      if (await page.$("[data-code-ask]")) await page.click('[data-action="code-yes"]');
    }
    await page.waitForSelector('[data-score-pupil="2"]');
    const sessionUrl = await page.getAttribute("[data-session-mode]", "data-session-mode");
    assert.equal(sessionUrl, "codes");

    // The session gets a name, is closed (no entry), reopened.
    await page.click('[data-action="rename-session"]');
    await page.fill('[data-input="session-title"]', "Pirmadienio testas");
    await page.press('[data-input="session-title"]', "Enter");
    await page.waitForSelector('[data-session-title="Pirmadienio testas"]');
    await page.click('[data-action="close-session"]');
    await page.waitForSelector("[data-session-closed]");
    assert.equal(await page.$('[data-input="code"]'), null, "nothing can be entered in a closed session");
    assert.equal(await page.$("[data-picker]"), null);
    await page.click("button.back");
    await page.waitForSelector('[data-session] >> text=Pirmadienio testas');
    assert.ok(await page.$("[data-session] [data-closed]"));
    await page.click("[data-session]");
    await page.click('[data-action="close-session"]');
    await page.waitForSelector('[data-input="code"]');
    await page.click("button.back");

    // Pupil #2 renamed; pupil #1 removed with their answers, asked first.
    await page.click('[data-pupil="2"] [data-action="edit-pupil"]');
    await page.fill('[data-pupil="2"] [data-input="pupil-name"]', "Žydrūnė");
    await page.click('[data-pupil="2"] [data-action="save-pupil"]');
    await page.waitForFunction(() => document.querySelector('[data-pupil="2"]')?.textContent.startsWith("#2 Žydrūnė"));
    await page.click('[data-pupil="1"] [data-action="edit-pupil"]');
    await page.click('[data-pupil="1"] [data-action="remove-pupil"]');
    assert.match(await page.textContent("[data-remove-ask]"), /Pašalinti #1 AK\? .*testų su atsakymais: 1/);
    const order = await page.$$eval('[data-pupil="1"] .row button', (bs) => bs.map((b) => b.textContent));
    assert.deepEqual(order, ["Atšaukti", "Taip, pašalinti su atsakymais"], "Cancel comes before the red button");
    await shot(page, "remove-pupil-ask-lt");
    await page.click('[data-action="remove-pupil-confirm"]');
    await page.waitForFunction(() => !document.querySelector('[data-pupil="1"]'));
    assert.deepEqual(await page.$$eval("[data-pupil]", (es) => es.map((e) => e.dataset.pupil)), ["2", "3"]);

    // The class as a spreadsheet: a sheet per report and per session, Lithuanian
    // letters intact, the pupil without a result listed with empty cells.
    const [classFile] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-class-xlsx"]')]);
    assert.match(classFile.suggestedFilename(), /^sauga-7A-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = readXlsx(await classFile.path());
    assert.deepEqual(book.sheets, ["Mokiniai", "Temos", "Klausimai", "Pirmadienio testas"]);
    const session = book.data["Pirmadienio testas"].rows;
    assert.deepEqual(session.slice(1).map((r) => r[0]), ["#2 Žydrūnė", "#3 CR"]);
    assert.equal(typeof session[1].at(-2), "number");
    assert.ok(session[2].slice(1).every((c) => c === null), "a pupil without answers: empty cells");
    const overTime = book.data.Mokiniai.rows;
    assert.deepEqual(overTime[0], ["Mokinys", "Pirmadienio testas"]);
    assert.equal(typeof overTime[1][1], "number");
    assert.equal(overTime[2][1], null);
    assert.equal(book.data.Mokiniai.formats.B2, "0.0%");
    const questionsSheet = book.data.Klausimai.rows;
    assert.ok(questionsSheet.length > 1 && questionsSheet.slice(1).every((r) => typeof r[1] === "number" && typeof r[3] === "number"));

    // The session now has one pupil's answers; deleting it says so and asks.
    await page.click("[data-session]");
    await page.waitForSelector('[data-score-pupil="2"]');
    assert.equal(await page.$('[data-score-pupil="1"]'), null);
    await page.click('[data-action="delete-session"]');
    assert.match(await page.textContent("[data-delete-session-ask]"), /Ištrinti šį testą\? .*mokinių su atsakymais: 1, atsakymų: \d+/);
    await shot(page, "delete-session-ask-lt");
    await page.click('[data-action="delete-session-confirm"]');
    await page.waitForSelector('[data-class-title="7A"]');
    assert.equal(await page.$("[data-session]"), null);

    // Change PIN: the current one is asked first; the new one opens teacher mode.
    await page.click("button.back");
    await page.click('[data-card="change-pin"] summary');
    await page.fill('[data-input="current-pin"]', "1111");
    await page.fill('[data-input="changed-pin"]', "97531");
    await page.fill('[data-input="changed-pin-repeat"]', "97531");
    await page.click('[data-action="change-pin"]');
    await page.waitForSelector('[data-pin-change="refused"]');
    await page.fill('[data-input="current-pin"]', "2468");
    await page.click('[data-action="change-pin"]');
    await page.waitForSelector('[data-pin-change="ok"]');
    assert.match(await page.textContent('[data-pin-change="ok"]'), /PIN kodas pakeistas/);
    await page.click('[data-tab="home"]');
    await page.click('[data-action="home-teacher"]');
    await page.fill('[data-input="pin"]', "2468");
    await page.click('[data-action="open-teacher"]');
    await page.waitForSelector(".lock .error");
    await page.fill('[data-input="pin"]', "97531");
    await page.click('[data-action="open-teacher"]');
    await page.waitForSelector('[data-card="change-pin"]');
    // From unlocked to a running session of another quiz: the class, the quiz (a
    // select: open and choose), Start: 4 taps.
    let taps = 0;
    await page.click('button[data-class="7A"]');
    taps += 1;
    const otherQuiz = await page.$eval('[data-input="quiz"]', (s) => [...s.options].map((o) => o.value).find((v) => v !== s.value));
    await page.selectOption('[data-input="quiz"]', otherQuiz);
    taps += 2;
    await page.click('[data-action="start-session"]');
    taps += 1;
    await page.waitForSelector('[data-entry="codes"]');
    assert.ok(taps <= 4, `${taps} taps from unlocking to a session`);
    assert.deepEqual(errors, []);
  });
});

test("scan instead of type: pupils' QR codes read from a camera stream, each entered for the next pupil with no tap", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    await started(page);
    // Two pupils take the quiz on this device, answering differently.
    const results = [];
    for (const which of ["first", "last"]) {
      await page.click('[data-tab="learn"]');
      await page.click(`button[data-module="${fixture.quiz}"]`);
      await page.click('[data-action="start-quiz"]');
      for (;;) {
        await page.waitForSelector("article.question");
        const option = `article.question .option >> nth=${which === "first" ? 0 : -1}`;
        await page.click(option);
        if ((await page.getAttribute("article.question", "data-kind")) === "multiple") await page.click('[data-action="check"]');
        await page.waitForSelector("[data-verdict]");
        await page.click('[data-action="next-question"]');
        if (await page.$(".quiz-result")) break;
      }
      const code = await page.getAttribute(".result-code", "data-code");
      // The result screen shows the code as a QR code too, dark on white.
      assert.equal(await page.getAttribute(".result-code svg.qr", "data-qr"), code);
      if (which === "first") await shot(page, "result-qr-lt");
      const svg = await page.$eval(".result-code svg.qr", (s) => s.outerHTML.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"'));
      results.push({ code, svg });
    }
    assert.notEqual(results[0].code, results[1].code);
    await page.click('[data-tab="home"]');
    await setUpTeacher(page, { pupils: ["A", "B", "C"], quiz: fixture.quiz });

    // The camera: a canvas stream showing the QR code a pupil holds up (window.qrShown),
    // or nothing between pupils.
    await page.evaluate((svgs) => {
      const canvas = document.createElement("canvas");
      canvas.width = 480;
      canvas.height = 360;
      const g = canvas.getContext("2d");
      const images = svgs.map((s) => Object.assign(new Image(), { src: "data:image/svg+xml;charset=utf-8," + encodeURIComponent(s) }));
      window.qrShown = 0;
      setInterval(() => {
        g.fillStyle = "#8a8a8a";
        g.fillRect(0, 0, canvas.width, canvas.height);
        const image = images[window.qrShown];
        if (image && image.complete) g.drawImage(image, 130, 70, 220, 220);
      }, 40);
      navigator.mediaDevices.getUserMedia = async () => canvas.captureStream(20);
    }, results.map((r) => r.svg));

    const savedFor = (label) =>
      page.waitForFunction((l) => document.querySelector('[data-code-result="ok"]')?.textContent.includes(l), label, { timeout: 15000 });
    let start = Date.now();
    await page.click('[data-action="scan-codes"]');
    await savedFor("#1 A");
    const firstSeconds = (Date.now() - start) / 1000;
    assert.ok(await page.isVisible("[data-scanner]"), "the camera view is shown");
    await shot(page, "scanning-lt");
    // The next pupil holds up their phone: entered with no tap.
    start = Date.now();
    await page.evaluate(() => { window.qrShown = 1; });
    await savedFor("#2 B");
    const nextSeconds = (Date.now() - start) / 1000;
    console.log(`# scanning: the first code in ${firstSeconds.toFixed(1)} s (camera and reader starting), the next in ${nextSeconds.toFixed(1)} s, 1 tap in all`);
    assert.equal(await page.getAttribute("[data-missing]", "data-missing"), "1");
    // The first pupil's code shown again for pupil #3: asked about, not recorded.
    await page.evaluate(() => { window.qrShown = 0; });
    await page.waitForSelector("[data-code-ask]", { timeout: 15000 });
    assert.match(await page.textContent("[data-code-ask]"), /#1 A/);
    await page.click('[data-action="code-no"]');
    await page.click('[data-action="scan-stop"]');
    await page.waitForSelector('[data-action="scan-codes"]');
    assert.ok(!(await page.isVisible("[data-scanner]")));
    assert.equal(await page.$eval("[data-scanner]", (v) => v.srcObject), null, "the camera is off");
    assert.equal(await page.getAttribute("[data-missing]", "data-missing"), "1");
    assert.deepEqual(errors, []);
  });
});

test("teacher mode is a page of its own: a pupil downloads none of it; one tap opens it, offline too once opened; quick exit leaves no page behind", async () => {
  await withBrowser("lt-LT", async (page, errors) => {
    const requested = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    await page.click('[data-action="intro-ok"]');
    await saved(page);
    for (const tab of ["learn", "help", "settings", "home"]) await page.click(`[data-tab="${tab}"]`);
    await page.waitForSelector('[data-action="home-teacher"]');
    assert.deepEqual(requested.filter((p) => /teacher|tools/.test(p)), [], "a pupil's visit reads no teacher file");

    // Offline, and never opened before: the door says why and stays on the pupil's page.
    await page.context().setOffline(true);
    await page.click('[data-action="home-teacher"]');
    await page.waitForSelector('[data-teacher-door="Unreachable"]');
    assert.match(await page.textContent("[data-teacher-door]"), /Prisijunkite prie interneto ir bandykite dar kartą/);
    assert.equal(new URL(page.url()).pathname, "/");
    await shot(page, "teacher-door-offline-lt");

    // Online: Try again opens teacher mode on its page, with the same database (the
    // first-run note is not shown again); Back goes to Home there.
    await page.context().setOffline(false);
    await page.click('[data-action="door-retry"]');
    await page.waitForURL(/\/teacher\.html$/);
    await page.waitForSelector('[data-input="new-pin"]');
    assert.equal(await page.$('[data-action="intro-ok"]'), null, "the first-run note was seen on the pupil's page");
    assert.ok(requested.some((p) => p.endsWith("/teacher/sauga_bg.wasm")));
    await page.goBack();
    await page.click('[data-action="home-teacher"]');
    await page.waitForSelector('[data-input="new-pin"]');

    // Quick exit from teacher mode: Back reaches neither page of Sauga.
    await page.click(".quick-exit");
    await page.waitForURL(/calc\.html$/);
    await page.goBack().catch(() => {});
    await page.waitForTimeout(300);
    assert.ok(!page.url().startsWith(url) || page.url().endsWith("calc.html"), `Back reached ${page.url()}`);

    // Opened once, it opens again with no network, from the pupil's page.
    await page.context().setOffline(true);
    await page.goto(url);
    await page.waitForSelector("nav.tabbar");
    assert.equal(new URL(page.url()).pathname, "/");
    await page.click('[data-action="home-teacher"]');
    await page.waitForURL(/\/teacher\.html$/);
    await page.waitForSelector('[data-input="new-pin"]');
    await page.context().setOffline(false);

    assert.deepEqual(errors, []);
  });
});
