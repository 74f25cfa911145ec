//! Invariants of one analysis, shared by the property tests, the
//! pathological-input tests and the fuzz targets (`fuzz/`), which include
//! this file with `#[path]`.
//!
//! [`check_analysis`] returns `Err` naming the first violation:
//! - every span (paragraph, sentence, boilerplate, quote, fragment, cue,
//!   mention) is in bounds and on char boundaries;
//! - every reported quote, cue and mention equals the slice of its span,
//!   in the engine's structures and in the flat [`QuoteRecord`]s (code
//!   points and bytes);
//! - quotes are sorted by start and never partially overlap; speakers and
//!   confidences are in range; paragraphs and sentences are sorted and
//!   disjoint.

#![allow(dead_code)]

use quotecheck_core::{
    quote_records, speaker_records, Analysis, CharIndex, Document, Span, PART_JOINER,
};

/// Analyse `text` and check every invariant.
pub fn check_text(text: &str) -> Result<Analysis, String> {
    let doc = Document::new("prop", text);
    let a = quotecheck_core::analyze(&doc);
    check_analysis(&doc, &a)?;
    Ok(a)
}

fn span_ok(text: &str, what: &str, s: Span) -> Result<(), String> {
    if s.start > s.end || s.end > text.len() {
        return Err(format!("{what} {s:?} out of bounds (len {})", text.len()));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!("{what} {s:?} not on char boundaries"));
    }
    Ok(())
}

fn sorted_disjoint(what: &str, spans: &[Span]) -> Result<(), String> {
    for w in spans.windows(2) {
        if w[0].end > w[1].start {
            return Err(format!(
                "{what} {:?} and {:?} overlap or unsorted",
                w[0], w[1]
            ));
        }
    }
    Ok(())
}

