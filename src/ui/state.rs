//! The UI's shared state: one [`Ctx`] in a Dioxus context, holding signals that every
//! screen reads, and the few actions that change them (and storage) together.

use std::cell::RefCell;
use std::rc::Rc;

use dioxus::prelude::*;

use crate::content::Catalog;
use crate::lang::{self, Lang};
use crate::platform;
use crate::storage::{Progress, Store, TextSize, Theme};

mod guarded;
mod nav;
mod packs;

pub use packs::PackRefusal;

/// Which screen is showing. Kept in memory only: no URL, so nothing a pupil reads
/// lands in the browser's history (see ARCHITECTURE.md).
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Home,
    Learn,
    Module(String),
    /// A lesson page, 0-based.
    Lesson {
        module: String,
        page: usize,
    },
    Help,
    Settings,
    /// The glossary, optionally opened at a term.
    Glossary(Option<String>),
    Facts,
    /// A quiz (a module's id, or `final`).
    Quiz(String),
    /// Practise questions answered wrongly before.
    Practice,
    /// Every quiz's latest result code.
    Results,
    /// Teacher mode: the PIN gate, then the classes.
    Teacher,
    /// A class in teacher mode.
    Class(i64),
    /// A class session in teacher mode.
    Session(i64),
    /// The private self-check; nothing of it is stored.
    SelfCheck,
}

/// How many screens Back can go back through.
pub const TRAIL: usize = 50;

/// Where a pupil left a quiz: its attempt (the order's seed), and the answers so far.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizProgress {
    pub quiz_id: String,
    pub round: usize,
    pub answers: Vec<crate::quiz::Answered>,
}

/// Whether the latest change is safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Saving,
    Failed(String),
    /// The user chose to go on without a database that could be opened.
    NotSaving,
    /// Another tab of the browser took over saving: changes here are not kept.
    OtherTab,
}

impl SaveState {
    pub fn code(&self) -> &'static str {
        match self {
            SaveState::Saved => "saved",
            SaveState::Saving => "saving",
            SaveState::Failed(_) => "failed",
            SaveState::NotSaving => "not-saving",
            SaveState::OtherTab => "other-tab",
        }
    }
}

/// A shared handle to the open database, compared by identity.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<RefCell<Store>>);

impl StoreHandle {
    pub fn new(store: Store) -> Self {
        StoreHandle(Rc::new(RefCell::new(store)))
    }
}

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The language the app opens in: the one chosen before, else the device's. `App`
/// reads that language's course before the shell starts with it.
pub(crate) fn start_lang(store: &Store) -> Lang {
    store
        .language()
        .ok()
        .flatten()
        .unwrap_or_else(|| Lang::detect(platform::preferred_languages()))
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: Signal<Lang>,
    pub text_size: Signal<TextSize>,
    /// Light, dark, or as the device is set.
    pub theme: Signal<Theme>,
    pub screen: Signal<Screen>,
    pub progress: Signal<Progress>,
    pub save: Signal<SaveState>,
    /// A passcode is set (its hash is in storage).
    pub has_passcode: Signal<bool>,
    /// Showing the lock screen instead of the app.
    pub locked: Signal<bool>,
    /// Minutes without use before locking (0: never). Only with a passcode.
    pub lock_after: Signal<u32>,
    /// Show "Notes" (in the user's language) as the window or tab title.
    pub neutral_title: Signal<bool>,
    /// The first-run note about shared devices and quick exit was read.
    pub intro_seen: Signal<bool>,
    /// Quick exit happened (desktop and mobile show a neutral screen).
    pub exited: Signal<bool>,
    /// The glossary term shown in the sheet over the page, if any.
    pub term: Signal<Option<String>>,
    /// Teacher mode is open (the PIN was given); it closes on leaving it.
    pub teacher_open: Signal<bool>,
    /// The recovery code opened teacher mode: a new PIN is asked before anything else.
    /// Cleared, like `teacher_open`, on leaving teacher mode and on lock.
    pub teacher_new_pin: Signal<bool>,
    /// Bumped after every teacher-data write, so teacher screens read again.
    pub teacher_rev: Signal<u64>,
    /// A quiz left in the middle (for Help or another tab), offered to resume; in
    /// memory only, dropped by the lock and quick exit.
    pub quiz_progress: Signal<Option<QuizProgress>>,
    /// A pupil has the teacher's device (shared-device session): Back does nothing.
    pub kiosk: Signal<bool>,
    /// The screens behind the current one, for Back (at most [`TRAIL`]).
    trail: Signal<Vec<Screen>>,
    /// Best score and attempts per quiz.
    pub quiz_stats: Signal<std::collections::BTreeMap<String, crate::storage::QuizStats>>,
    /// Questions to practise again.
    pub review: Signal<crate::quiz::Review>,
    /// Ticked checklist items: (module, page, item).
    pub ticks: Signal<std::collections::BTreeSet<(String, usize, usize)>>,
    /// The course in the current language (on the web each language's data file is
    /// read when first shown).
    content: Signal<&'static Catalog>,
    /// Why the course in a chosen language could not be read (that language's name and
    /// the reason), shown above the screen until another language is chosen.
    pub content_problem: Signal<Option<(Lang, String)>>,
    store: Signal<StoreHandle>,
    persistent: bool,
    /// Copies to the browser's store still under way.
    pending: Signal<u32>,
}

