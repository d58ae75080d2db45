//! Content packs: the whole content folder (lessons, quizzes, glossary, facts, help
//! services, sources) in one file, signed by the content's publisher with Ed25519, so
//! help numbers and lessons can be updated without a new app. Nobody but the holder of
//! a publisher's private key can make a pack the app takes: a forged help line in an
//! anti-trafficking app is an attack.
//!
//! The file is text: a format line, the signature (hex) on a line of its own, then the
//! body (JSON: the content version, its date, the files). The signature covers the
//! format line and the body, byte for byte, so nothing needs to be re-encoded to check.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

use super::ContentFile;
use crate::dates::Date;

/// The first line of every pack of this format.
pub const MAGIC: &str = "SAUGA-CONTENT-PACK";
/// The pack format this app reads.
pub const FORMAT: u32 = 1;
/// The largest pack the app reads (the whole content is well under 2 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The publisher's public keys the app trusts. A pack signed by any of them is taken;
/// a new key is added here (and an old one removed) by an app release, as
/// `content/README.md` describes.
pub const PUBLISHER_KEYS: &[[u8; 32]] = &[];

/// What a pack holds.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pack {
    /// As `content/content.toml` gives it (`2027.1.1`).
    pub content_version: String,
    /// The day it was made.
    pub date: Date,
    pub files: Vec<ContentFile>,
}

/// Why a pack was not taken. Nothing changes when one is refused. (Serialised: the
/// web app's checker module sends it back as JSON.)
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum PackError {
    #[error("the file is larger than a content pack can be ({max} bytes)")]
    TooLarge { max: usize },
    #[error("this is not a Sauga content pack")]
    NotAPack,
    #[error("this pack is in a newer format ({0}); update the app")]
    NewerFormat(u32),
    #[error("the pack is cut short")]
    Truncated,
    #[error("the pack is not signed by Sauga's content publisher, or was changed after signing")]
    NotSigned,
    #[error("the pack's contents cannot be read: {0}")]
    Damaged(String),
    #[error("the pack ({pack}) is older than the content in use ({in_use})")]
    Older { pack: String, in_use: String },
    #[error("the pack's content fails the content check: {0}")]
    FailsCheck(String),
    /// Result codes name a quiz by id and version: changed questions under the same
    /// version would make earlier codes read wrong.
    #[error("the pack changes the questions of quiz {quiz} without changing its version")]
    QuizChanged { quiz: String },
    /// This app cannot check packs here (its checker could not be loaded).
    #[error("the pack could not be checked: {0}")]
    NoChecker(String),
}

impl PackError {
    /// The message's key in the UI strings (`pack.problem.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            PackError::TooLarge { .. } => "too_large",
            PackError::NotAPack => "not_a_pack",
            PackError::NewerFormat(_) => "newer_format",
            PackError::Truncated => "truncated",
            PackError::NotSigned => "not_signed",
            PackError::Damaged(_) => "damaged",
            PackError::Older { .. } => "older",
            PackError::FailsCheck(_) => "fails_check",
            PackError::QuizChanged { .. } => "quiz_changed",
            PackError::NoChecker(_) => "no_checker",
        }
    }
}

/// Every kind of refusal, one of each (for the tests that every one is told).
pub const PROBLEMS: &[&str] = &[
    "too_large",
    "not_a_pack",
    "newer_format",
    "truncated",
    "not_signed",
    "damaged",
    "older",
    "fails_check",
    "quiz_changed",
    "no_checker",
];

/// A pack that passed every check, as the app keeps it: its version and date and the
/// course in each language as data-file JSON ([`super::data`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Checked {
    pub content_version: String,
    pub date: Date,
    pub catalogs: Vec<(crate::lang::Lang, String)>,
}

/// [`accept`], then the course in each language as the app keeps it.
pub fn check(
    bytes: &[u8],
    trusted: &[[u8; 32]],
    in_use: &str,
    today: Date,
) -> Result<Checked, PackError> {
    let (pack, catalog) = accept(bytes, trusted, in_use, today)?;
    Ok(Checked {
        content_version: pack.content_version,
        date: pack.date,
        catalogs: crate::lang::Lang::ALL
            .into_iter()
            .map(|l| (l, super::data::language_json(&catalog, l)))
            .collect(),
    })
}

/// A quiz's shape as result codes and teacher reports read it: its questions' keys,
/// their kinds and their options' right-or-wrong, in order. Texts may change freely.
fn shape(quiz: &crate::quiz::Quiz) -> Vec<(String, crate::quiz::QuestionKind, Vec<bool>)> {
    quiz.questions
        .iter()
        .map(|q| {
            (
                q.key(),
                q.kind,
                q.options.iter().map(|o| o.correct).collect(),
            )
        })
        .collect()
}

