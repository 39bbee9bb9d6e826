//! Behaviour tests of the ingest crate through its public API, on files built in a temp
//! dir and on bytes in memory.
//!
//! Stage: ingest (tests). Input: small hand-made files (text, JSON Lines, HTML, gzip,
//! broken ones). Output: assertions on the items read.
//! Must not: depend on files outside the temp dir or on the order of other tests.

use flate2::write::GzEncoder;
use flate2::Compression;
use ingest::{read_bytes, Format, Item, ReadOptions, Reader, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};

// ---------- helpers ----------

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write");
    path
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

fn read(paths: &[PathBuf]) -> Vec<Item> {
    Reader::new(paths, ReadOptions::default()).collect()
}

fn docs(items: &[Item]) -> Vec<&ingest::Article> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(a) => Some(a),
            Item::Problem(_) => None,
        })
        .collect()
}

fn problems(items: &[Item]) -> Vec<&ingest::Problem> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Problem(p) => Some(p),
            Item::Doc(_) => None,
        })
        .collect()
}

/// Asserts exactly one problem, of this severity, whose message contains `needle`.
fn one_problem<'a>(items: &'a [Item], severity: Severity, needle: &str) -> &'a ingest::Problem {
    let ps = problems(items);
    assert_eq!(ps.len(), 1, "expected one problem, got {ps:#?}");
    assert_eq!(ps[0].severity, severity, "{}", ps[0]);
    assert!(ps[0].message.contains(needle), "{}", ps[0]);
    ps[0]
}

fn ids(items: &[Item]) -> Vec<String> {
    docs(items).iter().map(|a| a.meta.doc_id.clone()).collect()
}

// ---------- plain text ----------

#[test]
fn text_file_title_and_verbatim_body() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "a.txt",
        "\u{feff}Troops withdraw\r\n\r\nKABUL — Troops left.\r\n\r\nMore.\r\n".as_bytes(),
    );
    let items = read(std::slice::from_ref(&p));
    assert!(problems(&items).is_empty(), "{items:#?}");
    let d = docs(&items);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].meta.doc_id, p.display().to_string());
    assert_eq!(d[0].meta.title.as_deref(), Some("Troops withdraw"));
    assert_eq!(d[0].text, "KABUL — Troops left.\r\n\r\nMore.\r\n");
    assert!(d[0].tokens.is_empty() && d[0].sentences.is_empty());
}

#[test]
fn text_without_title_is_whole_file() {
    let body = "First line of a paragraph\ncontinues here.\n\nSecond.";
    let items = read_bytes("x.txt", body.as_bytes(), Some(Format::Text));
    let d = docs(&items);
    assert_eq!(d[0].meta.title, None);
    assert_eq!(d[0].text, body);
    assert_eq!(d[0].meta.doc_id, "x.txt");
}

#[test]
fn text_only_whitespace_gives_no_document() {
    let items = read_bytes("w.txt", b" \n\t\n", Some(Format::Text));
    one_problem(&items, Severity::Warning, "only whitespace");
    assert!(docs(&items).is_empty());
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_warning() {
    let items = read_bytes("l.txt", b"caf\xe9 au lait", Some(Format::Text));
    let p = one_problem(&items, Severity::Warning, "invalid UTF-8");
    assert!(p.message.contains("offset 3"), "{p}");
    assert_eq!(docs(&items)[0].text, "caf\u{fffd} au lait");
}

// ---------- JSON Lines ----------

const GOOD: &str = r#"{"doc_id":"d1","source":"AP","url":"https://x/1","published":"2021-08-26","title":"T","text":"Body one.","events":[{"event_type":"ASSAULT"}],"note":"n"}"#;

#[test]
fn jsonl_fields_and_unknown_fields_ignored() {
    let items = read_bytes("g.jsonl", GOOD.as_bytes(), Some(Format::Jsonl));
    assert!(problems(&items).is_empty(), "{items:#?}");
    let d = docs(&items);
    assert_eq!(d.len(), 1);
    let m = &d[0].meta;
    assert_eq!(m.doc_id, "d1");
    assert_eq!(m.source.as_deref(), Some("AP"));
    assert_eq!(m.url.as_deref(), Some("https://x/1"));
    assert_eq!(m.published.as_deref(), Some("2021-08-26"));
    assert_eq!(m.title.as_deref(), Some("T"));
    assert_eq!(d[0].text, "Body one.");
}

#[test]
fn jsonl_malformed_line_is_reported_and_reading_continues() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = format!(
        "{GOOD}\n\n   \n{{\"doc_id\": \"d2\", \"text\": \n{}\r\n",
        GOOD.replace("d1", "d3")
    );
    let p = write(dir.path(), "x.jsonl", content.as_bytes());
    let items = read(std::slice::from_ref(&p));
    assert_eq!(ids(&items), ["d1", "d3"]);
    let prob = one_problem(&items, Severity::Error, "invalid JSON");
    assert_eq!(prob.line, Some(4));
    assert_eq!(
        prob.to_string(),
        format!(
            "error: {}:4: invalid JSON (EOF while parsing a value at column 25); line skipped",
            p.display()
        )
    );
    // Order: d1, the problem, d3.
    assert!(matches!(items[1], Item::Problem(_)));
}

