//! Unit tests of scoring.

use super::*;
use crate::gold::GoldSpeaker;

fn gq(text: &str, kind: QuoteKind, start: usize, end: usize) -> GoldQuote {
    GoldQuote {
        kind,
        quote: text.chars().skip(start).take(end - start).collect(),
        start,
        end,
        speaker: String::new(),
        mention: String::new(),
        mention_start: None,
        mention_end: None,
        cue: String::new(),
        cue_start: None,
        cue_end: None,
        role: None,
        optional: false,
    }
}

fn gdoc(id: &str, text: &str, quotes: Vec<GoldQuote>) -> GoldDocument {
    GoldDocument {
        id: id.to_string(),
        text: text.to_string(),
        quotes,
        speakers: Vec::<GoldSpeaker>::new(),
        claims: Default::default(),
        boilerplate: Vec::new(),
        notes: None,
    }
}

fn pr(doc: &GoldDocument, kind: QuoteKind, start: usize, end: usize) -> QuoteRecord {
    QuoteRecord {
        doc_id: doc.id.clone(),
        quote_id: String::new(),
        kind,
        quote: doc.text.chars().skip(start).take(end - start).collect(),
        char_start: start,
        char_end: end,
        byte_start: 0,
        byte_end: 0,
        speaker: String::new(),
        speaker_role: String::new(),
        mention: String::new(),
        mention_start: None,
        mention_end: None,
        cue: String::new(),
        cue_start: None,
        cue_end: None,
        fragment: String::new(),
        fragment_start: None,
        fragment_end: None,
        sentence: String::new(),
        confidence: 1.0,
        speaker_confidence: 1.0,
        reason: String::new(),
        quote_type: quotecheck_core::QuoteType::Speech,
        parts: Vec::new(),
    }
}

/// Char offset of the first occurrence of `needle`.
fn at(text: &str, needle: &str) -> usize {
    let b = text.find(needle).expect("needle in text");
    text[..b].chars().count()
}

fn span_of(text: &str, needle: &str) -> (usize, usize) {
    let s = at(text, needle);
    (s, s + needle.chars().count())
}

fn triple(r: &ScoreReport) -> (usize, usize, usize) {
    (r.overall.tp, r.overall.fp, r.overall.fn_)
}

#[test]
fn trimming_removes_marks_space_and_final_punctuation() {
    let text = " «¿Qué?» „Ja…“ ‹x›, 'it's' ";
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (s, e) = trim_chars(&chars, 0, n);
    let inner: String = chars[s..e].iter().collect();
    assert_eq!(inner, "¿Qué?» „Ja…“ ‹x›, 'it's");
    // only shrinks, clamps out-of-range ends
    assert_eq!(trim_chars(&chars, 2, 500), (2, n - 2));
    assert_eq!(trim_chars(&chars, 9, 3), (3, 3));
    // nothing left: unchanged
    assert_eq!(trim_chars(&chars, 0, 2), (0, 2));
    let (s, e) = trim_chars(&chars, 9, 16);
    assert_eq!(chars[s..e].iter().collect::<String>(), "Ja");
}

#[test]
fn iou_and_union() {
    assert_eq!(iou((0, 0), (0, 0)), 0.0);
    assert_eq!(iou((0, 10), (0, 20)), 0.5);
    assert_eq!(union_iou(&[], (0, 5)), 0.0);
    assert_eq!(union_iou(&[(0, 3), (2, 5), (5, 8)], (0, 8)), 1.0);
    assert_eq!(union_iou(&[(0, 4), (6, 10)], (0, 10)), 0.8);
}

