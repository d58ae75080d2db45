//! The Sauga app: picks the renderer chosen by feature (`web`, `desktop`, `mobile`).

#[cfg(feature = "desktop")]
fn main() {
    use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
    // A window sized for reading, titled plainly, without the default menu bar.
    let window = WindowBuilder::new()
        .with_title("Sauga")
        .with_inner_size(LogicalSize::new(1100.0, 800.0));
    dioxus::LaunchBuilder::desktop()
        .with_cfg(Config::new().with_window(window).with_menu(None))
        .launch(sauga::ui::App);
}

#[cfg(all(any(feature = "web", feature = "mobile"), not(feature = "desktop")))]
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
