//! One test per tokenization and sentence-splitting phenomenon.
//!
//! Stage: segment. Input: short hand-written texts. Output checked: token
//! texts and kinds, sentence texts and paragraph indices.
//! Must not: depend on other crates' behaviour or on files.

use article::{Article, Meta, Severity, TokenKind};
use segment::{segment, segment_text, segment_text_with, Options};

fn toks(text: &str) -> Vec<&str> {
    segment_text(text)
        .0
        .iter()
        .map(|t| &text[t.span.range()])
        .collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    segment_text(text)
        .0
        .iter()
        .map(|t| (&text[t.span.range()], t.kind))
        .collect()
}

fn sents(text: &str) -> Vec<&str> {
    segment_text(text)
        .1
        .iter()
        .map(|s| &text[s.span.range()])
        .collect()
}

fn kind_of(text: &str, token: &str) -> TokenKind {
    kinds(text)
        .into_iter()
        .find(|(t, _)| *t == token)
        .map(|(_, k)| k)
        .unwrap_or_else(|| panic!("no token {token:?} in {:?}", toks(text)))
}

// ---- abbreviations -------------------------------------------------------

#[test]
fn titles_keep_their_period_and_do_not_split() {
    let text = "Mr. Nemat met Capt. Mubarez, Gen. Dostum, Lt. Col. Smith, Maj. Jones, Sgt. Lee, Dr. Who and Gov. Cuomo. Sen. Reid and Rep. Ryan met Prof. Hu at St. Paul on Mt. Hood.";
    assert_eq!(
        sents(text),
        [
            "Mr. Nemat met Capt. Mubarez, Gen. Dostum, Lt. Col. Smith, Maj. Jones, Sgt. Lee, Dr. Who and Gov. Cuomo.",
            "Sen. Reid and Rep. Ryan met Prof. Hu at St. Paul on Mt. Hood."
        ]
    );
    let t = toks(text);
    for abbr in [
        "Mr.", "Capt.", "Gen.", "Lt.", "Col.", "Maj.", "Sgt.", "Dr.", "Gov.", "Sen.", "Rep.",
        "Prof.", "St.", "Mt.",
    ] {
        assert!(t.contains(&abbr), "{abbr} in {t:?}");
    }
}

#[test]
fn months_before_numbers() {
    let text = "On Jan. 5 and Sept. 11 and Dec. 25, nothing happened.";
    assert_eq!(sents(text), [text]);
    assert!(toks(text).contains(&"Sept."));
    assert!(toks(text).contains(&"Jan."));
}

#[test]
fn number_abbreviation_only_before_a_number() {
    assert_eq!(toks("No. 5 won."), ["No.", "5", "won", "."]);
    assert_eq!(
        sents("He said No. It was late."),
        ["He said No.", "It was late."]
    );
}

#[test]
fn us_continues_before_a_name_but_ends_before_a_starter() {
    assert_eq!(
        sents("U.S. officials said the U.S. Army would stay."),
        ["U.S. officials said the U.S. Army would stay."]
    );
    let text = "He lived in the U.S. The next year he left.";
    assert_eq!(
        sents(text),
        ["He lived in the U.S.", "The next year he left."]
    );
    // The sentence-final period is split off, as in EWT.
    assert_eq!(
        toks(text),
        ["He", "lived", "in", "the", "U.S", ".", "The", "next", "year", "he", "left", "."]
    );
}

#[test]
fn company_and_latin_abbreviations() {
    assert_eq!(
        sents("Apple Inc. and Foo Corp. agreed, e.g. on prices, i.e. costs, etc. and more."),
        ["Apple Inc. and Foo Corp. agreed, e.g. on prices, i.e. costs, etc. and more."]
    );
    assert_eq!(
        toks("e.g., i.e., vs. Ltd. Jr."),
        ["e.g.", ",", "i.e.", ",", "vs.", "Ltd.", "Jr", "."]
    );
    assert_eq!(
        sents("through a U.N. “deconfliction” system. It was in the U.S. “We know,” he said."),
        [
            "through a U.N. “deconfliction” system.",
            "It was in the U.S.",
            "“We know,” he said."
        ]
    );
    assert_eq!(
        sents("They sold apples, pears, etc. The market closed."),
        ["They sold apples, pears, etc.", "The market closed."]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        sents("It began at 5 p.m. Monday and ended at 9 a.m. The talks resumed."),
        [
            "It began at 5 p.m. Monday and ended at 9 a.m.",
            "The talks resumed."
        ]
    );
    assert_eq!(toks("at 5pm"), ["at", "5", "pm"]);
}

