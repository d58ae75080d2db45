//! The actions behind a code: opening the app with its passcode, reading and changing
//! teacher data, automatic backups of it, and erasing (pupil data with a forgotten
//! passcode; everything only with the teacher's PIN).

use super::*;
use crate::teacher::PinCheck;

impl Ctx {
    /// Why a typed code did not open, in the screen's language (`None` when it opened):
    /// the pupil's words for the app passcode, the teacher's for the teacher PIN.
    pub fn refusal_of(&self, check: PinCheck, teacher: bool) -> Option<String> {
        let (wrong, wait) = if teacher {
            ("teacher.wrong_pin", "teacher.wait")
        } else {
            ("lock.wrong", "lock.wait")
        };
        match check {
            PinCheck::Open | PinCheck::Recovered | PinCheck::NotSet => None,
            PinCheck::Wrong { wait_seconds: 0 } => Some(self.t(wrong)),
            PinCheck::Wrong { wait_seconds: s } | PinCheck::Wait { seconds: s } => {
                Some(self.t_with(wait, &[("n", &s.to_string())]))
            }
        }
    }

    /// Opens the app with its passcode; wrong tries count and wait as the teacher
    /// PIN's do. Says why not otherwise.
    pub fn unlock(&self, passcode: &str) -> Result<(), String> {
        let check = self.store.peek().0.borrow().check_passcode(
            passcode,
            platform::now_unix(),
            crate::passcode::verify,
        );
        // The count of wrong tries is stored: keep it like any other write.
        self.after_write(check.as_ref().map(|_| ()).map_err(Clone::clone));
        let check = check.map_err(|e| e.to_string())?;
        if let Some(why) = self.refusal_of(check, false) {
            return Err(why);
        }
        let mut locked = self.locked;
        locked.set(false);
        Ok(())
    }

    /// A forgotten passcode (asked for, never automatic): erases what the app keeps for the pupil (settings with
    /// the passcode, progress, results); teacher data stays.
    pub fn erase_pupil_data(&self) {
        let r = self.store.peek().0.borrow_mut().erase_pupil_data();
        self.after_erase(r);
    }

    /// Erases everything, teacher data too, but only with the teacher's PIN or
    /// recovery code when a teacher PIN is set (wrong tries count as at the gate).
    /// Says why not otherwise.
    pub fn erase_everything(&self, teacher_code: &str) -> Result<(), String> {
        let check = {
            let store = self.store.peek();
            let mut s = store.0.borrow_mut();
            s.teacher()
                .check_pin(teacher_code, platform::now_unix(), crate::passcode::verify)
                .map_err(|e| e.to_string())?
        };
        if let Some(why) = self.refusal_of(check, true) {
            return Err(why);
        }
        let r = self.store.peek().0.borrow_mut().erase_all();
        let outcome = r
            .as_ref()
            .map(|_| ())
            .map_err(|e| self.t_with("save.error", &[("error", &e.to_string())]));
        self.after_erase(r);
        outcome
    }

    fn after_erase(&self, r: crate::storage::Result<()>) {
        // Whatever happened, show what is stored now; unlock only if it is gone.
        self.reload();
        if r.is_ok() {
            let mut locked = self.locked;
            locked.set(false);
            self.go(Screen::Home);
        }
        let mut rev = self.teacher_rev;
        rev += 1;
        self.after_write(r);
    }

    /// Reads teacher data (subscribing the caller to teacher writes).
    pub fn teacher_read<T>(
        &self,
        f: impl FnOnce(&mut crate::storage::Teacher<'_>) -> crate::storage::Result<T>,
    ) -> crate::storage::Result<T> {
        let _ = (self.teacher_rev)();
        let store = self.store.peek();
        let mut s = store.0.borrow_mut();
        f(&mut s.teacher())
    }

    /// Changes teacher data, then saves (and tells teacher screens).
    pub fn teacher_write<T>(
        &self,
        f: impl FnOnce(&mut crate::storage::Teacher<'_>) -> crate::storage::Result<T>,
    ) -> crate::storage::Result<T> {
        let result = {
            let store = self.store.peek();
            let mut s = store.0.borrow_mut();
            f(&mut s.teacher())
        };
        let mut rev = self.teacher_rev;
        rev += 1;
        // Refused input wrote nothing: the screen says why, the save badge stays.
        if !matches!(result, Err(crate::storage::StorageError::Invalid(_))) {
            self.after_write(result.as_ref().map(|_| ()).map_err(Clone::clone));
        }
        result
    }

    /// Keeps an automatic backup of teacher data as it is now (`reason`: `session`,
    /// `restore`, `delete`; see `platform::keep_auto_backup`). The data is read at
    /// once, so a change made right after does not reach this copy; writing it may
    /// finish later. Nothing is kept when there is no teacher data.
    pub fn auto_backup(&self, reason: &'static str) {
        let json = {
            let store = self.store.peek();
            let mut s = store.0.borrow_mut();
            let t = s.teacher();
            let empty = t.classes().map(|c| c.is_empty()).unwrap_or(true)
                && t.own_quizzes().map(|q| q.is_empty()).unwrap_or(true);
            if empty || !self.persistent {
                return;
            }
            match t.backup() {
                Ok(json) => json,
                Err(_) => return,
            }
        };
        let now = platform::now_unix();
        let mut rev = self.teacher_rev;
        dioxus::core::spawn_forever(async move {
            let _ = platform::keep_auto_backup(&json, now, reason).await;
            // The backup card lists the copies: show the new one.
            rev += 1;
        });
    }
}
