//! Progress stages on stderr for long runs: one line per stage (reading
//! inputs, attributing N/M documents with a rate, finding repeated and
//! altered claims, linking speakers, writing reports), each ending with the
//! time it took.
//!
//! Shown only when stderr is a terminal (the line is redrawn in place with
//! a carriage return) or with `--progress` (plain lines, for logs); silent
//! with `--quiet` and on a pipe. Redraws are limited to one per
//! [`REDRAW_EVERY`]. Lines start with `progress: `; nothing here writes to
//! stdout or to the outputs.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Least time between two redraws of a stage's count (at most ten a second).
pub const REDRAW_EVERY: Duration = Duration::from_millis(100);

/// Where and how progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Nothing is shown.
    Off,
    /// One line per stage, redrawn in place (`\r`, clear to end of line).
    Terminal,
    /// Plain lines, one per (rate-limited) update.
    Lines,
}

impl Mode {
    /// The mode for `--quiet`, `--progress` and whether stderr is a
    /// terminal: quiet wins; a terminal redraws; `--progress` alone prints
    /// lines; otherwise nothing.
    pub fn choose(quiet: bool, forced: bool, terminal: bool) -> Mode {
        match (quiet, terminal, forced) {
            (true, _, _) => Mode::Off,
            (false, true, _) => Mode::Terminal,
            (false, false, true) => Mode::Lines,
            (false, false, false) => Mode::Off,
        }
    }
}

/// Lets an update through at most once per interval.
#[derive(Debug, Clone)]
pub struct Throttle {
    every: Duration,
    last: Option<Instant>,
}

impl Throttle {
    /// A throttle letting one update through per `every`.
    pub fn new(every: Duration) -> Self {
        Throttle { every, last: None }
    }

    /// True (and the clock restarts) when the last update let through is
    /// at least the interval before `now`, or there was none.
    pub fn ready(&mut self, now: Instant) -> bool {
        match self.last {
            Some(t) if now.saturating_duration_since(t) < self.every => false,
            _ => {
                self.last = Some(now);
                true
            }
        }
    }
}

/// `name done/total unit, R/s`: a counted stage's line (`name unit` before
/// anything is counted; the rate is left out before a tenth of a second
/// has passed).
pub fn count_line(name: &str, done: usize, total: usize, unit: &str, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if total == 0 {
        format!("{name} {unit}")
    } else if secs < 0.1 {
        format!("{name} {done}/{total} {unit}")
    } else {
        format!("{name} {done}/{total} {unit}, {:.1}/s", done as f64 / secs)
    }
}

/// A finished stage's line: its last line and the time it took.
pub fn done_line(line: &str, elapsed: Duration) -> String {
    format!("{line} — {:.1} s", elapsed.as_secs_f64())
}

/// Cells of a stage's bar.
pub const BAR_WIDTH: usize = 20;

/// A stage's bar, `[#####---------------]`: [`BAR_WIDTH`] cells, filled in
/// proportion to `done` of `total`.
pub fn bar(done: u64, total: u64) -> String {
    let filled = if total == 0 {
        0
    } else {
        let f = u128::from(done.min(total)) * BAR_WIDTH as u128 / u128::from(total);
        usize::try_from(f).unwrap_or(BAR_WIDTH)
    };
    format!("[{}{}]", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled))
}

/// The time left at the rate so far (`ETA 12 s`, `ETA 3 min 5 s`); `None`
/// before there is a rate to go by, and once done.
pub fn eta(done: u64, total: u64, elapsed: Duration) -> Option<String> {
    let secs = elapsed.as_secs_f64();
    if done == 0 || secs < 0.1 || done >= total {
        return None;
    }
    let left = ((total - done) as f64 * secs / done as f64).ceil() as u64;
    Some(if left >= 60 {
        format!("ETA {} min {} s", left / 60, left % 60)
    } else {
        format!("ETA {left} s")
    })
}

/// Percentage of `done` in `total`, rounded down.
fn percent(done: u64, total: u64) -> u64 {
    if total == 0 {
        0
    } else {
        u64::try_from(u128::from(done.min(total)) * 100 / u128::from(total)).unwrap_or(100)
    }
}

/// `name [bar] done/total unit (P%), R/s, ETA`: a stage whose total is
/// known (the rate and the time left once a tenth of a second has passed).
pub fn total_line(name: &str, done: u64, total: u64, unit: &str, elapsed: Duration) -> String {
    let line = format!(
        "{name} {} {done}/{total} {unit} ({}%)",
        bar(done, total),
        percent(done, total)
    );
    with_rate_and_eta(line, done, total, done as f64, "/s", elapsed)
}

