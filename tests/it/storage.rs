//! Storage on a real file: created and migrated, reopened with its data, refused
//! (and left untouched) when newer or damaged.

use std::fs;

use rusqlite::Connection;
use sauga::lang::Lang;
use sauga::storage::{StorageError, Store, TextSize, SCHEMA_VERSION};

#[test]
fn a_new_file_is_migrated_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('settings', 'module_progress', 'page_read')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 3);
}

#[test]
fn reopening_keeps_settings_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    {
        let mut s = Store::open(&path).unwrap();
        s.set_language(Lang::Uk).unwrap();
        s.set_text_size(TextSize::Largest).unwrap();
        s.mark_page_read("what-is-trafficking", 0, 2, 100).unwrap();
        s.mark_page_read("what-is-trafficking", 1, 2, 101).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.language().unwrap(), Some(Lang::Uk));
    assert_eq!(s.text_size().unwrap(), TextSize::Largest);
    assert!(s.progress().unwrap()["what-is-trafficking"].completed);
}

#[test]
fn foreign_keys_are_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    let mut s = Store::open(&path).unwrap();
    s.mark_page_read("m", 0, 3, 1).unwrap();
    s.reset_progress().unwrap();
    drop(s);
    // Pages went with their module (ON DELETE CASCADE, so foreign keys were on).
    let conn = Connection::open(&path).unwrap();
    let pages: i64 = conn
        .query_row("SELECT COUNT(*) FROM page_read", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pages, 0);
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    {
        let s = Store::open(&path).unwrap();
        s.set_language(Lang::Ru).unwrap();
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(StorageError::TooNew { found, supported }) => {
            assert_eq!(found, SCHEMA_VERSION + 5);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "a refused file is not written to"
    );
    for companion in ["-wal", "-shm"] {
        let beside = dir.path().join(format!("sauga.sqlite3{companion}"));
        assert!(!beside.exists(), "refusing it left {}", beside.display());
    }
    let message = StorageError::TooNew {
        found: 6,
        supported: 1,
    }
    .to_string();
    assert!(message.contains("newer Sauga"), "{message}");
}

#[test]
fn a_damaged_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    fs::write(&path, &garbage).unwrap();
    assert!(matches!(Store::open(&path), Err(StorageError::Damaged(_))));
    assert_eq!(fs::read(&path).unwrap(), garbage);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["sauga.sqlite3"], "nothing left beside it");
}

#[test]
fn a_version_1_database_is_migrated_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    {
        // The schema as the first release wrote it.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
             CREATE TABLE module_progress (module_id TEXT PRIMARY KEY NOT NULL, completed_at INTEGER) STRICT;
             CREATE TABLE page_read (
                 module_id TEXT NOT NULL REFERENCES module_progress(module_id) ON DELETE CASCADE,
                 page INTEGER NOT NULL CHECK (page >= 0), read_at INTEGER NOT NULL,
                 PRIMARY KEY (module_id, page)) STRICT;
             INSERT INTO settings VALUES ('language', 'uk');
             INSERT INTO module_progress VALUES ('what-is-trafficking', 5);
             INSERT INTO page_read VALUES ('what-is-trafficking', 0, 5);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    const { assert!(SCHEMA_VERSION >= 2) };
    assert_eq!(s.language().unwrap(), Some(Lang::Uk));
    assert!(s.progress().unwrap()["what-is-trafficking"].completed);
    s.set_tick("job-offers-abroad", 2, 1, true).unwrap();
    assert_eq!(s.ticks().unwrap().len(), 1);
}

#[test]
fn teacher_data_survives_reopening_and_deleting_a_class_takes_its_results() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    let class = {
        let mut s = Store::open(&path).unwrap();
        let mut t = s.teacher();
        let class = t.create_class("7A", 1).unwrap();
        let pupils = t.add_pupils(class, "AB\nCD").unwrap();
        let keys = vec!["m/q1".to_string()];
        let sid = t
            .start_session(class, "m", 1, &keys, sauga::teacher::Mode::Codes, 2)
            .unwrap();
        t.record_answers(sid, pupils[0].id, &[("m/q1".into(), [1].into(), true)])
            .unwrap();
        t.record_tally(sid, "m/q1", &[1, 2]).unwrap();
        class
    };
    let mut s = Store::open(&path).unwrap();
    let mut t = s.teacher();
    assert_eq!(t.classes().unwrap()[0].name, "7A");
    assert_eq!(t.pupils(class).unwrap().len(), 2);
    assert_eq!(t.answers(class).unwrap().len(), 1);
    assert_eq!(t.tallies(class).unwrap().len(), 1);
    t.delete_class(class).unwrap();
    drop(s);
    let conn = Connection::open(&path).unwrap();
    for table in ["pupil", "session", "answer", "tally"] {
        let n: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table} rows left after deleting the class");
    }
}

