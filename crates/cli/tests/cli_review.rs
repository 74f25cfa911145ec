//! What an editor opens: `report.xlsx` read back from its XML, and the
//! review page `index.html` loaded in a real headless Chromium
//! (`--dump-dom`, console messages read from Chromium's log).
//!
//! Chromium is Debian's `chromium` (`/usr/bin/chromium`, or the path in
//! `QUOTECHECK_CHROMIUM`); `.ci/run` installs it. Without it the browser
//! tests fail when `CI=true` and are skipped with a message otherwise.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{read, run_in};
use base64::Engine;
use sha2::{Digest, Sha256};

const MISQUOTE_A: &str =
    "“We will not negotiate with the striking unions this year,” Mayor Ana Ruiz said on Monday.";
const MISQUOTE_B: &str =
    "“We will now negotiate with the striking unions this year,” Mayor Ana Ruiz said on Monday.";
const CONFLICT: &str = "“The harbour bridge will reopen to traffic before the summer holidays,”";
/// An article whose text would run script if it were ever parsed as HTML.
const XSS: &str = "“<script>document.title='PWNED'</script> is what the audit found <img src=x \
onerror=\"document.body.setAttribute('data-pwned','1')\">,” said Dr. Eve Mallory.\n\n\
The report </script><script>document.title='PWNED2'</script> was published on Friday.\n\n\
“=1+2 is the only formula we need,” said Dr. Eve Mallory.";

/// Write the test corpus and run `quotecheck report` on it; returns the
/// temporary directory (kept alive by the caller) and the report directory.
fn report() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = [
        ("m1", MISQUOTE_A.to_string()),
        ("m2", MISQUOTE_B.to_string()),
        ("c1", format!("{CONFLICT} said Mayor Ana Ruiz.")),
        ("c2", format!("{CONFLICT} said Governor Tom Berg.")),
        ("xss", XSS.to_string()),
    ];
    for (name, text) in &docs {
        std::fs::write(dir.path().join(format!("{name}.txt")), text).expect("write doc");
    }
    let r = run_in(
        dir.path(),
        &["report", ".", "--out", "out", "--quiet"],
        None,
    );
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let out = dir.path().join("out");
    (dir, out)
}

/// The rows of `findings.csv`.
fn findings_rows(out: &Path) -> usize {
    csv::Reader::from_path(out.join("findings.csv"))
        .expect("CSV")
        .records()
        .count()
}

/// The `finding_id` of the test corpus's misquote (a dropped "not").
fn negation_finding(out: &Path) -> String {
    let mut r = csv::Reader::from_path(out.join("findings.csv")).expect("CSV");
    let headers = r.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, kind, change) = (col("finding_id"), col("kind"), col("change"));
    r.records()
        .map(|row| row.expect("row"))
        .find(|row| &row[kind] == "misquote" && &row[change] == "negation")
        .map(|row| row[id].to_string())
        .expect("the negation misquote is a finding")
}

// ---- report.xlsx --------------------------------------------------------

/// The parts of an xlsx file, by name.
fn xlsx_parts(path: &Path) -> std::collections::HashMap<String, String> {
    let file = std::fs::File::open(path).expect("open xlsx");
    let mut zip = zip::ZipArchive::new(file).expect("xlsx is a zip file");
    let mut parts = std::collections::HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("zip entry");
        let name = f.name().expect("entry name").to_string();
        let mut text = String::new();
        if f.read_to_string(&mut text).is_ok() {
            parts.insert(name, text);
        }
    }
    parts
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text between `open…>` and `close` for every occurrence of `open`.
fn elements<'a>(xml: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    xml.split(open)
        .skip(1)
        .filter_map(|s| {
            let body = &s[s.find('>')? + 1..];
            Some(&body[..body.find(close)?])
        })
        .collect()
}

/// The row number and column letters of a cell reference (`AB12`).
fn row_col(reference: &str) -> (u32, &str) {
    let digits = reference.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let row = reference[digits..].parse().expect("row number");
    (row, &reference[..digits])
}

/// A sheet's cells as (reference, text), shared strings resolved.
fn cells(sheet: &str, shared: &[String]) -> Vec<(String, String)> {
    sheet
        .split("<c r=\"")
        .skip(1)
        .map(|c| {
            let reference = c[..c.find('"').unwrap_or(0)].to_string();
            let head = &c[..c.find('>').unwrap_or(0)];
            let value = elements(c, "<v", "</v>").first().map(|v| unescape(v));
            let text = match value {
                Some(v) if head.contains("t=\"s\"") => {
                    shared[v.parse::<usize>().expect("string index")].clone()
                }
                Some(v) => v,
                None => String::new(),
            };
            (reference, text)
        })
        .collect()
}

