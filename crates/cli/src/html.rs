//! Main-text and metadata extraction from HTML pages.
//!
//! The page is parsed by `html5ever` (through `scraper`), the HTML5 parser
//! of Servo: it decodes every HTML5 character reference (`&ETH;`,
//! `&hearts;`, a bare `&copy`), repairs unclosed elements as browsers do,
//! and runs in time linear in the page. The tree is then walked once,
//! without recursion, keeping the text an editor reads:
//!
//! - Dropped with their content: `script`, `style`, `noscript`, `template`,
//!   `head`, `nav`, `header`, `footer`, `aside`, `svg`, `iframe`, `object`,
//!   `button`, `select`, `textarea`, `title`, `math`, `dialog`; elements
//!   with the `hidden` attribute or `aria-hidden="true"`; elements whose
//!   `role` is `navigation`, `banner`, `contentinfo`, `complementary`,
//!   `search` or `dialog`.
//! - Dropped when their `class` or `id` has a word of [`BOILERPLATE`]
//!   (`byline`, `share`, `newsletter`, `cookie`, `related`, …) and they hold
//!   less than a third of the page's text (a page-wide wrapper that happens
//!   to be called `page-with-sidebar` is kept).
//! - Block elements (`p`, `div`, `h1`…`h6`, `li`, `blockquote`, `section`,
//!   `article`, `table`, `tr`, …) become paragraph breaks (`\n\n`); `br`
//!   becomes a line break (`\n`); table cells are separated by a space.
//! - Runs of whitespace collapse to one space (except inside `pre`); the
//!   result has no leading or trailing whitespace.
//! - When the page has `<article>` elements (or an element with
//!   `itemprop="articleBody"`) whose text is at least a third of the page's
//!   text, only their text is kept.
//!
//! The page's metadata ([`Page::date`], [`Page::url`]) comes from `<meta>`,
//! `<link rel="canonical">`, JSON-LD and `<time>` elements.
//!
//! Quote offsets reported for an HTML input refer to the extracted text,
//! which `quotecheck extract` prints.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{Html, Node};

/// Elements dropped together with everything inside them.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "svg",
    "iframe", "object", "button", "select", "textarea", "title", "xmp", "math", "dialog",
];

/// ARIA roles of page furniture.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
];

/// Words of a `class` or `id` (split at anything but letters and digits,
/// case-insensitive) that mark a block of page furniture.
pub const BOILERPLATE: &[&str] = &[
    "byline",
    "author",
    "authors",
    "share",
    "sharing",
    "sharebar",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "related",
    "recommended",
    "recirculation",
    "popular",
    "trending",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "footer",
    "masthead",
    "comments",
    "comment",
    "tags",
    "paywall",
    "modal",
    "popup",
    "outbrain",
    "taboola",
    "sronly",
    "sr",
    "visuallyhidden",
];

/// Elements that end and begin a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The main text of a page and what the page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The main text.
    pub text: String,
    /// Publication date as the page gives it (`article:published_time`,
    /// JSON-LD `datePublished`, `itemprop="datePublished"`, `<meta
    /// name="date">`, the first `<time datetime>`), in that order.
    pub date: Option<String>,
    /// The page's address (`<link rel="canonical">`, then `og:url`).
    pub url: Option<String>,
}

/// Text being assembled with collapsed whitespace and pending breaks.
#[derive(Default)]
struct Sink {
    buf: String,
    space: bool,
    brk: u8,
}

impl Sink {
    fn flush_pending(&mut self) {
        if !self.buf.is_empty() {
            match self.brk {
                2 => self.buf.push_str("\n\n"),
                1 => self.buf.push('\n'),
                _ if self.space => self.buf.push(' '),
                _ => {}
            }
        }
        self.brk = 0;
        self.space = false;
    }

    fn text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if pre {
                if c == '\n' || c == '\r' {
                    if !self.buf.is_empty() {
                        self.brk = self.brk.max(1);
                    }
                    continue;
                }
                if !c.is_whitespace() || !self.buf.is_empty() {
                    self.flush_pending();
                    self.buf.push(c);
                }
            } else if c.is_whitespace() {
                self.space = true;
            } else {
                self.flush_pending();
                self.buf.push(c);
            }
        }
    }

    fn element(&mut self, name: &str) {
        if name == "br" {
            self.brk = self.brk.max(1);
        } else if name == "td" || name == "th" {
            self.space = true;
        } else if BLOCK.contains(&name) {
            self.brk = 2;
        }
    }
}

