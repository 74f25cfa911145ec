//! Helpers shared by the end-to-end tests: run the built `quotecheck` binary.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (where `fixtures/` and `tests/` live).
pub fn root() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    p.canonicalize().unwrap_or(p)
}

/// The result of one run of the binary.
#[derive(Debug)]
pub struct Output {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Standard output, raw.
    pub stdout_bytes: Vec<u8>,
}

/// Run `quotecheck args…` in `dir` with `stdin` as standard input.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    cmd.args(args)
        .current_dir(dir)
        // A backtrace must never appear, even when asked for.
        .env("RUST_BACKTRACE", "1")
        // Help text wraps at a fixed width whatever the terminal.
        .env("COLUMNS", "100")
        // `--semantic` means the built-in model unless a test passes
        // `--model` (CI exports QUOTECHECK_MODEL for the real-model tests).
        .env_remove("QUOTECHECK_MODEL")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn quotecheck");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(input).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait for quotecheck");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("stack backtrace"),
        "quotecheck panicked: {stderr}"
    );
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        stdout_bytes: out.stdout,
    }
}

/// Run `quotecheck args…` in the workspace root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args, None)
}

/// Read a file to a string (test helper; panics with the path on failure).
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Names of the files in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// Replace the version in a summary so snapshots survive version bumps.
pub fn redact_version(s: &str) -> String {
    s.replace(
        &format!("\"quotecheck_version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        "\"quotecheck_version\": \"[version]\"",
    )
}

/// Whether a test whose input `what` is missing may skip: only when
/// `QUOTECHECK_SKIP_MISSING_FIXTURES=1` (documented in docs/reliability.md);
/// otherwise the test fails, so that a lost fixture cannot pass unnoticed.
pub fn skip_missing(what: &str) -> bool {
    assert_eq!(
        std::env::var("QUOTECHECK_SKIP_MISSING_FIXTURES").as_deref(),
        Ok("1"),
        "{what} is missing (set QUOTECHECK_SKIP_MISSING_FIXTURES=1 to skip)"
    );
    eprintln!("QUOTECHECK_SKIP_MISSING_FIXTURES=1: {what} missing, skipped");
    true
}

/// The index of column `name` in a CSV header (panics when it is missing).
pub fn column(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Start a child with a pseudo-terminal's end as `spawn`'s `Stdio` (its
/// stdout or stderr), read everything it writes there, and return its exit
/// status and that text.
#[cfg(unix)]
pub fn on_pty(
    spawn: impl FnOnce(Stdio) -> std::process::Child,
) -> (std::process::ExitStatus, String) {
    use std::io::Read;
    // (`openpty` leaves the descriptors inheritable: the clones are
    // close-on-exec, so children of other tests do not keep the pty open.)
    let pty = nix::pty::openpty(None, None).expect("openpty");
    let cloexec = |fd: std::os::fd::OwnedFd| std::fs::File::from(fd).try_clone().expect("dup");
    let (mut master, slave) = (cloexec(pty.master), cloexec(pty.slave));
    let mut child = spawn(Stdio::from(slave));
    let mut screen = Vec::new();
    let mut buf = [0u8; 4096];
    // (Linux ends a pty's reads with EIO once the child has closed it.)
    while let Ok(n) = master.read(&mut buf) {
        if n == 0 {
            break;
        }
        screen.extend_from_slice(&buf[..n]);
    }
    let status = child.wait().expect("wait");
    (status, String::from_utf8_lossy(&screen).into_owned())
}
