//! A list found by typing: what is typed, the rows whose words hold it (in any letter
//! case), and the cursor among them. The officer chooser and sign-off's choice of Leadership
//! Team's member are each one, with rows of their own.

use crossterm::event::KeyEvent;

use super::filter::type_into;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindList {
    /// What is typed to find a row.
    pub find: String,
    /// Indices of the rows that match `find`, in the rows' order.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub cursor: usize,
}

impl FindList {
    /// Every one of `len` rows shown, the cursor on row `at`.
    pub fn new(len: usize, at: usize) -> FindList {
        FindList {
            find: String::new(),
            visible: (0..len).collect(),
            cursor: at.min(len.saturating_sub(1)),
        }
    }

    /// Types into the search and narrows the list to the rows of `len` whose `words` (a
    /// name, a login) hold what is typed. The cursor stays on its row while it matches.
    pub fn type_key(&mut self, ev: &KeyEvent, len: usize, words: impl Fn(usize) -> [String; 2]) {
        let keep = self.chosen();
        type_into(&mut self.find, ev);
        let q = self.find.trim().to_lowercase();
        self.visible = (0..len)
            .filter(|i| words(*i).iter().any(|w| w.to_lowercase().contains(&q)))
            .collect();
        self.cursor = keep
            .and_then(|k| self.visible.iter().position(|i| *i == k))
            .unwrap_or(0);
    }

    /// Moves the cursor by `by` rows, stopping at the ends.
    pub fn step(&mut self, by: isize) {
        let last = self.visible.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + by).clamp(0, last.max(0)) as usize;
    }

    /// The row the cursor is on, if any matches.
    pub fn chosen(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn ch(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn typing_narrows_by_name_or_login_and_keeps_the_cursor_where_it_can() {
        let rows = [
            ("jmitchell", "Jane Mitchell"),
            ("nhussain", "Nadia Hussain"),
        ];
        let words = |i: usize| [rows[i].0.to_string(), rows[i].1.to_string()];
        let mut l = FindList::new(rows.len(), 1);
        assert_eq!(l.chosen(), Some(1));
        l.type_key(&ch('H'), rows.len(), words);
        // Both hold an "h"; the cursor stays on Nadia Hussain.
        assert_eq!((l.visible.clone(), l.chosen()), (vec![0, 1], Some(1)));
        l.type_key(&ch('u'), rows.len(), words);
        assert_eq!((l.visible.clone(), l.chosen()), (vec![1], Some(1)));
        l.type_key(&ch('z'), rows.len(), words);
        assert_eq!(l.chosen(), None);
        l.step(3);
        assert_eq!(l.cursor, 0);
    }
}
