//! HTML: the main text of a web page as one document.
//!
//! Stage: ingest (shell), pure part. Input: the page's bytes (decompressed, BOM stripped)
//! and its name. Output: one [`Article`] whose text is the article's blocks (paragraphs,
//! headings, list items, quotes) separated by "\n\n", each block's whitespace collapsed to
//! single spaces (a single `<br>` gives a "\n", two or more end the block), blocks that
//! are only page furniture ("Advertisement", "Read more") dropped; metadata from
//! `<title>`, `<meta>` and `<link rel=canonical>`.
//!
//! The main content is found by `dom_smoothie` (a port of Mozilla's readability.js). When
//! it finds nothing, fails, would meet a too deeply nested tree, or panics (every call
//! into it is wrapped in `catch_unwind`), a plain extraction of `<p>`, `<h1>`…`<h6>`,
//! `<li>`, `<blockquote>`, `<pre>` blocks outside navigation, headers, footers, asides and
//! forms is used instead, with a warning.
//!
//! Must not: panic on any input (tag soup, broken entities, deep nesting: every tree walk
//! here is iterative), keep script, style or navigation text, or do IO.

use crate::problem::{preview, Issue, Problem};
use crate::{date, text, Item};
use article::{Article, Meta};
use dom_query::{Document, NodeRef};
use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Pages nested deeper than this skip readability (its walks may recurse) and use the
/// plain extraction.
const MAX_DEPTH_FOR_READABILITY: usize = 400;

/// Elements whose content is never text of the article.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "picture", "img", "figure", "button", "select", "option",
    "input", "textarea", "form", "nav", "aside", "header", "footer", "menu", "dialog",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "section",
    "article",
    "main",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// Elements whose text the plain extraction keeps (in `ContentOnly` mode).
const CONTENT: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
];

/// Whole blocks (lower case) that are page furniture, not article text.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "skip advertisement",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "scroll to continue with content",
];

/// `<meta>` keys (name, property or itemprop, lower case) giving the publication date,
/// most trusted first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
];

/// What the extraction found.
#[derive(Debug, Default)]
struct Extracted {
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    source: Option<String>,
    blocks: Vec<String>,
    /// Why readability's result was not used, when it was not.
    fallback: Option<String>,
}

/// Turns an HTML page into one document (or problems).
pub(crate) fn parse(name: &str, bytes: Vec<u8>, out: &mut VecDeque<Item>) {
    let html = text::decode(name, None, bytes, out);
    let problem = |issue| Item::Problem(Problem::from_issue(name, None, issue));
    let ex = match catch_unwind(AssertUnwindSafe(|| extract(&html))) {
        Ok(ex) => ex,
        Err(_) => {
            // Readability is the likeliest culprit; retry without it.
            match catch_unwind(AssertUnwindSafe(|| {
                let doc = Document::from(html.as_str());
                let mut ex = metadata(&doc);
                ex.blocks = plain_blocks(&doc);
                ex.fallback = Some("it crashed".to_string());
                ex
            })) {
                Ok(ex) => ex,
                Err(_) => {
                    out.push_back(problem(Issue::HtmlPanic));
                    return;
                }
            }
        }
    };
    if ex.blocks.is_empty() {
        out.push_back(problem(Issue::HtmlNoText));
        return;
    }
    if let Some(reason) = ex.fallback {
        out.push_back(problem(Issue::HtmlFallback(reason)));
    }
    let published = ex.published.and_then(|p| {
        let d = date::normalize(&p);
        if d.is_none() {
            out.push_back(problem(Issue::BadPublished(preview(&p, 40))));
        }
        d
    });
    let meta = Meta {
        doc_id: name.to_string(),
        source: ex.source,
        url: ex.url,
        published,
        title: ex.title,
    };
    out.push_back(Item::Doc(Article::new(meta, ex.blocks.join("\n\n"))));
}

/// Metadata, then readability, then the plain extraction if needed.
fn extract(html: &str) -> Extracted {
    let doc = Document::from(html);
    let mut ex = metadata(&doc);
    if max_depth(&doc) > MAX_DEPTH_FOR_READABILITY {
        ex.blocks = plain_blocks(&doc);
        ex.fallback = Some(format!("nesting deeper than {MAX_DEPTH_FOR_READABILITY}"));
        return ex;
    }
    match readability(doc) {
        Ok((title, published, blocks)) => {
            if title.is_some() {
                ex.title = title;
            }
            if ex.published.is_none() {
                ex.published = published;
            }
            ex.blocks = blocks;
        }
        Err(reason) => {
            // Readability changed the document it was given: parse afresh.
            ex.blocks = plain_blocks(&Document::from(html));
            ex.fallback = Some(reason);
        }
    }
    ex
}

type Readable = (Option<String>, Option<String>, Vec<String>);

