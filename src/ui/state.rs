//! The UI's shared state: one [`Ctx`] in a Dioxus context, holding signals that every
//! screen reads, and the few actions that change them (and storage) together.

use std::cell::RefCell;
use std::rc::Rc;

use dioxus::prelude::*;

use crate::content::Catalog;
use crate::lang::{self, Lang};
use crate::platform;
use crate::storage::{Progress, Store, TextSize};

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
    Settings,
}

/// Whether the latest change is safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Saving,
    Failed(String),
    /// The user chose to go on without a database that could be opened.
    NotSaving,
}

impl SaveState {
    pub fn code(&self) -> &'static str {
        match self {
            SaveState::Saved => "saved",
            SaveState::Saving => "saving",
            SaveState::Failed(_) => "failed",
            SaveState::NotSaving => "not-saving",
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

#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: Signal<Lang>,
    pub text_size: Signal<TextSize>,
    pub screen: Signal<Screen>,
    pub progress: Signal<Progress>,
    pub save: Signal<SaveState>,
    pub catalog: &'static Catalog,
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
            let (lang, size, progress) = {
                let s = store.0.borrow();
                let lang = s
                    .language()
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| Lang::detect(platform::preferred_languages()));
                (
                    lang,
                    s.text_size().unwrap_or_default(),
                    s.progress().unwrap_or_default(),
                )
            };
            Ctx {
                lang: Signal::new(lang),
                text_size: Signal::new(size),
                screen: Signal::new(start),
                progress: Signal::new(progress),
                save: Signal::new(if persistent {
                    SaveState::Saved
                } else {
                    SaveState::NotSaving
                }),
                catalog: Catalog::embedded(),
                store: Signal::new(store),
                persistent,
                pending: Signal::new(0),
            }
        })
    }

    /// A UI string in the current language (the caller re-renders when it changes).
    pub fn t(&self, key: &str) -> String {
        lang::tr((self.lang)(), key)
    }

    pub fn t_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        lang::tr_with((self.lang)(), key, args)
    }

    pub fn go(&self, screen: Screen) {
        let mut s = self.screen;
        s.set(screen);
    }

    pub fn set_lang(&self, lang: Lang) {
        let mut l = self.lang;
        l.set(lang);
        let r = self.store.peek().0.borrow().set_language(lang);
        self.after_write(r);
    }

    pub fn set_text_size(&self, size: TextSize) {
        let mut t = self.text_size;
        t.set(size);
        let r = self.store.peek().0.borrow().set_text_size(size);
        self.after_write(r);
    }

    /// Shows a lesson page and records it as read.
    pub fn open_page(&self, module_id: &str, page: usize) {
        let Some(module) = self.catalog.module(module_id) else {
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

    pub fn reset_progress(&self) {
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
                Err(e) => save.set(SaveState::Failed(e)),
                Ok(()) if pending() == 0 && save() == SaveState::Saving => {
                    save.set(SaveState::Saved)
                }
                Ok(()) => {}
            }
        });
    }
}

pub fn use_ctx() -> Ctx {
    use_context::<Ctx>()
}