impl Ctx {
    /// Sets up the state from what the store holds, falling back to the device's
    /// language on first run.
    pub fn provide(store: StoreHandle, persistent: bool, start: Screen) -> Ctx {
        use_context_provider(|| {
            let s = store.0.borrow();
            let lang = start_lang(&s);
            // The app shell waits for the first language's course (`shell::App`);
            // tests and the built-in content have it at once.
            let content = platform::content_ready(lang).unwrap_or_else(|| {
                static NONE: std::sync::LazyLock<Catalog> =
                    std::sync::LazyLock::new(Catalog::default);
                &NONE
            });
            let has_passcode = s.passcode_hash().ok().flatten().is_some();
            let lock_after = s
                .setting("lock_after")
                .ok()
                .flatten()
                .and_then(|v| v.parse().ok())
                .unwrap_or(DEFAULT_LOCK_MINUTES);
            let ctx = Ctx {
                lang: Signal::new(lang),
                text_size: Signal::new(s.text_size().unwrap_or_default()),
                theme: Signal::new(s.theme().unwrap_or_default()),
                screen: Signal::new(start),
                progress: Signal::new(s.progress().unwrap_or_default()),
                save: Signal::new(if persistent {
                    SaveState::Saved
                } else {
                    SaveState::NotSaving
                }),
                has_passcode: Signal::new(has_passcode),
                locked: Signal::new(has_passcode),
                lock_after: Signal::new(lock_after),
                neutral_title: Signal::new(s.flag("neutral_title").unwrap_or(false)),
                intro_seen: Signal::new(s.flag("intro_seen").unwrap_or(false)),
                exited: Signal::new(false),
                term: Signal::new(None),
                ticks: Signal::new(s.ticks().unwrap_or_default()),
                quiz_stats: Signal::new(s.quiz_stats().unwrap_or_default()),
                teacher_open: Signal::new(false),
                teacher_new_pin: Signal::new(false),
                teacher_rev: Signal::new(0),
                quiz_progress: Signal::new(None),
                trail: Signal::new(Vec::new()),
                kiosk: Signal::new(false),
                review: Signal::new(s.review().unwrap_or_default()),
                content: Signal::new(content),
                content_problem: Signal::new(None),
                store: Signal::new(store.clone()),
                persistent,
                pending: Signal::new(0),
            };
            drop(s);
            ctx
        })
    }

