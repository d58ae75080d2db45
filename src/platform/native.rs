//! Desktop and mobile: an SQLite file in the app-data folder.

use std::path::{Path, PathBuf};

use crate::content::{Catalog, ContentFile};
use crate::lang::Lang;
use crate::storage::{StorageError, Store};

const FILE_NAME: &str = "sauga.sqlite3";

/// The folder for Sauga's data. `SAUGA_DATA_DIR` overrides it (tests, portable use).
/// On Android `directories` finds no home folder, so the app's private files folder
/// (named after the bundle identifier in Dioxus.toml) is used.
fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SAUGA_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    if cfg!(target_os = "android") {
        return Some(PathBuf::from("/data/data/lt.sauga.app/files"));
    }
    directories::ProjectDirs::from("lt", "Sauga", "Sauga").map(|d| d.data_dir().to_path_buf())
}

fn db_path() -> Result<PathBuf, StorageError> {
    let dir = data_dir()
        .ok_or_else(|| StorageError::Unavailable("no app-data folder on this device".into()))?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| StorageError::Unavailable(format!("{}: {e}", dir.display())))?;
    Ok(dir.join(FILE_NAME))
}

pub fn preferred_languages() -> Vec<String> {
    sys_locale::get_locales().collect()
}

pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub async fn open_store() -> Result<Store, StorageError> {
    open_db_file(&db_path()?)
}

/// `path` with a suffix on its file name (`sauga.sqlite3-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// The files SQLite may keep beside a database.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

fn unavailable(path: &Path, e: std::io::Error) -> StorageError {
    StorageError::Unavailable(format!("{}: {e}", path.display()))
}

/// Makes a rename in `dir` survive a power cut (where the system allows it).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Opens the database file at `path`, creating it whole when there is none: a new
/// file is made and migrated under a temporary name, closed, and only then moved into
/// place, so a first start cut short (a phone that dies) leaves no half-made database
/// and the next start simply begins again.
pub fn open_db_file(path: &Path) -> Result<Store, StorageError> {
    if !path.exists() {
        let new = with_suffix(path, "-new");
        for suffix in [""].into_iter().chain(COMPANIONS) {
            let stale = with_suffix(&new, suffix);
            if stale.exists() {
                std::fs::remove_file(&stale).map_err(|e| unavailable(&stale, e))?;
            }
        }
        drop(Store::open(&new)?);
        std::fs::rename(&new, path).map_err(|e| unavailable(path, e))?;
        if let Some(dir) = path.parent() {
            sync_dir(dir);
        }
    }
    Store::open(path)
}

/// Keeps the database at `path` (and its companion files) under a new name beside
/// it, never replacing an earlier copy; returns that name.
pub fn keep_aside(path: &Path) -> Result<PathBuf, StorageError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let stamp = now_unix();
    for n in 1.. {
        let name = if n == 1 {
            format!("sauga-refused-{stamp}.sqlite3")
        } else {
            format!("sauga-refused-{stamp}-{n}.sqlite3")
        };
        let aside = dir.join(name);
        let taken = [""]
            .into_iter()
            .chain(COMPANIONS)
            .any(|s| with_suffix(&aside, s).exists());
        if taken {
            continue;
        }
        // A hard link fails rather than replace a file that appeared meanwhile.
        match std::fs::hard_link(path, &aside) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(unavailable(path, e)),
        }
        for suffix in COMPANIONS {
            let from = with_suffix(path, suffix);
            if from.exists() {
                std::fs::rename(&from, with_suffix(&aside, suffix))
                    .map_err(|e| unavailable(&from, e))?;
            }
        }
        std::fs::remove_file(path).map_err(|e| unavailable(path, e))?;
        sync_dir(dir);
        return Ok(aside);
    }
    unreachable!("some name is free")
}

/// Automatic backups live in the app's folder, beside the database.
fn auto_backup_dir() -> Result<PathBuf, String> {
    let dir = data_dir()
        .ok_or("no app-data folder on this device")?
        .join("backups");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

pub async fn auto_backup_names() -> Result<Vec<String>, String> {
    let dir = auto_backup_dir()?;
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("auto-") && n.ends_with(".json"))
        .collect())
}

pub async fn write_auto_backup(name: &str, json: &str) -> Result<(), String> {
    save_file_in(&auto_backup_dir()?, name, json.as_bytes()).map(|_| ())
}

pub async fn read_auto_backup(name: &str) -> Result<String, String> {
    let path = auto_backup_dir()?.join(super::safe_file_name(name));
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

pub async fn remove_auto_backup(name: &str) -> Result<(), String> {
    let path = auto_backup_dir()?.join(super::safe_file_name(name));
    std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))
}

pub async fn take_over() -> Result<Store, StorageError> {
    open_store().await
}

pub async fn start_fresh() -> Result<Store, StorageError> {
    let path = db_path()?;
    if path.exists() {
        keep_aside(&path)?;
    }
    open_db_file(&path)
}

pub fn content_ready(_lang: Lang) -> Option<&'static Catalog> {
    Some(Catalog::embedded())
}

pub async fn load_content(_lang: Lang) -> Result<&'static Catalog, String> {
    Ok(Catalog::embedded())
}

pub fn location() -> super::DataLocation {
    super::DataLocation::File(
        db_path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|e| e.to_string()),
    )
}

pub async fn copy_after_write(_bytes: Vec<u8>) -> Result<(), String> {
    Ok(())
}

pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    if getrandom::getrandom(&mut buf).is_err() {
        // No OS randomness: fall back to the clock and the address space, still unique per call.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
            ^ (buf.as_ptr() as u128);
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (seed >> ((i % 16) * 8)) as u8 ^ (i as u8).wrapping_mul(151);
        }
    }
    buf
}

/// The desktop and mobile shell replaces the app with its neutral screen itself.
pub fn quick_exit() -> bool {
    false
}

/// Where exports go: the Documents folder, else the app's data folder.
fn export_dir() -> Result<PathBuf, String> {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.to_path_buf()))
        .or_else(data_dir)
        .ok_or_else(|| "no documents folder on this device".to_string())
}

pub fn saved_files(prefix: &str, suffix: &str) -> Vec<(String, String)> {
    let Ok(entries) = export_dir().and_then(|d| std::fs::read_dir(d).map_err(|e| e.to_string()))
    else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, String, String)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            // A file whose date cannot be read is still listed, last.
            let modified = e
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::SystemTime::UNIX_EPOCH);
            (name.starts_with(prefix) && name.ends_with(suffix))
                .then(|| (modified, name, e.path().display().to_string()))
        })
        .collect();
    // Newest first.
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
    found.into_iter().map(|(_, n, p)| (n, p)).collect()
}

/// `dir/name`, or `dir/stem-2.ext`, `-3`… if that file exists: an export never
/// replaces an earlier one (two backups on one day are both kept).
/// Writes `bytes` as a new file named `name` (made safe) in `dir`, or `name-2`,
/// `name-3`… when taken: an earlier file is never replaced, even by two exports in the
/// same instant (the file is created only if it does not exist).
pub fn save_file_in(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    use std::io::Write;
    let name = super::safe_file_name(name);
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.clone(), String::new()),
    };
    for n in 1..10_000 {
        let path = if n == 1 {
            dir.join(&name)
        } else {
            dir.join(format!("{stem}-{n}{ext}"))
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                let written = file.write_all(bytes).and_then(|()| file.sync_all());
                return match written {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        // No half-written export left behind.
                        let _ = std::fs::remove_file(&path);
                        Err(format!("{}: {e}", path.display()))
                    }
                };
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
    }
    Err(format!("{}: no free name for {name}", dir.display()))
}

pub fn read_saved(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// Desktop: the file goes to the Documents folder (the app's data folder where there
/// is none) and the message names it. Phones keep the same copy in the app's own
/// folder, then open the share sheet (see `share.rs`).
pub fn save_file(name: &str, bytes: &[u8], _mime: &str) -> Result<String, String> {
    let dir = export_dir()?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = save_file_in(&dir, name, bytes)?;
    // Android shares the bytes (and copies them to Downloads); the copy kept here
    // is the app's own.
    #[cfg(target_os = "android")]
    return super::share::share(
        path.file_name().and_then(|n| n.to_str()).unwrap_or(name),
        bytes,
        _mime,
    );
    #[cfg(target_os = "ios")]
    super::share::share_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    #[allow(unreachable_code)]
    Ok(path.display().to_string())
}

/// The files of a content folder on disk (for `content-check` and tests), as
/// [`crate::content::load`] reads them.
pub fn read_content_dir(root: &Path) -> std::io::Result<Vec<ContentFile>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<ContentFile>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(&path)?;
                let text = match String::from_utf8(bytes) {
                    Ok(t) => t,
                    // Kept as text so the loader can say which file is not UTF-8.
                    Err(_) => "\u{0}not utf-8".to_string(),
                };
                out.push(ContentFile { path: rel, text });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_never_replace_an_earlier_file() {
        let dir = tempfile::tempdir().unwrap();
        let name = "sauga-teacher-2026-11-26.json";
        let first = save_file_in(dir.path(), name, b"a").unwrap();
        assert_eq!(first, dir.path().join(name));
        let second = save_file_in(dir.path(), name, b"b").unwrap();
        assert_eq!(second, dir.path().join("sauga-teacher-2026-11-26-2.json"));
        let third = save_file_in(dir.path(), name, b"c").unwrap();
        assert_eq!(third, dir.path().join("sauga-teacher-2026-11-26-3.json"));
        assert_eq!(std::fs::read(&first).unwrap(), b"a", "the first is kept");
        assert_eq!(
            save_file_in(dir.path(), "notes", b"n").unwrap(),
            dir.path().join("notes")
        );
    }

    #[test]
    fn hostile_export_names_stay_in_the_export_folder() {
        let outer = tempfile::tempdir().unwrap();
        let dir = outer.path().join("exports");
        std::fs::create_dir(&dir).unwrap();
        for name in [
            "../x.gift",
            "/tmp/x.gift",
            "a/b.gift",
            "..\\..\\win.gift",
            "C:evil.gift",
            "..",
            "",
            "\u{0}nul\n.gift",
            &"Ž".repeat(500),
        ] {
            let path = save_file_in(&dir, name, b"x").unwrap();
            assert_eq!(
                path.parent(),
                Some(dir.as_path()),
                "{name:?} → {}",
                path.display()
            );
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(!file.starts_with('.'), "{name:?} → {file}");
            assert!(file.chars().count() <= 80, "{name:?} → {file}");
        }
        let outside: Vec<_> = std::fs::read_dir(outer.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(outside, ["exports"], "nothing written beside the folder");
    }
}
