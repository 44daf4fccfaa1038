//! The published report's charts as inline SVG: a stacked bar per priority of how many
//! items stand at each status, and an indicator's last periods against its target. Each
//! chart is an image with a title and a description that says in words what it draws;
//! every figure is also in a table or list beside it, so nothing rests on the chart.
//! Coordinates are written with fixed decimals, so the same figures give the same bytes.

use std::fmt::Write;

use maud::{Markup, html};

use super::svg_coord::{Px, push_tenths};
use super::trend::TrendPoint;
use crate::domain::number::fmt_decimals;

/// One segment of a bar: its status word, its one-letter mark, its CSS class and count.
pub struct Segment {
    pub word: &'static str,
    pub letter: &'static str,
    pub class: &'static str,
    pub count: usize,
}

/// One bar: its label (a priority's title) and segments.
pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
}

/// Each segment of a bar with a count, with where it starts and how wide it is.
fn placed(row: &Bar, start: f64, scale: f64) -> Vec<(&Segment, f64, f64)> {
    let mut x = start;
    let mut out = vec![];
    for s in row.segments.iter().filter(|s| s.count > 0) {
        let w = scale * s.count as f64;
        out.push((s, x, w));
        x += w;
    }
    out
}

/// A horizontal stacked bar per row, scaled to the largest total. `id` makes the title's
/// and description's ids unique on the page.
pub fn bars(id: &str, title: &str, rows: &[Bar]) -> Markup {
    const LABEL: f64 = 0.0;
    const BAR_X: f64 = 10.0;
    const WIDTH: f64 = 600.0;
    const ROW: f64 = 46.0;
    let most = rows
        .iter()
        .map(|r| r.segments.iter().map(|s| s.count).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = (WIDTH - BAR_X - 10.0) / most as f64;
    let height = ROW * rows.len().max(1) as f64;
    let desc: Vec<String> = rows
        .iter()
        .map(|r| {
            let parts: Vec<String> = r
                .segments
                .iter()
                .filter(|s| s.count > 0)
                .map(|s| format!("{} {}", s.count, s.word))
                .collect();
            let parts = if parts.is_empty() {
                "none".to_string()
            } else {
                parts.join(", ")
            };
            format!("{}: {parts}", r.label)
        })
        .collect();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        svg class="chart" role="img" aria-labelledby={(title_id) " " (desc_id)}
            viewBox={"0 0 " (Px(WIDTH)) " " (Px(height))} width=(Px(WIDTH)) height=(Px(height))
            {
            title id=(title_id) { (title) }
            desc id=(desc_id) { (desc.join("; ")) "." }
            @for (n, row) in rows.iter().enumerate() {
                @let y = ROW * n as f64;
                text x=(Px(LABEL + BAR_X)) y=(Px(y + 14.0)) class="bar-label" { (row.label) }
                @for (s, x, w) in placed(row, BAR_X, scale) {
                    rect class=(s.class) x=(Px(x)) y=(Px(y + 20.0)) width=(Px(w)) height="20" {}
                    @if w >= 26.0 {
                        text class={(s.class) "-text"} x=(Px(x + 4.0)) y=(Px(y + 35.0)) {
                            (s.letter) (s.count)
                        }
                    }
                }
            }
        }
    }
}

/// An indicator's last periods: its figures joined (a gap where a period has none) and its
/// target as a dashed line, with the range of the scale written on it.
pub fn trend(id: &str, title: &str, points: &[TrendPoint], decimals: u8) -> Markup {
    const W: f64 = 320.0;
    const H: f64 = 120.0;
    const LEFT: f64 = 56.0;
    const TOP: f64 = 10.0;
    const BOTTOM: f64 = 24.0;
    let figures: Vec<f64> = points
        .iter()
        .flat_map(|p| [p.value, p.target])
        .flatten()
        .collect();
    let lo = figures.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = figures.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if figures.is_empty() {
        (0.0, 1.0)
    } else if (hi - lo).abs() < f64::EPSILON {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let step = if points.len() > 1 {
        (W - LEFT - 8.0) / (points.len() - 1) as f64
    } else {
        0.0
    };
    let x = |n: usize| LEFT + step * n as f64;
    let y = |v: f64| TOP + (H - TOP - BOTTOM) * (hi - v) / (hi - lo);
    let line = |pick: fn(&TrendPoint) -> Option<f64>| -> Vec<String> {
        // Runs of consecutive periods with a figure, each drawn as one polyline.
        let mut runs: Vec<String> = vec![String::new()];
        for (n, p) in points.iter().enumerate() {
            match (pick(p), runs.last_mut()) {
                (Some(v), Some(run)) => {
                    if !run.is_empty() {
                        run.push(' ');
                    }
                    push_tenths(run, x(n));
                    run.push(',');
                    push_tenths(run, y(v));
                }
                _ => runs.push(String::new()),
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    };
    // What it draws, in words: "2026/27 Q1 88.2 against target 80.0, green; …".
    let mut desc = String::new();
    for p in points {
        if !desc.is_empty() {
            desc.push_str("; ");
        }
        let _ = write!(desc, "{} ", p.period);
        match p.value {
            Some(v) => desc.push_str(&fmt_decimals(v, decimals)),
            None => desc.push_str("no figure"),
        }
        if let Some(t) = p.target {
            desc.push_str(" against target ");
            desc.push_str(&fmt_decimals(t, decimals));
        }
        let _ = write!(desc, ", {}", p.rag);
    }
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        svg class="chart trend" role="img" aria-labelledby={(title_id) " " (desc_id)}
            viewBox={"0 0 " (Px(W)) " " (Px(H))} width=(Px(W)) height=(Px(H))
            {
            title id=(title_id) { (title) }
            desc id=(desc_id) { (desc) "." }
            line class="axis" x1=(Px(LEFT - 4.0)) y1=(Px(TOP)) x2=(Px(LEFT - 4.0)) y2=(Px(H - BOTTOM)) {}
            text class="tick" x=(Px(LEFT - 8.0)) y=(Px(TOP + 4.0)) text-anchor="end" { (fmt_decimals(hi, decimals)) }
            text class="tick" x=(Px(LEFT - 8.0)) y=(Px(H - BOTTOM)) text-anchor="end" { (fmt_decimals(lo, decimals)) }
            @for run in line(|p| p.target) {
                polyline class="target" points=(run) {}
            }
            @for run in line(|p| p.value) {
                polyline class="value" points=(run) {}
            }
            @for (n, p) in points.iter().enumerate() {
                @if let Some(v) = p.value {
                    circle class="value" cx=(Px(x(n))) cy=(Px(y(v))) r="3" {}
                }
            }
            @if let (Some(first), Some(last)) = (points.first(), points.last()) {
                text class="tick" x=(Px(LEFT)) y=(Px(H - 6.0)) { (first.period) }
                text class="tick" x=(Px(W - 8.0)) y=(Px(H - 6.0)) text-anchor="end" { (last.period) }
            }
        }
    }
}
