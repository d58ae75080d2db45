//! Settings: language, text size, the passcode hash and on/off flags, as key and
//! value rows.

use rusqlite::{params, OptionalExtension};

use super::{Result, Store};
use crate::lang::Lang;
use crate::teacher::{Lockout, PinCheck};

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

coded! {
    /// Light or dark colours, or as the device is set (`prefers-color-scheme`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
    pub enum Theme {
        #[default]
        System = "system",
        Light = "light",
        Dark = "dark",
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

    pub fn theme(&self) -> Result<Theme> {
        Ok(self
            .setting("theme")?
            .as_deref()
            .and_then(Theme::from_code)
            .unwrap_or_default())
    }

    pub fn set_theme(&self, theme: Theme) -> Result<()> {
        self.set_setting("theme", theme.code())
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
    /// Checks the app passcode at `now` by the teacher PIN's rule: five free tries,
    /// then a wait that doubles (at most an hour), counted here so that a reload
    /// does not reset it. `verify(typed, stored_hash)` compares.
    pub fn check_passcode(
        &self,
        passcode: &str,
        now: i64,
        verify: impl Fn(&str, &str) -> bool,
    ) -> Result<PinCheck> {
        let Some(hash) = self.passcode_hash()? else {
            return Ok(PinCheck::NotSet);
        };
        let number = |key: &str| -> Result<i64> {
            Ok(self.setting(key)?.and_then(|v| v.parse().ok()).unwrap_or(0))
        };
        let lock = Lockout {
            failed: number("passcode_failed")?,
            locked_until: number("passcode_locked_until")?,
        };
        if let Some((seconds, corrected)) = lock.wait_at(now) {
            if let Some(until) = corrected {
                self.set_setting("passcode_locked_until", &until.to_string())?;
            }
            return Ok(PinCheck::Wait { seconds });
        }
        if verify(passcode, &hash) {
            self.set_setting("passcode_failed", "0")?;
            self.set_setting("passcode_locked_until", "0")?;
            return Ok(PinCheck::Open);
        }
        let next = lock.after_wrong_try(now);
        self.set_setting("passcode_failed", &next.failed.to_string())?;
        self.set_setting("passcode_locked_until", &next.locked_until.to_string())?;
        Ok(PinCheck::Wrong {
            wait_seconds: next.locked_until - now,
        })
    }

    pub fn flag(&self, key: &str) -> Result<bool> {
        Ok(self.setting(key)?.as_deref() == Some("1"))
    }

    pub fn set_flag(&self, key: &str, on: bool) -> Result<()> {
        self.set_setting(key, if on { "1" } else { "0" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teacher::MAX_WAIT;

    fn verify(typed: &str, hash: &str) -> bool {
        hash == format!("h:{typed}")
    }

    #[test]
    fn the_passcode_waits_after_five_wrong_tries_like_the_pin() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.check_passcode("1", 0, verify).unwrap(), PinCheck::NotSet);
        s.set_passcode_hash(Some("h:2468")).unwrap();
        for i in 0..4 {
            assert_eq!(
                s.check_passcode("0000", i, verify).unwrap(),
                PinCheck::Wrong { wait_seconds: 0 }
            );
        }
        assert_eq!(
            s.check_passcode("0000", 10, verify).unwrap(),
            PinCheck::Wrong { wait_seconds: 30 }
        );
        assert_eq!(
            s.check_passcode("2468", 20, verify).unwrap(),
            PinCheck::Wait { seconds: 20 },
            "even the right passcode waits"
        );
        assert_eq!(
            s.check_passcode("2468", 40, verify).unwrap(),
            PinCheck::Open
        );
        // A wait set while the clock was years ahead ends within the longest wait.
        for i in 0..10 {
            s.check_passcode("0000", 4_000_000_000 + i, verify).unwrap();
        }
        assert!(matches!(
            s.check_passcode("2468", 100, verify).unwrap(),
            PinCheck::Wait { seconds } if seconds <= MAX_WAIT
        ));
        assert_eq!(
            s.check_passcode("2468", 100 + MAX_WAIT, verify).unwrap(),
            PinCheck::Open
        );
    }
}
