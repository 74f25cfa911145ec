//! Inputs as they arrive: one test per input class. Each test generates its
//! files from the clean fixtures (another encoding, hard-wrapped lines, other
//! line endings, NUL separators, decomposed Unicode) and compares what
//! quotecheck finds with what it finds in the clean text.

use std::path::Path;

use crate::common::{read, root, run_in};
use unicode_normalization::UnicodeNormalization;

/// The fixture articles: (file stem, text).
fn fixtures() -> Vec<(String, String)> {
    let dir = root().join("fixtures/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (stem, read(&p))
        })
        .collect();
    out.sort();
    assert!(out.len() >= 10, "fixtures missing");
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// `quotecheck quotes ARGS --format jsonl` run in `dir`: the records.
fn quote_records(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["quotes"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "jsonl", "--quiet"]);
    let out = run_in(dir, &all, None);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSONL record"))
        .collect()
}

/// What must not change with the form of the input: kind, quote text with
/// whitespace collapsed and in normal form C, speaker (NFC).
fn essence(records: &[serde_json::Value]) -> Vec<(String, String, String)> {
    let text = |v: &serde_json::Value| -> String {
        let s = v.as_str().unwrap_or_default();
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .nfc()
            .collect()
    };
    records
        .iter()
        .map(|r| (text(&r["doc_id"]), text(&r["kind"]), text(&r["quote"])))
        .zip(records.iter().map(|r| text(&r["speaker"])))
        .map(|((d, k, q), s)| (format!("{d} {k}"), q, s))
        .collect()
}

/// `text` with every paragraph line wrapped greedily at `width` columns and
/// paragraphs separated by blank lines (as wire feeds and e-mail do).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for para in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let mut col = 0usize;
        for (i, word) in para.split(' ').filter(|w| !w.is_empty()).enumerate() {
            let w = word.chars().count();
            if i > 0 {
                if col + 1 + w > width {
                    out.push('\n');
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(word);
            col += w;
        }
    }
    out.push('\n');
    out
}

/// Write every fixture as `clean/<stem>.txt` and as `<form>/<stem>.<ext>`
/// made by `make` (None: the fixture cannot take that form), and return
/// the records of both directories (doc ids are the relative paths).
fn clean_and(
    form: &str,
    ext: &str,
    make: impl Fn(&str) -> Option<Vec<u8>>,
) -> (Vec<serde_json::Value>, Vec<serde_json::Value>, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut n = 0;
    for (stem, text) in fixtures() {
        if let Some(bytes) = make(&text) {
            write(dir.path(), &format!("clean/{stem}.txt"), text.as_bytes());
            write(dir.path(), &format!("{form}/{stem}.{ext}"), &bytes);
            n += 1;
        }
    }
    let clean = quote_records(dir.path(), &["clean"]);
    let other = quote_records(dir.path(), &[form]);
    (clean, other, n)
}

fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> Option<Vec<u8>> {
    let (bytes, _, unmappable) = enc.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let b = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&b);
    }
    out
}

#[test]
fn windows_1252_text_gives_the_clean_records() {
    let (clean, cp1252, n) = clean_and("cp1252", "txt", |t| encode(encoding_rs::WINDOWS_1252, t));
    assert!(n >= 10, "only {n} fixtures are windows-1252");
    // Same text once decoded: the records are identical, offsets included.
    assert!(!clean.is_empty());
    assert_eq!(clean, cp1252);
}

#[test]
fn utf16_with_byte_order_marks_gives_the_clean_records() {
    for big_endian in [false, true] {
        let (clean, u16, _) = clean_and("u16", "txt", |t| Some(utf16(t, big_endian)));
        assert_eq!(clean, u16, "big endian: {big_endian}");
    }
}

