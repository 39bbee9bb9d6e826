//! Sentence splitter: raw tokens → final tokens and sentences with paragraphs.
//!
//! Stage: segment, second half. Input: the text and the [`Tokenizer`]'s raw
//! tokens. Output: [`Token`]s and [`Sentence`]s that partition them in order,
//! each sentence spanning its first token's start to its last token's end and
//! carrying its paragraph index (blank-line separated blocks).
//! Rules, in order: a blank line always ends a sentence; `.` `!` `?` `…` (plus
//! attached closing quotes and brackets) end one before a space and something
//! that starts like a sentence (upper case, digit, opening quote or bracket);
//! an abbreviation's period ends one only before a clear sentence starter
//! ("in the U.S. The …"), and is then split off as its own token (EWT style);
//! a single line break ends one after final punctuation, or, in text that is not
//! hard-wrapped, before a line that starts like a sentence (headlines, lists).
//! Must not: look more than two tokens ahead, allocate per token beyond the
//! output vectors, panic, or do IO.

use article::{Sentence, Span, Token, TokenKind};

use crate::abbrev::{self, AbbrevClass};
use crate::chars;
use crate::tokenize::{FinalKind, RawTok, Tag, Tokenizer};

/// What separates two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing: the tokens touch.
    None,
    /// Spaces within a line.
    Space,
    /// One line break.
    Newline,
    /// A blank line (or a paragraph separator).
    Paragraph,
    /// No next token.
    End,
}

/// How the next token begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Upper,
    Lower,
    Digit,
    /// Opening quote or bracket.
    Open,
    /// Other punctuation or symbols.
    Punct,
    /// Letters with no case (CJK, Arabic, …).
    Uncased,
}

/// A possible sentence end waiting for the next token.
#[derive(Debug, Clone, Copy)]
struct Pending {
    what: Tag,
    /// Output index of the abbreviation token, whose period is split off if
    /// the sentence ends here.
    abbrev_at: Option<usize>,
    /// A closing quote or bracket follows the final punctuation.
    closed: bool,
}

/// Everything the splitter produces, with facts for diagnostics.
pub(crate) struct Output {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub controls: usize,
    pub longest_token: usize,
    pub longest_sentence: usize,
}

/// Classifies the whitespace between byte `a` and byte `b`.
fn gap(text: &[u8], a: usize, b: usize) -> Gap {
    if a >= b {
        return Gap::None;
    }
    let g = &text[a..b];
    let mut breaks = 0;
    let mut i = 0;
    while i < g.len() {
        match g[i] {
            b'\n' | 0x0b | 0x0c => breaks += 1,
            b'\r' if g.get(i + 1) != Some(&b'\n') => breaks += 1,
            0xC2 if g.get(i + 1) == Some(&0x85) => breaks += 1,
            0xE2 if g.get(i + 1) == Some(&0x80) => match g.get(i + 2) {
                Some(0xA8) => breaks += 1,
                Some(0xA9) => return Gap::Paragraph,
                _ => {}
            },
            _ => {}
        }
        if breaks >= 2 {
            return Gap::Paragraph;
        }
        i += 1;
    }
    if breaks == 1 {
        Gap::Newline
    } else {
        Gap::Space
    }
}

/// True when the text looks hard-wrapped: lines that end with no final
/// punctuation are often continued by a lower-case word on the next line.
pub(crate) fn is_hard_wrapped(text: &str) -> bool {
    if !text.as_bytes().contains(&b'\n') {
        return false;
    }
    let (mut lower, mut upper) = (0usize, 0usize);
    let mut prev_last: Option<char> = None;
    for line in text.split('\n') {
        let t = line.trim();
        let Some(first) = t.chars().next() else {
            prev_last = None;
            continue;
        };
        if let Some(pl) = prev_last {
            if !chars::is_final(pl)
                && !chars::is_close_quote(pl)
                && !matches!(pl, ':' | '"' | ')' | ']')
            {
                if first.is_lowercase() {
                    lower += 1;
                } else if first.is_uppercase() {
                    upper += 1;
                }
            }
        }
        prev_last = t.chars().next_back();
    }
    lower >= 2 && lower * 2 >= upper
}

/// The splitter's view of a text.
struct Splitter<'a> {
    text: &'a str,
    wrapped: bool,
}