/// Extract the main text of an HTML page.
///
/// ```
/// use quotecheck::html::extract;
/// let page = "<html><head><title>T</title><script>var a = '<p>';</script></head>\
///             <body><nav>Home | World</nav><p>Mayor Ana Ruiz said: \
///             &ldquo;It is safe.&rdquo;</p><!-- ad --><p>Tom &amp; Jerry &hearts;</p></body></html>";
/// assert_eq!(extract(page), "Mayor Ana Ruiz said: “It is safe.”\n\nTom & Jerry ♥");
/// ```
pub fn extract(html: &str) -> String {
    extract_page(html).text
}

/// Extract the main text and the metadata of an HTML page.
pub fn extract_page(html: &str) -> Page {
    let dom = Html::parse_document(&cap_depth(html, MAX_DEPTH));
    let survey = survey(&dom);
    let mut sink = Sink::default();
    let mut skip: Option<NodeId> = None;
    let mut main_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        if survey.dropped(node.id(), e) {
                            skip = Some(node.id());
                            continue;
                        }
                        let main = survey.main.contains(&node.id());
                        main_depth += usize::from(main);
                        if !survey.use_main || main_depth > 0 {
                            sink.element(e.name());
                        }
                        pre_depth += usize::from(e.name() == "pre");
                    }
                    Node::Text(t) if !survey.use_main || main_depth > 0 => {
                        sink.text(t, pre_depth > 0);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if closes_skipped(&mut skip, node.id()) {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if !survey.use_main || main_depth > 0 {
                        sink.element(e.name());
                    }
                    main_depth -= usize::from(survey.main.contains(&node.id()));
                    pre_depth -= usize::from(e.name() == "pre");
                }
            }
        }
    }
    let mut text = sink.buf;
    // Preformatted text keeps its spaces, so it can end in whitespace.
    text.truncate(text.trim_end().len());
    Page {
        text,
        date: survey.date(),
        url: survey.url.or(survey.og_url),
    }
}

/// Nesting depth beyond which start tags are dropped before parsing (their
/// text is kept). The HTML5 tree builder looks through the open elements for
/// every tag, so thousands of unclosed elements would make parsing
/// quadratic; browsers cap the depth too (Blink at 512).
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content, or whose end tag is implied by the
/// next sibling: they do not deepen the nesting.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "rb", "rt", "rp", "colgroup", "caption",
];