#[test]
fn single_span_match_is_plain_iou() {
    let text = "He said that the plan would work and that costs would fall sharply.";
    let g = span_of(
        text,
        "the plan would work and that costs would fall sharply",
    );
    let doc = gdoc("d", text, vec![gq(text, QuoteKind::Indirect, g.0, g.1)]);
    let opts = ScoreOptions::default();
    // with "that": the same content (a leading complementiser is ignored)
    let p = pr(&doc, QuoteKind::Indirect, g.0 - 5, g.1 + 1);
    let r = score(std::slice::from_ref(&doc), &[p], &opts);
    assert_eq!(triple(&r), (1, 0, 0));
    assert_eq!(r.exact.tp, 1);
    // ... and so is a gold span with it against a prediction without it
    let gthat = gdoc("d", text, vec![gq(text, QuoteKind::Indirect, g.0 - 5, g.1)]);
    let p = pr(&gthat, QuoteKind::Indirect, g.0, g.1);
    let r = score(std::slice::from_ref(&gthat), &[p], &opts);
    assert_eq!((r.exact.tp, r.exact.fp, r.exact.fn_), (1, 0, 0));
    // but words before the content are not ignored
    let p = pr(&doc, QuoteKind::Indirect, 3, g.1);
    let r = score(std::slice::from_ref(&doc), &[p], &opts);
    assert_eq!(r.exact.tp, 0);
    // less than half of the gold: miss + fp
    let p = pr(&doc, QuoteKind::Indirect, g.0, g.0 + 19);
    let r = score(std::slice::from_ref(&doc), &[p], &opts);
    assert_eq!(triple(&r), (0, 1, 1));
    assert!(r.errors.misses.is_empty());
    // prediction mostly outside the gold: not assigned
    let p = pr(&doc, QuoteKind::Indirect, 0, g.0 + 3);
    let r = score(std::slice::from_ref(&doc), &[p], &opts);
    assert_eq!(triple(&r), (0, 1, 1));
    // exact after trimming the final period
    let p = pr(&doc, QuoteKind::Indirect, g.0, g.1 + 1);
    let r = score(std::slice::from_ref(&doc), &[p], &opts);
    assert_eq!((r.exact.tp, r.exact.fp, r.exact.fn_), (1, 0, 0));
}

#[test]
fn split_quote_is_found_by_its_parts() {
    let text = "“We will rebuild the bridge,” the mayor said, “and we will do it this year.”";
    let whole = (1, at(text, "this year") + 9);
    let doc = gdoc(
        "d",
        text,
        vec![gq(text, QuoteKind::Direct, whole.0, whole.1)],
    );
    let a = span_of(text, "We will rebuild the bridge,");
    let b = span_of(text, "and we will do it this year.");
    let preds = vec![
        pr(&doc, QuoteKind::Direct, a.0, a.1),
        pr(&doc, QuoteKind::Direct, b.0, b.1),
    ];
    let r = score(std::slice::from_ref(&doc), &preds, &ScoreOptions::default());
    assert_eq!(triple(&r), (1, 0, 0));
    // one half alone is not enough (IoU < 0.5): a miss and a false positive
    let r = score(
        std::slice::from_ref(&doc),
        &preds[..1],
        &ScoreOptions::default(),
    );
    assert_eq!(triple(&r), (0, 1, 1));
}

#[test]
fn prediction_goes_to_the_gold_it_overlaps_most() {
    let text = "She said the tax is fair. He said the tax is not fair at all.";
    let g1 = span_of(text, "the tax is fair");
    let g2 = span_of(text, "the tax is not fair at all");
    let doc = gdoc(
        "d",
        text,
        vec![
            gq(text, QuoteKind::Indirect, g1.0, g1.1),
            gq(text, QuoteKind::Indirect, g2.0, g2.1),
        ],
    );
    // spans the end of g1 and most of g2
    let p = pr(&doc, QuoteKind::Indirect, g1.1 - 4, g2.1);
    let r = score(std::slice::from_ref(&doc), &[p], &ScoreOptions::default());
    assert_eq!(triple(&r), (1, 0, 1));
}

#[test]
fn optional_gold_is_neutral() {
    let text = "Officials ruled out a deal. Analysts said prices will rise.";
    let g1 = span_of(text, "a deal");
    let g2 = span_of(text, "prices will rise");
    let mut opt = gq(text, QuoteKind::Indirect, g1.0, g1.1);
    opt.optional = true;
    let doc = gdoc(
        "d",
        text,
        vec![opt, gq(text, QuoteKind::Indirect, g2.0, g2.1)],
    );
    let opts = ScoreOptions::default();
    // not predicted: no miss
    let r = score(
        std::slice::from_ref(&doc),
        &[pr(&doc, QuoteKind::Indirect, g2.0, g2.1)],
        &opts,
    );
    assert_eq!(triple(&r), (1, 0, 0));
    assert_eq!((r.gold_quotes, r.optional_quotes), (1, 1));
    // predicted: neither tp nor fp
    let preds = [
        pr(&doc, QuoteKind::Indirect, g1.0, g1.1),
        pr(&doc, QuoteKind::Indirect, g2.0, g2.1),
    ];
    let r = score(std::slice::from_ref(&doc), &preds, &opts);
    assert_eq!(triple(&r), (1, 0, 0));
    assert_eq!(r.optional_predictions, 1);
    // even a poor prediction on an optional quote is not a false positive
    let r = score(
        std::slice::from_ref(&doc),
        &[pr(&doc, QuoteKind::Indirect, g1.0, g1.0 + 1)],
        &opts,
    );
    assert_eq!(triple(&r), (0, 0, 1));
}

