//! Drawing the Plan tab: the tree with each node's counts, and the detail pane for the
//! selected node or indicator with its chart.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Detail, RowKey, TreeRow};
use crate::domain::assess::Assessment;
use crate::domain::label::{code_and_name, with_notes};
use crate::domain::rag::Rag;
use crate::query::signoff::record_covering;
use crate::store::Quality;
use crate::tui::app::App;
use crate::tui::components::chart;
use crate::tui::components::quality;
use crate::tui::components::scroll::{Window, with_selected};
use crate::tui::components::widgets::{CountsColumn, counts_spans, figure, fit, rag_badge};
use crate::tui::keymap::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.width >= 120 {
        let [tree, detail] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        draw_tree(frame, tree, app);
        draw_detail(frame, detail, app, false);
    } else {
        let detail_h = (area.height / 2).clamp(8, 12);
        let [tree, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_h)]).areas(area);
        draw_tree(frame, tree, app);
        draw_detail(frame, detail, app, true);
    }
    if let Some(st) = &app.plan.studies {
        crate::tui::popups::case_studies::view::draw(frame, area, app, st);
    }
    if let Some(ed) = &app.plan.narrative {
        crate::tui::popups::narrative_editor::view::draw(frame, area, app, ed);
    }
}

fn draw_tree(frame: &mut Frame, area: Rect, app: &App) {
    let st = &app.plan;
    let theme = app.theme;
    let block = st
        .filter
        .block(theme, format!(" Golden thread · {} ", st.period));
    let inner = block.inner(area);
    if st.rows.is_empty() {
        frame.render_widget(block, area);
        let text = if st.filter.is_empty() {
            "No plan for this year"
        } else {
            "Nothing matches the filter"
        };
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), inner);
        return;
    }
    let inner = with_selected(frame, inner, st.selected().map(row_label), theme);
    let window = Window::new(st.rows.len(), st.cursor, inner.height as usize);
    frame.render_widget(window.mark(block, theme), area);
    let width = inner.width as usize;
    // One width for the counts of every row of the tree, so they line up as it scrolls.
    let counts = CountsColumn::fitting(st.rows.iter().filter_map(|row| match &row.key {
        RowKey::Node(code) => app.plan.stats.counts.get(code),
        RowKey::Indicator { .. } => None,
    }));
    let lines: Vec<Line> = st
        .rows
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.shown)
        .map(|(i, row)| {
            let mut line = tree_line(app, row, width, counts);
            if i == st.cursor {
                line = line.style(theme.selected());
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn tree_line(app: &App, row: &TreeRow, width: usize, counts: CountsColumn) -> Line<'static> {
    let theme = app.theme;
    let marker = match (&row.key, row.has_children, row.expanded) {
        (RowKey::Indicator { .. }, _, _) => "• ",
        (_, true, true) => "▾ ",
        (_, true, false) => "▸ ",
        _ => "  ",
    };
    let indent = "  ".repeat(row.depth.min(8));
    let (right, right_w): (Vec<Span>, usize) = match &row.key {
        RowKey::Node(code) => match app.plan.stats.counts.get(code) {
            Some(c) => (counts.spans(theme, c), counts.width()),
            None => (vec![], 0),
        },
        RowKey::Indicator { code, .. } => {
            let a = app.plan.stats.assessments.get(code);
            let dp = app
                .data
                .ds
                .indicator(code)
                .map(|r| r.indicator.decimals)
                .unwrap_or(0);
            let shown = a.and_then(|a| a.value);
            let value = figure(shown, dp);
            let mark = quality::cell(shown, a.and_then(|a| shown_quality(app, code, a)));
            let rag = a.map(|a| a.rag).unwrap_or(Rag::None);
            (
                vec![
                    Span::raw(format!("{value:>9}{mark} ")),
                    rag_badge(theme, rag),
                ],
                15,
            )
        }
    };
    let left_w = width.saturating_sub(right_w + 1);
    let left = fit(&format!("{indent}{marker}{}", short_label(row)), left_w);
    let gap = width.saturating_sub(crate::safe_text::width(&left) + right_w);
    let mut spans = vec![Span::raw(left), Span::raw(" ".repeat(gap))];
    spans.extend(right);
    Line::from(spans)
}

/// How far the figure shown for an indicator can be trusted: that of the period it is
/// from (the latest available where the period's own is not yet due).
fn shown_quality(app: &App, code: &str, a: &Assessment) -> Option<Quality> {
    app.data
        .ds
        .quality_at(code, a.latest_period.unwrap_or(a.period))
}

/// "PRI PR1 A greener Wyvern Vale" in the tree: the kind, the code and the title, each
/// once ("VIS Wyvern Vale 2030", not "VIS VIS …").
fn short_label(row: &TreeRow) -> String {
    let code = match row.key {
        RowKey::Node(_) => code_and_name(short_kind(row.kind), &row.code),
        RowKey::Indicator { .. } => row.code.clone(),
    };
    code_and_name(&code, &row.title)
}

/// The selected row in full under the tree: "Outcome CO1.1 Less waste, more recycling".
fn row_label(row: &TreeRow) -> String {
    let label = code_and_name(&row.code, &row.title);
    match row.key {
        RowKey::Node(_) => code_and_name(row.kind, &label),
        RowKey::Indicator { .. } => format!("Indicator {label}"),
    }
}

fn short_kind(kind: &str) -> &'static str {
    match kind {
        "Vision" => "VIS",
        "Priority" => "PRI",
        "Outcome" => "OUT",
        "Activity" => "ACT",
        "Service plan" => "SVC",
        "Team plan" => "TEAM",
        _ => "OBJ",
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App, side_by_side: bool) {
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Detail ", theme.title()));
    let inner = block.inner(area);
    let Some(detail) = &app.plan.detail else {
        frame.render_widget(block, area);
        return;
    };
    let lines = match &detail.key {
        RowKey::Node(code) => node_lines(app, code),
        RowKey::Indicator { code, .. } => indicator_lines(app, code),
    };
    let text = Paragraph::new(lines).wrap(Wrap { trim: true });
    let scroll = &app.plan.detail_scroll;
    let RowKey::Indicator { code, .. } = &detail.key else {
        scroll.render(frame, area, block, text, View::Plan, theme);
        return;
    };
    let (info, plot) = if side_by_side {
        let [a, b] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(1)
            .areas(inner);
        (a, b)
    } else {
        let [a, b] =
            Layout::vertical([Constraint::Fill(1), Constraint::Percentage(50)]).areas(inner);
        (a, b)
    };
    frame.render_widget(scroll.mark(block, &text, info, View::Plan, theme), area);
    scroll.draw(frame, info, text);
    let dp = app
        .data
        .ds
        .indicator(code)
        .map(|r| r.indicator.decimals)
        .unwrap_or(0);
    chart::render(frame, plot, chart_points(detail), dp, theme);
}

fn chart_points(detail: &Detail) -> &[crate::tui::data::ChartPoint] {
    &detail.chart
}

fn field(app: &App, label: &str, value: String) -> Vec<Span<'static>> {
    vec![
        Span::styled(format!("{label}: "), app.theme.label()),
        Span::raw(value),
    ]
}

fn node_lines(app: &App, code: &str) -> Vec<Line<'static>> {
    let theme = app.theme;
    let Some(n) = app.data.ds.node(code) else {
        return vec![];
    };
    let mut lines = vec![Line::from(Span::styled(
        format!("{} {} · {}", n.kind.label(), n.code, n.title),
        theme.heading(),
    ))];
    let mut who = field(app, "Owner", app.data.name_of(&n.owner).to_string());
    // "RES Resources (Cllr Amy Hart)": a code with its name and holder, once each.
    let named = |list: &[crate::store::Named], code: &str| {
        let found = list.iter().find(|x| x.code == code);
        let label = code_and_name(code, found.map_or("", |x| x.name.as_str()));
        let lead = found.map_or("", |x| x.lead.as_str());
        with_notes(&label, &[app.data.name_of(lead)])
    };
    if let Some(p) = &n.portfolio {
        who.extend(field(app, "  Portfolio", named(&app.data.ds.portfolios, p)));
    }
    if let Some(s) = &n.service {
        who.extend(field(app, "  Service", named(&app.data.ds.services, s)));
    }
    lines.push(Line::from(who));
    if let Some(c) = app.plan.stats.counts.get(code) {
        let mut spans = vec![Span::styled(
            format!("{}: ", app.plan.period),
            theme.label(),
        )];
        spans.extend(counts_spans(theme, c));
        let total = c.total();
        let noun = if total == 1 {
            "indicator"
        } else {
            "indicators"
        };
        spans.push(Span::raw(format!("  ({total} {noun})")));
        lines.push(Line::from(spans));
    }
    lines.extend(finance_lines(app));
    lines.extend(linked_lines(app));
    lines
}

