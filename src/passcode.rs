//! The app passcode: kept only as a slow, salted Argon2id hash (PHC string), so the
//! database alone does not reveal it. Teacher mode's PIN will use the same code.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// The shortest passcode accepted.
pub const MIN_LEN: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasscodeError {
    #[error("the passcode is shorter than {MIN_LEN} characters")]
    TooShort,
    #[error("could not hash the passcode: {0}")]
    Hash(String),
}

/// Hashes a passcode with a salt made of `salt_bytes` (at least 16 random bytes).
pub fn hash(passcode: &str, salt_bytes: &[u8]) -> Result<String, PasscodeError> {
    if passcode.chars().count() < MIN_LEN {
        return Err(PasscodeError::TooShort);
    }
    let salt =
        SaltString::encode_b64(salt_bytes).map_err(|e| PasscodeError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(passcode.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasscodeError::Hash(e.to_string()))
}

/// Whether `passcode` matches a stored hash. A damaged hash matches nothing.
pub fn verify(passcode: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(passcode.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_and_wrong_passcodes() {
        let stored = hash("2468", &[7u8; 16]).unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("2468"));
        assert!(verify("2468", &stored));
        assert!(!verify("2469", &stored));
        assert!(!verify("", &stored));
        assert!(!verify("2468", "not a hash"));
    }

    #[test]
    fn salts_differ_hashes() {
        assert_ne!(
            hash("2468", &[1u8; 16]).unwrap(),
            hash("2468", &[2u8; 16]).unwrap()
        );
    }

    #[test]
    fn short_passcodes_are_refused() {
        assert_eq!(hash("123", &[0u8; 16]), Err(PasscodeError::TooShort));
    }
}