#[test]
fn mixed_prediction_uses_fragment_when_clause_fails() {
    let text = "He described the cooperation between the two sides as not “useless” at all today.";
    let frag = span_of(text, "useless");
    let clause = span_of(
        text,
        "the cooperation between the two sides as not “useless” at all",
    );
    let mut p = {
        let doc = gdoc("d", text, vec![]);
        pr(&doc, QuoteKind::Mixed, clause.0, clause.1)
    };
    p.fragment_start = Some(frag.0 - 1);
    p.fragment_end = Some(frag.1 + 1);
    let opts = ScoreOptions::default();

    // Seed convention: gold is the fragment only.
    let seed = gdoc("d", text, vec![gq(text, QuoteKind::Mixed, frag.0, frag.1)]);
    let r = score(std::slice::from_ref(&seed), std::slice::from_ref(&p), &opts);
    assert_eq!(triple(&r), (1, 0, 0));
    assert_eq!(r.exact.tp, 1);

    // PolNeAR convention: gold is the whole clause.
    let polnear = gdoc(
        "d",
        text,
        vec![gq(text, QuoteKind::Mixed, clause.0, clause.1)],
    );
    let r = score(
        std::slice::from_ref(&polnear),
        std::slice::from_ref(&p),
        &opts,
    );
    assert_eq!(triple(&r), (1, 0, 0));

    // Without a fragment the clause alone fails against the fragment gold.
    let mut no_frag = p.clone();
    no_frag.fragment_start = None;
    no_frag.fragment_end = None;
    let r = score(std::slice::from_ref(&seed), &[no_frag], &opts);
    assert_eq!(triple(&r), (0, 1, 1));

    // The fragment rule applies to mixed predictions only.
    let mut indirect = p.clone();
    indirect.kind = QuoteKind::Indirect;
    let r = score(std::slice::from_ref(&seed), &[indirect], &opts);
    assert_eq!(triple(&r), (0, 1, 1));
}

#[test]
fn per_kind_and_confusion() {
    let text = "“Yes,” she said. He said that it was over.";
    let g1 = span_of(text, "Yes");
    let g2 = span_of(text, "it was over");
    let doc = gdoc(
        "d",
        text,
        vec![
            gq(text, QuoteKind::Direct, g1.0, g1.1),
            gq(text, QuoteKind::Indirect, g2.0, g2.1),
        ],
    );
    let preds = [
        pr(&doc, QuoteKind::Mixed, g1.0, g1.1 + 1),
        pr(&doc, QuoteKind::Direct, 0, 1),
    ];
    let r = score(std::slice::from_ref(&doc), &preds, &ScoreOptions::default());
    assert_eq!(triple(&r), (1, 1, 1));
    assert_eq!((r.by_kind.direct.tp, r.by_kind.direct.fp), (1, 1));
    assert_eq!(r.by_kind.indirect.fn_, 1);
    assert_eq!(r.by_kind.mixed, Counts::new(0, 0, 0));
    assert_eq!(r.kind_mismatches, 1);
    assert_eq!(
        r.kind_confusion,
        vec![KindConfusion {
            gold: QuoteKind::Direct,
            predicted: QuoteKind::Mixed,
            count: 1
        }]
    );
}

