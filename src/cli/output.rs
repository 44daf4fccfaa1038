//! Printing: aligned text tables for people, JSON for scripts.

use serde::Serialize;

use crate::domain::number::fmt_decimals;
use crate::safe_text;

/// Prints a value as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    println!("{}", safe_text::json_escaped(&text));
    Ok(())
}

/// A figure at the indicator's decimals, or "–" when there is none.
pub fn figure(x: Option<f64>, decimals: u8) -> String {
    x.map(|x| fmt_decimals(x, decimals))
        .unwrap_or_else(|| "–".into())
}

/// Prints rows as columns padded to their widest cell, in terminal cells; every cell is
/// one line made safe for the terminal (`safe_text::line`).
pub fn table(header: &[&str], rows: &[Vec<String>]) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| safe_text::line(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| safe_text::width(h)).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(safe_text::width(cell));
            }
        }
    }
    let line = |cells: Vec<String>| {
        let last = cells.len().saturating_sub(1);
        let text: Vec<String> = cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                if i == last {
                    c
                } else {
                    safe_text::pad(&c, widths[i])
                }
            })
            .collect();
        println!("{}", text.join("  ").trim_end());
    };
    line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row);
    }
}