// ---- initials -------------------------------------------------------------

#[test]
fn initials() {
    assert_eq!(
        sents("J. K. Rowling met George W. Bush. They talked."),
        ["J. K. Rowling met George W. Bush.", "They talked."]
    );
    assert_eq!(toks("J. K. Rowling"), ["J.", "K.", "Rowling"]);
}

// ---- quotes ---------------------------------------------------------------

#[test]
fn closing_quote_stays_with_its_sentence() {
    let text = "He said: “We lost contact with the others last night. I think they contacted the Taliban.” Then he left.";
    assert_eq!(
        sents(text),
        [
            "He said: “We lost contact with the others last night.",
            "I think they contacted the Taliban.”",
            "Then he left."
        ]
    );
}

#[test]
fn quoted_speech_with_attribution_is_one_sentence() {
    assert_eq!(
        sents("“Two hundred of them surrendered,” he said."),
        ["“Two hundred of them surrendered,” he said."]
    );
    assert_eq!(sents("“Why?” he asked."), ["“Why?” he asked."]);
    assert_eq!(sents("\"Why?\" he asked."), ["\"Why?\" he asked."]);
}

#[test]
fn straight_quotes() {
    let text = "He said, \"Stop.\" Then he left.";
    assert_eq!(sents(text), ["He said, \"Stop.\"", "Then he left."]);
    assert_eq!(
        toks(text),
        ["He", "said", ",", "\"", "Stop", ".", "\"", "Then", "he", "left", "."]
    );
    assert_eq!(
        toks("'Hello,' she said"),
        ["'", "Hello", ",", "'", "she", "said"]
    );
}

#[test]
fn curly_single_quotes_and_brackets() {
    assert_eq!(
        toks("‘soft targets’ (and more) [sic] {x}"),
        ["‘", "soft", "targets", "’", "(", "and", "more", ")", "[", "sic", "]", "{", "x", "}"]
    );
    assert_eq!(
        sents("He left (finally.) Then she came."),
        ["He left (finally.)", "Then she came."]
    );
}

// ---- dashes and datelines -------------------------------------------------

#[test]
fn dashes_are_tokens() {
    assert_eq!(toks("Taliban—the group"), ["Taliban", "—", "the", "group"]);
    assert_eq!(toks("a -- b"), ["a", "--", "b"]);
    assert_eq!(
        toks("2001–2002 and x – y"),
        ["2001", "–", "2002", "and", "x", "–", "y"]
    );
    assert_eq!(kind_of("a -- b", "--"), TokenKind::Punct);
}

#[test]
fn dateline_stays_in_the_first_sentence() {
    let text = "MAZAR-I-SHARIF, Afghanistan — The Taliban routed the Islamic State. It fled.";
    assert_eq!(
        sents(text),
        [
            "MAZAR-I-SHARIF, Afghanistan — The Taliban routed the Islamic State.",
            "It fled."
        ]
    );
    assert_eq!(toks(text)[..4], ["MAZAR-I-SHARIF", ",", "Afghanistan", "—"]);
    let text = "KABUL, Afghanistan (Reuters) - Officials said on Tuesday.";
    assert_eq!(sents(text), [text]);
}

// ---- numbers --------------------------------------------------------------

#[test]
fn numbers_keep_separators() {
    let text = "About 1,200 men, 3.5 tons, at 10:30 on 2018-08-01 and 9/11.";
    let k = kinds(text);
    for n in ["1,200", "3.5", "10:30", "2018-08-01", "9/11"] {
        assert!(k.contains(&(n, TokenKind::Number)), "{n} in {k:?}");
    }
    assert_eq!(toks("45% of $5"), ["45", "%", "of", "$", "5"]);
    assert_eq!(kind_of("45% of $5", "%"), TokenKind::Punct);
    assert_eq!(toks("the 1990s and 17th"), ["the", "1990s", "and", "17th"]);
}

#[test]
fn numbers_end_sentences() {
    assert_eq!(
        sents("The toll rose to 1,200. 300 more were hurt."),
        ["The toll rose to 1,200.", "300 more were hurt."]
    );
}

