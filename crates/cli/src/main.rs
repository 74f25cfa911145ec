//! The `quotecheck` command-line tool (in progress).

fn main() {}