#[test]
fn cr_only_and_lf_give_identical_records_crlf_the_same_quotes() {
    let (clean, cr, _) = clean_and("cr", "txt", |t| Some(t.replace('\n', "\r").into_bytes()));
    // CR and LF texts have the same length: every offset is the same, and
    // the reported text is the source's (with its CRs).
    let as_lf = |records: Vec<serde_json::Value>| -> Vec<serde_json::Value> {
        let json = serde_json::to_string(&records).expect("json");
        serde_json::from_str(&json.replace("\\r", "\\n")).expect("json")
    };
    assert!(serde_json::to_string(&cr).is_ok_and(|j| j.contains("\\r")));
    assert_eq!(clean, as_lf(cr));
    let (clean, crlf, _) = clean_and("crlf", "txt", |t| {
        Some(t.replace('\n', "\r\n").into_bytes())
    });
    assert_eq!(essence(&clean), essence(&crlf));
}

#[test]
fn hard_wrapped_text_gives_the_same_quotes_and_speakers() {
    for width in [60, 72, 80] {
        let (clean, wrapped, _) =
            clean_and("wrapped", "txt", |t| Some(wrap(t, width).into_bytes()));
        assert!(clean.len() > 100);
        assert_eq!(essence(&clean), essence(&wrapped), "width {width}");
        // Quote text is the original's: it keeps the line breaks.
        assert!(wrapped
            .iter()
            .any(|r| r["quote"].as_str().is_some_and(|q| q.contains('\n'))));
    }
}

#[test]
fn decomposed_unicode_gives_the_same_quotes_and_speakers() {
    let (clean, nfd, _) = clean_and("nfd", "txt", |t| {
        let d: String = t.nfd().collect();
        (d != t).then(|| d.into_bytes())
    });
    assert!(!clean.is_empty());
    assert_eq!(essence(&clean), essence(&nfd));
    // An NFD copy of a sentence is an exact duplicate of the NFC one.
    let dir = tempfile::tempdir().expect("temp dir");
    let sentence = "Zoë Brontë, the mayor of Østerby, said the café would close in May.";
    let nfd: String = sentence.nfd().collect();
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": sentence}),
        serde_json::json!({"id": "b", "text": nfd})
    );
    write(dir.path(), "docs.jsonl", jsonl.as_bytes());
    let out = run_in(
        dir.path(),
        &["dedup", "docs.jsonl", "--format", "jsonl", "--quiet"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("row"))
        .collect();
    assert!(!rows.is_empty(), "no duplicate found");
    assert!(
        rows.iter()
            .all(|r| r["reason"] == "canonical" || r["reason"] == "exact"),
        "{}",
        out.stdout
    );
}

#[test]
fn nul_separators_act_like_spaces() {
    let sentences = [
        "“The bridge is safe,” Mayor Ana Ruiz said.",
        "Traffic resumed on Monday.",
        "“We will reopen it in May,” she added.",
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "space", "text": sentences.join(" ")}),
        serde_json::json!({"id": "nul", "text": sentences.join("\0")})
    );
    write(dir.path(), "docs.jsonl", jsonl.as_bytes());
    let records = quote_records(dir.path(), &["docs.jsonl"]);
    let of = |id: &str| -> Vec<serde_json::Value> {
        records
            .iter()
            .filter(|r| r["doc_id"] == id)
            .map(|r| {
                let mut r = r.clone();
                r["doc_id"] = "x".into();
                r["quote_id"] = "x".into();
                r["sentence"] = "x".into();
                r
            })
            .collect()
    };
    assert_eq!(of("space").len(), 2);
    assert_eq!(of("space"), of("nul"));
}