#[test]
fn pupils_and_sessions_are_renamed_closed_and_removed_with_what_belongs_to_them() {
    use sauga::teacher::{Invalid, Mode};
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("sauga.sqlite3")).unwrap();
    let mut t = s.teacher();
    let class = t.create_class("7A", 1).unwrap();
    let pupils = t.add_pupils(class, "AB\nCD\nEF").unwrap();
    let keys = vec!["m/q1".to_string()];
    let first = t
        .start_session(class, "m", 1, &keys, Mode::Codes, 2)
        .unwrap();
    let second = t
        .start_session(class, "m", 1, &keys, Mode::Tally, 3)
        .unwrap();
    for p in &pupils {
        t.record_answers(first, p.id, &[("m/q1".into(), [0].into(), true)])
            .unwrap();
    }
    t.record_tally(second, "m/q1", &[2, 1]).unwrap();

    // A nickname changed, then cleared (number only); a too long one refused.
    t.rename_pupil(pupils[0].id, "  Žemyna ").unwrap();
    assert_eq!(t.pupils(class).unwrap()[0].label(), "#1 Žemyna");
    t.rename_pupil(pupils[0].id, "").unwrap();
    assert_eq!(t.pupils(class).unwrap()[0].label(), "#1");
    assert!(matches!(
        t.rename_pupil(pupils[0].id, &"x".repeat(41)),
        Err(StorageError::Invalid(Invalid::NicknameTooLong))
    ));
    // A removed pupil takes their answers; the others keep their numbers.
    t.remove_pupil(pupils[1].id).unwrap();
    let left: Vec<u32> = t.pupils(class).unwrap().iter().map(|p| p.number).collect();
    assert_eq!(left, [1, 3]);
    assert_eq!(t.answers(class).unwrap().len(), 2);

    // A session named, closed (nothing more entered), reopened.
    t.rename_session(first, " Monday test ").unwrap();
    t.close_session(first, true).unwrap();
    let got = t.sessions(class).unwrap();
    assert_eq!(
        (got[0].title.as_str(), got[0].closed),
        ("Monday test", true)
    );
    assert!(matches!(
        t.record_answers(first, pupils[0].id, &[("m/q1".into(), [1].into(), false)]),
        Err(StorageError::Invalid(Invalid::SessionClosed))
    ));
    t.close_session(second, true).unwrap();
    assert!(matches!(
        t.record_tally(second, "m/q1", &[5, 5]),
        Err(StorageError::Invalid(Invalid::SessionClosed))
    ));
    assert_eq!(
        t.tallies(class).unwrap()[&(second, "m/q1".to_string())],
        [2, 1]
    );
    t.close_session(first, false).unwrap();
    t.record_answers(first, pupils[0].id, &[("m/q1".into(), [1].into(), false)])
        .unwrap();
    assert!(matches!(
        t.rename_session(first, &"x".repeat(101)),
        Err(StorageError::Invalid(Invalid::NameTooLong))
    ));

    // Names and closing travel in the backup.
    let backup = t.backup().unwrap();
    t.restore(&backup).unwrap();
    let class = t.classes().unwrap()[0].id;
    let got = t.sessions(class).unwrap();
    assert_eq!(
        (got[0].title.as_str(), got[0].closed),
        ("Monday test", false)
    );
    assert!(got[1].closed);

    // A deleted session takes its answers and tallies; the pupils stay.
    let (first, second) = (got[0].id, got[1].id);
    t.delete_session(first).unwrap();
    t.delete_session(second).unwrap();
    assert!(t.sessions(class).unwrap().is_empty());
    assert!(t.answers(class).unwrap().is_empty());
    assert!(t.tallies(class).unwrap().is_empty());
    assert_eq!(t.pupils(class).unwrap().len(), 2);
}

#[test]
fn an_empty_file_is_refused_as_damaged_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    fs::write(&path, b"").unwrap();
    let err = sauga::platform::open_db_file(&path).unwrap_err();
    assert!(matches!(err, StorageError::Damaged(_)), "{err:?}");
    assert_eq!(
        fs::metadata(&path).unwrap().len(),
        0,
        "the file is left as it was"
    );
}

