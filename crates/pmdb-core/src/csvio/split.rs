//! Splitting CSV text into rows of cells, numbering each row as a spreadsheet does: the
//! first row is 1, a quoted cell that spans lines is still one row, a blank line is a row.
//! Quoting is RFC 4180's (`""` inside quotes is one `"`); lines end in `\n`, `\r\n` or `\r`.

/// One row of the file: its spreadsheet number and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

/// The rows of the text, or, when a quoted cell is still open at the end of the text, the
/// rows before it and the row where that quote opened (the rest of the file would
/// otherwise be swallowed into one cell).
pub fn split(text: &str) -> (Vec<Record>, Option<usize>) {
    let b = text.as_bytes();
    let mut records = Vec::new();
    let mut cells = Vec::new();
    let mut field = String::new();
    let mut row = 1;
    let mut i = 0;
    if b.is_empty() {
        return (records, None);
    }
    loop {
        if b.get(i) == Some(&b'"') {
            let opened = row;
            i += 1;
            loop {
                // Slicing at a `"` is safe: an ASCII byte is always a character boundary.
                let Some(j) = text[i..].find('"').map(|j| i + j) else {
                    return (records, Some(opened));
                };
                field.push_str(&text[i..j]);
                if b.get(j + 1) == Some(&b'"') {
                    field.push('"');
                    i = j + 2;
                } else {
                    i = j + 1;
                    break;
                }
            }
        }
        // Unquoted text, or what follows a closing quote, runs to a comma or a line end.
        let start = i;
        while i < b.len() && !matches!(b[i], b',' | b'\r' | b'\n') {
            i += 1;
        }
        field.push_str(&text[start..i]);
        cells.push(std::mem::take(&mut field));
        match b.get(i) {
            Some(b',') => {
                i += 1;
                continue;
            }
            Some(b'\r') => {
                i += 1;
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            Some(_) => i += 1,
            None => {}
        }
        records.push(Record {
            row,
            cells: std::mem::take(&mut cells),
        });
        row += 1;
        if i >= b.len() {
            return (records, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        let (records, open) = split(text);
        assert_eq!(open, None, "{text:?}");
        records.into_iter().map(|r| (r.row, r.cells)).collect()
    }

    fn row(n: usize, cells: &[&str]) -> (usize, Vec<String>) {
        (n, cells.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn quoting_line_ends_and_row_numbers() {
        assert_eq!(
            rows("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nc,\n"),
            vec![
                row(1, &["a", "b"]),
                row(2, &["x, \"y\"", "two\nlines"]),
                row(3, &[""]),
                row(4, &["c", ""]),
            ]
        );
        assert_eq!(rows("a\rb"), vec![row(1, &["a"]), row(2, &["b"])]);
        assert_eq!(rows("\"a\"b,c\"d"), vec![row(1, &["ab", "c\"d"])]);
        assert_eq!(rows("a,"), vec![row(1, &["a", ""])]);
        assert!(rows("").is_empty());
    }

    #[test]
    fn a_quote_open_at_the_end_names_its_row() {
        let (records, open) = split("code,title\nA,fine\nB,\"none\nC,x\nD,y\n");
        assert_eq!(open, Some(3));
        assert_eq!(records.len(), 2);
        let (_, open) = split("a\n\"b\"\"");
        assert_eq!(open, Some(2));
    }

    proptest::proptest! {
        /// What the csv crate writes (as export does), split gives back cell for cell,
        /// with one row per record however many line breaks the cells hold.
        #[test]
        fn what_export_writes_splits_back(
            cells in proptest::collection::vec(
                proptest::collection::vec("[a-z\",\r\n' =-]{0,8}", 1..4), 1..5)
        ) {
            let width = cells[0].len();
            let cells: Vec<Vec<String>> = cells
                .into_iter()
                .map(|mut r| { r.resize(width, "x".into()); r })
                .collect();
            let mut w = csv::Writer::from_writer(Vec::new());
            for r in &cells {
                w.write_record(r).unwrap();
            }
            let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let (records, open) = split(&text);
            proptest::prop_assert_eq!(open, None);
            let expected: Vec<(usize, Vec<String>)> =
                cells.into_iter().enumerate().map(|(n, r)| (n + 1, r)).collect();
            let got: Vec<(usize, Vec<String>)> =
                records.into_iter().map(|r| (r.row, r.cells)).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
