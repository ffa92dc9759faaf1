//! README.md's table of diagnostic codes is generated from the registry
//! (`citequiz::diag::CODES`): this test fails when they differ, and
//! `UPDATE_EXPECT=1 cargo test --test codes` rewrites the table.

use citequiz::diag::{CODES, Severity};

const BEGIN: &str = "<!-- codes: generated from src/diag/codes.rs by tests/codes.rs -->\n";
const END: &str = "<!-- codes: end -->\n";

fn table() -> String {
    let mut out = String::from("| code | severity | meaning |\n|---|---|---|\n");
    for e in CODES {
        let severity = match e.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("| `{}` | {severity} | {} |\n", e.code.as_str(), e.meaning));
    }
    out
}

#[test]
fn readme_lists_every_code_of_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(BEGIN).expect("README.md has no codes table marker") + BEGIN.len();
    let end = start + readme[start..].find(END).expect("README.md's codes table has no end marker");
    let want = table();
    if readme[start..end] == want {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1") {
        let updated = format!("{}{want}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    panic!(
        "README.md's table of codes differs from src/diag/codes.rs; run \
         `UPDATE_EXPECT=1 cargo test --test codes` to rewrite it.\n--- README\n{}--- registry\n{want}",
        &readme[start..end]
    );
}