    /// A UI string in the current language (the caller re-renders when it changes).
    pub fn t(&self, key: &str) -> String {
        lang::tr((self.lang)(), key)
    }

    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        lang::tr_with((self.lang)(), key, args)
    }

    /// Shows a glossary term in a sheet over the current page.
    pub fn show_term(&self, id: &str) {
        let mut term = self.term;
        term.set(Some(id.to_string()));
    }

    /// The course in the current language.
    pub fn catalog(&self) -> &'static Catalog {
        (self.content)()
    }

    /// Switches the language once its course is at hand (on the web its data file may
    /// have to be read first); if it cannot be read, the language stays as it was and
    /// the reason is shown.
    pub fn set_lang(&self, lang: Lang) {
        if let Some(content) = platform::content_ready(lang) {
            self.switch_lang(lang, content);
            return;
        }
        let ctx = *self;
        spawn(async move {
            match platform::load_content(lang).await {
                Ok(content) => ctx.switch_lang(lang, content),
                Err(e) => {
                    let mut problem = ctx.content_problem;
                    problem.set(Some((lang, e)));
                }
            }
        });
    }

    fn switch_lang(&self, lang: Lang, content: &'static Catalog) {
        let mut c = self.content;
        c.set(content);
        let mut l = self.lang;
        l.set(lang);
        let mut problem = self.content_problem;
        if problem.peek().is_some() {
            problem.set(None);
        }
        let r = self.store.peek().0.borrow().set_language(lang);
        self.after_write(r);
    }

    pub fn set_text_size(&self, size: TextSize) {
        let mut t = self.text_size;
        t.set(size);
        let r = self.store.peek().0.borrow().set_text_size(size);
        self.after_write(r);
    }

    pub fn set_theme(&self, theme: Theme) {
        let mut t = self.theme;
        t.set(theme);
        let r = self.store.peek().0.borrow().set_theme(theme);
        self.after_write(r);
    }

    /// Shows a lesson page and records it as read.
    pub fn open_page(&self, module_id: &str, page: usize) {
        let Some(module) = self.catalog().module(module_id) else {
            return;
        };
        let page = page.min(module.page_count().saturating_sub(1));
        self.go(Screen::Lesson {
            module: module_id.to_string(),
            page,
        });
        let r = self
            .store
            .peek()
            .0
            .borrow_mut()
            .mark_page_read(module_id, page, module.page_count(), platform::now_unix())
            .map(|_| ());
        self.refresh_progress();
        self.after_write(r);
    }

    pub fn dismiss_intro(&self) {
        let mut seen = self.intro_seen;
        seen.set(true);
        let r = self.store.peek().0.borrow().set_flag("intro_seen", true);
        self.after_write(r);
    }

    pub fn set_neutral_title(&self, on: bool) {
        let mut n = self.neutral_title;
        n.set(on);
        let r = self.store.peek().0.borrow().set_flag("neutral_title", on);
        self.after_write(r);
    }

    pub fn set_lock_after(&self, minutes: u32) {
        let mut l = self.lock_after;
        l.set(minutes);
        let r = self
            .store
            .peek()
            .0
            .borrow()
            .set_setting("lock_after", &minutes.to_string());
        self.after_write(r);
    }

    /// Sets a new passcode. Errors (too short) are the caller's to show.
    pub fn set_passcode(&self, passcode: &str) -> Result<(), crate::passcode::PasscodeError> {
        let hash = crate::passcode::hash(passcode, &platform::random_bytes(16))?;
        let r = self.store.peek().0.borrow().set_passcode_hash(Some(&hash));
        let mut has = self.has_passcode;
        has.set(r.is_ok());
        self.after_write(r);
        Ok(())
    }

    pub fn remove_passcode(&self) {
        let r = self.store.peek().0.borrow().set_passcode_hash(None);
        let mut has = self.has_passcode;
        has.set(false);
        self.after_write(r);
    }

    pub fn lock(&self) {
        platform::page::stop_speech();
        // A quiz in the middle is not offered again after the lock, nor any screen
        // behind this one.
        let mut progress = self.quiz_progress;
        progress.set(None);
        self.forget_trail();
        // Locking also closes teacher mode: the passcode does not open class data.
        let mut open = self.teacher_open;
        open.set(false);
        let mut new_pin = self.teacher_new_pin;
        new_pin.set(false);
        if (self.has_passcode)() {
            let mut locked = self.locked;
            locked.set(true);
        }
    }

    /// Quick exit: leave for a neutral page (web) or screen (desktop, mobile). All
    /// state in memory goes with the app; nothing unsaved survives.
    pub fn quick_exit(&self) {
        let mut progress = self.quiz_progress;
        progress.set(None);
        self.forget_trail();
        if !platform::quick_exit() {
            let mut exited = self.exited;
            exited.set(true);
            self.go(Screen::Home);
        }
    }

    /// Reads every stored value back into the signals (after erasing).
    fn reload(&self) {
        let store = self.store.peek();
        let s = store.0.borrow();
        let (mut has, mut seen, mut neutral, mut ticks, mut stats, mut review, mut lock_after) = (
            self.has_passcode,
            self.intro_seen,
            self.neutral_title,
            self.ticks,
            self.quiz_stats,
            self.review,
            self.lock_after,
        );
        // The stored language, where its course is at hand (it always is unless the
        // store was changed elsewhere).
        if let Ok(Some(stored)) = s.language() {
            if let Some(content) = platform::content_ready(stored) {
                let (mut lang, mut c) = (self.lang, self.content);
                c.set(content);
                lang.set(stored);
            }
        }
        let mut size = self.text_size;
        size.set(s.text_size().unwrap_or_default());
        let mut theme = self.theme;
        theme.set(s.theme().unwrap_or_default());
        has.set(s.passcode_hash().ok().flatten().is_some());
        seen.set(s.flag("intro_seen").unwrap_or(false));
        neutral.set(s.flag("neutral_title").unwrap_or(false));
        ticks.set(s.ticks().unwrap_or_default());
        stats.set(s.quiz_stats().unwrap_or_default());
        review.set(s.review().unwrap_or_default());
        lock_after.set(
            s.setting("lock_after")
                .ok()
                .flatten()
                .and_then(|v| v.parse().ok())
                .unwrap_or(DEFAULT_LOCK_MINUTES),
        );
        drop(s);
        drop(store);
        self.refresh_progress();
    }

    /// Records a finished quiz: its score, and wrong answers into practice.
    pub fn finish_quiz(&self, quiz: &crate::quiz::Quiz, answers: &[crate::quiz::Answered]) {
        let mut review = self.review;
        for a in answers {
            if let Some(q) = quiz.questions.get(a.question) {
                review.write().record(&q.key(), a.right);
            }
        }
        let score = crate::quiz::score(answers);
        let code = crate::quiz::result_code(quiz, answers);
        let r = self.store.peek().0.borrow_mut().record_attempt(
            &crate::storage::Attempt {
                quiz_id: &quiz.id,
                version: quiz.version,
                right: score.right,
                total: score.total.max(1),
                code: code.as_deref(),
            },
            &review.peek(),
            platform::now_unix(),
        );
        if let Ok(stats) = self.store.peek().0.borrow().quiz_stats() {
            let mut s = self.quiz_stats;
            s.set(stats);
        }
        self.after_write(r);
    }

    /// Records one practice answer.
    pub fn practise(&self, key: &str, right: bool) {
        let mut review = self.review;
        review.write().record(key, right);
        let r = self.store.peek().0.borrow_mut().save_review(&review.peek());
        self.after_write(r);
    }

    pub fn set_tick(&self, module_id: &str, page: usize, item: usize, on: bool) {
        let mut ticks = self.ticks;
        let key = (module_id.to_string(), page, item);
        if on {
            ticks.write().insert(key);
        } else {
            ticks.write().remove(&key);
        }
        let r = self
            .store
            .peek()
            .0
            .borrow()
            .set_tick(module_id, page, item, on);
        self.after_write(r);
    }

    pub fn reset_progress(&self) {
        let mut ticks = self.ticks;
        ticks.write().clear();
        let (mut stats, mut review) = (self.quiz_stats, self.review);
        stats.write().clear();
        review.write().boxes.clear();
        let r = self.store.peek().0.borrow_mut().reset_progress();
        self.refresh_progress();
        self.after_write(r);
    }

    fn refresh_progress(&self) {
        if let Ok(p) = self.store.peek().0.borrow().progress() {
            let mut progress = self.progress;
            progress.set(p);
        }
    }

    /// After a write: on the web, copy the database to the browser's store and say
    /// "saved" only when that is done; elsewhere the commit itself was durable.
    fn after_write(&self, result: crate::storage::Result<()>) {
        let mut save = self.save;
        if !self.persistent {
            return;
        }
        if let Err(e) = result {
            // Show what is really stored, so a later "saved" is not about a change
            // that was lost.
            self.reload();
            save.set(SaveState::Failed(e.to_string()));
            return;
        }
        if !platform::COPY_AFTER_WRITE {
            save.set(SaveState::Saved);
            return;
        }
        let bytes = match self.store.peek().0.borrow_mut().to_bytes() {
            Ok(b) => b,
            Err(e) => {
                save.set(SaveState::Failed(e.to_string()));
                return;
            }
        };
        let mut pending = self.pending;
        pending += 1;
        save.set(SaveState::Saving);
        // Not tied to the screen that made the change: it may close before the copy ends.
        dioxus::core::spawn_forever(async move {
            let result = platform::copy_after_write(bytes).await;
            pending -= 1;
            match result {
                Err(e) if e == platform::OTHER_TAB => save.set(SaveState::OtherTab),
                Err(e) => save.set(SaveState::Failed(e)),
                Ok(()) if pending() == 0 && save() == SaveState::Saving => {
                    save.set(SaveState::Saved)
                }
                Ok(()) => {}
            }
        });
    }
}

/// Lock after this many idle minutes unless the user chooses otherwise.
pub const DEFAULT_LOCK_MINUTES: u32 = 5;

/// The idle times offered in Settings (0: never).
pub const LOCK_CHOICES: [u32; 4] = [1, 5, 15, 0];

pub fn use_ctx() -> Ctx {
    use_context::<Ctx>()
}
