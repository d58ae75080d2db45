//! A timed fuzz run: `cargo run --release --example fuzz -- TARGET SECONDS [SEED]`,
//! TARGET one of gift, backup, codes, content (or `all`). Prints executions and
//! failures, and saves each failing input in `tests/fixtures/fuzz/TARGET/` so that
//! `cargo test` runs it from then on.

#[path = "../tests/fuzz/engine.rs"]
mod engine;

use std::time::{Duration, Instant};

use engine::{corpus, fuzz, Target};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let targets = match args.first().map(String::as_str) {
        Some("all") | None => Target::ALL.to_vec(),
        Some(name) => vec![Target::from_name(name).unwrap_or_else(|| {
            eprintln!("unknown target {name}: gift, backup, codes, content or all");
            std::process::exit(2)
        })],
    };
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    // Panics are caught and reported once, not printed as they happen.
    std::panic::set_hook(Box::new(|_| {}));
    let c = corpus();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for target in targets {
        let start = Instant::now();
        let limit = Duration::from_secs(seconds);
        let found = fuzz(target, seed, &c, &mut |_| start.elapsed() < limit);
        println!(
            "fuzz {:<8} {:>9} executions in {:>5.0} s ({:.0}/s), {} failing",
            target.name(),
            found.executions,
            start.elapsed().as_secs_f64(),
            found.executions as f64 / start.elapsed().as_secs_f64(),
            found.failures.len()
        );
        for (n, (input, why)) in found.failures.iter().take(20).enumerate() {
            let dir = root.join(target.name());
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("seed{seed}-{n}.txt"));
            std::fs::write(&file, input).unwrap();
            println!("  {why}\n  saved as {}", file.display());
        }
    }
}
