//! Settings: language, text size, the passcode hash and on/off flags, as key and
//! value rows.

use rusqlite::{params, OptionalExtension};

use super::{Result, Store};
use crate::lang::Lang;

coded! {
    /// How large lesson text is shown.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum TextSize {
        Small = "small",
        #[default]
        Normal = "normal",
        Large = "large",
        Largest = "largest",
    }
}

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The language the user chose, if they ever chose one.
    pub fn language(&self) -> Result<Option<Lang>> {
        Ok(self
            .setting("language")?
            .as_deref()
            .and_then(Lang::from_code))
    }

    pub fn set_language(&self, lang: Lang) -> Result<()> {
        self.set_setting("language", lang.code())
    }

    pub fn text_size(&self) -> Result<TextSize> {
        Ok(self
            .setting("text_size")?
            .as_deref()
            .and_then(TextSize::from_code)
            .unwrap_or_default())
    }

    pub fn set_text_size(&self, size: TextSize) -> Result<()> {
        self.set_setting("text_size", size.code())
    }

    /// The passcode's hash, when a passcode is set.
    pub fn passcode_hash(&self) -> Result<Option<String>> {
        self.setting("passcode")
    }

    /// Sets (`Some`) or removes (`None`) the passcode's hash.
    pub fn set_passcode_hash(&self, hash: Option<&str>) -> Result<()> {
        match hash {
            Some(h) => self.set_setting("passcode", h),
            None => {
                self.conn
                    .execute("DELETE FROM settings WHERE key = 'passcode'", [])?;
                Ok(())
            }
        }
    }

    /// A yes/no setting (absent is no).
    pub fn flag(&self, key: &str) -> Result<bool> {
        Ok(self.setting(key)?.as_deref() == Some("1"))
    }

    pub fn set_flag(&self, key: &str, on: bool) -> Result<()> {
        self.set_setting(key, if on { "1" } else { "0" })
    }
}