// ---- hyphenated words and names ---------------------------------------------

#[test]
fn hyphenated_words_stay_whole() {
    for w in [
        "ul-Rahman",
        "Mazar-i-Sharif",
        "MAZAR-I-SHARIF",
        "e-mail",
        "well-known",
        "brothers-in-law",
        "al-Qaeda",
    ] {
        let text = format!("The {w} case.");
        assert_eq!(toks(&text), ["The", w, "case", "."], "{w}");
        assert_eq!(kind_of(&text, w), TokenKind::Word);
    }
}

#[test]
fn ewt_style_hyphen_splitting_is_optional() {
    let opts = Options {
        split_hyphens: true,
    };
    let text = "a search-engine, an e-mail, non-profit, 3-4 and 713-853-3989";
    let (tokens, _) = segment_text_with(text, &opts);
    let t: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
    assert_eq!(
        t,
        [
            "a",
            "search",
            "-",
            "engine",
            ",",
            "an",
            "e-mail",
            ",",
            "non-profit",
            ",",
            "3",
            "-",
            "4",
            "and",
            "713-853-3989"
        ]
    );
}

// ---- URLs and e-mail --------------------------------------------------------

#[test]
fn urls_and_emails_are_one_token() {
    let text = "See https://www.nytimes.com/2018/08/01/world/asia/taliban.html?x=1&y=(2). Or (www.bbc.co.uk/news) or write to john.doe@example.com.";
    let k = kinds(text);
    for u in [
        "https://www.nytimes.com/2018/08/01/world/asia/taliban.html?x=1&y=(2)",
        "www.bbc.co.uk/news",
        "john.doe@example.com",
    ] {
        assert!(k.contains(&(u, TokenKind::Url)), "{u} in {k:?}");
    }
    assert_eq!(
        sents(text),
        [
            "See https://www.nytimes.com/2018/08/01/world/asia/taliban.html?x=1&y=(2).",
            "Or (www.bbc.co.uk/news) or write to john.doe@example.com."
        ]
    );
    assert_eq!(kind_of("on Amazon.com today", "Amazon.com"), TokenKind::Url);
}

// ---- paragraphs and lines ---------------------------------------------------

#[test]
fn blank_lines_are_paragraph_boundaries() {
    let text = "Headline Without Period\n\nFirst sentence here. Second one\n \t\nThird paragraph\r\n\r\nFourth";
    let (_, s) = segment_text(text);
    let got: Vec<(&str, usize)> = s
        .iter()
        .map(|s| (&text[s.span.range()], s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("Headline Without Period", 0),
            ("First sentence here.", 1),
            ("Second one", 1),
            ("Third paragraph", 2),
            ("Fourth", 3)
        ]
    );
}

#[test]
fn single_line_breaks_end_headlines_and_bylines() {
    let text = "Taliban Surge Routs ISIS in Northern Afghanistan\nBy Rod Nordland\nKABUL, Afghanistan — The Taliban won.";
    assert_eq!(
        sents(text),
        [
            "Taliban Surge Routs ISIS in Northern Afghanistan",
            "By Rod Nordland",
            "KABUL, Afghanistan — The Taliban won."
        ]
    );
    // A line ending in a comma or function word continues.
    assert_eq!(
        sents("He met the\nPresident and,\nLater, the Queen."),
        ["He met the\nPresident and,\nLater, the Queen."]
    );
}

#[test]
fn hard_wrapped_text_joins_lines() {
    let text = "The Taliban said on Tuesday that the fighters\nhad fled to government lines in the north and\nthat more were expected to follow them soon, but\nKabul denied it. Officials\nwere not available.";
    assert_eq!(
        sents(text),
        [
            "The Taliban said on Tuesday that the fighters\nhad fled to government lines in the north and\nthat more were expected to follow them soon, but\nKabul denied it.",
            "Officials\nwere not available."
        ]
    );
}

// ---- clitics ----------------------------------------------------------------

#[test]
fn clitics_split() {
    assert_eq!(
        toks("don't can't won’t I'm they're we've he'll she'd Taliban's group’s"),
        [
            "do", "n't", "ca", "n't", "wo", "n’t", "I", "'m", "they", "'re", "we", "'ve", "he",
            "'ll", "she", "'d", "Taliban", "'s", "group", "’s"
        ]
    );
    assert_eq!(toks("DON'T"), ["DO", "N'T"]);
    assert_eq!(toks("the U.S.’s role"), ["the", "U.S.", "’s", "role"]);
    assert_eq!(toks("cannot"), ["can", "not"]);
}