#[test]
fn jsonl_garbage_json_message() {
    let items = read_bytes("x.jsonl", b"{oops}\n", Some(Format::Jsonl));
    let p = one_problem(&items, Severity::Error, "invalid JSON");
    assert_eq!(
        p.to_string(),
        "error: x.jsonl:1: invalid JSON (key must be a string at column 2); line skipped"
    );
    // Columns count from the start of the line, leading blanks included.
    let items = read_bytes("x.jsonl", b"   {oops}\n", Some(Format::Jsonl));
    one_problem(&items, Severity::Error, "key must be a string at column 5");
}

#[test]
fn jsonl_missing_doc_id_uses_path_and_line() {
    let items = read_bytes("f.jsonl", b"\n{\"text\":\"x\"}\n", Some(Format::Jsonl));
    let p = one_problem(&items, Severity::Warning, "no \"doc_id\"");
    assert_eq!(p.line, Some(2));
    assert_eq!(ids(&items), ["f.jsonl:2"]);
    // A numeric id is used as is.
    let items = read_bytes(
        "f.jsonl",
        b"{\"doc_id\":42,\"text\":\"x\"}",
        Some(Format::Jsonl),
    );
    assert!(problems(&items).is_empty());
    assert_eq!(ids(&items), ["42"]);
}

#[test]
fn jsonl_missing_or_non_string_text_skips_line() {
    let items = read_bytes("f.jsonl", b"{\"doc_id\":\"a\"}\n", Some(Format::Jsonl));
    one_problem(&items, Severity::Error, "no \"text\" field; line skipped");
    assert!(docs(&items).is_empty());
    let items = read_bytes(
        "f.jsonl",
        b"{\"doc_id\":\"a\",\"text\":null}",
        Some(Format::Jsonl),
    );
    one_problem(&items, Severity::Error, "no \"text\" field");
    let items = read_bytes(
        "f.jsonl",
        b"{\"doc_id\":\"a\",\"text\":[1]}",
        Some(Format::Jsonl),
    );
    one_problem(
        &items,
        Severity::Error,
        "\"text\" is an array, not a string",
    );
}

#[test]
fn jsonl_non_object_line() {
    let items = read_bytes(
        "f.jsonl",
        b"{\"text\":\"a\",\"doc_id\":\"a\"}\n[1,2]\n",
        None,
    );
    let p = one_problem(
        &items,
        Severity::Error,
        "expected a JSON object, found an array",
    );
    assert_eq!(p.line, Some(2));
    assert_eq!(ids(&items), ["a"]);
}

#[test]
fn jsonl_bom_mid_file_from_concatenation() {
    let bytes = format!("\u{feff}{GOOD}\n\u{feff}{}\n", GOOD.replace("d1", "d2"));
    let items = read_bytes("cat.jsonl", bytes.as_bytes(), None);
    assert!(problems(&items).is_empty(), "{items:#?}");
    assert_eq!(ids(&items), ["d1", "d2"]);
}

#[test]
fn reader_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Reader>();
    assert_send::<Item>();
}

#[test]
fn jsonl_empty_text_is_kept_with_warning() {
    let items = read_bytes(
        "f.jsonl",
        b"{\"doc_id\":\"e\",\"text\":\"\"}",
        Some(Format::Jsonl),
    );
    one_problem(&items, Severity::Warning, "empty \"text\"; document kept");
    let d = docs(&items);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].text, "");
}

