// The phone bench: the built web app (dist/) in headless Debian Chromium, measured as
// a pupil on a cheap phone would meet it — Chromium's mobile preset through the
// DevTools protocol (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, CPU 4×
// slower), a cold profile, 360 × 740 — and without throttling. Prints figures; it
// asserts nothing (speed aims live here, not in tests).
// Usage: node tests/e2e/bench.mjs   (after scripts/build-web.sh; scripts/bench-web.sh does both)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const here = new URL(".", import.meta.url).pathname;
const port = 8767;
const url = `http://127.0.0.1:${port}/`;
const server = await serve(resolve(here, "../../dist"), port);
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// The first visit is measured with the service worker blocked: its own downloads
// (it keeps every file for offline use) are not throttled with the page's and would
// hide what the page waits for. The second, offline visit needs it, so it gets a
// profile of its own that visited once unmeasured.
async function measure(throttled, offline) {
  const profile = mkdtempSync(join(tmpdir(), "sauga-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true, args: FLAGS, viewport: { width: 360, height: 740 }, locale: "lt-LT",
    serviceWorkers: offline ? "allow" : "block",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let bytes = 0;
  let requests = 0;
  // Bytes as they crossed the (emulated) network, headers included.
  const sizes = new Map();
  cdp.on("Network.dataReceived", (e) => sizes.set(e.requestId, (sizes.get(e.requestId) ?? 0) + e.encodedDataLength));
  cdp.on("Network.loadingFinished", (e) => {
    bytes += Math.max(e.encodedDataLength, sizes.get(e.requestId) ?? 0);
    requests += 1;
    if (process.env.BENCH_DEBUG) console.log("  ", e.requestId, e.encodedDataLength, sizes.get(e.requestId));
  });
  if (throttled) {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  const visit = async (label) => {
    bytes = 0;
    requests = 0;
    const start = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector("#boot-exit", { state: "visible" });
    const firstScreen = Date.now() - start;
    await page.waitForSelector("nav.tabbar", { timeout: 120_000 });
    const home = Date.now() - start;
    const intro = await page.$('[data-action="intro-ok"]');
    if (intro) await intro.click();
    await page.click('[data-tab="learn"]');
    await page.click('button[data-module="what-is-trafficking"]');
    await page.click('[data-action="open-module"]');
    await page.waitForSelector("article.lesson");
    const lesson = Date.now() - start;
    for (const tab of ["help", "settings", "home"]) await page.click(`[data-tab="${tab}"]`);
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() =>
      performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".wasm")).length);
    const wasmMemory = await page.evaluate(() => window.saugaMemory?.buffer.byteLength ?? 0);
    console.log(
      `${label.padEnd(34)} ${String(Math.round(bytes / 1024)).padStart(6)} KB in ${String(requests).padStart(2)} requests · ` +
      `first screen ${(firstScreen / 1000).toFixed(2)} s · home ${(home / 1000).toFixed(2)} s · ` +
      `first lesson page ${(lesson / 1000).toFixed(2)} s · JS heap ${(heap.usedSize / 1048576).toFixed(1)} MB` +
      ` · wasm memory ${(wasmMemory / 1048576).toFixed(1)} MB` +
      (wasm ? "" : " (wasm from the service worker)"),
    );
  };
  const name = throttled ? "mobile preset" : "no throttling";
  if (!offline) {
    await visit(`${name}, first visit`);
    // Teacher mode is a page of its own, downloaded the first time it is opened.
    bytes = 0;
    requests = 0;
    const start = Date.now();
    await page.click('[data-action="home-teacher"]');
    await page.waitForURL(/\/teacher\.html$/, { timeout: 120_000 });
    await page.waitForSelector('[data-input="new-pin"]', { timeout: 120_000 });
    console.log(
      `${`${name}, teacher mode opened`.padEnd(34)} ${String(Math.round(bytes / 1024)).padStart(6)} KB in ${String(requests).padStart(2)} requests · ` +
      `PIN screen ${((Date.now() - start) / 1000).toFixed(2)} s after the tap`,
    );
  } else {
    // What the service worker downloads to keep for offline use, once, after the
    // app is up (the page's own files again, answered 304 when unchanged, and the
    // other languages' lessons).
    let kept = 0;
    let keptFiles = 0;
    context.on("requestfinished", async (r) => {
      if (!r.serviceWorker()) return;
      const s = await r.sizes().catch(() => null);
      if (!s) return;
      kept += s.responseBodySize + s.responseHeadersSize;
      keptFiles += 1;
    });
    await page.goto(url);
    await page.waitForSelector("nav.tabbar", { timeout: 120_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(2000);
    console.log(`${`${name}, service worker keeps`.padEnd(34)} ${String(Math.round(kept / 1024)).padStart(6)} KB in ${String(keptFiles).padStart(2)} requests (once, after the first visit)`);
    await cdp.send("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await visit(`${name}, second visit offline`);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`Sauga web bench, ${new Date().toISOString().slice(0, 10)}, 360 × 740, cold profile, Lithuanian`);
for (const throttled of [true, false]) {
  await measure(throttled, false);
  await measure(throttled, true);
}
server.close();