#[test]
fn speaker_name_mode() {
    let text = "The spokeswoman said the talks failed. Trudeau said aid was blocked.";
    let g1 = span_of(text, "the talks failed");
    let g2 = span_of(text, "aid was blocked");
    let mut q1 = gq(text, QuoteKind::Indirect, g1.0, g1.1);
    q1.speaker = "Elizabeth Trudeau".into();
    q1.mention = "The spokeswoman".into();
    let mut q2 = gq(text, QuoteKind::Indirect, g2.0, g2.1);
    q2.speaker = "Elizabeth Trudeau".into();
    q2.mention = "Trudeau".into();
    let doc = gdoc("d", text, vec![q1, q2]);
    let run = |s1: &str, m1: &str, s2: &str| {
        let mut p1 = pr(&doc, QuoteKind::Indirect, g1.0, g1.1);
        p1.speaker = s1.into();
        p1.mention = m1.into();
        let mut p2 = pr(&doc, QuoteKind::Indirect, g2.0, g2.1);
        p2.speaker = s2.into();
        score(
            std::slice::from_ref(&doc),
            &[p1, p2],
            &ScoreOptions::default(),
        )
        .speaker
    };
    let s = run("elizabeth trudeau", "", "Trudeau");
    assert_eq!((s.overall.correct, s.overall.total), (2, 2));
    assert_eq!(s.by_kind.indirect.accuracy, 1.0);
    // unknown speaker but same mention: correct
    let s = run("", "the Spokeswoman", "Justin Trudeau");
    assert_eq!((s.overall.correct, s.overall.total), (1, 2));
    // a wrongly resolved speaker with the same mention: wrong
    let s = run("Lisa Marchetti", "the Spokeswoman", "Trudeau");
    assert_eq!((s.overall.correct, s.overall.total), (1, 2));
    let s = run("Trudeau's office", "", "");
    assert_eq!(s.overall.correct, 0);
}

#[test]
fn speaker_mention_iou_mode() {
    let text = "The senior official said the plan failed.";
    let g = span_of(text, "the plan failed");
    let m = span_of(text, "The senior official");
    let mut q = gq(text, QuoteKind::Indirect, g.0, g.1);
    q.speaker = "The senior official".into();
    q.mention = q.speaker.clone();
    q.mention_start = Some(m.0);
    q.mention_end = Some(m.1);
    let mut no_mention = q.clone();
    no_mention.mention_start = None;
    no_mention.mention_end = None;
    let doc = gdoc("d", text, vec![q]);
    let opts = ScoreOptions {
        mention_iou: true,
        errors: 0,
    };
    let mut p = pr(&doc, QuoteKind::Indirect, g.0, g.1);
    p.speaker = "someone else".into();
    p.mention_start = Some(m.0 + 4); // "senior official"
    p.mention_end = Some(m.1);
    let r = score(std::slice::from_ref(&doc), std::slice::from_ref(&p), &opts);
    assert_eq!(r.speaker.mode, "mention-iou");
    assert_eq!((r.speaker.overall.correct, r.speaker.overall.total), (1, 1));
    p.mention_start = Some(m.1 - 8); // "official"
    let r = score(std::slice::from_ref(&doc), std::slice::from_ref(&p), &opts);
    assert_eq!((r.speaker.overall.correct, r.speaker.overall.total), (0, 1));
    // no gold mention span: not judged
    let doc2 = gdoc("d", text, vec![no_mention]);
    let r = score(&[doc2], &[p], &opts);
    assert_eq!(r.speaker.overall.unscored, 1);
    assert_eq!(r.speaker.overall.total, 0);
}