/// Refuses a new course that changes a quiz's questions but keeps its version (the
/// same quiz in both, by id and version, must have the same shape).
pub fn quizzes_keep_versions(
    in_use: &super::Catalog,
    new: &super::Catalog,
) -> Result<(), PackError> {
    let quizzes = |c: &super::Catalog| -> Vec<crate::quiz::Quiz> {
        c.quizzes.iter().chain(&c.final_quiz).cloned().collect()
    };
    let old = quizzes(in_use);
    for quiz in quizzes(new) {
        let same = old
            .iter()
            .find(|o| o.id == quiz.id && o.version == quiz.version);
        if same.is_some_and(|o| shape(o) != shape(&quiz)) {
            return Err(PackError::QuizChanged { quiz: quiz.id });
        }
    }
    Ok(())
}

fn signed_bytes(body: &[u8]) -> Vec<u8> {
    let mut out = format!("{MAGIC} {FORMAT}\n").into_bytes();
    out.extend_from_slice(body);
    out
}

/// The pack as a file, signed with `key`.
pub fn seal(pack: &Pack, key: &SigningKey) -> Vec<u8> {
    // A pack of strings and numbers always serialises.
    let body = serde_json::to_vec(pack).unwrap_or_default();
    let signature = key.sign(&signed_bytes(&body));
    let mut out = format!("{MAGIC} {FORMAT}\n{}\n", hex::encode(signature.to_bytes())).into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Reads a pack and checks its signature against `trusted` keys; nothing else.
pub fn open(bytes: &[u8], trusted: &[[u8; 32]]) -> Result<Pack, PackError> {
    if bytes.len() > MAX_BYTES {
        return Err(PackError::TooLarge { max: MAX_BYTES });
    }
    let (first, rest) = split_line(bytes).ok_or(PackError::NotAPack)?;
    let first = std::str::from_utf8(first).map_err(|_| PackError::NotAPack)?;
    let format = first
        .strip_prefix(MAGIC)
        .and_then(|f| f.trim().parse::<u32>().ok())
        .ok_or(PackError::NotAPack)?;
    if format > FORMAT {
        return Err(PackError::NewerFormat(format));
    }
    let (signature_hex, body) = split_line(rest).ok_or(PackError::Truncated)?;
    let signature: [u8; 64] = hex::decode(signature_hex)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or(PackError::Truncated)?;
    let signature = Signature::from_bytes(&signature);
    let message = signed_bytes(body);
    let signed = trusted.iter().any(|k| {
        VerifyingKey::from_bytes(k).is_ok_and(|key| key.verify(&message, &signature).is_ok())
    });
    if !signed {
        return Err(PackError::NotSigned);
    }
    serde_json::from_slice(body).map_err(|e| PackError::Damaged(e.to_string()))
}

fn split_line(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = bytes.iter().position(|&b| b == b'\n')?;
    Some((&bytes[..at], &bytes[at + 1..]))
}

/// A content version (`year.month.number`) as numbers, to compare.
pub fn version_key(version: &str) -> Option<(u32, u32, u32)> {
    let mut parts = version.trim().split('.').map(|p| p.parse::<u32>().ok());
    let key = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(key)
}

/// Everything the app checks before it takes a pack: the signature, the format, that
/// it is not older than the content in use, and the same content check as the build.
/// On success, the pack and its checked course.
pub fn accept(
    bytes: &[u8],
    trusted: &[[u8; 32]],
    in_use: &str,
    today: Date,
) -> Result<(Pack, super::Catalog), PackError> {
    let pack = open(bytes, trusted)?;
    let (Some(new), Some(old)) = (version_key(&pack.content_version), version_key(in_use)) else {
        return Err(PackError::Damaged(format!(
            "the content version {:?} is not year.month.number",
            pack.content_version
        )));
    };
    if new < old {
        return Err(PackError::Older {
            pack: pack.content_version,
            in_use: in_use.to_string(),
        });
    }
    let (catalog, problems) = super::load(&pack.files, today);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == crate::check::Severity::Error)
        .take(3)
        .map(|p| p.to_string())
        .collect();
    if !errors.is_empty() {
        return Err(PackError::FailsCheck(errors.join("; ")));
    }
    if catalog.version != pack.content_version {
        return Err(PackError::Damaged(format!(
            "the pack says {} but its content.toml says {}",
            pack.content_version, catalog.version
        )));
    }
    Ok((pack, catalog))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn pack(version: &str) -> Pack {
        let mut files = super::super::embedded_files();
        for f in &mut files {
            if f.path == "content.toml" {
                f.text = f.text.replace(
                    &format!(
                        "version = \"{}\"",
                        super::super::Catalog::embedded().version
                    ),
                    &format!("version = \"{version}\""),
                );
            }
        }
        Pack {
            content_version: version.into(),
            date: Date::parse("2027-01-05").unwrap(),
            files,
        }
    }

    #[test]
    fn a_sealed_pack_opens_with_its_key_only() {
        let sealed = seal(&pack("2027.1.1"), &key(7));
        let public = key(7).verifying_key().to_bytes();
        assert_eq!(open(&sealed, &[public]).unwrap(), pack("2027.1.1"));
        // Another publisher's key, or none.
        assert_eq!(
            open(&sealed, &[key(8).verifying_key().to_bytes()]),
            Err(PackError::NotSigned)
        );
        assert_eq!(open(&sealed, &[]), Err(PackError::NotSigned));
    }

    #[test]
    fn any_change_truncation_or_stranger_is_refused() {
        let sealed = seal(&pack("2027.1.1"), &key(7));
        let trusted = [key(7).verifying_key().to_bytes()];
        // One byte changed anywhere in the body (a help number, say).
        let at = sealed.len() - 100;
        let mut changed = sealed.clone();
        changed[at] ^= 1;
        assert_eq!(open(&changed, &trusted), Err(PackError::NotSigned));
        // The format line changed.
        let mut other = sealed.clone();
        other[0] = b'X';
        assert_eq!(open(&other, &trusted), Err(PackError::NotAPack));
        // Cut short: in the signature, or in the body.
        assert_eq!(open(&sealed[..40], &trusted), Err(PackError::Truncated));
        assert_eq!(
            open(&sealed[..sealed.len() - 10], &trusted),
            Err(PackError::NotSigned)
        );
        // A newer format, a huge file, an empty one.
        let newer = [
            format!("{MAGIC} 9\n").as_bytes(),
            &sealed[MAGIC.len() + 3..],
        ]
        .concat();
        assert_eq!(open(&newer, &trusted), Err(PackError::NewerFormat(9)));
        assert_eq!(
            open(&vec![b' '; MAX_BYTES + 1], &trusted),
            Err(PackError::TooLarge { max: MAX_BYTES })
        );
        assert_eq!(open(b"", &trusted), Err(PackError::NotAPack));
    }

    #[test]
    fn accepted_only_when_newer_or_equal_and_sound() {
        let trusted = [key(7).verifying_key().to_bytes()];
        let today = Date::parse("2027-01-10").unwrap();
        let in_use = super::super::Catalog::embedded().version.clone();
        let (p, catalog) =
            accept(&seal(&pack("2099.1.1"), &key(7)), &trusted, &in_use, today).unwrap();
        assert_eq!(
            (p.content_version.as_str(), catalog.version.as_str()),
            ("2099.1.1", "2099.1.1")
        );
        assert!(!catalog.help.is_empty() && !catalog.modules.is_empty());
        assert!(matches!(
            accept(&seal(&pack("2020.1.1"), &key(7)), &trusted, &in_use, today),
            Err(PackError::Older { .. })
        ));
        // Content that fails the check: a help number that is not a number.
        let mut broken = pack("2099.1.2");
        for f in &mut broken.files {
            f.text = f
                .text
                .replace("number = \"+37080091119\"", "number = \"80091119\"");
        }
        assert!(matches!(
            accept(&seal(&broken, &key(7)), &trusted, &in_use, today),
            Err(PackError::FailsCheck(_))
        ));
        // Checked: the course of every language, as the app keeps it.
        let checked = check(&seal(&pack("2099.1.3"), &key(7)), &trusted, &in_use, today).unwrap();
        assert_eq!(checked.content_version, "2099.1.3");
        assert_eq!(checked.catalogs.len(), 4);
        for (lang, json) in &checked.catalogs {
            let c = super::super::data::from_json(json, *lang).unwrap();
            assert_eq!(c.version, "2099.1.3");
        }
        assert_eq!(version_key("2027.1.10"), Some((2027, 1, 10)));
        assert!(version_key("2027.1.10") > version_key("2027.1.9"));
        assert_eq!(version_key("2027.1"), None);
    }

    #[test]
    fn a_quiz_may_change_its_questions_only_with_a_new_version() {
        let in_use = super::super::Catalog::embedded();
        let mut new = in_use.clone();
        // Texts may change under the same version.
        new.quizzes[0].questions[0].text = in_use.quizzes[0].questions[1].text.clone();
        assert_eq!(quizzes_keep_versions(in_use, &new), Ok(()));
        // A question removed, or a right answer moved, under the same version: refused.
        let id = new.quizzes[0].id.clone();
        new.quizzes[0].questions.pop();
        assert_eq!(
            quizzes_keep_versions(in_use, &new),
            Err(PackError::QuizChanged { quiz: id.clone() })
        );
        let mut moved = in_use.clone();
        let options = &mut moved.quizzes[0].questions[0].options;
        let right = options.iter().position(|o| o.correct).unwrap();
        options[right].correct = false;
        let next = (right + 1) % options.len();
        options[next].correct = true;
        assert!(quizzes_keep_versions(in_use, &moved).is_err());
        // With a new version, anything goes.
        new.quizzes[0].version += 1;
        assert_eq!(quizzes_keep_versions(in_use, &new), Ok(()));
    }

    #[test]
    fn every_refusal_has_its_code_listed() {
        let all = [
            PackError::TooLarge { max: 1 },
            PackError::NotAPack,
            PackError::NewerFormat(2),
            PackError::Truncated,
            PackError::NotSigned,
            PackError::Damaged(String::new()),
            PackError::Older {
                pack: String::new(),
                in_use: String::new(),
            },
            PackError::FailsCheck(String::new()),
            PackError::QuizChanged {
                quiz: String::new(),
            },
            PackError::NoChecker(String::new()),
        ];
        let codes: Vec<&str> = all.iter().map(PackError::code).collect();
        assert_eq!(codes, PROBLEMS);
    }
}
