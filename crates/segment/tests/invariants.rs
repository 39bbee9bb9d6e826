//! Property tests: the segment layer's invariants hold on any text, and huge
//! pathological inputs finish (linear time).
//!
//! Stage: segment. Input: arbitrary strings (any Unicode, control chars,
//! separators, word soup built from tricky pieces) and multi-megabyte inputs.
//! Output checked: spans on char boundaries and within the text; tokens in
//! order, non-overlapping, non-empty, free of whitespace; sentences partition
//! the tokens in order and span first token start to last token end;
//! paragraphs never decrease. Must not: read files.

use article::{Article, Meta, Sentence, Token};
use proptest::prelude::*;
use segment::{segment, segment_text, segment_text_with, Options};

fn check(text: &str, tokens: &[Token], sentences: &[Sentence]) {
    let mut prev_end = 0;
    for t in tokens {
        let (a, b) = (t.span.start, t.span.end);
        assert!(a < b, "empty token {a}..{b} in {text:?}");
        assert!(a >= prev_end, "overlap at {a} in {text:?}");
        assert!(b <= text.len(), "token past the end in {text:?}");
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        let s = &text[a..b];
        assert!(
            !s.chars().any(|c| c.is_whitespace() || c.is_control()),
            "token {s:?} holds whitespace in {text:?}"
        );
        prev_end = b;
    }
    let mut next = 0;
    let mut paragraph = 0;
    for s in sentences {
        assert_eq!(s.tokens.start, next, "sentences must be contiguous");
        assert!(s.tokens.end > s.tokens.start, "empty sentence");
        assert!(s.tokens.end <= tokens.len());
        let first = &tokens[s.tokens.start];
        let last = &tokens[s.tokens.end - 1];
        assert_eq!(s.span.start, first.span.start);
        assert_eq!(s.span.end, last.span.end);
        assert!(s.paragraph >= paragraph, "paragraphs must not decrease");
        paragraph = s.paragraph;
        next = s.tokens.end;
    }
    assert_eq!(next, tokens.len(), "every token belongs to a sentence");
}

fn check_all(text: &str) {
    let (t, s) = segment_text(text);
    check(text, &t, &s);
    let (t, s) = segment_text_with(
        text,
        &Options {
            split_hyphens: true,
        },
    );
    check(text, &t, &s);
}

/// Pieces that exercise the rules when glued together at random.
const PIECES: &[&str] = &[
    "Mr.",
    "U.S.",
    "U.S",
    "etc.",
    "No.",
    "Jan.",
    "J.",
    "e.g.",
    "a.m.",
    "The",
    "he",
    "said",
    "don't",
    "can’t",
    "Bush's",
    "'s",
    "n't",
    "'",
    "’",
    "\"",
    "“",
    "”",
    "‘",
    "(",
    ")",
    "[",
    "]",
    ".",
    "..",
    "...",
    "…",
    "?",
    "!",
    "?!",
    ",",
    ";",
    ":",
    ":)",
    "-",
    "--",
    "—",
    "–",
    "1,200",
    "3.5",
    "10:30",
    "2018-08-01",
    "%",
    "$",
    "http://x.com/a(b)",
    "www.",
    "a@b.com",
    "@",
    "ul-",
    "Rahman",
    "MAZAR-I-SHARIF",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2029}",
    "\u{200b}",
    "\u{0}",
    "😀",
    "🏽",
    "\u{fe0f}",
    "\u{301}",
    "é",
    "中",
    "。",
    "'72",
    "5pm",
    "cannot",
    "I",
    "x",
    "1",
    "12",
    "*",
    "^_^",
    "<<",
    ">>",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_on_any_string(text in any::<String>()) {
        check_all(&text);
    }

    #[test]
    fn invariants_on_weird_alphabet(
        text in "[a-zA-Z0-9 .,!?;:'\"“”‘’()\\[\\]\n\r\t—–@/#$%&*_+=<>^`~…。\u{0}\u{1}\u{7f}\u{85}\u{a0}\u{200b}\u{200d}\u{feff}\u{2028}\u{2029}é😀🏽\u{301}-]{0,200}"
    ) {
        check_all(&text);
    }

    #[test]
    fn invariants_on_word_soup(text in soup()) {
        check_all(&text);
        let mut art = Article::new(Meta::default(), text.clone());
        let _ = segment(&mut art);
        check(&text, &art.tokens, &art.sentences);
    }
}

/// Multi-megabyte inputs of every pathological shape must finish quickly: a
/// quadratic step would make this test hang.
#[test]
fn huge_pathological_inputs_are_linear() {
    const N: usize = 1 << 20;
    const BIG: usize = 4 << 20;
    let shapes: &[&str] = &[
        "a",
        "word ",
        "a.",
        ".",
        "'",
        "-",
        "1,",
        "Mr. ",
        "\n",
        " ",
        "“",
        "a-",
        "U.S.",
        "a@b.",
        "😀",
        "é",
        "a'",
        "\"",
        "x\n",
        "The end. ",
        "a.b",
        "..",
        ":)",
        "(",
        "1.",
        "\u{0}",
    ];
    let started = std::time::Instant::now();
    for shape in shapes {
        let text = shape.repeat(N / shape.len());
        let (t, s) = segment_text(&text);
        check(&text, &t, &s);
    }
    let url = format!("http://{}", "a".repeat(BIG));
    let (t, s) = segment_text(&url);
    assert_eq!(t.len(), 1);
    check(&url, &t, &s);
    // No newline, no punctuation: one sentence of many words.
    let words = "word ".repeat(BIG / 5);
    let (t, s) = segment_text(&words);
    assert_eq!(s.len(), 1);
    assert_eq!(t.len(), BIG / 5);
    eprintln!(
        "{} inputs of 1 to 4 MB in {:?}",
        shapes.len() + 2,
        started.elapsed()
    );
}

#[test]
fn long_runs_are_reported() {
    let mut art = Article::new(Meta::default(), "x".repeat(10_000));
    let diags = segment(&mut art);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(art.tokens.len(), 1);
}