#[test]
fn apostrophes_that_are_not_clitics() {
    assert_eq!(
        toks("O'Connell in the '80s"),
        ["O'Connell", "in", "the", "'80s"]
    );
    assert_eq!(toks("the 80's"), ["the", "80's"]);
    assert_eq!(toks("James' car"), ["James", "'", "car"]);
}

// ---- other punctuation ------------------------------------------------------

#[test]
fn ellipses() {
    assert_eq!(toks("Wait... what…"), ["Wait", "...", "what", "…"]);
    assert_eq!(sents("Wait... what is it?"), ["Wait... what is it?"]);
    assert_eq!(
        sents("He waited... Nothing came."),
        ["He waited...", "Nothing came."]
    );
    assert_eq!(sents("It was . . . odd."), ["It was . . . odd."]);
}

#[test]
fn question_and_exclamation() {
    assert_eq!(
        sents("Really?! Yes!!! no way? OK."),
        ["Really?!", "Yes!!!", "no way?", "OK."]
    );
    assert_eq!(toks("Really?!"), ["Really", "?!"]);
}

#[test]
fn emoticons_stay_with_their_sentence() {
    assert_eq!(sents("Thanks. :) See you."), ["Thanks. :)", "See you."]);
    assert_eq!(toks("great :-)"), ["great", ":-)"]);
}

#[test]
fn list_markers_do_not_end_sentences() {
    assert_eq!(
        sents("My comments: 1. In Section 1, add a comma.\n\n2. Delete clause (c)."),
        [
            "My comments: 1. In Section 1, add a comma.",
            "2. Delete clause (c)."
        ]
    );
}

#[test]
fn missing_space_after_period() {
    assert_eq!(
        sents("It was small.The food was cold."),
        ["It was small.", "The food was cold."]
    );
    assert_eq!(toks("small.The"), ["small", ".", "The"]);
    assert_eq!(sents("It was late.I left."), ["It was late.", "I left."]);
    // Not in e-mail addresses or inner periods.
    assert_eq!(toks("Sean.Cooper@ElPaso.com"), ["Sean.Cooper@ElPaso.com"]);
    assert_eq!(toks("St.Louis"), ["St.", "Louis"]);
}

#[test]
fn cjk_full_stops_need_no_space() {
    assert_eq!(
        sents("今日は晴れ。明日は雨。"),
        ["今日は晴れ。", "明日は雨。"]
    );
    assert_eq!(sents("他说：“好。”我走了。"), ["他说：“好。”", "我走了。"]);
}

#[test]
fn pictographs_are_tokens() {
    assert_eq!(toks("great👍🏽 news😀"), ["great", "👍🏽", "news", "😀"]);
}

// ---- the Article entry point ----------------------------------------------

#[test]
fn segment_fills_the_article() {
    let mut art = Article::new(Meta::default(), "One. Two.".to_string());
    let diags = segment(&mut art);
    assert!(diags.is_empty());
    assert_eq!(art.tokens.len(), 4);
    assert_eq!(art.sentences.len(), 2);
    assert_eq!(art.sentences[1].tokens, 2..4);
}

#[test]
fn empty_and_blank_text() {
    for text in ["", "   ", "\n\n\n", "\u{0}\u{1}"] {
        let (t, s) = segment_text(text);
        assert!(t.is_empty() && s.is_empty(), "{text:?}");
    }
    let mut art = Article::new(Meta::default(), String::new());
    assert!(segment(&mut art).is_empty());
}

#[test]
fn control_characters_are_reported() {
    let mut art = Article::new(
        Meta {
            doc_id: "d1".into(),
            ..Meta::default()
        },
        "Bad\u{0}text\u{7}.".to_string(),
    );
    let diags = segment(&mut art);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].severity, Severity::Info);
    assert_eq!(diags[0].doc_id.as_deref(), Some("d1"));
    let words: Vec<&str> = art.tokens.iter().map(|t| art.slice(t.span)).collect();
    assert_eq!(words, ["Bad", "text", "."]);
}
