#!/usr/bin/env bash
# Drives the desktop app (WebKitGTK window under Xvfb) through teacher mode, in
# Lithuanian, on a fresh data folder and home: the first run, checks of the exported
# CSV and backup on disk, then a second start that must find everything again.
# Usage: tests/desktop/run.sh   (scripts/setup.sh installs Xvfb and the libraries)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --locked --features desktop-e2e --bin sauga
app="$(pwd)/target/debug/sauga"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" SAUGA_DATA_DIR="$tmp/data"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME/Documents" "$XDG_CONFIG_HOME"
echo "XDG_DOCUMENTS_DIR=\"$HOME/Documents\"" >"$XDG_CONFIG_HOME/user-dirs.dirs"
export LANG=lt_LT.UTF-8 LANGUAGE=lt LC_ALL=
# WebKitGTK under Xvfb: software rendering, no sandbox helpers, no accessibility bus.
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1
export LIBGL_ALWAYS_SOFTWARE=1

drive() {
  local script="$tmp/$1"
  cat tests/desktop/driver.js "tests/desktop/$1" >"$script"
  echo "== desktop: $1"
  SAUGA_E2E_SCRIPT="$script" xvfb-run -a -s "-screen 0 1100x800x24" "$app" 2> >(grep -v -e '^$' -e 'Gtk-WARNING' -e 'libEGL' -e 'MESA' -e "fallback 'C' locale" >&2)
}

drive teacher-first-run.js

# What the teacher exported is on disk, in the Documents folder.
node - "$HOME/Documents" <<'JS'
const fs = require("node:fs"), path = require("node:path");
const dir = process.argv[2], files = fs.readdirSync(dir);
const tables = ["pupils", "topics", "questions"];
const csvName = files.find((f) => /^sauga-.+-\d{4}-\d\d-\d\d\.csv$/.test(f) && !tables.some((t) => f.includes(`-${t}-`)));
if (!csvName) throw new Error(`no session CSV in ${dir}: ${files}`);
const bytes = fs.readFileSync(path.join(dir, csvName));
if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error("the CSV has no byte-order mark");
// A Lithuanian spreadsheet's CSV: every pupil of the class, `;`, a decimal comma.
const rows = bytes.subarray(3).toString("utf8").trim().split("\n");
if (rows.length < 3) throw new Error(`CSV rows: ${rows.length}\n${rows.join("\n")}`);
for (const row of rows.slice(1, 3)) {
  const cells = row.split(";");
  if (!/^#\d/.test(cells[0])) throw new Error(`pupil cell ${cells[0]}`);
  if (!cells.slice(1, -2).every((c) => /^[01]$/.test(c))) throw new Error(`answer cells in ${row}`);
  if (!/^\d+(,\d)?$/.test(cells.at(-1))) throw new Error(`percent cell in ${row}`);
}
for (const table of tables) {
  const name = files.find((f) => f.includes(`-${table}-`) && f.endsWith(".csv"));
  if (!name) throw new Error(`no class ${table} CSV in ${dir}: ${files}`);
  const b = fs.readFileSync(path.join(dir, name));
  if (b[0] !== 0xef || b[1] !== 0xbb || b[2] !== 0xbf) throw new Error(`${name} has no byte-order mark`);
  if (b.subarray(3).toString("utf8").trim().split("\n").length < 2) throw new Error(`${name} has no rows`);
}
const backupName = files.find((f) => /^sauga-teacher-.*\.json$/.test(f));
if (!backupName) throw new Error(`no backup in ${dir}: ${files}`);
const backup = JSON.parse(fs.readFileSync(path.join(dir, backupName), "utf8"));
if (backup.format !== "sauga-teacher-backup") throw new Error(`backup format ${backup.format}`);
if (backup.classes.length !== 1 || backup.classes[0].sessions.length !== 3) throw new Error("backup: 1 class with 3 sessions expected");
console.log(`files on disk: ${csvName} (${rows.length - 1} pupils), ${backupName}`);
JS

drive teacher-reopen.js
echo "desktop teacher mode: passed"