#[test]
fn jsonl_published_forms() {
    let line = |p: &str| format!("{{\"doc_id\":\"a\",\"text\":\"t\",\"published\":{p}}}");
    let items = read_bytes(
        "f.jsonl",
        line("\"2021-08-26T10:00:00+04:30\"").as_bytes(),
        None,
    );
    assert!(problems(&items).is_empty());
    assert_eq!(
        docs(&items)[0].meta.published.as_deref(),
        Some("2021-08-26")
    );
    let items = read_bytes("f.jsonl", line("null").as_bytes(), None);
    assert!(problems(&items).is_empty());
    assert_eq!(docs(&items)[0].meta.published, None);
    let items = read_bytes("f.jsonl", line("\"26 Aug 2021\"").as_bytes(), None);
    one_problem(
        &items,
        Severity::Warning,
        "\"26 Aug 2021\" is not YYYY-MM-DD",
    );
    assert_eq!(docs(&items)[0].meta.published, None);
    let items = read_bytes("f.jsonl", line("20210826").as_bytes(), None);
    one_problem(&items, Severity::Warning, "\"published\" is a number");
    assert_eq!(docs(&items).len(), 1);
}

#[test]
fn jsonl_invalid_utf8_line_is_lossy_with_warning() {
    let mut bytes =
        b"{\"doc_id\":\"a\",\"text\":\"ok\"}\n{\"doc_id\":\"b\",\"text\":\"caf".to_vec();
    bytes.extend_from_slice(b"\xe9\"}\n");
    let items = read_bytes("u.jsonl", &bytes, None);
    let p = one_problem(&items, Severity::Warning, "invalid UTF-8");
    assert_eq!(p.line, Some(2));
    assert!(
        p.to_string()
            .starts_with("warning: u.jsonl:2: invalid UTF-8"),
        "{p}"
    );
    assert_eq!(docs(&items)[1].text, "caf\u{fffd}");
}

#[test]
fn jsonl_gives_up_on_a_file_that_is_not_jsonl() {
    let text = "This is prose.\n".repeat(50);
    let items = read_bytes("prose.jsonl", text.as_bytes(), Some(Format::Jsonl));
    let ps = problems(&items);
    assert_eq!(ps.len(), 11, "{ps:#?}");
    assert!(
        ps[10].message.contains("rest of file skipped"),
        "{}",
        ps[10]
    );
}

#[test]
fn jsonl_only_blank_lines() {
    let items = read_bytes("b.jsonl", b"\n\n  \n", Some(Format::Jsonl));
    // Whitespace-only input is "no documents", not "empty".
    one_problem(&items, Severity::Warning, "no documents");
}

#[test]
fn jsonl_line_of_tens_of_megabytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = "word ".repeat(10 << 20); // 50 MiB
    let mut content = Vec::with_capacity(big.len() + 200);
    content.extend_from_slice(GOOD.as_bytes());
    content.extend_from_slice(b"\n{\"doc_id\":\"big\",\"text\":\"");
    content.extend_from_slice(big.as_bytes());
    content.extend_from_slice(b"\"}\n");
    content.extend_from_slice(GOOD.replace("d1", "d3").as_bytes());
    let p = write(dir.path(), "big.jsonl", &content);
    drop(content);
    let start = std::time::Instant::now();
    let items = read(&[p]);
    assert!(problems(&items).is_empty());
    assert_eq!(ids(&items), ["d1", "big", "d3"]);
    assert_eq!(docs(&items)[1].text.len(), big.len());
    eprintln!("50 MiB line read in {:?}", start.elapsed());
}

// ---------- HTML ----------

const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Taliban fighters surrender in Jowzjan | Example News</title>
<meta property="article:published_time" content="2021-08-26T08:15:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.com/a/1">
<style>p { color: red }</style>
<script>var tracking = "SCRIPT TEXT";</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div class="sidebar"><h3>Most read</h3><ul><li>Other story</li></ul></div>
<article>
<h1>Taliban fighters surrender in Jowzjan</h1>
<p>SHEBERGHAN, Afghanistan — Forty Taliban fighters surrendered to Afghan security forces in the
Darzab district of Jowzjan province on Wednesday, officials said.</p>
<p>The fighters handed over their weapons, including rifles and rocket launchers, in a ceremony
attended by the provincial governor and local elders, according to a statement.</p>
<script>document.write("INLINE SCRIPT");</script>
<p>Afghan forces have stepped up operations in the north in recent weeks, and officials say more
fighters are expected to lay down their arms in the coming days as the campaign continues.</p>
</article>
<footer><p>Copyright 2021 Example News. All rights reserved.</p></footer>
</body></html>"#;

