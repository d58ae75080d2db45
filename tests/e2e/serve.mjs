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
      const sent = encoding ? file + encoding[1] : file;
      const info = await stat(sent);
      // A validator, so a revalidation (the service worker keeping the files it was
      // just sent) costs a 304, not the whole file again.
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? "-" + encoding[0] : ""}"`;
      const headers = {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        vary: "accept-encoding",
        etag,
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(sent);
      if (encoding) headers["content-encoding"] = encoding[0];
      // The page's own policy (scripts/csp.mjs writes it into the <meta>) as a header,
      // where frame-ancestors also works.
      if (extname(file) === ".html") {
        const meta = (await readFile(file, "utf8")).match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
        if (meta) headers["content-security-policy"] = `${meta[1]}; frame-ancestors 'none'`;
      }
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
