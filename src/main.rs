//! The Sauga app: picks the renderer chosen by feature (`web`, `desktop`, `mobile`).

#[cfg(any(feature = "web", feature = "desktop", feature = "mobile"))]
fn main() {
    dioxus::launch(sauga::ui::App);
}

#[cfg(not(any(feature = "web", feature = "desktop", feature = "mobile")))]
fn main() {
    eprintln!(
        "Sauga was built without a renderer. Build with --features web, desktop or mobile \
         (see README.md)."
    );
    std::process::exit(2);
}
