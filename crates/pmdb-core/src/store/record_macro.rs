//! The `record!` macro: one declaration gives a record type its table, columns, loader
//! and inserter, so the SQL column list and the struct's fields cannot drift apart.

/// Declares a record type with its table, columns, loader and inserter in one place, so
/// the SQL column list and the struct's fields cannot drift apart.
macro_rules! record {
    ($name:ident, $table:literal, $order:literal, $loader:ident, $inserter:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),+ $(,)? }) => {
        #[derive(Debug, Clone, PartialEq, Serialize, ::serde::Deserialize)]
        pub struct $name { $($(#[$fmeta])* pub $field: $ty),+ }

        impl $name {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn from_row(r: &Row) -> rusqlite::Result<$name> {
                let mut _i = 0;
                Ok($name { $($field: { let v = r.get(_i)?; _i += 1; v }),+ })
            }

            /// Inserts the record within a write transaction.
            pub fn insert(&self, tx: &Transaction) -> Result<()> {
                let cols = Self::COLUMNS.join(", ");
                let marks: Vec<String> = (1..=Self::COLUMNS.len()).map(|i| format!("?{i}")).collect();
                let sql = format!("INSERT INTO {} ({cols}) VALUES ({})", $table, marks.join(", "));
                tx.prepare_cached(&sql)?.execute(params![$(self.$field),+])?;
                Ok(())
            }
        }

        impl Store {
            pub fn $loader(&self) -> Result<Vec<$name>> {
                let sql = format!("SELECT {} FROM {} ORDER BY {}", $name::COLUMNS.join(", "), $table, $order);
                let mut stmt = self.conn.prepare(&sql)?;
                let rows = stmt.query_map([], $name::from_row)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            }

            pub fn $inserter(&mut self, records: &[$name]) -> Result<()> {
                self.write(|tx| {
                    for r in records {
                        r.insert(tx)?;
                    }
                    Ok(())
                })
            }
        }
    };
}
