// Desktop, first run: a teacher sets a PIN, makes a class of five, collects answers
// by result code (one mistyped first), by tally and on the shared device, opens the
// reports, exports a CSV and a backup, and writes an own quiz in GIFT.
// run.sh then checks the files and starts the app again (teacher-reopen.js).
await scenario("teacher mode on the desktop, first run", async () => {
  await waitFor("nav.tabbar");
  await click('[data-action="intro-ok"]');

  // Two pupils' result codes, from the module quiz.
  const codes = [];
  for (let i = 0; i < 2; i++) {
    await click('[data-tab="learn"]');
    await click('button[data-module="what-is-trafficking"]');
    await click('[data-action="start-quiz"]');
    while (!document.querySelector(".quiz-result")) {
      await answerFirst();
      await click('[data-action="next-question"]');
    }
    codes.push((await waitFor(".result-code")).dataset.code);
  }
  say(`codes: ${codes.join(" ")}`);

  await click('[data-tab="settings"]');
  await click('[data-action="open-teacher-mode"]');
  await fill('[data-input="new-pin"]', "2468");
  await fill('[data-input="repeat-pin"]', "2468");
  await click('[data-action="set-pin"]');
  const recovery = (await waitFor("[data-recovery]")).dataset.recovery;
  check(/^[0-9A-HJKMNP-TV-Z]{10}$/.test(recovery), `recovery code ${recovery}`);
  await click('[data-action="recovery-done"]');

  await fill('[data-input="class-name"]', "8B");
  await click('[data-action="create-class"]');
  await waitFor('[data-class-title="8B"]');
  await fill('[data-input="pupils"]', "AK\nBT\nCR\n-\nEM");
  await click('[data-action="add-pupils"]');
  await waitFor('[data-pupil="5"]');
  await shot("teacher-class-lt");
  say("class 8B with 5 pupils");

  // Result codes.
  await choose('[data-input="quiz"]', "what-is-trafficking");
  await click('[data-mode="codes"]');
  await click('[data-action="start-session"]');
  await waitFor('[data-entry="codes"]');
  const pupils = [...document.querySelectorAll('[data-input="pupil"] option')].map((o) => o.value).filter(Boolean);
  check(pupils.length === 5, `${pupils.length} pupils to choose from`);
  const bad = codes[0].slice(0, 3) + (codes[0][3] === "A" ? "B" : "A") + codes[0].slice(4);
  await choose('[data-input="pupil"]', pupils[0]);
  await fill('[data-input="code"]', bad);
  await click('[data-action="enter-code"]');
  await waitFor('[data-code-result="refused"]');
  check(/klaida/.test(text("[data-code-result]")), `refusal: ${text("[data-code-result]")}`);
  for (let i = 0; i < 2; i++) {
    await choose('[data-input="pupil"]', pupils[i]);
    await fill('[data-input="code"]', codes[i].toLowerCase());
    await click('[data-action="enter-code"]');
    // Two pupils who answered alike give the same code: the app asks first.
    await waitFor('[data-code-result="ok"], [data-code-ask]');
    if (document.querySelector("[data-code-ask]")) await click('[data-action="code-yes"]');
    await waitFor('[data-code-result="ok"]');
  }
  await waitFor('[data-score-pupil="2"]');
  await click('[data-action="export-csv"]');
  await waitFor("[data-exported]");
  say(`csv: ${text("[data-exported]")}`);

  // Tally, with the last question taken out first.
  await click("button.back");
  await click('[data-mode="tally"]');
  await click('[data-action="start-session"]');
  await waitFor('[data-entry="tally"]');
  await click("[data-picker] summary");
  const picked = count("[data-picked]");
  const last = [...document.querySelectorAll("[data-picked]")].at(-1);
  last.querySelector('[data-action="remove-question"]').click();
  await waitUntil("a question fewer", () => count("[data-picked]") === picked - 1);
  check(document.querySelector("[data-tally-questions]")?.dataset.tallyQuestions === String(picked - 1), "the tally follows the picker");
  for (let i = 0; i < 3; i++) await click('[data-tally-plus="0"]');
  for (let i = 0; i < 2; i++) await click('[data-tally-plus="1"]');
  await waitFor('[data-tally-total="5"]');
  await waitFor('[data-question-report][data-percent]:not([data-percent="0"])');
  say("tally saved");

  // Shared device for two pupils, the PIN between them.
  await click("button.back");
  await click('[data-mode="shared"]');
  await click('[data-action="start-session"]');
  for (let i = 0; i < 2; i++) {
    await choose('[data-input="shared-pupil"]', pupils[2 + i]);
    await click('[data-action="start-pupil"]');
    while (document.querySelector("[data-shared-question]")) {
      await click("[data-shared-question] .option");
      await click('[data-action="shared-next"]');
    }
    await waitFor("[data-handover]");
    check(!document.querySelector('[data-report="session"]'), "the last pupil's result is hidden");
    await click('[data-action="next-pupil"]');
    await waitFor('[data-teacher-locked="true"]');
    await fill('[data-input="pin"]', "2468");
    await click('[data-action="open-teacher"]');
  }
  await waitFor('[data-score-pupil="4"]');
  say("shared device: 2 pupils");

  // Class reports.
  await click("button.back");
  await waitFor('[data-report="class"] svg.trend');
  check(count("[data-difficult]") > 0, "difficult questions listed");
  const topics = [...document.querySelectorAll('[data-report="class"] .bar-label')].map((e) => e.textContent);
  check(topics.length > 0 && topics.every((t) => !/^[a-z-]+$/.test(t)), `topics shown as raw tags: ${topics}`);
  for (const table of ["pupils", "topics", "questions"]) {
    await click(`[data-action="export-class-csv"][data-table="${table}"]`);
    await waitUntil(`the ${table} CSV saved`, () => text("[data-class-exported]").includes(`-${table}-`));
  }
  document.querySelector('[data-report="class"]').scrollIntoView();
  await shot("teacher-class-report-lt");

  // An own quiz written as GIFT, then a backup.
  await click("button.back");
  await click('[data-action="new-own-gift"]');
  await fill('[data-input="own-title"]', "Darbalaukio testas");
  await fill('[data-input="own-gift"]', "::A:: Ar galima pasitarti su mokytoju? {T #Taip, visada.}\n\n::B:: Kas padeda? {=Pagalbos linija #Taip. ~Niekas #Ne. ####Pasitark su suaugusiuoju, kuriuo pasitiki.}\n");
  await click('[data-action="save-own"]');
  await waitFor('[data-own-quiz="Darbalaukio testas"]');
  await click('[data-action="backup"]');
  await waitUntil("the backup's path", () => /sauga-teacher-.*\.json/.test(document.body.innerText));
  say("own quiz and backup saved");
});
