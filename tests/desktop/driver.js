// Helpers for the desktop scenarios (tests/desktop/run.sh puts this file before each
// scenario). They run inside the desktop app's own web view, so they act on the real
// window: clicks and typing go through Dioxus's event handling and the native
// SQLite file, as a person's would.
const say = (text) => dioxus.send(String(text));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(selector, { timeout = 15000, gone = false } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const el = document.querySelector(selector);
    if (gone ? !el : el) return el;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${gone ? "no " : ""}${selector}`);
    await sleep(50);
  }
}

async function waitUntil(what, test, timeout = 15000) {
  const end = Date.now() + timeout;
  while (!test()) {
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}`);
    await sleep(50);
  }
}

// A click, then a moment for Dioxus to apply the change it causes.
async function click(selector) {
  const el = await waitFor(selector);
  el.scrollIntoView({ block: "center" });
  el.click();
  await sleep(120);
}

// Typing into a field: the value, then the input event Dioxus listens for.
async function fill(selector, value) {
  const el = await waitFor(selector);
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  await sleep(120);
}

async function choose(selector, value) {
  const el = await waitFor(selector);
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
  await sleep(120);
}

const count = (selector) => document.querySelectorAll(selector).length;
const text = (selector) => (document.querySelector(selector) || {}).textContent || "";

// A picture of the window (when run.sh is given SAUGA_SCREENSHOTS).
async function shot(name) {
  await sleep(300);
  say(`SHOT ${name}`);
  await sleep(1500);
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

// Answers the question on screen with its first option (all options for a
// multiple-answer question) and waits for the verdict.
async function answerFirst() {
  const q = await waitFor("article.question");
  if (q.dataset.kind === "multiple") {
    for (const b of q.querySelectorAll(".option")) {
      b.click();
      await sleep(60);
    }
    await click('[data-action="check"]');
  } else {
    await click("article.question .option");
  }
  await waitFor("[data-verdict]");
}

// Runs a scenario and reports PASS or FAIL with what was on screen.
async function scenario(name, body) {
  try {
    await body();
    say(`PASS ${name}`);
  } catch (e) {
    const screen = (document.body.innerText || "").replace(/\s+/g, " ").slice(0, 400);
    say(`FAIL ${name}: ${e.message}\n  on screen: ${screen}`);
  }
}