/// Runs readability; `Err` says why its result is unusable.
fn readability(doc: Document) -> Result<Readable, String> {
    let cfg = dom_smoothie::Config::default();
    let mut r = dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .map_err(|e| e.to_string())?;
    let article = r.parse().map_err(|e| e.to_string())?;
    let content = Document::fragment(article.content);
    let blocks = blocks(&content.root(), Mode::All);
    if blocks.is_empty() {
        return Err("its result has no text".to_string());
    }
    let title = collapse(&article.title);
    Ok((non_empty(title), article.published_time, blocks))
}

/// The plain extraction: `CONTENT` blocks, or every block if there are none.
fn plain_blocks(doc: &Document) -> Vec<String> {
    let root = doc.root();
    let found = blocks(&root, Mode::ContentOnly);
    if found.is_empty() {
        blocks(&root, Mode::All)
    } else {
        found
    }
}

/// Title, date, URL and site name from the page's head.
fn metadata(doc: &Document) -> Extracted {
    let mut ex = Extracted::default();
    let mut published: Option<(usize, String)> = None;
    for meta in doc.select("meta").nodes() {
        let Some(content) = meta.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key_attr in ["property", "name", "itemprop"] {
            let Some(key) = meta.attr(key_attr) else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            if let Some(rank) = PUBLISHED_KEYS.iter().position(|k| *k == key) {
                let better = match &published {
                    Some((best, _)) => rank < *best,
                    None => true,
                };
                if better {
                    published = Some((rank, content.to_string()));
                }
            }
            match key.as_str() {
                "og:site_name" if ex.source.is_none() => ex.source = Some(collapse(content)),
                "og:url" if ex.url.is_none() => ex.url = Some(content.to_string()),
                _ => {}
            }
        }
    }
    ex.published = published.map(|(_, p)| p).or_else(|| {
        let time = doc.select("time[itemprop=datePublished]");
        time.nodes()
            .first()
            .and_then(|t| t.attr("datetime"))
            .map(|d| d.to_string())
    });
    for link in doc.select("link[rel=canonical]").nodes() {
        if let Some(href) = link.attr("href") {
            if !href.trim().is_empty() {
                ex.url = Some(href.trim().to_string());
                break;
            }
        }
    }
    ex.title = doc
        .select("title")
        .nodes()
        .first()
        .and_then(|t| non_empty(collapse(&t.text())));
    ex
}

/// Which text [`blocks`] keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Every block outside `SKIP` elements.
    All,
    /// Only text inside `CONTENT` elements.
    ContentOnly,
}

/// One step of the iterative tree walk.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit { block: bool, content: bool },
}

/// The text blocks under `root`, whitespace collapsed, empty blocks dropped.
fn blocks(root: &NodeRef<'_>, mode: Mode) -> Vec<String> {
    let mut acc = Blocks::default();
    let mut content_depth = 0usize;
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Exit { block, content } => {
                if block {
                    acc.flush();
                }
                if content {
                    content_depth = content_depth.saturating_sub(1);
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            if mode == Mode::All || content_depth > 0 {
                acc.push_text(&node.text());
            }
            continue;
        }
        if node.is_element() {
            let name = node.node_name().map(|n| n.to_ascii_lowercase());
            let name = name.as_deref().unwrap_or("");
            if SKIP.contains(&name) || is_hidden(&node) {
                continue;
            }
            if name == "br" {
                acc.line_break();
                continue;
            }
            let block = BLOCKS.contains(&name);
            let content = CONTENT.contains(&name);
            if block {
                acc.flush();
            }
            if content {
                content_depth += 1;
            }
            stack.push(Step::Exit { block, content });
        } else if !(node.is_document() || node.is_fragment()) {
            continue; // comments, doctypes, processing instructions
        }
        let children = node.children();
        stack.extend(children.into_iter().rev().map(Step::Enter));
    }
    acc.flush();
    acc.blocks
}

/// True for elements marked hidden.
fn is_hidden(node: &NodeRef<'_>) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// Accumulates text into whitespace-collapsed blocks.
///
/// One `<br>` becomes a "\n" inside the block; two or more in a row end the block.
#[derive(Default)]
struct Blocks {
    blocks: Vec<String>,
    current: String,
    space: bool,
    breaks: usize,
}

impl Blocks {
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if !self.current.is_empty() {
                if self.breaks > 0 {
                    self.current.push('\n');
                } else if self.space {
                    self.current.push(' ');
                }
            }
            self.space = false;
            self.breaks = 0;
            self.current.push(c);
        }
    }

    fn line_break(&mut self) {
        if self.current.is_empty() {
            return;
        }
        self.breaks += 1;
        if self.breaks >= 2 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        if !block.is_empty() && !FURNITURE.contains(&block.to_lowercase().as_str()) {
            self.blocks.push(block);
        }
        self.space = false;
        self.breaks = 0;
    }
}

/// The greatest element depth of the tree (iteratively).
fn max_depth(doc: &Document) -> usize {
    let mut max = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        max = max.max(depth);
        for child in node.children() {
            if child.is_element() {
                stack.push((child, depth + 1));
            }
        }
    }
    max
}

/// `s` with whitespace runs collapsed to one space and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}
