//! Drawing the Delivery tab: the line of its four lists, the current list with its
//! columns, the selected item's record beneath (or filling the tab after `Enter`), and
//! beside the risks the heat map.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::rows::{Item, Rows, Section};
use crate::safe_text;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::components::heat_map;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::theme::Theme;
use crate::tui::components::widgets::{fit, pad};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    draw_sections(frame, bar, app);
    let st = &app.delivery;
    if st.open {
        draw_record(frame, body, app, View::DeliveryRecord);
        return;
    }
    let bottom_h = (body.height / 2).clamp(heat_map::HEIGHT, 14);
    let [list, bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(bottom_h)]).areas(body);
    draw_list(frame, list, app);
    if st.section == Section::Risks {
        let [heat, detail] =
            Layout::horizontal([Constraint::Length(heat_map::WIDTH), Constraint::Fill(1)])
                .areas(bottom);
        draw_heat(frame, heat, app);
        draw_record(frame, detail, app, View::Delivery);
    } else {
        draw_record(frame, bottom, app, View::Delivery);
    }
}

/// "← h  Actions 28  Projects 6  Risks 16  EIAs 8  l →", the current list marked.
fn draw_sections(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let st = &app.delivery;
    let view = View::Delivery;
    let mut spans = vec![Span::styled(
        format!(" {} ", view.keys_for(Action::Left)),
        theme.key(),
    )];
    for s in Section::ALL {
        let n = st.shown[s.index()].len();
        let total = st.judged.lists[s.index()].items.len();
        let count = if n == total {
            n.to_string()
        } else {
            format!("{n} of {total}")
        };
        let style = if s == st.section {
            theme.tab_active()
        } else {
            theme.tab()
        };
        spans.push(Span::styled(format!(" {} {count} ", s.name()), style));
    }
    spans.push(Span::styled(
        format!(" {} ", view.keys_for(Action::Right)),
        theme.key(),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// How wide the title and the rule get in a list `width` cells wide: the rule has a
/// column only where the title keeps a fair share.
struct Columns {
    code: usize,
    title: usize,
    rule: usize,
}

impl Columns {
    fn of(rows: &Rows, width: usize) -> Columns {
        let code = rows
            .items
            .iter()
            .map(|i| safe_text::width(&i.code))
            .chain([4])
            .max()
            .unwrap_or(4);
        let fixed = 3 + 1 + code + 1 + rows.widths.iter().map(|w| w + 1).sum::<usize>();
        let avail = width.saturating_sub(fixed);
        let need = |f: fn(&Item) -> &str| {
            rows.items
                .iter()
                .map(|i| safe_text::width(f(i)))
                .max()
                .unwrap_or(0)
        };
        if avail >= 60 {
            // Each gets what it needs if both fit; else the title at least half.
            let (title_need, rule_need) = (need(|i| &i.title), need(|i| &i.rule));
            let title = if title_need + 1 + rule_need <= avail {
                title_need
            } else {
                (avail - 1 - rule_need.min(avail - 1)).max(avail / 2)
            };
            Columns {
                code,
                title,
                rule: avail - title - 1,
            }
        } else {
            Columns {
                code,
                title: avail,
                rule: 0,
            }
        }
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.delivery;
    let theme = app.theme;
    let title = format!(" {} · {} ", st.section.name(), st.period);
    let block = st.filter.block(theme, title);
    let inner = block.inner(area);
    if st.shown_len() == 0 {
        frame.render_widget(block, area);
        let text = if st.filter.is_empty() {
            format!("No {} recorded", st.section.plural())
        } else {
            "Nothing matches the filter".into()
        };
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), inner);
        return;
    }
    let label = st.selected().map(|i| format!("{} {}", i.code, i.title));
    let inner = with_selected(frame, inner, label, theme);
    let [head, rows_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let rows = &st.judged.lists[st.section.index()];
    let cols = Columns::of(rows, inner.width as usize);
    frame.render_widget(Paragraph::new(header(st.section, rows, &cols, theme)), head);
    let window = Window::new(st.shown_len(), st.cursor(), rows_area.height as usize);
    frame.render_widget(window.mark(block, theme), area);
    let lines: Vec<Line> = st
        .rows()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
        .map(|(n, item)| {
            let selected = n == st.cursor();
            let line = row_line(item, rows, &cols, theme, selected);
            if selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
}

fn header(section: Section, rows: &Rows, cols: &Columns, theme: Theme) -> Line<'static> {
    let mut text = format!(
        "{} {} {}",
        pad("", 3),
        pad("Code", cols.code),
        pad("Title", cols.title)
    );
    for (h, w) in section.headers().iter().zip(&rows.widths) {
        text.push(' ');
        text.push_str(&pad(h, *w));
    }
    if cols.rule > 0 {
        text.push(' ');
        text.push_str(&pad("Rule", cols.rule));
    }
    Line::from(Span::styled(text, theme.label()))
}

fn row_line(
    item: &Item,
    rows: &Rows,
    cols: &Columns,
    theme: Theme,
    selected: bool,
) -> Line<'static> {
    let mut spans = vec![
        Span::styled(format!(" {} ", item.rag.letter()), theme.delivery(item.rag)),
        Span::raw(format!(
            " {} {}",
            pad(&item.code, cols.code),
            pad(&item.title, cols.title)
        )),
    ];
    for (cell, w) in item.cells.iter().zip(&rows.widths) {
        let warn = cell == "overdue" || cell == "above" || cell.ends_with("LATE");
        let style = if warn { theme.warn() } else { theme.base() };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(pad(cell, *w), style));
    }
    if cols.rule > 0 {
        // Dim beside the figures, but readable on the selection's bar.
        let style = if selected { theme.base() } else { theme.dim() };
        spans.push(Span::styled(
            format!(" {}", fit(&item.rule, cols.rule)),
            style,
        ));
    }
    Line::from(spans)
}

/// The selected item's full record: every field, the rule, the latest commentary and a
/// project's milestones, scrolled with `PgUp`/`PgDn`.
fn draw_record(frame: &mut Frame, area: Rect, app: &App, view: View) {
    let st = &app.delivery;
    let theme = app.theme;
    let title = match (st.selected(), st.open) {
        (Some(i), true) => format!(
            " {} {} of {} · {} · {} ",
            st.section.name(),
            st.cursor() + 1,
            st.shown_len(),
            i.code,
            st.period
        ),
        _ => " Record ".to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.title()));
    let Some(item) = st.selected() else {
        frame.render_widget(block, area);
        return;
    };
    let text = Paragraph::new(record_lines(item, theme)).wrap(Wrap { trim: false });
    st.scroll.render(frame, area, block, text, view, theme);
}

pub fn record_lines(item: &Item, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {} ", item.rag.letter()), theme.delivery(item.rag)),
        Span::styled(
            format!(
                " {} {}",
                safe_text::line(&item.code),
                safe_text::line(&item.title)
            ),
            theme.heading(),
        ),
    ])];
    for (label, value) in &item.record {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), theme.label()),
            Span::raw(safe_text::line(value).into_owned()),
        ]));
    }
    if !item.milestones.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("Milestones ({}):", item.milestones.len()),
            theme.label(),
        )));
        for m in &item.milestones {
            // LATE leads, so a wrapped line never leaves it out of sight.
            let mut spans = vec![Span::raw("  • ")];
            if m.late {
                spans.push(Span::styled("LATE ", theme.error()));
            }
            spans.push(Span::raw(format!(
                "{} · due {} · forecast {} · done {}",
                safe_text::line(&m.title),
                m.due,
                m.forecast,
                m.done
            )));
            lines.push(Line::from(spans));
        }
    }
    lines
}

fn draw_heat(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.delivery;
    let theme = app.theme;
    let [grid, rest] =
        Layout::vertical([Constraint::Length(heat_map::HEIGHT), Constraint::Fill(1)]).areas(area);
    heat_map::render(
        frame,
        grid,
        &st.judged.heat,
        st.judged.bands,
        format!(" Heat map {} ", st.period),
        theme,
    );
    let open: u32 = st.judged.heat.iter().flatten().sum();
    let b = st.judged.bands;
    let legend = vec![
        Line::from(Span::styled(format!(" {open} open risks"), theme.dim())),
        Line::from(Span::styled(
            format!(
                " G 1–{} · A {}–{} · R over {}",
                b.green,
                b.green + 1,
                b.amber,
                b.amber
            ),
            theme.dim(),
        )),
    ];
    frame.render_widget(Paragraph::new(legend).wrap(Wrap { trim: false }), rest);
}
