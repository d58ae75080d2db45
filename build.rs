//! Rebuild when lesson content or UI strings change: both are embedded at compile time
//! (`include_dir!` and `rust_i18n::i18n!`), which cargo cannot see on its own.
fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=assets");
}
