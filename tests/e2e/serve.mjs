// A small static server for the built web app (dist/), on 127.0.0.1 only.
// Usage: node tests/e2e/serve.mjs [DIR] [PORT]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

export function serve(dir = root, p = port) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      // A precompressed copy when the browser takes it (scripts/build-web.sh makes them).
      const accepts = String(req.headers["accept-encoding"] ?? "");
      let encoding = null;
      for (const [name, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (new RegExp(`\\b${name}\\b`).test(accepts) && (await stat(file + suffix).catch(() => null))) {
          encoding = [name, suffix];
          break;
        }
      }
      const body = await readFile(encoding ? file + encoding[1] : file);
      const headers = {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        vary: "accept-encoding",
      };
      if (encoding) headers["content-encoding"] = encoding[0];
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(p, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve();
  console.log(`Sauga is running at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
}