/// `name [bar] 12.3/38.6 MB (P%), N documents, R MB/s, ETA`: a stage
/// measured in bytes of input read.
pub fn bytes_line(name: &str, done: u64, total: u64, docs: u64, elapsed: Duration) -> String {
    let mb = |b: u64| b as f64 / 1e6;
    let line = format!(
        "{name} {} {:.1}/{:.1} MB ({}%), {docs} documents",
        bar(done, total),
        mb(done),
        mb(total),
        percent(done, total)
    );
    with_rate_and_eta(line, done, total, mb(done), " MB/s", elapsed)
}

/// `line` with the rate (`amount` per second, in `per_second` units) once
/// a tenth of a second has passed, and the time left of `done` of `total`.
fn with_rate_and_eta(
    mut line: String,
    done: u64,
    total: u64,
    amount: f64,
    per_second: &str,
    elapsed: Duration,
) -> String {
    let secs = elapsed.as_secs_f64();
    if secs >= 0.1 {
        line.push_str(&format!(", {:.1}{per_second}", amount / secs));
    }
    if let Some(eta) = eta(done, total, elapsed) {
        line.push_str(&format!(", {eta}"));
    }
    line
}

/// What a stage counts.
#[derive(Debug)]
enum Measure {
    /// `done` of `total` units; `known` when the total is final (then
    /// with a bar, a percentage and the time left).
    Count {
        unit: String,
        done: u64,
        total: u64,
        known: bool,
    },
    /// Bytes of input read of `total`, and documents done.
    Bytes { done: u64, total: u64, docs: u64 },
}

/// The stage being shown.
#[derive(Debug)]
struct Stage {
    name: String,
    started: Instant,
    count: Option<Measure>,
}

impl Stage {
    fn line(&self, now: Instant) -> String {
        let elapsed = now.saturating_duration_since(self.started);
        match &self.count {
            Some(Measure::Count {
                unit,
                done,
                total,
                known: false,
            }) => count_line(
                &self.name,
                usize::try_from(*done).unwrap_or(usize::MAX),
                usize::try_from(*total).unwrap_or(usize::MAX),
                unit,
                elapsed,
            ),
            Some(Measure::Count {
                unit, done, total, ..
            }) => total_line(&self.name, *done, *total, unit, elapsed),
            Some(Measure::Bytes { done, total, docs }) => {
                bytes_line(&self.name, *done, *total, *docs, elapsed)
            }
            None => self.name.clone(),
        }
    }
}

/// Progress of one run on stderr (or any writer), stage by stage.
pub struct Progress {
    mode: Mode,
    out: Box<dyn Write + Send>,
    throttle: Throttle,
    stage: Option<Stage>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("mode", &self.mode)
            .field("stage", &self.stage)
            .finish()
    }
}

impl Progress {
    /// Progress on stderr for `--quiet` and `--progress` ([`Mode::choose`]).
    pub fn stderr(quiet: bool, forced: bool) -> Self {
        let mode = Mode::choose(quiet, forced, std::io::stderr().is_terminal());
        Progress::to_writer(mode, Box::new(std::io::stderr()))
    }

    /// Progress in `mode` to `out`.
    pub fn to_writer(mode: Mode, out: Box<dyn Write + Send>) -> Self {
        Progress {
            mode,
            out,
            throttle: Throttle::new(REDRAW_EVERY),
            stage: None,
        }
    }

    /// Finish the current stage and start `name`.
    pub fn stage(&mut self, name: &str) {
        self.start(name, None);
    }

    /// Finish the current stage and start `name`, counting `unit`s with
    /// [`Progress::update`] (the total not known in advance).
    pub fn counted(&mut self, name: &str, unit: &str) {
        self.start(
            name,
            Some(Measure::Count {
                unit: unit.to_string(),
                done: 0,
                total: 0,
                known: false,
            }),
        );
    }

    /// Finish the current stage and start `name`, `total` `unit`s to go
    /// through ([`Progress::update`]): with a bar and the time left.
    pub fn counted_of(&mut self, name: &str, unit: &str, total: u64) {
        self.start(
            name,
            Some(Measure::Count {
                unit: unit.to_string(),
                done: 0,
                total,
                known: true,
            }),
        );
    }

    /// Finish the current stage and start `name`, measured in bytes of
    /// input read of `total` ([`Progress::update_bytes`]).
    pub fn measured(&mut self, name: &str, total: u64) {
        self.start(
            name,
            Some(Measure::Bytes {
                done: 0,
                total,
                docs: 0,
            }),
        );
    }

