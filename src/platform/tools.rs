//! The teacher-only tools of `crates/tools`: a workbook written as `.xlsx`, and
//! result codes read as QR codes from the device's camera. Native builds link the
//! writer; the web loads them as their own wasm module (`tools/sauga_tools.js`, built
//! by scripts/build-web.sh) the first time a teacher needs them, so a pupil's phone
//! never downloads them. The service worker keeps the module once it has been read,
//! and [`warm`] reads it when teacher mode opens, so it works offline in class.

use sauga_tools::Book;

/// How starting the camera went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanStart {
    /// The camera is on; [`scan_next`] gives the codes it reads.
    Ready,
    /// No camera here, or it was not allowed (the browser's reason).
    NoCamera(String),
    /// The reader could not be loaded (offline before it was ever kept).
    NoTools(String),
    /// This build cannot use a camera (desktop and mobile web views: type instead).
    Unsupported,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::ScanStart;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r##"
let tools = null;
function loadTools() {
  if (!tools) {
    tools = import(new URL("tools/sauga_tools.js", document.baseURI).href)
      .then(async (m) => { await m.default(); return m; });
    tools.catch(() => { tools = null; });
  }
  return tools;
}
export function warm_tools() { loadTools().catch(() => {}); }
export async function tools_xlsx(json) {
  const m = await loadTools();
  return m.xlsx(json);
}

// Reading QR codes: the platform's BarcodeDetector where it reads QR codes, else the
// tools module's reader on grey frames. The same code twice in a row is given once
// (a pupil holds their phone up for a while).
let scan = null;
export async function scan_start(selector) {
  scan_stop();
  const video = document.querySelector(selector);
  if (!video || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return "unsupported";
  let detector = null;
  if ("BarcodeDetector" in window) {
    try {
      const formats = await BarcodeDetector.getSupportedFormats();
      if (formats.includes("qr_code")) detector = new BarcodeDetector({ formats: ["qr_code"] });
    } catch (_) { detector = null; }
  }
  let reader = null;
  if (!detector) {
    try { reader = await loadTools(); } catch (e) { return "no-tools:" + (e && e.message || e); }
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  } catch (e) {
    return "no-camera:" + (e && (e.name || e.message) || e);
  }
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try { await video.play(); } catch (_) {}
  const canvas = document.createElement("canvas");
  scan = { video, stream, detector, reader, canvas, g: canvas.getContext("2d", { willReadFrequently: true }), last: null };
  return "ready";
}
async function readFrame(s) {
  const w = s.video.videoWidth, h = s.video.videoHeight;
  if (!w || !h) return null;
  if (s.detector) {
    const found = await s.detector.detect(s.video).catch(() => []);
    return found.length ? found[0].rawValue : null;
  }
  const k = Math.min(1, 640 / Math.max(w, h));
  const cw = Math.round(w * k), ch = Math.round(h * k);
  s.canvas.width = cw; s.canvas.height = ch;
  s.g.drawImage(s.video, 0, 0, cw, ch);
  const rgba = s.g.getImageData(0, 0, cw, ch).data;
  const luma = new Uint8Array(cw * ch);
  for (let i = 0, j = 0; i < luma.length; i++, j += 4) luma[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
  return s.reader.read_qr(luma, cw, ch) || null;
}
export async function scan_next() {
  const s = scan;
  while (s && scan === s) {
    await new Promise((ok) => setTimeout(ok, 120));
    if (scan !== s) break;
    const text = await readFrame(s);
    if (text && text !== s.last) { s.last = text; return text; }
  }
  return null;
}
export function scan_stop() {
  if (!scan) return;
  scan.stream.getTracks().forEach((t) => t.stop());
  scan.video.srcObject = null;
  scan = null;
}
"##)]
    extern "C" {
        fn warm_tools();
        #[wasm_bindgen(catch, js_name = tools_xlsx)]
        async fn js_tools_xlsx(json: &str) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_name = scan_start)]
        async fn js_scan_start(selector: &str) -> JsValue;
        #[wasm_bindgen(js_name = scan_next)]
        async fn js_scan_next() -> JsValue;
        #[wasm_bindgen(js_name = scan_stop)]
        fn js_scan_stop();
    }

    fn message(e: &JsValue) -> String {
        e.as_string()
            .or_else(|| {
                js_sys::Reflect::get(e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
            })
            .unwrap_or_else(|| format!("{e:?}"))
    }

    pub fn warm() {
        warm_tools();
    }

    pub async fn xlsx(json: String) -> Result<Vec<u8>, String> {
        let bytes = js_tools_xlsx(&json).await.map_err(|e| message(&e))?;
        Ok(js_sys::Uint8Array::new(&bytes).to_vec())
    }

    pub async fn scan_start(selector: &str) -> ScanStart {
        let answer = js_scan_start(selector)
            .await
            .as_string()
            .unwrap_or_default();
        match answer.split_once(':') {
            _ if answer == "ready" => ScanStart::Ready,
            Some(("no-camera", why)) => ScanStart::NoCamera(why.to_string()),
            Some(("no-tools", why)) => ScanStart::NoTools(why.to_string()),
            _ => ScanStart::Unsupported,
        }
    }

    pub async fn scan_next() -> Option<String> {
        js_scan_next().await.as_string()
    }

    pub fn scan_stop() {
        js_scan_stop();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::ScanStart;

    pub fn warm() {}

    pub async fn scan_start(_selector: &str) -> ScanStart {
        ScanStart::Unsupported
    }

    pub async fn scan_next() -> Option<String> {
        None
    }

    pub fn scan_stop() {}
}

/// Reads the tools module ahead (web), so it is kept for offline use.
pub fn warm() {
    imp::warm();
}

/// The workbook as the bytes of an `.xlsx` file.
pub async fn xlsx(book: &Book) -> Result<Vec<u8>, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let json = serde_json::to_string(book).map_err(|e| e.to_string())?;
        imp::xlsx(json).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        sauga_tools::xlsx(book)
    }
}

/// Turns the camera on, showing it in the `<video>` the selector picks.
pub async fn scan_start(video_selector: &str) -> ScanStart {
    imp::scan_start(video_selector).await
}

/// The next code the camera reads (never the same twice in a row); `None` once
/// [`scan_stop`] is called.
pub async fn scan_next() -> Option<String> {
    imp::scan_next().await
}

/// Turns the camera off.
pub fn scan_stop() {
    imp::scan_stop();
}

/// The MIME type of an `.xlsx` file.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