#[test]
fn workbook_has_the_sheets_frozen_headers_filters_links_and_no_formulas() {
    let (_dir, out) = report();
    let parts = xlsx_parts(&out.join("report.xlsx"));
    let book = &parts["xl/workbook.xml"];
    let order: Vec<usize> = ["Findings", "Quotes", "Speakers", "Duplicates", "Documents"]
        .iter()
        .map(|n| book.find(&format!("name=\"{n}\"")).expect(n))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "sheet order");

    let shared: Vec<String> = elements(&parts["xl/sharedStrings.xml"], "<si", "</si>")
        .iter()
        .map(|si| elements(si, "<t", "</t>").concat())
        .map(|t| unescape(&t))
        .collect();
    for i in 1..=5 {
        let sheet = &parts[&format!("xl/worksheets/sheet{i}.xml")];
        assert!(
            sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\"") && sheet.contains("frozen"),
            "sheet {i}: frozen header row"
        );
        assert!(
            sheet.contains("<autoFilter ref=\"A1:"),
            "sheet {i}: autofilter"
        );
        assert!(!sheet.contains("<f>"), "sheet {i}: no formula");
    }

    // Findings: the editor's columns first, offsets last; one row per
    // finding; its quote ids link to their rows of Quotes.
    let findings = cells(&parts["xl/worksheets/sheet1.xml"], &shared);
    let header: Vec<&str> = findings
        .iter()
        .filter(|(r, _)| row_col(r).0 == 1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        &header[..5],
        ["rank", "severity", "kind", "change", "speaker_a"]
    );
    assert!(
        header.iter().rev().take(4).all(|h| h.starts_with("char_")),
        "{header:?}"
    );
    let rows = findings.iter().filter(|(r, _)| row_col(r).1 == "A").count() - 1;
    assert_eq!(rows, findings_rows(&out));
    assert!(rows >= 2, "a misquote and a conflicting attribution");

    let quotes = cells(&parts["xl/worksheets/sheet2.xml"], &shared);
    let links = &parts["xl/worksheets/sheet1.xml"];
    let locations: Vec<&str> = links
        .split("location=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let to_quote = locations
        .iter()
        .find(|l| l.starts_with("'Quotes'!"))
        .expect("a link from a finding to a quote");
    let target = to_quote.trim_start_matches("'Quotes'!");
    let quote_id = &quotes
        .iter()
        .find(|(r, _)| r == target)
        .expect("linked cell")
        .1;
    assert!(
        findings.iter().any(|(_, t)| t == quote_id),
        "the link's cell holds the finding's quote id {quote_id}"
    );

    // A quote that starts with `=` is text with an apostrophe, as in CSV.
    assert!(
        shared
            .iter()
            .any(|s| s.starts_with("'=1+2 is the only formula")),
        "neutralised formula cell"
    );
    assert!(read(&out.join("quotes.csv")).contains("'=1+2 is the only formula"));
}

// ---- index.html in Chromium --------------------------------------------

/// The Chromium binary, or `None` (after a message) when it is missing
/// outside CI. In CI (`CI=true`) a missing Chromium fails the test.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("QUOTECHECK_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.exists() {
        return Some(path);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(
        !ci,
        "Chromium not found at {}: .ci/run installs it",
        path.display()
    );
    eprintln!(
        "skipping: Chromium not found at {} (apt-get install chromium)",
        path.display()
    );
    None
}

/// What Chromium made of a page: the DOM after the scripts ran, and the
/// page's console messages (from Chromium's log).
struct Loaded {
    dom: String,
    console: Vec<String>,
}

/// Load `url` in headless Chromium and dump its DOM (60 s at most).
fn load(chrome: &Path, url: &str) -> Loaded {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium output");
    assert!(out.status.success(), "chromium failed on {url}");
    let log = String::from_utf8_lossy(&out.stderr);
    Loaded {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        console: log
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(String::from)
            .collect(),
    }
}

fn file_url(path: &Path, hash: &str) -> String {
    let path = path.canonicalize().expect("absolute path");
    format!("file://{}{hash}", path.display())
}

