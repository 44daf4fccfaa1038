//! Opens the terminal interface on a database, for trying it by hand before the command
//! line calls it: `cargo run --example tui -- DB LOGIN [YYYY-MM-DD]`.

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, login, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: tui DB LOGIN [YYYY-MM-DD]");
    };
    let today = match rest.first() {
        Some(d) => d.parse()?,
        None => chrono::Local::now().date_naive(),
    };
    pmdb::tui::run(std::path::Path::new(db), login, today)
}
