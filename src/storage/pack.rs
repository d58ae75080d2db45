//! The content pack in use, if any: its version, date, where it came from, and the
//! checked course in each language (the web app's data-file JSON,
//! [`crate::content::data`]). One row; taking a new pack replaces it, going back to
//! the built-in content removes it. Progress, attempts and teacher data are not
//! touched: they are kept by ids.

use rusqlite::{params, OptionalExtension};

use super::{Result, Store};
use crate::dates::Date;
use crate::lang::Lang;

/// A pack as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPack {
    pub version: String,
    pub date: Date,
    /// The file's name as the user chose it.
    pub origin: String,
    /// When it was taken (Unix seconds).
    pub taken_at: i64,
    /// The course in each language, as data-file JSON.
    pub catalogs: Vec<(Lang, String)>,
}

impl StoredPack {
    /// The course in one language, as data-file JSON.
    pub fn catalog_json(&self, lang: Lang) -> Option<&str> {
        self.catalogs
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, j)| j.as_str())
    }
}

impl Store {
    /// The pack in use, or `None` for the built-in content.
    pub fn content_pack(&self) -> Result<Option<StoredPack>> {
        let row = self
            .conn
            .query_row(
                "SELECT version, date, origin, taken_at, lt, en, ru, uk FROM content_pack WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        [r.get::<_, String>(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                    ))
                },
            )
            .optional()?;
        let Some((version, date, origin, taken_at, texts)) = row else {
            return Ok(None);
        };
        let date = Date::parse(&date).ok_or_else(|| {
            super::StorageError::Damaged(format!("content_pack.date: {date:?} is not a date"))
        })?;
        let catalogs = [Lang::Lt, Lang::En, Lang::Ru, Lang::Uk]
            .into_iter()
            .zip(texts)
            .collect();
        Ok(Some(StoredPack {
            version,
            date,
            origin,
            taken_at,
            catalogs,
        }))
    }

    /// Keeps a checked pack in place of whatever was in use (one statement: all of it
    /// or nothing).
    pub fn set_content_pack(&self, pack: &StoredPack) -> Result<()> {
        let text = |lang| pack.catalog_json(lang).unwrap_or_default();
        self.conn.execute(
            "INSERT OR REPLACE INTO content_pack (id, version, date, origin, taken_at, lt, en, ru, uk)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                pack.version,
                pack.date.to_string(),
                pack.origin,
                pack.taken_at,
                text(Lang::Lt),
                text(Lang::En),
                text(Lang::Ru),
                text(Lang::Uk)
            ],
        )?;
        Ok(())
    }

    /// Goes back to the built-in content.
    pub fn remove_content_pack(&self) -> Result<()> {
        self.conn.execute("DELETE FROM content_pack", [])?;
        Ok(())
    }
}
