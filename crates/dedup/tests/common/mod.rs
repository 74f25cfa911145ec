//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `<workspace root>/../shared/seed/<name>`, falling back to the copy in
/// `fixtures/articles/`.
pub fn seed_file(name: &str) -> PathBuf {
    let shared = workspace_root().join("../shared/seed").join(name);
    if shared.exists() {
        shared
    } else {
        workspace_root().join("fixtures/articles").join(name)
    }
}
