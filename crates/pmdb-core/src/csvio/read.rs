//! Reading an import file into typed rows. Every problem the file's own text shows is
//! gathered (a bad header, a ragged row, a quote never closed, each bad cell, a repeated
//! row) and the file is refused with all of them; the store then sees only clean rows.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::CsvError;
use super::cells::Cells;
use super::columns::{Kind, columns_of};
use super::decode::decode;
use super::problems::{Problem, finish, refusal, shown};
use super::split::split;

/// A parsed file: its header's column positions, its data rows with their row numbers,
/// and the problems found in its shape (ragged rows, a quote never closed), which the
/// typed readers report together with the problems in the cells.
pub struct Table {
    kind: Kind,
    pub(super) index: HashMap<&'static str, usize>,
    rows: Vec<(usize, Vec<String>)>,
    problems: Vec<Problem>,
    /// Set by `gather`: a typed reader keeps its rows' problems here and hands on the
    /// rows that read, so the store's checks run on those too (`import`).
    gather: Cell<bool>,
    gathered: RefCell<Vec<Problem>>,
    /// The key cell (`code`, `login` …) of each row refused while reading.
    refused: RefCell<Vec<String>>,
}

/// Reads the header and rows of a file of the given kind. Refuses (listing every problem)
/// unknown, repeated or missing required columns and text that is not CSV; problems in
/// the rows are kept for the typed readers (`read_plan` …) to report.
pub fn read_table(kind: Kind, input: &[u8]) -> Result<Table, CsvError> {
    let (text, _) = decode(input)?;
    let (records, open_quote) = split(&text);
    let mut records = records.into_iter();
    let allowed = columns_of(kind);
    let names: Vec<&str> = allowed.iter().map(|(c, _)| *c).collect();
    let header = match records.next() {
        Some(h) => h.cells,
        None if open_quote.is_some() => Vec::new(),
        None => {
            return Err(CsvError(format!(
                "the file is empty: expected a header row with the {kind} columns {}",
                names.join(", ")
            )));
        }
    };
    let mut problems = Vec::new();
    let mut problem = |place: usize, text: String| {
        problems.push(Problem {
            row: 1,
            place,
            text,
        })
    };
    let mut index = HashMap::new();
    if open_quote != Some(1) {
        for (i, cell) in header.iter().enumerate() {
            // Headers match whatever their case and surrounding spaces: `Code` is `code`.
            let name = cell.trim().to_lowercase();
            match allowed.iter().find(|(c, _)| *c == name) {
                None => problem(
                    i,
                    format!(
                        "row 1: unknown column '{}' for {kind} (the columns are {})",
                        shown(cell.trim()),
                        names.join(", ")
                    ),
                ),
                Some((c, _)) => {
                    if index.insert(*c, i).is_some() {
                        problem(i, format!("row 1: the column '{c}' appears twice"));
                    }
                }
            }
        }
        for (name, required) in allowed {
            if *required && !index.contains_key(*name) {
                problem(
                    usize::MAX,
                    format!("row 1: the required column '{name}' is missing"),
                );
            }
        }
    }
    let mut rows = Vec::new();
    for record in records {
        // A blank line, or a row of empty cells as a spreadsheet writes one, is skipped.
        if record.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.cells.len() != header.len() {
            problems.push(Problem {
                row: record.row,
                place: usize::MAX,
                text: format!(
                    "row {}: {} fields where the header has {}",
                    record.row,
                    record.cells.len(),
                    header.len()
                ),
            });
            continue;
        }
        rows.push((record.row, record.cells));
    }
    if let Some(row) = open_quote {
        problems.push(Problem {
            row,
            place: usize::MAX,
            text: format!(
                "row {row}: a quoted cell opens here and is never closed (a \" is missing), so the rest of the file would be inside it"
            ),
        });
    }
    // A bad header makes every row's reading meaningless: report the header (and a quote
    // never closed) alone.
    let header_bad = problems.iter().any(|p| p.row == 1);
    if header_bad {
        problems.retain(|p| p.row == 1 || Some(p.row) == open_quote);
    }
    if header_bad && let Some(e) = refusal(std::mem::take(&mut problems)) {
        return Err(e);
    }
    Ok(Table {
        kind,
        index,
        rows,
        problems,
        gather: Cell::new(false),
        gathered: RefCell::new(Vec::new()),
        refused: RefCell::new(Vec::new()),
    })
}

impl Table {
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The columns the file names: an import changes only those fields of stored rows.
    pub fn columns(&self) -> crate::store::Columns {
        crate::store::Columns::only(self.index.keys().copied())
    }

    /// From now on the typed readers keep the problems they find (`take_problems`) and
    /// give the rows that read, instead of refusing the file.
    pub(super) fn gather(&self) {
        self.gather.set(true);
    }

    /// The problems the typed reader kept, and the key cells of the rows it refused.
    pub(super) fn take_problems(&self) -> (Vec<Problem>, Vec<String>) {
        (self.gathered.take(), self.refused.take())
    }

    /// Keeps problems and refused keys taken out by `take_problems` again.
    pub(super) fn put_back(&self, problems: Vec<Problem>, keys: Vec<String>) {
        self.gathered.borrow_mut().extend(problems);
        self.refused.borrow_mut().extend(keys);
    }

    /// The header's place of a column, to list a row's problems in file order.
    pub(super) fn place(&self, column: &str) -> usize {
        self.index.get(column).copied().unwrap_or(usize::MAX)
    }

    /// The key cell of a refused row of a kind others name (a user, service, plan node,
    /// indicator, action, project, risk …): what it would have added, so that rows naming
    /// it are not blamed as well.
    pub(super) fn note_refused_row(&self, row: usize) {
        if let Some((_, record)) = self.rows.iter().find(|(n, _)| *n == row) {
            self.note_refused(record);
        }
    }

    fn note_refused(&self, record: &[String]) {
        let column = match self.kind {
            Kind::Users => "login",
            Kind::Services
            | Kind::Portfolios
            | Kind::Boards
            | Kind::Plan
            | Kind::Indicators
            | Kind::Actions
            | Kind::Projects
            | Kind::Risks => "code",
            _ => return,
        };
        if let Some(cell) = self.index.get(column).and_then(|i| record.get(*i)) {
            self.refused.borrow_mut().push(cell.trim().to_string());
        }
    }

    /// Runs `parse` on every row, gathering every problem of every row; refuses a row
    /// whose key repeats an earlier row's. `parse` gives None only after recording why.
    pub(super) fn each<T>(
        &self,
        key: impl Fn(&T) -> String,
        parse: impl Fn(&Cells) -> Option<T>,
    ) -> Result<Vec<(usize, T)>, CsvError> {
        let mut problems = self.problems.clone();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for (row, record) in &self.rows {
            let cells = Cells::new(self, *row, record);
            let item = parse(&cells);
            let found = cells.into_problems();
            let item = match item {
                Some(item) if found.is_empty() => item,
                _ => {
                    problems.extend(found);
                    self.note_refused(record);
                    continue;
                }
            };
            let k = key(&item);
            if let Some(first) = seen.get(&k) {
                problems.push(Problem {
                    row: *row,
                    place: usize::MAX,
                    text: format!("row {row}: duplicate of row {first} ({})", shown(&k)),
                });
                continue;
            }
            seen.insert(k, *row);
            out.push((*row, item));
        }
        if self.gather.get() {
            self.gathered.borrow_mut().extend(problems);
            return Ok(out);
        }
        finish(problems)?;
        Ok(out)
    }
}