/// Check every invariant of `a`, the analysis of `doc`.
pub fn check_analysis(doc: &Document, a: &Analysis) -> Result<(), String> {
    let text = doc.text.as_str();
    for s in &a.paragraphs {
        span_ok(text, "paragraph", *s)?;
    }
    sorted_disjoint("paragraphs", &a.paragraphs)?;
    for s in &a.sentences {
        span_ok(text, "sentence", *s)?;
    }
    sorted_disjoint("sentences", &a.sentences)?;
    for s in &a.boilerplate {
        span_ok(text, "boilerplate", *s)?;
    }
    for sp in &a.speakers {
        for m in &sp.mentions {
            span_ok(text, "speaker mention", m.span)?;
            if m.span.slice(text) != Some(m.text.as_str()) {
                return Err(format!(
                    "speaker mention {:?} != slice {:?}",
                    m.text,
                    m.span.slice(text)
                ));
            }
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        span_ok(text, "quote", q.span)?;
        // The pieces of an interrupted quotation: at least two, in order,
        // disjoint, inside the quote, and spanning it from end to end.
        if !q.parts.is_empty() {
            for p in &q.parts {
                span_ok(text, "quote part", *p)?;
            }
            let first = q.parts[0].start;
            let last = q.parts[q.parts.len() - 1].end;
            let ordered = q.parts.windows(2).all(|w| w[0].end <= w[1].start);
            if q.parts.len() < 2 || !ordered || first != q.span.start || last != q.span.end {
                return Err(format!("quote {i}: parts {:?} of {:?}", q.parts, q.span));
            }
        }
        if let Some(f) = q.fragment {
            span_ok(text, "fragment", f)?;
        }
        if let Some(c) = &q.cue {
            span_ok(text, "cue", c.span)?;
            if c.span.slice(text) != Some(c.text.as_str()) {
                return Err(format!(
                    "quote {i}: cue {:?} != slice {:?}",
                    c.text,
                    c.span.slice(text)
                ));
            }
        }
        if let Some(m) = &q.mention {
            span_ok(text, "mention", m.span)?;
            if m.span.slice(text) != Some(m.text.as_str()) {
                return Err(format!(
                    "quote {i}: mention {:?} != slice {:?}",
                    m.text,
                    m.span.slice(text)
                ));
            }
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!(
                "quote {i}: confidence {} not in [0, 1]",
                q.confidence
            ));
        }
        if let Some(s) = q.speaker {
            if s >= a.speakers.len() {
                return Err(format!(
                    "quote {i}: speaker {s} but only {} speakers",
                    a.speakers.len()
                ));
            }
        }
    }
    for (i, w) in a.quotes.windows(2).enumerate() {
        if w[0].span.start > w[1].span.start {
            return Err(format!("quotes {i} and {} not sorted by start", i + 1));
        }
    }
    // Nested or disjoint, never partially overlapping. Quotes are sorted by
    // start, so only the still-open enclosing quotes need checking (a stack),
    // which keeps this linear on inputs with many quotes.
    let mut open: Vec<Span> = Vec::new();
    for q in &a.quotes {
        let y = q.span;
        while open.last().is_some_and(|x| x.end <= y.start) {
            open.pop();
        }
        if let Some(x) = open.last() {
            if !x.contains(y) && !y.contains(*x) {
                return Err(format!("quotes {x:?} and {y:?} partially overlap"));
            }
        }
        open.push(y);
    }
    let idx = CharIndex::new(text);
    let char_len = idx.char_len();
    let char_slice = |s: usize, e: usize| -> Option<&str> {
        let b0 = idx.byte_offset(s)?;
        let b1 = idx.byte_offset(e)?;
        text.get(b0..b1)
    };
    let records = quote_records(doc, a);
    if records.len() != a.quotes.len() {
        return Err(format!(
            "{} records for {} quotes",
            records.len(),
            a.quotes.len()
        ));
    }
    // `t` is the text both at its byte offsets and at its char offsets.
    let slices_to = |what: &str,
                     (bs, be): (usize, usize),
                     (cs, ce): (usize, usize),
                     t: &str|
     -> Result<(), String> {
        if text.get(bs..be) != Some(t) {
            return Err(format!(
                "record {what} bytes {bs}..{be}: {t:?} != text slice {:?}",
                text.get(bs..be)
            ));
        }
        if char_slice(cs, ce) != Some(t) {
            return Err(format!(
                "record {what} chars {cs}..{ce}: {t:?} != text slice {:?}",
                char_slice(cs, ce)
            ));
        }
        Ok(())
    };
    for r in &records {
        if r.char_start > r.char_end || r.char_end > char_len {
            return Err(format!(
                "record {}..{} out of bounds ({char_len} chars)",
                r.char_start, r.char_end
            ));
        }
        if r.parts.is_empty() {
            slices_to(
                "quote",
                (r.byte_start, r.byte_end),
                (r.char_start, r.char_end),
                &r.quote,
            )?;
        } else {
            // An interrupted quotation: the spoken words only.
            let joined: Vec<&str> = r.parts.iter().map(|p| p.text.as_str()).collect();
            if r.quote != joined.join(PART_JOINER) {
                return Err(format!(
                    "record quote {:?} is not its parts joined",
                    r.quote
                ));
            }
        }
        for (what, s, e, t) in [
            ("mention", r.mention_start, r.mention_end, &r.mention),
            ("cue", r.cue_start, r.cue_end, &r.cue),
            ("fragment", r.fragment_start, r.fragment_end, &r.fragment),
        ] {
            match (s, e) {
                (Some(s), Some(e)) => {
                    if s > e || e > char_len {
                        return Err(format!("record {what} {s}..{e} out of bounds"));
                    }
                    if char_slice(s, e) != Some(t.as_str()) {
                        return Err(format!(
                            "record {what} {s}..{e}: {t:?} != text slice {:?}",
                            char_slice(s, e)
                        ));
                    }
                }
                (None, None) => {
                    if !t.is_empty() {
                        return Err(format!("record {what} {t:?} without offsets"));
                    }
                }
                _ => return Err(format!("record {what}: only one offset")),
            }
        }
        for p in &r.parts {
            if p.char_start < r.char_start || p.char_end > r.char_end {
                return Err(format!(
                    "record part {}..{} outside its quote {}..{}",
                    p.char_start, p.char_end, r.char_start, r.char_end
                ));
            }
            slices_to(
                "part",
                (p.byte_start, p.byte_end),
                (p.char_start, p.char_end),
                &p.text,
            )?;
        }
        if !(0.0..=1.0).contains(&r.confidence) {
            return Err(format!("record confidence {} not in [0, 1]", r.confidence));
        }
    }
    let _ = speaker_records(doc, a);
    Ok(())
}