/// A service plan's finance for the period: budget to date, actual and variance, and the
/// forecast outturn against the annual budget, an overspend said in words.
fn finance_lines(app: &App) -> Vec<Line<'static>> {
    let Some(r) = app.plan.detail.as_ref().and_then(|d| d.finance.as_ref()) else {
        return vec![];
    };
    let s = crate::query::budgets::Shown::of(&r.finance);
    let period = app.plan.period;
    let mut lines = vec![Line::from(Span::styled(
        format!("Finance, {}", crate::query::report_finance::to_date(period)),
        app.theme.heading(),
    ))];
    let mut to_date = field(app, "Budget to date", s.budget);
    to_date.extend(field(app, "  Actual", s.actual));
    lines.push(Line::from(to_date));
    let mut variance = field(app, "Variance", s.variance);
    variance.push(Span::raw(format!(" ({})", s.variance_pct)));
    lines.push(Line::from(variance));
    let mut outturn = field(app, "Forecast outturn", s.forecast_outturn);
    outturn.extend(field(app, "  Annual budget", s.annual_budget));
    outturn.extend(field(app, "  Forecast variance", s.forecast_variance));
    lines.push(Line::from(outturn));
    if let Some(note) = crate::query::budgets::missing_note(&r.finance) {
        lines.push(Line::from(Span::raw(format!("Note: {note}."))));
    }
    lines
}

