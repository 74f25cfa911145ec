//! Numbers by value: the normalised words of a number expression become
//! one word holding its value, so that the same number written differently
//! is the same word and a changed number is a changed word.
//!
//! After [`crate::normalize`] has turned number words into digits
//! (`twenty` → `20`) and dropped thousands separators (`1,600` → `1600`),
//! the [`Merger`] combines runs of them by value:
//!
//! - compound number words: `twenty-nine` → `29`, `one hundred` → `100`,
//!   `three hundred twelve` → `312`;
//! - a number and a scale word: `1.5 billion` → `1500000000`, `3 million`,
//!   and the suffixes `bn`, `mn`, `tn` (`$1.5bn` → `1500000000`);
//! - `percent` and `per cent` after a number are dropped, so `3.5%`,
//!   `3.5 percent` and `3.5 per cent` are all `3.5`.
//!
//! ```
//! use quotecheck_dedup::normalize::normalize;
//! assert_eq!(normalize("twenty-nine people"), normalize("29 people"));
//! assert_eq!(normalize("$1.5bn deal"), normalize("$1.5 billion deal"));
//! assert_eq!(normalize("1,600 jobs"), "1600 jobs");
//! assert_eq!(normalize("3.5 per cent"), normalize("3.5%"));
//! assert_ne!(normalize("29 people"), normalize("39 people"));
//! ```

/// A number being read.
#[derive(Debug, Clone, Copy)]
struct Pending {
    /// Completed groups (`3 million` of `3 million 200`).
    total: f64,
    /// The group being read.
    current: f64,
    /// The last word was a number word (not digits).
    last_word: bool,
}

/// Combines the normalised words of number expressions (see the module
/// documentation). Feed every word with [`Merger::push`], then call
/// [`Merger::finish`].
#[derive(Debug, Default)]
pub struct Merger {
    pending: Option<Pending>,
    /// A `per` held back in case `cent` follows.
    per: bool,
    /// The last word given out was a number.
    after_number: bool,
    buf: String,
}

/// The value of a plain decimal number (`1600`, `3.5`).
fn plain_value(w: &str) -> Option<f64> {
    let b = w.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || b.len() > 18 {
        return None;
    }
    if b.iter().filter(|&&c| c == b'.').count() > 1
        || !b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
    {
        return None;
    }
    w.parse().ok()
}

/// `1.5bn` → 1.5e9 (`bn`, `mn`, `tn` suffixes).
fn suffixed_value(w: &str) -> Option<f64> {
    for (suffix, scale) in [("bn", 1e9), ("mn", 1e6), ("tn", 1e12)] {
        if let Some(v) = w.strip_suffix(suffix).and_then(plain_value) {
            return Some(v * scale);
        }
    }
    None
}

fn is_scale(v: f64) -> bool {
    v == 100.0 || v == 1e3 || v == 1e6 || v == 1e9
}

impl Merger {
    /// A merger with nothing pending.
    pub fn new() -> Merger {
        Merger::default()
    }

    fn emit_pending(&mut self, f: &mut impl FnMut(&str)) {
        if let Some(p) = self.pending.take() {
            let v = p.total + p.current;
            self.buf.clear();
            if v.fract() == 0.0 && v.abs() < 1e18 {
                self.buf.push_str(&(v as i64).to_string());
            } else {
                let s = format!("{:.6}", v);
                self.buf
                    .push_str(s.trim_end_matches('0').trim_end_matches('.'));
            }
            f(&self.buf);
            self.after_number = true;
        }
    }

    fn emit_per(&mut self, f: &mut impl FnMut(&str)) {
        if self.per {
            self.per = false;
            f("per");
            self.after_number = false;
        }
    }

    /// Feed one normalised word; `from_word` when it was a number word
    /// turned into digits (`twenty` → `20`).
    pub fn push(&mut self, w: &str, from_word: bool, f: &mut impl FnMut(&str)) {
        if let Some(v) = plain_value(w) {
            self.emit_per(f);
            if let Some(p) = self.pending.as_mut() {
                if from_word && is_scale(v) && p.current > 0.0 {
                    let merged = if v == 100.0 && p.current < 100.0 {
                        p.current *= 100.0;
                        true
                    } else if v > 100.0 {
                        p.total += p.current * v;
                        p.current = 0.0;
                        true
                    } else {
                        false
                    };
                    if merged {
                        p.last_word = true;
                        return;
                    }
                } else {
                    let rest = p.current % 100.0;
                    let tens_then_unit = rest >= 20.0 && rest % 10.0 == 0.0 && v < 10.0;
                    let hundreds_then_rest = p.current >= 100.0 && rest == 0.0 && v < 100.0;
                    let after_scale = p.current == 0.0 && p.total > 0.0 && v < 1000.0;
                    if from_word
                        && p.last_word
                        && (tens_then_unit || hundreds_then_rest || after_scale)
                    {
                        p.current += v;
                        return;
                    }
                }
            }
            self.emit_pending(f);
            self.pending = Some(Pending {
                total: 0.0,
                current: v,
                last_word: from_word,
            });
            return;
        }
        if let Some(v) = suffixed_value(w) {
            self.emit_per(f);
            self.emit_pending(f);
            self.pending = Some(Pending {
                total: v,
                current: 0.0,
                last_word: false,
            });
            return;
        }
        if matches!(w, "bn" | "mn" | "tn") {
            if let Some(p) = self.pending.as_mut() {
                let scale = match w {
                    "bn" => 1e9,
                    "mn" => 1e6,
                    _ => 1e12,
                };
                p.total = (p.total + p.current) * scale;
                p.current = 0.0;
                p.last_word = false;
                return;
            }
        }
        // A word that is not part of a number.
        let had_number = self.pending.is_some() || (self.after_number && self.per);
        self.emit_pending(f);
        if self.per {
            if w == "cent" {
                self.per = false;
                if !had_number {
                    f("percent");
                }
                self.after_number = false;
                return;
            }
            self.emit_per(f);
        }
        if w == "per" && (had_number || self.after_number) {
            self.per = true;
            return;
        }
        if w == "percent" && (had_number || self.after_number) {
            self.after_number = false;
            return;
        }
        f(w);
        self.after_number = false;
    }

    /// Give out what is still pending.
    pub fn finish(&mut self, f: &mut impl FnMut(&str)) {
        self.emit_pending(f);
        self.emit_per(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::normalize;

    #[test]
    fn values() {
        assert_eq!(normalize("twenty-nine"), "29");
        assert_eq!(normalize("one hundred"), "100");
        assert_eq!(normalize("three hundred twelve"), "312");
        assert_eq!(normalize("1.5 billion dollars"), "1500000000 dollars");
        assert_eq!(normalize("$1.5bn"), "1500000000");
        assert_eq!(normalize("3 million 200 thousand"), "3000000 200000");
        assert_eq!(normalize("two thousand five hundred"), "2500");
        assert_eq!(normalize("a 12 per cent rise"), "a 12 rise");
        assert_eq!(normalize("per capita"), "per capita");
        assert_eq!(normalize("12 per day"), "12 per day");
        assert_eq!(normalize("12 percent"), "12");
        assert_eq!(normalize("1, 2"), "1 2");
        assert_eq!(normalize("20 9"), "20 9");
        assert_eq!(normalize("one of them"), "1 of them");
    }
}
