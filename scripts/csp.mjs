// Writes the Content-Security-Policy into the built pages (dist/index.html, teacher.html,
// dist/calc.html): scripts, styles, images, fonts and connections from the app's own
// origin only; 'wasm-unsafe-eval' for the wasm; each inline <script> and <style> by
// its SHA-256 hash, never 'unsafe-inline'. tests/e2e/serve.mjs sends the same policy
// as a header. Usage: node scripts/csp.mjs DIST
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const inline = (html, tag) =>
  [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => hash(m[1]));

const policies = {};
for (const name of ["index.html", "teacher.html", "calc.html"]) {
  const file = join(dist, name);
  const html = readFileSync(file, "utf8");
  if (!html.includes("__CSP__")) throw new Error(`${file}: no __CSP__ placeholder in its policy <meta>`);
  const policy = [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...inline(html, "script")].join(" "),
    ["style-src 'self'", ...inline(html, "style")].join(" "),
    // Lesson pictures are SVG drawn for Sauga, shown as data: images.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  writeFileSync(file, html.replace("__CSP__", policy));
  policies[name] = policy;
}
// A host sends one policy for the app's pages (README): the pupil's page and the
// teacher page must need the same.
if (policies["index.html"] !== policies["teacher.html"]) {
  throw new Error("index.html and teacher.html need different policies: their inline scripts differ");
}
