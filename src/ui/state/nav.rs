//! Moving between screens: `go` (which leaves a trail), `back` (the browser's and the
//! phone's Back button, one history entry standing for the trail), and what leaving a
//! screen entails (reading aloud stops, teacher mode locks, a session is backed up).

use super::*;

impl Ctx {
    /// Goes to a screen, leaving the current one on the trail for Back.
    pub fn go(&self, screen: Screen) {
        let here = self.screen.peek().clone();
        if here != screen {
            let mut trail = self.trail;
            let mut t = trail.write();
            t.push(here);
            if t.len() > TRAIL {
                t.remove(0);
            }
            crate::ui::js::set_history_depth(t.len());
        }
        self.show(screen);
    }

    /// Back one screen (the browser's or the phone's Back button); false when there is
    /// none to go back to.
    pub fn back(&self) -> bool {
        // Nothing goes back while locked, after quick exit, or while a pupil has the
        // teacher's device; the history entry is asked for again.
        if *self.kiosk.peek() || *self.locked.peek() || *self.exited.peek() {
            crate::ui::js::set_history_depth(self.trail.peek().len());
            return false;
        }
        let mut trail = self.trail;
        let previous = trail.write().pop();
        let depth = trail.peek().len();
        match previous {
            Some(screen) => {
                self.show(screen);
                crate::ui::js::set_history_depth(depth);
                true
            }
            None => false,
        }
    }

    /// Forgets the screens behind this one (quick exit, the lock).
    pub(super) fn forget_trail(&self) {
        let mut trail = self.trail;
        trail.set(Vec::new());
    }

    /// Shows a screen, with what leaving the current one entails.
    fn show(&self, screen: Screen) {
        // Reading aloud stops on leaving the screen.
        platform::page::stop_speech();
        // Leaving a session is a safe moment for an automatic backup.
        if let Screen::Session(_) = *self.screen.peek() {
            if !matches!(screen, Screen::Session(_)) {
                self.auto_backup("session");
            }
        }
        // Leaving teacher mode locks it: pupils on a shared device see no class data.
        if !matches!(
            screen,
            Screen::Teacher | Screen::Class(_) | Screen::Session(_)
        ) {
            let mut open = self.teacher_open;
            if *open.peek() {
                open.set(false);
            }
            let mut new_pin = self.teacher_new_pin;
            if *new_pin.peek() {
                new_pin.set(false);
            }
        }
        let mut s = self.screen;
        s.set(screen);
        let mut term = self.term;
        term.set(None);
    }
}