#[test]
fn cues_documents_and_error_samples() {
    let text = "Officials said the deal is dead. Others told reporters it lives.";
    let g1 = span_of(text, "the deal is dead");
    let g2 = span_of(text, "it lives");
    let mut q1 = gq(text, QuoteKind::Indirect, g1.0, g1.1);
    q1.cue = "said".into();
    let mut q2 = gq(text, QuoteKind::Indirect, g2.0, g2.1);
    q2.cue = "told reporters".into();
    let doc = gdoc("b", text, vec![q1, q2]);
    let empty = gdoc("a", "Nothing here.", vec![]);
    let mut p = pr(&doc, QuoteKind::Indirect, g1.0, g1.1);
    p.cue = "Said".into();
    let mut stray = pr(&doc, QuoteKind::Direct, 0, 9);
    stray.cue = "said".into();
    let mut other = p.clone();
    other.doc_id = "zzz".into();
    let opts = ScoreOptions {
        mention_iou: false,
        errors: 5,
    };
    let r = score(&[empty, doc], &[p, stray, other], &opts);
    assert_eq!(r.documents, 2);
    assert_eq!(r.documents_without_predictions, vec!["a".to_string()]);
    assert_eq!(r.predictions_outside_gold, 1);
    assert_eq!(r.predictions, 2);
    let said = &r.by_cue[0];
    assert_eq!((said.cue.as_str(), said.gold), ("said", 1));
    assert_eq!((said.counts.tp, said.counts.fp, said.counts.fn_), (1, 1, 0));
    assert_eq!(r.by_cue[1].cue, "told");
    assert_eq!(r.errors.misses.len(), 1);
    assert_eq!(r.errors.misses[0].quote, "it lives");
    assert!(r.errors.misses[0].before.ends_with("told reporters "));
    assert_eq!(r.errors.false_positives[0].quote, "Officials");
    let table = r.render_table();
    assert!(table.contains("documents without predictions (1): a"));
    assert!(table.contains("⟦it lives⟧"));
    let json = serde_json::to_value(&r).expect("serialise");
    assert_eq!(json["overall"]["fn"], 1);
    assert_eq!(json["by_cue"][0]["tp"], 1);
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("qc-score-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    path
}

#[test]
fn load_gold_reports_file_line_document_and_quote() {
    let ok = r#"{"id": "a", "text": "He said “yes”.", "quotes": [{"kind": "direct", "quote": "yes", "start": 9, "end": 12, "speaker": null}]}"#;
    let bad = r#"{"id": "b", "text": "Žal said “no”.", "quotes": [{"kind": "direct", "quote": "no", "start": 9, "end": 11}]}"#;
    let path = temp_file("gold.jsonl", &format!("{ok}\n\n{bad}\n"));
    let err = load_gold(&path).expect_err("mismatch");
    let msg = err.to_string();
    assert!(
        matches!(err, Error::Gold { ref doc_id, .. } if doc_id == "b"),
        "{msg}"
    );
    assert!(
        msg.contains("gold.jsonl") && msg.contains("line 3"),
        "{msg}"
    );
    assert!(msg.contains("quotes[0]") && msg.contains("\"“n\""), "{msg}");

    let oob = ok.replace("\"end\": 12", "\"end\": 99");
    let path = temp_file("oob.json", &oob);
    let msg = load_gold(&path).expect_err("out of bounds").to_string();
    assert!(msg.contains("out of bounds"), "{msg}");

    let path = temp_file("syntax.jsonl", &format!("{ok}\n{{\"id\": \n"));
    match load_gold(&path) {
        Err(Error::Parse { line, .. }) => assert_eq!(line, 3),
        other => panic!("expected a parse error, got {other:?}"),
    }

    let path = temp_file("dup.jsonl", &format!("{ok}\n{ok}\n"));
    let msg = load_gold(&path).expect_err("duplicate").to_string();
    assert!(msg.contains("duplicate document id"), "{msg}");

    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<GoldDocument>(ok).expect("parse"))
            .expect("pretty");
    let path = temp_file("pretty.gold.json", &pretty);
    let gold = load_gold(&path).expect("pretty single object");
    assert_eq!(gold[0].quotes[0].speaker, "");
}

#[test]
fn load_predictions_jsonl_and_array() {
    let rec = r#"{"doc_id": "a", "kind": "mixed", "quote": "x", "char_start": 1, "char_end": 2, "confidence": 0.5}"#;
    let path = temp_file("p.jsonl", &format!("{rec}\n{rec}\n"));
    assert_eq!(load_predictions(&path).expect("jsonl").len(), 2);
    let path = temp_file("p.json", &format!("[\n{rec},\n{rec}\n]"));
    assert_eq!(load_predictions(&path).expect("array").len(), 2);
    let path = temp_file("bad.jsonl", &format!("{rec}\n{{\"doc_id\": 3}}\n"));
    match load_predictions(&path) {
        Err(Error::Parse { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a parse error, got {other:?}"),
    }
    let missing = std::env::temp_dir().join("qc-definitely-missing.jsonl");
    assert!(matches!(load_predictions(&missing), Err(Error::Io { .. })));
}

#[test]
fn evenly_spaced_samples() {
    let v: Vec<usize> = (0..10).collect();
    assert_eq!(evenly(&v, 3), vec![0, 3, 6]);
    assert_eq!(evenly(&v, 0), Vec::<usize>::new());
    assert_eq!(evenly(&v[..2], 3), vec![0, 1]);
}

#[test]
fn name_normalisation() {
    assert_eq!(normalize_name("THE Pentagon"), "pentagon");
    assert_eq!(normalize_name("the"), "the");
    assert!(names_match(
        "Russia’s Deputy Foreign Minister Sergei Ryabkov",
        "Sergei Ryabkov"
    ));
    assert!(!names_match("Ryabkov", "Sergei Lavrov"));
    assert!(!names_match("Sergei", "Sergei Ryabkov"));
}
