//! Content packs on this device: checking one (the signature, format, version and the
//! full content check) and using a taken one in place of the built-in course.
//!
//! Native builds check with `content::pack::check` linked in. The web app has no TOML
//! or Markdown parser, so it loads the checker as a wasm module of its own
//! (`checker/sauga_checker.js`, `crates/checker`, built by scripts/build-web.sh) the
//! first time someone opens a pack; the service worker keeps it from then on.
//!
//! A taken pack's course is kept in SQLite (`storage::StoredPack`); [`use_pack`]
//! makes [`super::content_ready`] and [`super::load_content`] read it from then on.

use std::sync::Mutex;

use crate::content::pack::{Checked, PackError};
use crate::content::{data, Catalog};
use crate::dates::Date;
use crate::lang::Lang;
use crate::storage::StoredPack;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::super::web::check_pack;
    use super::*;
    use wasm_bindgen::JsCast;

    pub async fn check(bytes: &[u8], in_use: &str, today: Date) -> Result<Checked, PackError> {
        let answer = check_pack(bytes, in_use, &today.to_string())
            .await
            .map_err(|e| {
                PackError::NoChecker(
                    e.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .or_else(|| e.as_string())
                        .unwrap_or_else(|| "the checker module could not be loaded".into()),
                )
            })?;
        let text = answer.as_string().unwrap_or_default();
        serde_json::from_str::<Result<Checked, PackError>>(&text)
            .map_err(|e| PackError::NoChecker(e.to_string()))?
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub async fn check(bytes: &[u8], in_use: &str, today: Date) -> Result<Checked, PackError> {
        crate::content::pack::check(bytes, crate::content::pack::PUBLISHER_KEYS, in_use, today)
    }
}

/// Checks a pack against the content in use (its version) on `today`. Nothing is kept.
pub async fn check(bytes: &[u8], in_use: &str, today: Date) -> Result<Checked, PackError> {
    imp::check(bytes, in_use, today).await
}

/// The pack in use: its stored form and each language's course once read.
struct InUse {
    pack: StoredPack,
    read: Vec<(Lang, &'static Catalog)>,
}

static IN_USE: Mutex<Option<InUse>> = Mutex::new(None);

/// From now on the course comes from `pack` (or, with `None`, is the built-in one
/// again). Courses already read stay in memory for the page's life (at most four per
/// pack taken).
pub fn use_pack(pack: Option<StoredPack>) {
    let mut in_use = IN_USE.lock().unwrap_or_else(|e| e.into_inner());
    *in_use = pack.map(|pack| InUse {
        pack,
        read: Vec::new(),
    });
}

/// The pack in use, if any.
pub fn pack_in_use() -> Option<StoredPack> {
    let in_use = IN_USE.lock().unwrap_or_else(|e| e.into_inner());
    in_use.as_ref().map(|u| u.pack.clone())
}

/// The course in `lang` from the pack in use: `None` without a pack; the reason when
/// the stored course cannot be read (a damaged database).
pub(super) fn pack_content(lang: Lang) -> Option<Result<&'static Catalog, String>> {
    let mut in_use = IN_USE.lock().unwrap_or_else(|e| e.into_inner());
    let in_use = in_use.as_mut()?;
    if let Some((_, c)) = in_use.read.iter().find(|(l, _)| *l == lang) {
        return Some(Ok(c));
    }
    let Some(json) = in_use.pack.catalog_json(lang) else {
        return Some(Err(format!(
            "content pack {}: no {} course",
            in_use.pack.version,
            lang.code()
        )));
    };
    Some(match data::from_json(json, lang) {
        Ok(catalog) => {
            let catalog: &'static Catalog = Box::leak(Box::new(catalog));
            in_use.read.push((lang, catalog));
            Ok(catalog)
        }
        Err(e) => Err(format!("content pack {}: {e}", in_use.pack.version)),
    })
}