/// Elements whose content is text, not markup.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// `html` without the start tags nested deeper than `limit` (counted
/// roughly: start tags minus end tags, without void and self-closing-by-
/// sibling elements); borrowed when no tag is that deep, as in every real
/// page. One linear pass.
fn cap_depth(html: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(p) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + p;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let start = lt + 1 + usize::from(closing);
        let mut end = start;
        while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'-') {
            end += 1;
        }
        if end == start || !bytes[start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let after = tag_end(bytes, end);
        i = after;
        if closing {
            if !FLAT.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if RAW.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ci(bytes, after, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        if depth > limit {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = after;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(html),
    }
}

/// Index just past the `>` that ends a tag whose attributes start at `from`
/// (quoted attribute values may contain `>`).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    let mut quote: Option<u8> = None;
    while j < bytes.len() {
        let b = bytes[j];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'>' => return j + 1,
            None if (b == b'"' || b == b'\'') && bytes[j - 1] == b'=' => quote = Some(b),
            None => {}
        }
        j += 1;
    }
    bytes.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// On a close edge: true when it is inside a dropped subtree or ends it
/// (then the subtree is left).
fn closes_skipped(skip: &mut Option<NodeId>, id: NodeId) -> bool {
    if *skip == Some(id) {
        *skip = None;
        return true;
    }
    skip.is_some()
}

/// What a first walk over the tree learns: text sizes, the main-content
/// elements and the metadata.
#[derive(Default)]
struct Survey {
    /// Characters of text outside always-dropped elements.
    total: usize,
    /// Text sizes of elements whose class or id marks boilerplate.
    furniture: HashMap<NodeId, usize>,
    /// Outermost `<article>` / `itemprop="articleBody"` elements.
    main: Vec<NodeId>,
    /// Keep only the text inside `main`.
    use_main: bool,
    /// Dates found, by priority (lower first).
    dates: Vec<(u8, String)>,
    url: Option<String>,
    og_url: Option<String>,
}

impl Survey {
    /// Whether an element is dropped with its content.
    fn dropped(&self, id: NodeId, e: &Element) -> bool {
        always_dropped(e)
            || self
                .furniture
                .get(&id)
                .is_some_and(|&len| len * 3 < self.total)
    }

    fn date(&self) -> Option<String> {
        self.dates
            .iter()
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, d)| d.clone())
    }

    fn metadata(&mut self, e: &Element, text: Option<String>) {
        let attr = |n: &str| e.attr(n).map(str::trim).filter(|v| !v.is_empty());
        match e.name() {
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"))
                    .map(str::to_ascii_lowercase);
                let Some(content) = attr("content").map(String::from) else {
                    return;
                };
                match key.as_deref() {
                    Some("article:published_time") => self.dates.push((0, content)),
                    Some("datepublished") => self.dates.push((2, content)),
                    Some("date" | "pubdate" | "publishdate" | "dc.date" | "dc.date.issued") => {
                        self.dates.push((3, content))
                    }
                    Some("og:url") if self.og_url.is_none() => self.og_url = Some(content),
                    _ => {}
                }
            }
            "link" if self.url.is_none() => {
                let canonical = attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    self.url = attr("href").map(String::from);
                }
            }
            "time" => {
                if let Some(d) = attr("datetime") {
                    self.dates.push((4, d.to_string()));
                }
            }
            "script" => {
                if let Some(d) = text.as_deref().and_then(json_ld_date) {
                    self.dates.push((1, d));
                }
            }
            _ => {}
        }
    }
}

/// Elements dropped whatever their size: by name, `hidden`, ARIA.
fn always_dropped(e: &Element) -> bool {
    SKIP.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || e.attr("role").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|w| SKIP_ROLES.iter().any(|s| w.eq_ignore_ascii_case(s)))
        })
}

/// Whether an element's `class` or `id` marks page furniture; the page's
/// outer elements and articles never are.
fn furniture(e: &Element) -> bool {
    if matches!(e.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    let words = |v: &str| {
        v.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| BOILERPLATE.iter().any(|b| w.eq_ignore_ascii_case(b)))
    };
    let joined = |v: &str| {
        // `sr-only`, `visually-hidden`, `share-bar` as one word.
        v.split_ascii_whitespace().any(|c| {
            let w: String = c.chars().filter(char::is_ascii_alphanumeric).collect();
            BOILERPLATE.iter().any(|b| w.eq_ignore_ascii_case(b))
        })
    };
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| words(v) || joined(v))
}

/// Whether an element holds the article itself.
fn main_content(e: &Element) -> bool {
    e.name() == "article"
        || e.attr("itemprop")
            .is_some_and(|v| v.split_ascii_whitespace().any(|w| w == "articleBody"))
}

/// The first walk: sizes, main elements, metadata. Linear in the page.
fn survey(dom: &Html) -> Survey {
    let mut s = Survey::default();
    // Open elements being measured: (id, text total when opened, is main).
    let mut open: Vec<(NodeId, usize, bool)> = Vec::new();
    let mut skip: Option<NodeId> = None;
    let mut main_depth = 0usize;
    let mut main_total = 0usize;
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let script_text = (e.name() == "script"
                        && e.attr("type").is_some_and(|t| t.contains("ld+json")))
                    .then(|| {
                        node.children()
                            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                            .collect::<String>()
                    });
                    s.metadata(e, script_text);
                    if skip.is_some() {
                        continue;
                    }
                    if always_dropped(e) {
                        skip = Some(node.id());
                        continue;
                    }
                    let main = main_content(e) && main_depth == 0;
                    if main {
                        s.main.push(node.id());
                    }
                    main_depth += usize::from(main_content(e));
                    if main || furniture(e) {
                        open.push((node.id(), s.total, main));
                    }
                }
                Node::Text(t) if skip.is_none() => {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    s.total += n;
                    if main_depth > 0 {
                        main_total += n;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if closes_skipped(&mut skip, node.id()) {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    main_depth -= usize::from(main_content(e));
                }
                if open.last().is_some_and(|(id, ..)| *id == node.id()) {
                    if let Some((id, start, main)) = open.pop() {
                        if !main {
                            s.furniture.insert(id, s.total - start);
                        }
                    }
                }
            }
        }
    }
    s.use_main = main_total > 0 && main_total * 3 >= s.total;
    s
}

