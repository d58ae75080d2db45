//! The course as data files, one per language, for the web app: the browser downloads
//! only the language it shows (the device's first), the service worker keeps all four
//! for offline use, and the wasm carries no lesson text and no TOML or Markdown parser.
//!
//! A file is the checked [`Catalog`] written as JSON with every [`crate::lang::PerLang`]
//! cut down to its one language, inside a small envelope that names the format and the
//! language. `content-check export` writes the files at build time; the app reads them
//! with [`from_json`]. Desktop and mobile keep the content built in.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Catalog;
use crate::lang::Lang;

/// The data files' format; a file of another format is refused, not misread.
pub const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: u32,
    lang: Lang,
    catalog: T,
}

/// The file name of a language's data file (`lt.json`), under `content/` on the site.
pub fn file_name(lang: Lang) -> String {
    format!("{}.json", lang.code())
}

/// The catalogue in one language, as the JSON text of its data file.
pub fn language_json(catalog: &Catalog, lang: Lang) -> String {
    let mut value = serde_json::to_value(catalog).expect("the catalogue is plain data");
    keep_language(&mut value, lang.code());
    serde_json::to_string(&Envelope {
        format: FORMAT,
        lang,
        catalog: value,
    })
    .expect("JSON values always serialise")
}

/// Replaces each four-language object (`{"lt":…,"en":…,"ru":…,"uk":…}`) with one that
/// holds only `code`.
fn keep_language(value: &mut Value, code: &str) {
    match value {
        Value::Object(map) => {
            let per_lang = map.len() == Lang::ALL.len()
                && Lang::ALL.iter().all(|l| map.contains_key(l.code()));
            if per_lang {
                let kept = map.remove(code).unwrap_or(Value::Null);
                *map = Map::from_iter([(code.to_string(), kept)]);
            } else {
                map.values_mut().for_each(|v| keep_language(v, code));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| keep_language(v, code)),
        _ => {}
    }
}

/// Reads a language's data file; `expected` is the language asked for. The message
/// of a refusal says what is wrong and where (line and column of the JSON).
pub fn from_json(text: &str, expected: Lang) -> Result<Catalog, String> {
    #[derive(Deserialize)]
    struct Head {
        format: u32,
        lang: Lang,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if head.format != FORMAT {
        return Err(format!(
            "format {} (this app reads format {FORMAT})",
            head.format
        ));
    }
    if head.lang != expected {
        return Err(format!(
            "holds {} content, not {}",
            head.lang.code(),
            expected.code()
        ));
    }
    let envelope: Envelope<Catalog> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(envelope.catalog)
}