impl Splitter<'_> {
    fn slice(&self, t: &RawTok) -> &str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    fn start_of(&self, t: &RawTok) -> Start {
        if matches!(t.tag, Tag::OpenQuote | Tag::OpenBracket) {
            return Start::Open;
        }
        let Some(c) = self.slice(t).chars().next() else {
            return Start::Punct;
        };
        if c.is_uppercase() {
            Start::Upper
        } else if c.is_lowercase() {
            Start::Lower
        } else if c.is_numeric() {
            Start::Digit
        } else if t.kind == TokenKind::Punct {
            Start::Punct
        } else {
            Start::Uncased
        }
    }

    /// Upper case followed by lower case ("The", not "USA"), or "I".
    fn is_capitalized_word(&self, t: &RawTok) -> bool {
        let s = self.slice(t);
        let mut cs = s.chars();
        t.kind == TokenKind::Word
            && (s == "I"
                || (cs.next().is_some_and(|c| c.is_uppercase())
                    && cs.next().is_some_and(|c| c.is_lowercase())))
    }

    fn is_starter(&self, t: &RawTok) -> bool {
        t.kind == TokenKind::Word && t.end - t.start <= 12 && abbrev::is_starter(self.slice(t))
    }

    /// May a line break after `c` (with no final punctuation) end a sentence?
    fn line_may_end_after(&self, c: &RawTok) -> bool {
        match c.tag {
            Tag::Comma | Tag::Dash | Tag::OpenQuote | Tag::OpenBracket => false,
            Tag::Abbrev(AbbrevClass::Title | AbbrevClass::BeforeNumber) => false,
            _ => !(c.kind == TokenKind::Word && abbrev::is_function_word(self.slice(c))),
        }
    }

    /// Does a sentence end between `c` and `n`?
    fn boundary(
        &self,
        pending: Option<Pending>,
        gap: Gap,
        c: &RawTok,
        n: &RawTok,
        n2: Option<&RawTok>,
    ) -> bool {
        if n.tag == Tag::Emoticon {
            // "Thanks. :)" keeps the smiley.
            return false;
        }
        let Some(p) = pending else {
            return gap == Gap::Newline
                && !self.wrapped
                && self.line_may_end_after(c)
                && self.start_of(n) != Start::Lower;
        };
        match p.what {
            Tag::Final(FinalKind::Unspaced) => {
                // "。」": the closing mark stays with the sentence.
                !(gap == Gap::None && matches!(n.tag, Tag::CloseQuote | Tag::CloseBracket))
            }
            Tag::Final(kind) => {
                if gap == Gap::None {
                    return kind != FinalKind::Ellipsis && !p.closed && self.is_capitalized_word(n);
                }
                if gap == Gap::Newline {
                    return true;
                }
                match n.tag {
                    // "… in 1890. ... Now": a leading ellipsis opens the next one.
                    Tag::Final(FinalKind::Ellipsis) => return kind != FinalKind::Ellipsis,
                    // Spaced ellipses and repeated marks: ". . .", "? ? ?".
                    Tag::Final(_) => return false,
                    _ => {}
                }
                match (kind, self.start_of(n)) {
                    (_, Start::Upper | Start::Open | Start::Uncased) => true,
                    (_, _) if n.kind == TokenKind::Url => true,
                    (FinalKind::Ellipsis, _) => false,
                    (_, Start::Digit | Start::Punct) => true,
                    // Web text often starts sentences in lower case; news never
                    // has "word. word" inside a sentence once abbreviations
                    // keep their period. `“Why?” he asked` stays whole.
                    (_, Start::Lower) => !p.closed,
                }
            }
            Tag::Abbrev(class) => {
                if gap == Gap::None {
                    return false;
                }
                match class {
                    AbbrevClass::Other => {
                        self.is_starter(n)
                            || (gap == Gap::Newline
                                && !self.wrapped
                                && self.start_of(n) == Start::Upper)
                            || (n.tag == Tag::OpenQuote
                                && n2.is_some_and(|t| {
                                    matches!(self.start_of(t), Start::Upper | Start::Digit)
                                }))
                    }
                    _ => {
                        n.kind == TokenKind::Word
                            && n.end - n.start <= 8
                            && abbrev::is_strong_starter(self.slice(n))
                    }
                }
            }
            _ => false,
        }
    }
}