    fn start(&mut self, name: &str, count: Option<Measure>) {
        self.finish();
        if self.mode == Mode::Off {
            return;
        }
        let now = Instant::now();
        let stage = Stage {
            name: name.to_string(),
            started: now,
            count,
        };
        self.throttle = Throttle::new(REDRAW_EVERY);
        self.throttle.ready(now);
        let line = stage.line(now);
        self.stage = Some(stage);
        self.draw(&line, false);
    }

    /// Set the current counted stage to `done` of `total` (for a stage
    /// started with [`Progress::counted_of`], `total` is ignored);
    /// redrawn at most once per [`REDRAW_EVERY`].
    pub fn update(&mut self, done: usize, total: usize) {
        if let Some(Stage {
            count:
                Some(Measure::Count {
                    done: d,
                    total: t,
                    known,
                    ..
                }),
            ..
        }) = &mut self.stage
        {
            *d = done as u64;
            if !*known {
                *t = total as u64;
            }
        }
        self.redraw();
    }

    /// Set the current byte-measured stage to `read` bytes and `docs`
    /// documents done; redrawn at most once per [`REDRAW_EVERY`].
    pub fn update_bytes(&mut self, read: u64, docs: u64) {
        if let Some(Stage {
            count: Some(Measure::Bytes { done, docs: n, .. }),
            ..
        }) = &mut self.stage
        {
            (*done, *n) = (read, docs);
        }
        self.redraw();
    }

    fn redraw(&mut self) {
        let Some(stage) = &self.stage else {
            return;
        };
        let now = Instant::now();
        if self.throttle.ready(now) {
            let line = stage.line(now);
            self.draw(&line, false);
        }
    }

    /// Finish the current stage: its last line with the time it took.
    pub fn finish(&mut self) {
        if let Some(stage) = self.stage.take() {
            let now = Instant::now();
            let line = done_line(&stage.line(now), now.duration_since(stage.started));
            self.draw(&line, true);
        }
    }

    /// Print `line` (a warning) on its own line, also when progress is off,
    /// without mixing it into a stage line being redrawn.
    pub fn note(&mut self, line: &str) {
        let clear = if self.mode == Mode::Terminal && self.stage.is_some() {
            "\r\x1b[K"
        } else {
            ""
        };
        let _ = writeln!(self.out, "{clear}{line}");
    }