fn indicator_lines(app: &App, code: &str) -> Vec<Line<'static>> {
    let theme = app.theme;
    let Some(rec) = app.data.ds.indicator(code) else {
        return vec![];
    };
    let i = &rec.indicator;
    let dp = i.decimals;
    let mut lines = vec![Line::from(Span::styled(
        with_notes(&format!("{} {}", i.code, i.title), &[&i.unit]),
        theme.heading(),
    ))];
    lines.push(Line::from(field(
        app,
        "Owner",
        format!(
            "{} · {} · {} is better · {}",
            app.data.name_of(&i.owner),
            i.frequency,
            i.polarity,
            i.aggregation
        ),
    )));
    // What the measure is: the council's definition, its source, its comparators.
    if !rec.definition.is_empty() {
        lines.push(Line::from(field(app, "Definition", rec.definition.clone())));
    }
    if !rec.source.is_empty() {
        lines.push(Line::from(field(app, "Source", rec.source.clone())));
    }
    if !rec.benchmark_group.is_empty() {
        let group = rec.benchmark_group.clone();
        lines.push(Line::from(field(app, "Compared with", group)));
    }
    // The bounds a figure must lie within, and where collection starts.
    lines.push(Line::from(field(
        app,
        "Plausible",
        app.data.ds.range_and_start(rec),
    )));
    if let Some((p, record)) = record_covering(&app.data.ds.signoffs, app.plan.period) {
        lines.push(Line::from(field(app, "Sign-off", format!("{p} {record}"))));
    }
    if let Some(a) = app.plan.stats.assessments.get(code) {
        let shown = a.latest_period.unwrap_or(a.period);
        let mut spans = vec![Span::styled(format!("{shown}: "), theme.label())];
        let q = app.data.ds.quality_at(code, shown);
        spans.push(Span::raw(format!(
            "{} ",
            quality::marked(figure(a.value, dp), a.value, q)
        )));
        spans.push(rag_badge(theme, a.rag));
        spans.push(Span::raw(format!(
            " {}  target {}  intervention {}",
            a.rag,
            figure(a.target, dp),
            figure(a.intervention, dp)
        )));
        lines.push(Line::from(spans));
        // The key to a marked figure, in the reports' words.
        if let Some(meaning) = a.value.and(q).and_then(quality::meaning) {
            lines.push(Line::from(Span::styled(meaning, theme.dim())));
        }
        if shown != a.period {
            lines.push(Line::from(Span::styled(
                format!("latest available; {} not yet due", a.period),
                theme.warn(),
            )));
        }
        lines.push(Line::from(Span::styled(
            format!("rule: {}", a.rule),
            theme.dim(),
        )));
        let mut travel = Vec::new();
        if let (Some(d), Some(w)) = (a.direction, &a.compared_with) {
            travel.push(format!("{} {} vs {w}", d.symbol(), d));
        }
        if let Some(y) = a.ytd {
            travel.push(format!("YTD {}", figure(Some(y), dp)));
        }
        if !travel.is_empty() {
            lines.push(Line::from(travel.join(" · ")));
        }
    }
    // Where the year is heading: labelled a forecast, never shown as the status.
    if let Some(f) = app.plan.detail.as_ref().and_then(|d| d.forecast.as_ref()) {
        let judged = match f.rag {
            crate::domain::rag::Rag::None => "not judged".to_string(),
            rag => format!("{rag} vs the annual target"),
        };
        let text = format!(
            "{} by March, {judged} (not a status) · {}",
            figure(Some(f.value), dp),
            f.method
        );
        lines.push(Line::from(field(app, "Forecast", text)));
    }
    if let Some(d) = &app.plan.detail {
        let recent: Vec<String> = d
            .chart
            .iter()
            .rev()
            .filter(|p| p.value.is_some())
            .take(3)
            .map(|p| {
                let value = quality::marked(figure(p.value, dp), p.value, p.quality);
                format!("{} {value} {}", p.period, p.rag.letter())
            })
            .collect();
        if !recent.is_empty() {
            lines.push(Line::from(field(app, "Latest", recent.join(" · "))));
        }
    }
    lines.extend(linked_lines(app));
    lines
}

/// Actions, risks and projects on the row's plan nodes, each with its status for the
/// Plan tab's period and the rule that gave it (computed by `PlanState::sync`).
fn linked_lines(app: &App) -> Vec<Line<'static>> {
    let Some(d) = &app.plan.detail else {
        return vec![];
    };
    d.linked
        .iter()
        .map(|(label, items)| {
            Line::from(vec![
                Span::styled(format!("{label} ({}): ", items.len()), app.theme.label()),
                Span::raw(items.join("; ")),
            ])
        })
        .collect()
}