/// Tokenizes and splits `text`.
pub(crate) fn run(text: &str, split_hyphens: bool) -> Output {
    let sp = Splitter {
        text,
        wrapped: is_hard_wrapped(text),
    };
    let bytes = text.as_bytes();
    let mut tz = Tokenizer::new(text, split_hyphens);
    let mut tokens: Vec<Token> = Vec::with_capacity((text.len() / 5 + 1).min(1 << 16));
    let mut sentences: Vec<Sentence> = Vec::with_capacity((text.len() / 100 + 1).min(1 << 12));
    let mut sent_start = 0usize;
    let mut paragraph = 0usize;
    let mut pending: Option<Pending> = None;
    let mut prev_end: Option<usize> = None;
    let mut prev_tag: Option<Tag> = None;
    let mut longest_token = 0usize;
    let mut longest_sentence = 0usize;

    let mut cur = tz.next();
    let mut nxt = tz.next();
    let mut nxt2 = tz.next();
    while let Some(c) = cur {
        let attached = prev_end == Some(c.start);
        longest_token = longest_token.max(c.end - c.start);
        tokens.push(Token {
            span: Span::new(c.start, c.end),
            kind: c.kind,
        });
        let idx = tokens.len() - 1;
        pending = match c.tag {
            Tag::Final(_) => Some(Pending {
                what: c.tag,
                abbrev_at: None,
                closed: false,
            }),
            Tag::Abbrev(_) => Some(Pending {
                what: c.tag,
                abbrev_at: Some(idx),
                closed: false,
            }),
            Tag::CloseQuote if attached => pending.map(|p| Pending { closed: true, ..p }),
            Tag::CloseBracket if attached => pending,
            Tag::Emoticon => pending,
            _ => None,
        };
        if matches!(c.tag, Tag::Abbrev(_)) && idx == sent_start {
            // "P.S. Please …", "i.e. Are we …": an abbreviation opening a sentence.
            pending = None;
        }
        if c.tag == Tag::Final(FinalKind::Period) {
            if attached && idx > sent_start && is_list_marker(text, &tokens, idx - 1, sent_start) {
                // A list marker ("1. The pricing …", "comments: 1. In …") does
                // not end a sentence.
                pending = None;
            } else if prev_tag.is_some_and(|t| matches!(t, Tag::Final(_)))
                && prev_end.is_some_and(|e| gap(bytes, e, c.start) == Gap::Space)
            {
                // The last dot of a spaced ellipsis (". . .").
                pending = Some(Pending {
                    what: Tag::Final(FinalKind::Ellipsis),
                    abbrev_at: None,
                    closed: false,
                });
            }
        }
        let g = match &nxt {
            None => Gap::End,
            Some(n) => gap(bytes, c.end, n.start),
        };
        let ends = match (&nxt, g) {
            (_, Gap::End | Gap::Paragraph) => true,
            (Some(n), _) => sp.boundary(pending, g, &c, n, nxt2.as_ref()),
            (None, _) => true,
        };
        if ends {
            if let Some(i) = pending.and_then(|p| p.abbrev_at) {
                split_period(&mut tokens, i);
            }
            if let (Some(first), Some(last)) = (tokens.get(sent_start), tokens.last()) {
                let span = Span::new(first.span.start, last.span.end);
                longest_sentence = longest_sentence.max(tokens.len() - sent_start);
                sentences.push(Sentence {
                    span,
                    tokens: sent_start..tokens.len(),
                    paragraph,
                });
            }
            sent_start = tokens.len();
            pending = None;
            if g == Gap::Paragraph {
                paragraph += 1;
            }
        }
        prev_end = Some(c.end);
        prev_tag = Some(c.tag);
        cur = nxt;
        nxt = nxt2;
        nxt2 = tz.next();
    }
    Output {
        tokens,
        sentences,
        controls: tz.controls,
        longest_token,
        longest_sentence,
    }
}

/// True when the token at `i` is a list number ("1", "12") opening the
/// sentence or following a colon.
fn is_list_marker(text: &str, tokens: &[Token], i: usize, sent_start: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    if t.kind != TokenKind::Number || t.span.len() > 2 {
        return false;
    }
    i == sent_start
        || (i > sent_start
            && tokens
                .get(i - 1)
                .is_some_and(|p| text.get(p.span.range()) == Some(":")))
}

/// Splits the final period off the abbreviation token at `i` ("etc." → "etc" ".").
fn split_period(tokens: &mut Vec<Token>, i: usize) {
    let Some(t) = tokens.get_mut(i) else { return };
    if t.span.len() < 2 {
        return;
    }
    let end = t.span.end;
    t.span.end = end - 1;
    tokens.insert(
        i + 1,
        Token {
            span: Span::new(end - 1, end),
            kind: TokenKind::Punct,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps() {
        let t = b"a b\nc\n \nd\r\ne\r\n\r\nf";
        assert_eq!(gap(t, 1, 2), Gap::Space);
        assert_eq!(gap(t, 3, 4), Gap::Newline);
        assert_eq!(gap(t, 5, 8), Gap::Paragraph);
        assert_eq!(gap(t, 9, 11), Gap::Newline);
        assert_eq!(gap(t, 12, 16), Gap::Paragraph);
        assert_eq!(gap(t, 3, 3), Gap::None);
    }

    #[test]
    fn hard_wrap_detection() {
        let wrapped = "The Taliban said on Tuesday that the\nfighters had fled to the\ngovernment lines in the north and\nthat more were expected.";
        assert!(is_hard_wrapped(wrapped));
        let lines =
            "Taliban Surge Routs ISIS\nBy Rod Nordland\nKABUL, Afghanistan — The Taliban said.";
        assert!(!is_hard_wrapped(lines));
    }
}