/// `datePublished` anywhere in a JSON-LD block (objects, arrays, `@graph`).
fn json_ld_date(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json.trim()).ok()?;
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(d)) = map.get("datePublished") {
                    return Some(d.trim().to_string());
                }
                stack.extend(map.values().rev());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_all_of_html5() {
        assert_eq!(
            extract("<p>&ETH;&hearts; &copy 2024 &amp;c &notit; &#x201C;x&#8221; &bogus;</p>"),
            "Ð♥ © 2024 &c ¬it; “x” &bogus;"
        );
    }

    #[test]
    fn furniture_is_dropped() {
        let page = r#"<html><body>
            <header><h1>Site</h1></header>
            <div class="article-byline">By Jane Doe</div>
            <ul class="social-share"><li>Share on X</li></ul>
            <p>“It is safe,” said Ana Ruiz, the mayor of the town, on Friday.</p>
            <div id="newsletter-signup">Sign up for our newsletter</div>
            <div class="cookie-banner">We use cookies</div>
            <section class="related-links"><a>Other story</a></section>
            <span class="sr-only">Advertisement</span>
            <p>The bridge reopens on Monday after three weeks of repairs.</p>
            <footer>© Paper</footer></body></html>"#;
        assert_eq!(
            extract(page),
            "“It is safe,” said Ana Ruiz, the mayor of the town, on Friday.\n\n\
             The bridge reopens on Monday after three weeks of repairs."
        );
    }

    #[test]
    fn a_page_wide_wrapper_is_not_furniture() {
        let page = r#"<body><div class="page with-sidebar"><p>Text of the story.</p>
            <div class="sidebar">Box</div></div></body>"#;
        assert_eq!(extract(page), "Text of the story.");
    }

    #[test]
    fn articles_are_preferred() {
        let page = "<body><div>Menu one two three</div><article><p>Story text here, long \
                    enough to matter.</p></article><div>More</div></body>";
        assert_eq!(extract(page), "Story text here, long enough to matter.");
    }

    #[test]
    fn metadata() {
        let page = r#"<html><head>
            <link rel="canonical" href="https://example.org/a/1">
            <meta property="og:url" content="https://example.org/og">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-05-01T10:00:00Z"}]}</script>
            </head><body><time datetime="2024-05-02">May 2</time><p>Text.</p></body></html>"#;
        let p = extract_page(page);
        assert_eq!(p.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(p.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        let og = r#"<meta property="article:published_time" content="2023-01-01">
            <meta property="og:url" content="https://example.org/og"><p>x</p>"#;
        let p = extract_page(og);
        assert_eq!(p.url.as_deref(), Some("https://example.org/og"));
        assert_eq!(p.date.as_deref(), Some("2023-01-01"));
        let time = extract_page("<p><time datetime=' 2022-03-04 '>then</time> text</p>");
        assert_eq!(time.date.as_deref(), Some("2022-03-04"));
        assert_eq!(time.url, None);
    }

    #[test]
    fn depth_cap() {
        let page = "<div><p>a<div class=x>b</div>".repeat(3) + "<script>'<div>'</script>";
        assert!(matches!(cap_depth(&page, 4), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            cap_depth(&page, 2),
            "<div><p>a<div class=x>b</div><div><p>ab</div><p>ab</div><script>'<div>'</script>"
        );
    }

    #[test]
    fn deep_unclosed_nesting() {
        // 300,000 unclosed elements, some of them dropped ones (the
        // scaling itself is measured by the pathological bench).
        let page = "<div><nav><b>".repeat(100_000) + "text";
        assert_eq!(extract(&page), "");
        let page = "<div><span>".repeat(100_000) + "text";
        assert_eq!(extract(&page), "text");
    }
}