#[test]
fn html_article_text_is_clean_paragraphs() {
    let items = read_bytes("page.html", PAGE.as_bytes(), Some(Format::Html));
    assert!(problems(&items).is_empty(), "{items:#?}");
    let d = docs(&items);
    assert_eq!(d.len(), 1);
    let a = d[0];
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paras.len(), 3, "{:?}", a.text);
    assert!(paras[0].starts_with("SHEBERGHAN, Afghanistan — Forty Taliban fighters surrendered"));
    assert!(
        paras[0].contains("in the Darzab district"),
        "whitespace collapsed"
    );
    assert!(paras[2].ends_with("as the campaign continues."));
    for junk in ["SCRIPT", "Home", "Most read", "Copyright", "color"] {
        assert!(!a.text.contains(junk), "{junk} in {:?}", a.text);
    }
    assert!(a
        .meta
        .title
        .as_deref()
        .is_some_and(|t| t.contains("Taliban fighters surrender")));
    assert_eq!(a.meta.published.as_deref(), Some("2021-08-26"));
    assert_eq!(a.meta.url.as_deref(), Some("https://example.com/a/1"));
    assert_eq!(a.meta.source.as_deref(), Some("Example News"));
    assert_eq!(a.meta.doc_id, "page.html");
}

#[test]
fn html_date_meta_and_title_tag() {
    let page = r#"<html><head><title> Short  page </title><meta name="date" content="2020-01-02"></head>
<body><nav>Menu</nav><p>Only one short paragraph here.</p></body></html>"#;
    let items = read_bytes("s.htm", page.as_bytes(), Some(Format::Html));
    let d = docs(&items);
    assert_eq!(d.len(), 1, "{items:#?}");
    assert_eq!(d[0].text, "Only one short paragraph here.");
    assert_eq!(d[0].meta.title.as_deref(), Some("Short page"));
    assert_eq!(d[0].meta.published.as_deref(), Some("2020-01-02"));
    assert!(problems(&items)
        .iter()
        .all(|p| p.severity == Severity::Warning));
}

#[test]
fn html_soup_does_not_panic() {
    let soups = [
        "<p>Unclosed <b>bold <i>italic <p>next &amp broken &#xZZ; &nbsp entity <div>",
        "<html><body><table><tr><td>cell<td>cell 2<p>para in table</table>",
        "</p></div></body>text after close<<<>>>&&&;",
        "<",
        "<!-- unclosed comment",
        "<script>never closed",
        "<p>\u{0}</p>",
    ];
    for soup in soups {
        let items = read_bytes("soup.html", soup.as_bytes(), Some(Format::Html));
        assert!(!items.is_empty(), "{soup:?}");
        for p in problems(&items) {
            assert!(!p.message.is_empty());
        }
    }
    let items = read_bytes("soup.html", soups[0].as_bytes(), Some(Format::Html));
    let text = &docs(&items)[0].text;
    assert!(text.contains("Unclosed bold italic"), "{text:?}");
    assert!(text.contains("broken"), "{text:?}");
}

#[test]
fn html_without_text_is_a_warning() {
    let items = read_bytes(
        "e.html",
        b"<html><head><script>x()</script></head><body><nav>Home</nav></body></html>",
        Some(Format::Html),
    );
    one_problem(&items, Severity::Warning, "no text found");
    assert!(docs(&items).is_empty());
}

#[test]
fn html_deep_nesting_does_not_overflow() {
    // html5ever's parse time grows with depth squared: 3000 takes ~0.3 s.
    let depth = 3_000;
    let mut page = "<div>".repeat(depth);
    page.push_str("<p>Deep text.</p>");
    page.push_str(&"</div>".repeat(depth));
    let items = read_bytes("deep.html", page.as_bytes(), Some(Format::Html));
    assert!(
        docs(&items).iter().any(|d| d.text.contains("Deep text.")),
        "{items:#?}"
    );
}

// ---------- gzip ----------

#[test]
fn gzip_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = write(dir.path(), "a.txt.gz", &gz(b"Title\n\nBody."));
    let j = write(
        dir.path(),
        "b.jsonl.gz",
        &gz(format!("{GOOD}\n").as_bytes()),
    );
    let h = write(dir.path(), "c.HTML.GZ", &gz(PAGE.as_bytes()));
    let items = read(&[t, j, h]);
    assert!(problems(&items).is_empty(), "{items:#?}");
    let d = docs(&items);
    assert_eq!(d.len(), 3);
    assert_eq!(d[0].text, "Body.");
    assert_eq!(d[1].meta.doc_id, "d1");
    assert!(d[2].text.contains("Forty Taliban fighters"));
}