/// A copy of the page with `script` run after the page's own, allowed by
/// its hash in the page's Content-Security-Policy.
fn with_script(page: &Path, script: &str, name: &str) -> PathBuf {
    let html = read(page);
    let digest = Sha256::digest(script.as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(digest);
    let html = html
        .replacen("script-src '", &format!("script-src 'sha256-{hash}' '"), 1)
        .replacen("</body>", &format!("<script>{script}</script>\n</body>"), 1);
    let copy = page.with_file_name(name);
    std::fs::write(&copy, html).expect("write page copy");
    copy
}

/// The text of the element with `id`, up to its first child element.
fn text_of<'a>(dom: &'a str, id: &str) -> &'a str {
    let open = format!("id=\"{id}\"");
    let at = dom
        .find(&open)
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    let body = &dom[at + dom[at..].find('>').expect("tag end") + 1..];
    &body[..body.find('<').unwrap_or(body.len())]
}

#[test]
fn page_loads_without_console_errors_and_shows_every_finding() {
    let Some(chrome) = chromium() else { return };
    let (dir, out) = report();
    // The console check can fail: a page that logs is seen.
    let noisy = dir.path().join("noisy.html");
    std::fs::write(&noisy, "<script>console.error('noisy page')</script>").expect("write");
    let seen = load(&chrome, &file_url(&noisy, ""));
    assert!(
        seen.console.iter().any(|l| l.contains("noisy page")),
        "{:?}",
        seen.console
    );

    let page = load(&chrome, &file_url(&out.join("index.html"), ""));
    assert_eq!(page.console, Vec::<String>::new(), "console messages");
    let expected = findings_rows(&out);
    assert_eq!(text_of(&page.dom, "finding-count"), expected.to_string());
    assert_eq!(page.dom.matches("class=\"finding\"").count(), expected);
}

#[test]
fn clicking_a_finding_shows_its_documents_with_the_quotes_highlighted() {
    let Some(chrome) = chromium() else { return };
    let (_dir, out) = report();
    let id = negation_finding(&out);
    let click = format!(
        "addEventListener('load', () => setTimeout(() => \
         document.querySelector('tr.finding[data-finding=\"{id}\"]').click(), 0));"
    );
    let page = with_script(&out.join("index.html"), &click, "click.html");
    let loaded = load(&chrome, &file_url(&page, ""));
    assert_eq!(loaded.console, Vec::<String>::new(), "console messages");
    let dom = &loaded.dom;
    assert!(
        dom.contains(&format!("id=\"finding\" data-finding=\"{id}\"")),
        "the finding's view"
    );
    // The negation misquote: both documents, each with its quote
    // highlighted as the focus.
    for (side, doc, quote) in [
        (
            "a",
            "m1",
            "We will not negotiate with the striking unions this year,",
        ),
        (
            "b",
            "m2",
            "We will now negotiate with the striking unions this year,",
        ),
    ] {
        let at = dom
            .find(&format!("data-side=\"{side}\""))
            .unwrap_or_else(|| panic!("side {side}"));
        let pane = &dom[at..];
        let pane = &pane[pane.find(&format!("data-doc=\"{doc}\"")).expect(doc)..];
        let focus = &pane[pane.find("class=\"q focus").expect("a focused quote")..];
        let text = &focus[focus.find('>').expect(">") + 1..focus.find("</span>").expect("span")];
        assert_eq!(text, quote);
    }
    assert!(
        dom.contains("<del>not</del>") && dom.contains("<ins>now</ins>"),
        "word diff"
    );
}

#[test]
fn article_script_and_onerror_payloads_never_run() {
    let Some(chrome) = chromium() else { return };
    let (_dir, out) = report();
    let shipped = out.join("index.html");
    let raw = read(&shipped);
    assert!(!raw.contains("<script>document.title") && !raw.contains("<img src=x"));
    // The page as written (with its Content-Security-Policy), and a copy
    // without the policy: the rendering alone must keep the payloads text.
    let no_csp = shipped.with_file_name("no-csp.html");
    let start = raw
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("CSP");
    let end = start + raw[start..].find('>').expect("meta end") + 1;
    std::fs::write(&no_csp, format!("{}{}", &raw[..start], &raw[end..])).expect("write");
    for page in [&shipped, &no_csp] {
        for hash in ["#doc=xss", "#doc=xss&q=xss%231"] {
            let loaded = load(&chrome, &file_url(page, hash));
            let dom = &loaded.dom;
            assert_eq!(loaded.console, Vec::<String>::new(), "{hash}");
            assert!(
                dom.contains("<title>quotecheck review</title>"),
                "title kept"
            );
            assert!(!dom.contains("PWNED</title>") && !dom.contains("data-pwned=\"1\""));
            assert!(!dom.contains("<img"), "no element from article text");
            assert!(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"));
            assert!(dom.contains("onerror=\"document.body.setAttribute"));
            assert!(dom.contains("data-doc=\"xss\""), "the article is shown");
        }
    }
}
