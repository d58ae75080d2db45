//! The content pack checker as the web app's own wasm module: [`check_pack`] takes a
//! pack's bytes and answers with the checked course in each language, or why the
//! pack is refused, as JSON (`{"Ok": …}` or `{"Err": …}`).

use sauga::content::pack::{self, Checked, PackError};
use sauga::dates::Date;
use wasm_bindgen::prelude::*;

/// The public keys whose packs are taken: the publisher's (`pack::PUBLISHER_KEYS`),
/// and, only in a build made for the tests, the test key given when it was built
/// (`SAUGA_TEST_PUBLISHER_KEY`, hex). `scripts/build-web.sh` refuses to build with
/// that variable set, so no release trusts a test key.
pub fn trusted() -> Vec<[u8; 32]> {
    let mut keys = pack::PUBLISHER_KEYS.to_vec();
    if let Some(test) = option_env!("SAUGA_TEST_PUBLISHER_KEY") {
        if let Some(key) = hex::decode(test.trim())
            .ok()
            .and_then(|k| <[u8; 32]>::try_from(k).ok())
        {
            keys.push(key);
        }
    }
    keys
}

/// Checks a pack (`pack::check`) against the content in use (`in_use`, its version)
/// on `today` (`YYYY-MM-DD`).
pub fn check(bytes: &[u8], in_use: &str, today: &str) -> Result<Checked, PackError> {
    let today = Date::parse(today)
        .ok_or_else(|| PackError::NoChecker(format!("{today:?} is not a date")))?;
    pack::check(bytes, &trusted(), in_use, today)
}

/// [`check`] for the web app, answered as JSON.
#[wasm_bindgen]
pub fn check_pack(bytes: &[u8], in_use: &str, today: &str) -> String {
    serde_json::to_string(&check(bytes, in_use, today))
        .unwrap_or_else(|e| format!("{{\"Err\":{{\"NoChecker\":{:?}}}}}", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_comes_back_as_json_the_app_reads() {
        let answer = check_pack(b"not a pack", "2026.12.1", "2027-01-01");
        let back: Result<Checked, PackError> = serde_json::from_str(&answer).unwrap();
        assert_eq!(back, Err(PackError::NotAPack));
        let answer = check_pack(b"", "2026.12.1", "someday");
        assert!(matches!(
            serde_json::from_str::<Result<Checked, PackError>>(&answer).unwrap(),
            Err(PackError::NoChecker(_))
        ));
    }
}