#[test]
fn gzip_multi_member_and_sniffed_without_gz_name() {
    let mut bytes = gz(format!("{GOOD}\n").as_bytes());
    bytes.extend(gz(GOOD.replace("d1", "d2").as_bytes()));
    let items = read_bytes("stdin", &bytes, None);
    assert_eq!(ids(&items), ["d1", "d2"]);
}

#[test]
fn corrupt_gzip_is_an_error_and_other_files_go_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = gz(format!("{GOOD}\n").repeat(2000).as_bytes());
    let truncated = &good[..good.len() / 2];
    let mut bad_start = good.clone();
    bad_start[10] = 0xff; // first deflate block header: reserved block type
    let t = write(dir.path(), "1trunc.jsonl.gz", truncated);
    let s = write(dir.path(), "2trunc.txt.gz", truncated);
    let h = write(dir.path(), "3bad.html.gz", &bad_start);
    let n = write(dir.path(), "4notgz.txt.gz", b"plain text");
    let ok = write(dir.path(), "5ok.txt", b"fine");
    let items = read(&[t, s, h, n, ok]);
    let ps = problems(&items);
    assert_eq!(ps.len(), 4, "{ps:#?}");
    assert!(ps[0].message.starts_with("corrupt gzip"), "{}", ps[0]);
    assert!(ps[0].message.ends_with("rest of file skipped"), "{}", ps[0]);
    assert!(ps[1].message.starts_with("corrupt gzip"), "{}", ps[1]);
    assert!(ps[1].message.ends_with("file skipped"), "{}", ps[1]);
    assert!(ps[2].message.starts_with("corrupt gzip"), "{}", ps[2]);
    assert!(ps[3].message.contains("not gzip"), "{}", ps[3]);
    assert!(ps.iter().all(|p| p.is_error()));
    let d = docs(&items);
    assert!(d.len() > 100, "documents before the truncation are kept");
    assert_eq!(d.last().map(|a| a.text.as_str()), Some("fine"));
}

#[test]
fn gzip_bit_flips_end_in_an_error_not_a_panic() {
    // Deflate has no per-block checksum: garbage may come out before the CRC fails, so
    // only the end is certain.
    let mut bytes = gz(format!("{GOOD}\n").repeat(2000).as_bytes());
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 64] {
        *b ^= 0x5a;
    }
    let items = read_bytes("flip.jsonl.gz", &bytes, None);
    let last = problems(&items).last().map(|p| p.message.clone());
    assert!(last.is_some_and(|m| m.starts_with("corrupt gzip")));
}

// ---------- files, directories, stdin ----------

#[test]
fn directory_walk_is_recursive_sorted_and_filtered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "b.txt", b"b");
    write(root, "a/z.txt", b"a/z");
    write(root, "a/c/d.htm", b"<p>a/c/d</p>");
    write(root, "a/b.jsonl", b"{\"doc_id\":\"a/b\",\"text\":\"x\"}\n");
    write(root, "C.TXT", b"C");
    write(root, ".hidden.txt", b"hidden");
    write(root, ".git/x.txt", b"hidden dir");
    write(root, "notes.md", b"unknown extension");
    write(
        root,
        "e.ndjson.gz",
        &gz(b"{\"doc_id\":\"e\",\"text\":\"x\"}"),
    );
    let items = read(&[root.to_path_buf()]);
    let r = root.display().to_string();
    let got: Vec<String> = ids(&items)
        .into_iter()
        .map(|id| id.replace(&r, "ROOT"))
        .collect();
    // Byte order: "C.TXT" < "a" < "b.txt" < "e.ndjson.gz".
    assert_eq!(
        got,
        [
            "ROOT/C.TXT",
            "a/b",
            "ROOT/a/c/d.htm",
            "ROOT/a/z.txt",
            "ROOT/b.txt",
            "e"
        ]
    );
    let html_problems: Vec<_> = problems(&items);
    assert!(
        html_problems.iter().all(|p| !p.is_error()),
        "{html_problems:#?}"
    );
}

#[test]
fn explicit_file_with_unknown_extension_is_sniffed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "feed", format!("  {GOOD}\n").as_bytes());
    let q = write(dir.path(), "README", b"Just text.");
    let items = read(&[p, q]);
    assert!(problems(&items).is_empty(), "{items:#?}");
    assert_eq!(docs(&items)[0].meta.doc_id, "d1");
    assert_eq!(docs(&items)[1].text, "Just text.");
}