#[test]
fn a_refused_file_kept_aside_never_replaces_an_earlier_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    let mut kept = Vec::new();
    for content in [b"first damaged file".as_slice(), b"second damaged file"] {
        fs::write(&path, content).unwrap();
        let aside = sauga::platform::keep_aside(&path).unwrap();
        assert!(!path.exists(), "moved, not copied");
        kept.push((aside, content));
    }
    assert_ne!(kept[0].0, kept[1].0, "two refusals in the same second");
    for (aside, content) in kept {
        assert_eq!(fs::read(&aside).unwrap(), content, "{}", aside.display());
    }
}

/// Runs a future that never waits on anything outside it (the native platform's).
fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => out,
        std::task::Poll::Pending => panic!("the native platform does not wait"),
    }
}

#[test]
fn automatic_backups_keep_the_newest_and_skip_repeats() {
    use sauga::platform::{auto_backups, keep_auto_backup, read_auto_backup, AUTO_BACKUPS};
    let dir = tempfile::tempdir().unwrap();
    // The only test that uses the app's own data folder.
    std::env::set_var("SAUGA_DATA_DIR", dir.path());
    for n in 0..AUTO_BACKUPS as i64 + 3 {
        block_on(keep_auto_backup(
            &format!("{{\"n\": {n}}}"),
            1_000 + n,
            "session",
        ))
        .unwrap();
        // The same data again is not kept twice.
        block_on(keep_auto_backup(
            &format!("{{\"n\": {n}}}"),
            2_000 + n,
            "restore",
        ))
        .unwrap();
    }
    let kept = block_on(auto_backups());
    assert_eq!(kept.len(), AUTO_BACKUPS);
    assert_eq!(
        kept[0].taken_at,
        1_000 + AUTO_BACKUPS as i64 + 2,
        "newest first"
    );
    assert!(kept.iter().all(|b| b.reason == "session"), "{kept:?}");
    assert_eq!(
        block_on(read_auto_backup(&kept[0].name)).unwrap(),
        format!("{{\"n\": {}}}", AUTO_BACKUPS + 2)
    );
    let oldest = kept.last().unwrap();
    assert_eq!(oldest.taken_at, 1_003, "the three oldest were dropped");
}

#[test]
fn a_content_pack_is_kept_across_reopening_replaced_and_removed_leaving_progress() {
    use sauga::content::{data, Catalog};
    use sauga::dates::Date;
    use sauga::storage::StoredPack;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    let catalog = Catalog::embedded();
    let pack = |version: &str, origin: &str| StoredPack {
        version: version.into(),
        date: Date::parse("2027-01-05").unwrap(),
        origin: origin.into(),
        taken_at: 1_800_000_000,
        catalogs: Lang::ALL
            .into_iter()
            .map(|l| (l, data::language_json(catalog, l)))
            .collect(),
    };
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.content_pack().unwrap(), None);
        s.mark_page_read("what-is-trafficking", 0, 2, 100).unwrap();
        s.set_content_pack(&pack("2027.1.1", "a.pack")).unwrap();
    }
    let s = Store::open(&path).unwrap();
    let kept = s.content_pack().unwrap().unwrap();
    assert_eq!(kept, pack("2027.1.1", "a.pack"));
    // Each language's course reads back as the web app's data file does.
    let uk = data::from_json(kept.catalog_json(Lang::Uk).unwrap(), Lang::Uk).unwrap();
    assert_eq!(uk.modules.len(), catalog.modules.len());
    // A newer pack replaces it; going back removes it; progress stays throughout.
    s.set_content_pack(&pack("2027.2.1", "b.pack")).unwrap();
    assert_eq!(s.content_pack().unwrap().unwrap().origin, "b.pack");
    s.remove_content_pack().unwrap();
    assert_eq!(s.content_pack().unwrap(), None);
    assert!(s.progress().unwrap().contains_key("what-is-trafficking"));
}

#[test]
fn a_damaged_content_pack_row_is_reported_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    drop(Store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO content_pack VALUES (1, '2027.1.1', 'someday', 'a.pack', 0, '', '', '', '')",
            [],
        )
        .unwrap();
    let s = Store::open(&path).unwrap();
    assert!(matches!(s.content_pack(), Err(StorageError::Damaged(m)) if m.contains("someday")));
}
