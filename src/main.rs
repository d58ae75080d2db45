//! The Sauga app: picks the renderer chosen by feature (`web`, `desktop`, `mobile`).

#[cfg(feature = "desktop")]
fn main() {
    use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
    // A window sized for reading, titled plainly, without the default menu bar.
    let window = WindowBuilder::new()
        .with_title("Sauga")
        .with_inner_size(LogicalSize::new(1100.0, 800.0));
    let launch = dioxus::LaunchBuilder::desktop()
        .with_cfg(Config::new().with_window(window).with_menu(None));
    #[cfg(feature = "desktop-e2e")]
    if std::env::var_os("SAUGA_E2E_SCRIPT").is_some() {
        return launch.launch(driver::Driven);
    }
    launch.launch(sauga::ui::App);
}

/// The desktop test driver (feature `desktop-e2e`, used by tests/desktop/run.sh):
/// runs the app as usual and, beside it, the script named by `SAUGA_E2E_SCRIPT` in
/// the app's own web view. The script reports lines with `dioxus.send(text)`; a line
/// starting `PASS` or `FAIL` ends the app with exit code 0 or 1. A script that says
/// neither within `SAUGA_E2E_TIMEOUT` seconds (default 240) fails with code 3.
#[cfg(feature = "desktop-e2e")]
mod driver {
    use dioxus::prelude::*;

    fn finish(code: i32, line: &str) -> ! {
        println!("{line}");
        std::process::exit(code)
    }

    /// `SHOT name` from the script: the whole X screen to `$SAUGA_SCREENSHOTS/desktop-name.png`
    /// with ImageMagick's `import`, when that folder is set (the script waits meanwhile).
    fn screenshot(name: &str) {
        let Some(dir) = std::env::var_os("SAUGA_SCREENSHOTS") else {
            return;
        };
        let file = std::path::Path::new(&dir).join(format!("desktop-{name}.png"));
        let _ = std::fs::create_dir_all(&dir);
        match std::process::Command::new("import")
            .args(["-window", "root"])
            .arg(&file)
            .status()
        {
            Ok(s) if s.success() => println!("screenshot {}", file.display()),
            other => println!("no screenshot {name}: {other:?}"),
        }
    }

    #[component]
    pub fn Driven() -> Element {
        use_hook(|| {
            let seconds = std::env::var("SAUGA_E2E_TIMEOUT")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(240);
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(seconds));
                finish(3, &format!("FAIL: no result within {seconds} s"));
            });
            spawn(async move {
                let path = std::env::var("SAUGA_E2E_SCRIPT").unwrap_or_default();
                let script = match std::fs::read_to_string(&path) {
                    Ok(s) => s,
                    Err(e) => finish(2, &format!("FAIL: cannot read {path}: {e}")),
                };
                let mut eval = sauga::ui::js::run(&script);
                loop {
                    match eval.recv::<String>().await {
                        Ok(line) if line.starts_with("PASS") => finish(0, &line),
                        Ok(line) if line.starts_with("FAIL") => finish(1, &line),
                        Ok(line) => match line.strip_prefix("SHOT ") {
                            Some(name) => screenshot(name),
                            None => println!("{line}"),
                        },
                        Err(e) => finish(1, &format!("FAIL: the script stopped: {e}")),
                    }
                }
            });
        });
        rsx! { sauga::ui::App {} }
    }
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