#[test]
fn legacy_html_page_with_meta_charset() {
    let page = "<html><head><meta charset=\"windows-1252\">\
                <link rel=\"canonical\" href=\"https://example.org/news/bridge\">\
                <meta property=\"article:published_time\" content=\"2024-05-03T09:00:00Z\">\
                </head><body><nav>Home | World</nav>\
                <div class=\"byline\">By Zoë Brontë</div>\
                <p>“The bridge is safe,” Mayor Ana Ruiz said on Friday.</p>\
                <div class=\"share-bar\">Share on Facebook</div>\
                <p>Caf&eacute; owners &hearts; it &copy 2024.</p></body></html>";
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = encode(encoding_rs::WINDOWS_1252, page).expect("windows-1252");
    write(dir.path(), "page.html", &bytes);
    let out = run_in(
        dir.path(),
        &["extract", "page.html", "--format", "jsonl"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(out.stdout.trim()).expect("doc");
    assert_eq!(
        doc["text"],
        "“The bridge is safe,” Mayor Ana Ruiz said on Friday.\n\nCafé owners ♥ it © 2024."
    );
    let out = run_in(
        dir.path(),
        &["report", "page.html", "--out", "r", "-q"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("r/summary.json"))).expect("summary");
    let d = &summary["documents"][0];
    assert_eq!(d["encoding"], "windows-1252");
    assert_eq!(d["date"], "2024-05-03T09:00:00Z");
    assert_eq!(d["url"], "https://example.org/news/bridge");
    assert_eq!(summary["counts"]["direct"], 1);
}

#[test]
fn encoding_flag_overrides_detection() {
    let dir = tempfile::tempdir().expect("temp dir");
    // UTF-8 bytes read as Latin-1 on request: mojibake, but as asked.
    write(dir.path(), "a.txt", "“Yes,” Ana Ruiz said.".as_bytes());
    let out = run_in(
        dir.path(),
        &[
            "extract",
            "a.txt",
            "--encoding",
            "latin1",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("â€œYes,â€\u{9d} Ana Ruiz said."),
        "{}",
        out.stdout
    );
    let out = run_in(
        dir.path(),
        &["extract", "a.txt", "--encoding", "klingon"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown encoding `klingon`"),
        "{}",
        out.stderr
    );
    // Damaged UTF-8 is still an error naming the byte, or U+FFFD with --lossy.
    write(dir.path(), "bad.txt", b"Caf\xC3\xA9 \xff said Ana.");
    let out = run_in(dir.path(), &["extract", "bad.txt"], None);
    assert_eq!(
        out.stderr,
        "error: bad.txt: invalid UTF-8 at byte 6 (use --lossy to replace invalid bytes)\n"
    );
    let out = run_in(
        dir.path(),
        &["extract", "bad.txt", "--lossy", "--format", "jsonl"],
        None,
    );
    assert!(
        out.stdout.contains("Café \u{FFFD} said Ana."),
        "{}",
        out.stdout
    );
}

#[test]
fn windows_1252_csv_export_is_read_with_the_encoding_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = "id,text\nr1,\"“We will not close the plant,” said Ana Ruiz, the mayor.\"\n";
    write(dir.path(), "utf8.csv", csv.as_bytes());
    let cp1252 = encode(encoding_rs::WINDOWS_1252, csv).expect("windows-1252");
    write(dir.path(), "legacy/cp1252.csv", &cp1252);
    let clean = quote_records(dir.path(), &["utf8.csv"]);
    assert_eq!(clean.len(), 1, "{clean:?}");
    let legacy = quote_records(
        dir.path(),
        &["legacy/cp1252.csv", "--encoding", "windows-1252"],
    );
    assert_eq!(essence(&legacy), essence(&clean));
    // Without the flag the row is invalid UTF-8: an error naming the row
    // (exit 2: no document was read).
    let out = run_in(dir.path(), &["quotes", "legacy/cp1252.csv"], None);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("legacy/cp1252.csv:2: invalid UTF-8"),
        "{}",
        out.stderr
    );
}

#[test]
fn other_languages_are_flagged_not_silent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fr = "Le maire de Lyon a annoncé vendredi que le pont serait rouvert lundi \
              après trois semaines de travaux.\n« Le pont est sûr », a déclaré Anne Ruiz \
              aux journalistes réunis devant la mairie.\n";
    let es = "El alcalde de Sevilla anunció el viernes que el puente volverá a abrir \
              el lunes tras tres semanas de obras.\n«El puente es seguro», dijo Ana Ruiz \
              a los periodistas reunidos frente al ayuntamiento.\n";
    write(dir.path(), "fr.txt", fr.as_bytes());
    write(dir.path(), "es.txt", es.as_bytes());
    let out = run_in(
        dir.path(),
        &["report", "fr.txt", "es.txt", "--out", "r", "-q"],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("warning: fr.txt: document `fr` looks French (fra)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("looks Spanish (spa)"), "{}", out.stderr);
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("r/summary.json"))).expect("summary");
    let langs: Vec<&str> = summary["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["language"].as_str())
        .collect();
    assert_eq!(langs, ["fra", "spa"]);
    // English articles quoting in « » and „ “ keep their direct quotes.
    let articles = root().join("fixtures/articles");
    for name in [
        "geneva-rent-guillemets.txt",
        "duisburg-bridge-german-quotes.txt",
    ] {
        let path = articles.join(name);
        let path = path.to_string_lossy();
        let quotes = quote_records(dir.path(), &[path.as_ref()]);
        let direct = quotes.iter().filter(|q| q["kind"] == "direct").count();
        assert!(direct >= 3, "{name}: {direct} direct quotes");
        let out = run_in(dir.path(), &["quotes", path.as_ref(), "-q"], None);
        assert!(!out.stderr.contains("warning"), "{}", out.stderr);
    }
}

/// `polnear-train.docs.jsonl` from `$QUOTECHECK_BENCH_DIR` or the first
/// `shared/bench` above the repository; `None` (the test is skipped) only
/// with `QUOTECHECK_SKIP_BENCH=1`.
fn polnear_docs() -> Option<Vec<(String, String)>> {
    const FILE: &str = "polnear-train.docs.jsonl";
    let found = match std::env::var_os("QUOTECHECK_BENCH_DIR") {
        Some(dir) => Some(Path::new(&dir).join(FILE)).filter(|p| p.is_file()),
        None => root()
            .ancestors()
            .skip(1)
            .map(|a| a.join("shared/bench").join(FILE))
            .find(|p| p.is_file()),
    };
    let Some(path) = found else {
        assert_eq!(
            std::env::var("QUOTECHECK_SKIP_BENCH").as_deref(),
            Ok("1"),
            "{FILE} not found in ../shared/bench (or $QUOTECHECK_BENCH_DIR); \
             set QUOTECHECK_SKIP_BENCH=1 to skip"
        );
        return None;
    };
    let docs = read(&path)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("PolNeAR line");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (s("id"), s("text"))
        })
        .collect();
    Some(docs)
}

