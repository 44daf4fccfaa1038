//! A rendered screen as an SVG picture: monospace text with each cell's foreground and
//! background from the 16 ANSI colours, for the screenshots in `screenshots/`. It lives
//! with the example that uses it, so the library and the binary do not carry it.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
const DEFAULT_FG: &str = "#d0d0d0";
const DEFAULT_BG: &str = "#1e1e1e";

/// The 16 named colours (a VGA-like palette); `None` for the terminal's default.
fn hex(c: Color) -> Option<&'static str> {
    Some(match c {
        Color::Black => "#000000",
        Color::Red => "#cd3131",
        Color::Green => "#0dbc79",
        Color::Yellow => "#e5e510",
        Color::Blue => "#2472c8",
        Color::Magenta => "#bc3fbc",
        Color::Cyan => "#11a8cd",
        Color::Gray => "#e5e5e5",
        Color::DarkGray => "#767676",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        _ => return None,
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The colours and weight a cell is drawn with (reverse video swaps the colours).
fn look(buf: &Buffer, x: u16, y: u16) -> (&'static str, &'static str, bool) {
    let cell = &buf[(x, y)];
    let mut fg = hex(cell.fg).unwrap_or(DEFAULT_FG);
    let mut bg = hex(cell.bg).unwrap_or(DEFAULT_BG);
    if cell.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    (fg, bg, cell.modifier.contains(Modifier::BOLD))
}

pub fn render(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        w as f64 * CELL_W,
        h as f64 * CELL_H
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>"#
    );
    for y in 0..h {
        let top = y as f64 * CELL_H;
        // Backgrounds: one rectangle per run of the same colour.
        let mut x = 0;
        while x < w {
            let (_, bg, _) = look(buf, x, y);
            let start = x;
            while x < w && look(buf, x, y).1 == bg {
                x += 1;
            }
            if bg != DEFAULT_BG {
                let _ = writeln!(
                    out,
                    r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{CELL_H}" fill="{bg}"/>"#,
                    start as f64 * CELL_W,
                    (x - start) as f64 * CELL_W
                );
            }
        }
        // Text: one element per cell that is not blank, placed on the grid so that wide
        // glyphs in the font cannot push the columns out of line.
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if sym.trim().is_empty() {
                continue;
            }
            let (fg, _, bold) = look(buf, x, y);
            let weight = if bold { r#" font-weight="bold""# } else { "" };
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" fill="{fg}"{weight}>{}</text>"#,
                x as f64 * CELL_W,
                top + CELL_H * 0.78,
                escape(sym)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn cells_become_coloured_text_on_the_grid() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
        buf.set_string(0, 0, "G<", Style::new().fg(Color::Black).bg(Color::Green));
        let svg = render(&buf);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(
            svg.contains(r##"<rect x="0.0" y="0.0" width="16.8" height="17" fill="#0dbc79"/>"##),
            "{svg}"
        );
        assert!(svg.contains(r##"fill="#000000">G</text>"##), "{svg}");
        assert!(svg.contains("&lt;"), "markup is escaped");
    }
}