    fn draw(&mut self, line: &str, last: bool) {
        // (Progress is a courtesy: a failed write to stderr is ignored.)
        let _ = match self.mode {
            Mode::Off => Ok(()),
            Mode::Terminal if last => writeln!(self.out, "\r\x1b[Kprogress: {line}"),
            Mode::Terminal => write!(self.out, "\r\x1b[Kprogress: {line}"),
            Mode::Lines => writeln!(self.out, "progress: {line}"),
        };
        let _ = self.out.flush();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A writer whose bytes the test can read afterwards.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("lock").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().expect("lock").clone()).expect("utf-8")
        }
    }

    #[test]
    fn mode_follows_quiet_flag_and_terminal() {
        assert_eq!(Mode::choose(true, true, true), Mode::Off);
        assert_eq!(Mode::choose(true, false, true), Mode::Off);
        assert_eq!(Mode::choose(false, false, true), Mode::Terminal);
        assert_eq!(Mode::choose(false, true, true), Mode::Terminal);
        assert_eq!(Mode::choose(false, true, false), Mode::Lines);
        assert_eq!(Mode::choose(false, false, false), Mode::Off);
    }

    #[test]
    fn throttle_lets_one_update_through_per_interval() {
        let t0 = Instant::now();
        let mut t = Throttle::new(Duration::from_millis(100));
        let at = |ms| t0 + Duration::from_millis(ms);
        assert!(t.ready(at(0)));
        assert!(!t.ready(at(1)));
        assert!(!t.ready(at(99)));
        assert!(t.ready(at(100)));
        assert!(!t.ready(at(150)));
        assert!(t.ready(at(250)));
        // A clock that goes backwards does not let updates through.
        assert!(!t.ready(t0));
        // 10,000 updates over one second: at most 11 drawn.
        let mut t = Throttle::new(REDRAW_EVERY);
        let drawn = (0..10_000u64)
            .filter(|i| t.ready(t0 + Duration::from_micros(i * 100)))
            .count();
        assert_eq!(drawn, 10);
    }

    #[test]
    fn lines_are_formatted_with_rate_and_time() {
        let ms = Duration::from_millis;
        assert_eq!(
            count_line("attributing", 0, 0, "documents", ms(500)),
            "attributing documents"
        );
        assert_eq!(
            count_line("attributing", 3, 10, "documents", ms(50)),
            "attributing 3/10 documents"
        );
        assert_eq!(
            count_line("attributing", 50, 80, "documents", ms(2000)),
            "attributing 50/80 documents, 25.0/s"
        );
        assert_eq!(
            done_line("linking speakers", ms(1234)),
            "linking speakers — 1.2 s"
        );
    }

    #[test]
    fn bars_percentages_and_time_left() {
        let ms = Duration::from_millis;
        assert_eq!(bar(0, 0), format!("[{}]", "-".repeat(BAR_WIDTH)));
        assert_eq!(
            bar(5, 10),
            format!("[{}{}]", "#".repeat(10), "-".repeat(10))
        );
        assert_eq!(bar(12, 10), format!("[{}]", "#".repeat(BAR_WIDTH)));
        assert_eq!(eta(0, 10, ms(5000)), None);
        assert_eq!(eta(5, 10, ms(50)), None);
        assert_eq!(eta(10, 10, ms(5000)), None);
        assert_eq!(eta(1, 4, ms(2000)).as_deref(), Some("ETA 6 s"));
        assert_eq!(eta(1, 100, ms(2000)).as_deref(), Some("ETA 3 min 18 s"));
        assert_eq!(
            total_line("writing quotes", 25, 100, "documents", ms(500)),
            format!(
                "writing quotes [{}{}] 25/100 documents (25%), 50.0/s, ETA 2 s",
                "#".repeat(5),
                "-".repeat(15)
            )
        );
        assert_eq!(
            bytes_line("attributing", 3_000_000, 12_000_000, 40, ms(2000)),
            format!(
                "attributing [{}{}] 3.0/12.0 MB (25%), 40 documents, 1.5 MB/s, ETA 6 s",
                "#".repeat(5),
                "-".repeat(15)
            )
        );
        assert!(bytes_line("attributing", 0, 9, 0, ms(0)).ends_with("(0%), 0 documents"));
    }

    #[test]
    fn stages_with_totals_end_at_their_total() {
        let out = Shared::default();
        let mut p = Progress::to_writer(Mode::Lines, Box::new(out.clone()));
        p.measured("attributing", 2_000_000);
        p.update_bytes(2_000_000, 7);
        p.stage("linking speakers");
        p.counted_of("writing quotes", "documents", 7);
        p.update(7, 0);
        drop(p);
        let text = out.text();
        let ends: Vec<&str> = text.lines().filter(|l| l.contains(" — ")).collect();
        assert_eq!(ends.len(), 3, "{text}");
        assert!(ends[0].contains("2.0/2.0 MB (100%), 7 documents"), "{text}");
        assert!(
            ends[1].starts_with("progress: linking speakers — "),
            "{text}"
        );
        assert!(ends[2].contains("7/7 documents (100%)"), "{text}");
    }

    #[test]
    fn plain_lines_per_stage_and_rate_limited_updates() {
        let out = Shared::default();
        let mut p = Progress::to_writer(Mode::Lines, Box::new(out.clone()));
        p.counted("attributing", "documents");
        for i in 1..=1000 {
            p.update(i, 1000);
        }
        p.stage("writing reports");
        drop(p);
        let text = out.text();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.iter().all(|l| l.starts_with("progress: ")), "{text}");
        assert_eq!(lines[0], "progress: attributing documents");
        // The updates come faster than ten a second: none is drawn.
        assert!(
            lines[1].starts_with("progress: attributing 1000/1000 documents"),
            "{text}"
        );
        assert!(lines[1].ends_with(" s"), "{text}");
        assert_eq!(lines[2], "progress: writing reports");
        assert!(
            lines[3].starts_with("progress: writing reports — "),
            "{text}"
        );
        assert_eq!(lines.len(), 4, "{text}");
        assert!(!text.contains('\r'), "{text}");
    }

    #[test]
    fn terminal_redraws_in_place_and_ends_each_stage_with_a_newline() {
        let out = Shared::default();
        let mut p = Progress::to_writer(Mode::Terminal, Box::new(out.clone()));
        p.stage("finding repeated and altered claims");
        p.note("warning: something");
        p.finish();
        let text = out.text();
        assert_eq!(
            text.matches("\r\x1b[Kprogress: finding repeated").count(),
            2,
            "{text:?}"
        );
        assert!(text.contains("\r\x1b[Kwarning: something\n"), "{text:?}");
        assert!(text.ends_with(" s\n"), "{text:?}");
    }

    #[test]
    fn off_shows_nothing_but_notes() {
        let out = Shared::default();
        let mut p = Progress::to_writer(Mode::Off, Box::new(out.clone()));
        p.counted("attributing", "documents");
        p.update(1, 2);
        p.note("warning: kept");
        p.stage("writing reports");
        drop(p);
        assert_eq!(out.text(), "warning: kept\n");
    }
}