#[test]
fn forced_format_overrides_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "x.jsonl", GOOD.as_bytes());
    let items: Vec<Item> = Reader::new(
        &[p],
        ReadOptions {
            format: Some(Format::Text),
        },
    )
    .collect();
    assert_eq!(docs(&items)[0].text, GOOD);
}

#[test]
fn nonexistent_path() {
    let items = read(&[PathBuf::from("/definitely/not/here.txt")]);
    let p = one_problem(&items, Severity::Error, "no such file or directory");
    assert_eq!(
        p.to_string(),
        "error: /definitely/not/here.txt: no such file or directory; skipped (check the path)"
    );
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "secret.txt", b"secret");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&p).is_ok() {
        eprintln!("running as root: permissions are not enforced, test skipped");
        return;
    }
    let items = read(&[p]);
    one_problem(&items, Severity::Error, "permission denied");
}

#[test]
fn dangling_symlink_and_symlink_loop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::os::unix::fs::symlink(root.join("gone.txt"), root.join("link.txt")).expect("symlink");
    std::fs::create_dir(root.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(root, root.join("sub/loop")).expect("symlink");
    write(root, "sub/ok.txt", b"ok");
    let items = read(&[root.to_path_buf()]);
    let ps = problems(&items);
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert!(ps[0].path.ends_with("link.txt") && ps[0].message.contains("no such file"));
    assert!(ps[1].message.contains("already visited"), "{}", ps[1]);
    assert_eq!(docs(&items).len(), 1);
}

#[test]
fn empty_binary_and_utf16_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let e = write(dir.path(), "empty.txt", b"");
    let eb = write(dir.path(), "bom.jsonl", b"\xef\xbb\xbf");
    let b = write(dir.path(), "bin.txt", b"PK\x03\x04\x00\x00binary\x00");
    let c = write(dir.path(), "ctl.html", &[0x01u8; 100]);
    let u = write(dir.path(), "u16.txt", b"\xff\xfeH\x00i\x00");
    let ok = write(dir.path(), "ok.txt", b"ok");
    let items = read(&[e, eb, b, c, u, ok]);
    let ps = problems(&items);
    assert_eq!(ps.len(), 5, "{ps:#?}");
    assert!(ps[0].message == "empty file, no document" && ps[0].severity == Severity::Warning);
    assert!(ps[1].message == "empty file, no document");
    assert!(ps[2].message.starts_with("looks binary") && ps[2].message.ends_with("skipped"));
    assert!(ps[3].message.starts_with("looks binary"));
    assert!(ps[4].message.contains("UTF-16"));
    assert_eq!(ids(&items).len(), 1);
}

#[test]
fn reader_is_lazy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", b"a");
    let b = write(dir.path(), "b.txt", b"b");
    let mut reader = Reader::new(&[a, b.clone()], ReadOptions::default());
    assert!(matches!(reader.next(), Some(Item::Doc(_))));
    std::fs::remove_file(&b).expect("rm");
    let rest: Vec<Item> = reader.collect();
    one_problem(&rest, Severity::Error, "no such file");
}

#[test]
fn reader_accepts_strings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", b"a");
    let paths = vec![a.display().to_string()];
    let items: Vec<Item> = Reader::new(&paths, ReadOptions::default()).collect();
    assert_eq!(docs(&items).len(), 1);
}

#[test]
fn stdin_sniffing_via_read_bytes() {
    assert_eq!(
        ingest::sniff_format(b"\xef\xbb\xbf \n {\"a\":1}"),
        Format::Jsonl
    );
    assert_eq!(ingest::sniff_format(b"\n<!doctype html>"), Format::Html);
    assert_eq!(ingest::sniff_format(b"Plain words"), Format::Text);
    assert_eq!(ingest::sniff_format(b""), Format::Text);

    let items = read_bytes("stdin", format!("\n{GOOD}\n").as_bytes(), None);
    assert_eq!(ids(&items), ["d1"]);
    let items = read_bytes("stdin", PAGE.as_bytes(), None);
    assert!(docs(&items)[0].text.starts_with("SHEBERGHAN"));
    let items = read_bytes("stdin", b"Headline\n\nBody", None);
    let d = docs(&items);
    assert_eq!(
        (d[0].meta.doc_id.as_str(), d[0].text.as_str()),
        ("stdin", "Body")
    );
    let items = read_bytes("stdin", &gz(b"<p>zipped html</p>"), None);
    assert_eq!(docs(&items)[0].text, "zipped html");
    let items = read_bytes("stdin", b"", None);
    one_problem(&items, Severity::Warning, "empty file");
}
