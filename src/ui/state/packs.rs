//! Taking a content pack from a file, and going back to the built-in content. A pack
//! is checked completely first (`platform::packs::check`, then that it keeps every
//! quiz's questions under the same version); on any refusal nothing changes. A taken
//! pack is stored, then used from the next screen on. Progress, attempts and teacher
//! data are kept by ids and are not touched.

use super::*;
use crate::content::data;
use crate::content::pack::{self, PackError};
use crate::dates::Date;
use crate::storage::{StorageError, StoredPack};

/// Why a pack was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum PackRefusal {
    /// The pack itself (nothing was stored).
    Refused(PackError),
    /// The pack is fine but could not be stored (nothing changed).
    NotSaved(StorageError),
}

impl Ctx {
    /// Checks `bytes` (a file called `name`) and takes the pack if it passes: stored,
    /// then used from the next screen on. Returns the pack as stored.
    pub async fn take_pack(&self, name: &str, bytes: &[u8]) -> Result<StoredPack, PackRefusal> {
        let in_use: &'static Catalog = *self.content.peek();
        let now = platform::now_unix();
        let checked = platform::packs::check(bytes, &in_use.version, Date::from_unix(now))
            .await
            .map_err(PackRefusal::Refused)?;
        // Result codes stay valid: the same quiz version must keep its questions.
        let lang = *self.lang.peek();
        let new = checked
            .catalogs
            .iter()
            .find(|(l, _)| *l == lang)
            .ok_or_else(|| format!("no {} course", lang.code()))
            .and_then(|(_, json)| data::from_json(json, lang))
            .map_err(|e| PackRefusal::Refused(PackError::Damaged(e)))?;
        pack::quizzes_keep_versions(in_use, &new).map_err(PackRefusal::Refused)?;
        let stored = StoredPack {
            version: checked.content_version,
            date: checked.date,
            origin: name.to_string(),
            taken_at: now,
            catalogs: checked.catalogs,
        };
        let r = self.store.peek().0.borrow().set_content_pack(&stored);
        if let Err(e) = r {
            return Err(PackRefusal::NotSaved(e));
        }
        self.after_write(Ok(()));
        platform::packs::use_pack(Some(stored.clone()));
        self.show_content_in_use().await;
        Ok(stored)
    }

    /// Back to the built-in content (the pack is removed from storage).
    pub async fn drop_pack(&self) -> Result<(), StorageError> {
        self.store.peek().0.borrow().remove_content_pack()?;
        self.after_write(Ok(()));
        platform::packs::use_pack(None);
        self.show_content_in_use().await;
        Ok(())
    }

    /// The course in use, in the current language, for every screen from now on.
    async fn show_content_in_use(&self) {
        let lang = *self.lang.peek();
        match platform::load_content(lang).await {
            Ok(content) => {
                let mut c = self.content;
                c.set(content);
            }
            Err(e) => {
                let mut problem = self.content_problem;
                problem.set(Some((lang, e)));
            }
        }
    }
}