/// A way to rewrite a text.
type Form = dyn Fn(&str) -> String;

/// On a sample of the PolNeAR train split (every 7th of the 840 articles,
/// generated at test time): CR and CRLF endings give the quotes and
/// speakers of LF; the articles wrapped at 60, 72 and 80 columns keep at
/// least 98% of them (measured: see docs/cli.md).
#[test]
fn polnear_line_endings_and_wrapping() {
    let Some(docs) = polnear_docs() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let forms: [(&str, &Form); 6] = [
        ("clean", &|t: &str| t.to_string()),
        ("cr", &|t: &str| t.replace('\n', "\r")),
        ("crlf", &|t: &str| t.replace('\n', "\r\n")),
        ("w60", &|t: &str| wrap(t, 60)),
        ("w72", &|t: &str| wrap(t, 72)),
        ("w80", &|t: &str| wrap(t, 80)),
    ];
    let mut essences = Vec::new();
    for (name, form) in forms {
        let mut jsonl = String::new();
        for (id, text) in docs.iter().step_by(7) {
            jsonl.push_str(&serde_json::json!({"id": id, "text": form(text)}).to_string());
            jsonl.push('\n');
        }
        let file = format!("{name}.jsonl");
        write(dir.path(), &file, jsonl.as_bytes());
        essences.push((name, essence(&quote_records(dir.path(), &[&file]))));
    }
    let clean = &essences[0].1;
    assert!(clean.len() > 1500, "{} quotes", clean.len());
    for (name, other) in &essences[1..] {
        let mut rest: Vec<_> = other.clone();
        let mut same = 0usize;
        for q in clean {
            if let Some(i) = rest.iter().position(|o| o == q) {
                rest.swap_remove(i);
                same += 1;
            }
        }
        let share = same as f64 / clean.len().max(other.len()) as f64;
        eprintln!(
            "{name}: {same} of {} quotes the same ({share:.4})",
            clean.len()
        );
        if name.starts_with('c') {
            assert_eq!(clean, other, "{name}");
        } else {
            assert!(share >= 0.98, "{name}: {share:.4}");
        }
    }
}
