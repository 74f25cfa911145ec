//! Running out of memory is an error, not an abort: a 3 GiB document read
//! under a 1.5 GB address-space limit (`ulimit -v`) ends with an `error:`
//! line, exit code 2, no backtrace and no report directory.

use std::process::Command;

#[test]
fn out_of_memory_is_an_error_line_not_an_abort() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    // Sparse: no disk is used, but reading it needs 3 GiB.
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(3 << 30))
        .expect("sparse file");
    let script = format!(
        "ulimit -v 1500000 && exec \"{}\" report big.txt --out r -q",
        env!("CARGO_BIN_EXE_quotecheck")
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: out of memory: could not allocate 3072 MiB more;"),
        "{stderr}"
    );
    assert!(!stderr.contains("backtrace"), "{stderr}");
    assert!(!dir.path().join("r").join("summary.json").exists());
}
