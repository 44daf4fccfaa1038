//! The scriptable contract for `import` and `export` through standard input and output.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::Council;

#[test]
fn import_reads_standard_input_and_export_writes_standard_output_or_a_file() {
    let c = Council::fixture();
    c.cmd(&["import", "values", "-"])
        .write_stdin("code,period,value\nRW1,2024-07,40\n")
        .assert()
        .success()
        .stdout("imported values from standard input: 1 added, 0 changed, 0 unchanged\n");
    let out = c.values_csv();
    assert!(
        out.starts_with("code,period,value,numerator,denominator,quality,commentary,action\n"),
        "{out}"
    );
    assert!(out.contains("\nRW1,2024-07,40,,,final,,\n"), "{out}");
    assert_eq!(c.ok(&["export", "values", "-"]), out);
    let file = c.path("values.csv");
    assert_eq!(c.ok(&["export", "values", file.to_str().unwrap()]), "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out);
}
