//! What the subcommands' unit tests share.

use std::path::PathBuf;

/// A fresh, empty folder under the system's temporary one, named for this
/// process and `name`.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("citequiz-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
