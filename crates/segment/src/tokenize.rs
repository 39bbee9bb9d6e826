//! Tokenizer: text → raw tokens with byte spans and a tag for the splitter.
//!
//! Stage: segment, first half. Input: the original text. Output: an iterator of
//! [`RawTok`] in text order; spans are non-empty, non-overlapping, on char
//! boundaries and never hold a whitespace char. Style: PTB / UD English (EWT)
//! where sensible: punctuation and clitics split off ("do" "n't", "Bush" "'s"),
//! abbreviations keep their period ("Mr.", "U.S."), numbers keep their
//! separators ("1,200", "10:30"), hyphenated words and names stay whole
//! ("ul-Rahman"), URLs and e-mail addresses are one token.
//! Must not: look back or ahead more than a few chars except while consuming
//! (so it stays linear on any input), allocate per token, panic, or do IO.

use std::collections::VecDeque;

use article::TokenKind;

use crate::abbrev::{self, AbbrevClass};
use crate::chars::{self, class, Cls};

/// What kind of sentence-final punctuation a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FinalKind {
    /// A single period.
    Period,
    /// A run holding `?` or `!` (maybe with periods: "?!", "!!!", ".?").
    Exclaim,
    /// "..", "...", "…": may end a sentence or trail off inside one.
    Ellipsis,
    /// CJK / Indic full stops, which need no space after them.
    Unspaced,
}

/// What the sentence splitter needs to know about a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Nothing special.
    Plain,
    /// Sentence-final punctuation.
    Final(FinalKind),
    /// A word that kept its abbreviation period ("Mr.", "U.S.", "etc.").
    Abbrev(AbbrevClass),
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// An opening bracket.
    OpenBracket,
    /// A closing bracket.
    CloseBracket,
    /// A comma (or a run of them).
    Comma,
    /// A hyphen or dash standing alone.
    Dash,
    /// An emoticon (":)", "^_^"): stays with the sentence before it.
    Emoticon,
}

/// A token before sentence splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawTok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Coarse shape.
    pub kind: TokenKind,
    /// Splitter hint.
    pub tag: Tag,
}

/// Emoticons kept as one token (EWT does).
const EMOTICONS: [&[u8]; 20] = [
    b":-)", b":-(", b":-D", b":-P", b":-O", b";-)", b">:(", b":'(", b"^_^", b"^^", b":)", b":(",
    b":D", b":P", b":p", b":O", b";)", b";D", b"=)", b"(:",
];

/// URL starts, compared ASCII case-insensitively.
const URL_PREFIXES: [&[u8]; 5] = [b"http://", b"https://", b"ftp://", b"mailto:", b"www."];

/// Word prefixes EWT keeps joined to the rest by a hyphen (only used when
/// hyphenated words are split).
fn is_hyphen_prefix(seg: &str) -> bool {
    if seg.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    let lower = &mut buf[..seg.len()];
    lower.copy_from_slice(seg.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"e" | b"co"
            | b"non"
            | b"pre"
            | b"anti"
            | b"mid"
            | b"multi"
            | b"ex"
            | b"re"
            | b"semi"
            | b"pro"
            | b"post"
            | b"x"
            | b"un"
            | b"over"
            | b"inter"
            | b"intra"
            | b"sub"
            | b"vice"
            | b"cross"
            | b"micro"
            | b"mini"
    )
}

/// Splits text into raw tokens, lazily.
pub(crate) struct Tokenizer<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    queue: VecDeque<RawTok>,
    split_hyphens: bool,
    /// Control characters skipped so far (tab, newline and friends excluded).
    pub(crate) controls: usize,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over `text`; `split_hyphens` splits hyphenated words EWT-style.
    pub(crate) fn new(text: &'a str, split_hyphens: bool) -> Self {
        Tokenizer {
            text,
            b: text.as_bytes(),
            pos: 0,
            queue: VecDeque::with_capacity(4),
            split_hyphens,
            controls: 0,
        }
    }

    /// The char starting at byte `p` (a char boundary), if any.
    #[inline]
    fn char_at(&self, p: usize) -> Option<char> {
        let b = *self.b.get(p)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text.get(p..)?.chars().next()
        }
    }

    /// The char ending at byte `p` (a char boundary), if any.
    #[inline]
    fn char_before(&self, p: usize) -> Option<char> {
        let b = *self.b.get(p.checked_sub(1)?)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text.get(..p)?.chars().next_back()
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind, tag: Tag) {
        if end > start {
            self.queue.push_back(RawTok {
                start,
                end,
                kind,
                tag,
            });
        }
    }

    /// One word-led token (plus any clitic split off it) at `start`.
    fn word(&mut self, start: usize, first: char) {
        if self.url_prefix(start) {
            self.url(start);
            return;
        }
        let mut p = start;
        let mut prev = first;
        let mut seg_start = start;
        let mut seg_alpha = true; // current segment is letters only
        let mut seg_lower = false; // current segment has a lower-case letter
        let mut dots = 0usize;
        let mut last_dot: Option<usize> = None;
        let mut at: Option<usize> = None;
        let mut only_alpha = true; // letters and joining periods only
        let mut numeric = true; // digits and numeric separators only
        let mut max_seg = 0usize;
        let mut glued = false;
        while let Some(c) = self.char_at(p) {
            let cl = class(c);
            if cl == Cls::Word {
                if c.is_alphabetic() {
                    numeric = false;
                    seg_lower |= c.is_lowercase();
                } else {
                    only_alpha = false;
                    seg_alpha = false;
                    if !c.is_ascii_digit() {
                        numeric = false;
                    }
                }
                prev = c;
                p += c.len_utf8();
                continue;
            }
            if cl != Cls::Punct {
                break;
            }
            let q = p + c.len_utf8();
            let Some(d) = self.char_at(q) else { break };
            let join = match c {
                '.' => {
                    if d.is_alphanumeric() {
                        if seg_alpha
                            && seg_lower
                            && p - seg_start >= 2
                            && d.is_uppercase()
                            && match self.char_at(q + d.len_utf8()) {
                                Some(e) if e.is_lowercase() => true,
                                // "night.I think"
                                e => d == 'I' && e.is_none_or(|e| !e.is_alphanumeric()),
                            }
                            && !self.at_sign_ahead(q)
                        {
                            // "night.The": a missing space, not an inner period.
                            glued = true;
                            false
                        } else {
                            true
                        }
                    } else {
                        // "U.S.-led"
                        chars::is_hyphen(d)
                            && dots > 0
                            && only_alpha
                            && p - seg_start <= 2
                            && self
                                .char_at(q + d.len_utf8())
                                .is_some_and(|e| e.is_alphanumeric())
                    }
                }
                '-' | '\u{2010}' | '\u{2011}' => {
                    d.is_alphanumeric() && self.keep_hyphen(seg_start, p, prev, d, q)
                }
                ',' | ':' | '/' => prev.is_ascii_digit() && d.is_ascii_digit(),
                '\'' | '’' | '`' => prev.is_alphanumeric() && d.is_alphabetic(),
                '@' => d.is_alphanumeric(),
                '&' => prev.is_uppercase() && d.is_uppercase(),
                _ => false,
            };
            if !join {
                break;
            }
            match c {
                '.' => {
                    dots += 1;
                    last_dot = Some(p);
                    max_seg = max_seg.max(p - seg_start);
                }
                ',' | ':' | '/' | '-' | '\u{2010}' | '\u{2011}' => only_alpha = false,
                '@' => {
                    if at.is_none() {
                        at = Some(p);
                    }
                    only_alpha = false;
                    numeric = false;
                }
                _ => {
                    only_alpha = false;
                    numeric = false;
                }
            }
            prev = c;
            p = q;
            seg_start = q;
            seg_alpha = true;
            seg_lower = false;
        }
        max_seg = max_seg.max(p - seg_start);
        let word = &self.text[start..p];

        // Does a following period belong to the word?
        if self.b.get(p) == Some(&b'.') && at.is_none() && !first.is_ascii_digit() {
            let free = glued
                || match self.char_at(p + 1) {
                    None => true,
                    Some(a) => a != '.' && class(a) != Cls::Word,
                };
            if free {
                let class = if dots > 0 && only_alpha && max_seg <= 2 {
                    Some(AbbrevClass::Other)
                } else if dots == 0 && first.is_uppercase() && first.len_utf8() == word.len() {
                    Some(AbbrevClass::Title)
                } else if word.len() <= 8 {
                    abbrev::lookup(word)
                } else {
                    None
                };
                let class = match class {
                    Some(AbbrevClass::BeforeNumber) if !self.digit_follows(p + 1) => None,
                    other => other,
                };
                if let Some(class) = class {
                    self.push(start, p + 1, TokenKind::Word, Tag::Abbrev(class));
                    self.pos = p + 1;
                    return;
                }
            }
        }

        let email = at.is_some_and(|a| last_dot.is_some_and(|d| d > a));
        let domain =
            last_dot.is_some_and(|d| d - start >= 2 && abbrev::is_tld(&self.text[d + 1..p]));
        let kind = if email || domain {
            TokenKind::Url
        } else if first.is_ascii_digit() && numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        match (kind, clitic_split(word)) {
            (TokenKind::Word, Some(k)) if k > 0 && k < word.len() => {
                let stem_kind = if word.as_bytes()[..k].iter().all(|b| b.is_ascii_digit()) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                self.push(start, start + k, stem_kind, Tag::Plain);
                self.push(start + k, p, TokenKind::Word, Tag::Plain);
            }
            _ => self.push(start, p, kind, Tag::Plain),
        }
        self.pos = p;
    }

    /// Whether a hyphen between `prev` and `d` joins the word (it always does
    /// unless EWT-style splitting is on).
    fn keep_hyphen(&self, seg_start: usize, p: usize, prev: char, d: char, q: usize) -> bool {
        if !self.split_hyphens {
            return true;
        }
        if prev.is_ascii_digit() && d.is_ascii_digit() {
            // Ranges split ("3-4", "1969-1970"); phone numbers and dates stay.
            let left = p - seg_start;
            let right = self.b[q..]
                .iter()
                .take(8)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let range = (left <= 2 && right <= 2) || (left == 4 && right == 4);
            return !range;
        }
        is_hyphen_prefix(&self.text[seg_start..p])
    }

    /// True when an `@` comes within the next few word chars (an e-mail
    /// address such as "Sean.Cooper@ElPaso.com").
    fn at_sign_ahead(&self, p: usize) -> bool {
        self.b
            .get(p..)
            .unwrap_or(&[])
            .iter()
            .take(40)
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'@'))
            .any(|b| *b == b'@')
    }

    /// True when a digit follows byte `p` after at most three spaces.
    fn digit_follows(&self, p: usize) -> bool {
        self.b
            .get(p..)
            .unwrap_or(&[])
            .iter()
            .take(4)
            .find(|b| **b != b' ')
            .is_some_and(|b| b.is_ascii_digit())
    }

    /// True when a URL starts at `p`.
    fn url_prefix(&self, p: usize) -> bool {
        let rest = &self.b[p..];
        URL_PREFIXES.iter().any(|pre| {
            rest.len() > pre.len()
                && rest[..pre.len()].eq_ignore_ascii_case(pre)
                && rest[pre.len()].is_ascii_alphanumeric()
        })
    }

    /// A URL token from `start` to the next space, less trailing punctuation.
    fn url(&mut self, start: usize) {
        let mut p = start;
        let (mut open, mut close) = (0usize, 0usize);
        while let Some(c) = self.char_at(p) {
            let cl = class(c);
            if cl == Cls::Space
                || cl == Cls::Symbol
                || matches!(c, '"' | '<' | '>' | '`' | '|')
                || chars::is_open_quote(c)
                || chars::is_close_quote(c)
            {
                break;
            }
            match c {
                '(' | '[' => open += 1,
                ')' | ']' => close += 1,
                _ => {}
            }
            p += c.len_utf8();
        }
        while let Some(c) = self.char_before(p) {
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' => true,
                ')' | ']' if close > open => {
                    close -= 1;
                    true
                }
                _ => false,
            };
            if !trim || p - c.len_utf8() <= start {
                break;
            }
            p -= c.len_utf8();
        }
        self.push(start, p, TokenKind::Url, Tag::Plain);
        self.pos = p;
    }

    /// True when a straight quote at `start` opens (by what stands before it).
    fn opens(&self, start: usize) -> bool {
        match self.char_before(start) {
            None => true,
            Some(c) => {
                class(c) == Cls::Space
                    || chars::is_open_quote(c)
                    || chars::is_open_bracket(c)
                    || chars::is_dash(c)
                    || matches!(c, '-' | ':' | '/')
            }
        }
    }

    /// Length of an emoticon at `start`, if one is there.
    fn emoticon(&self, start: usize) -> Option<usize> {
        let rest = &self.b[start..];
        let e = EMOTICONS.iter().find(|e| rest.starts_with(e))?;
        let after = self.char_at(start + e.len());
        let ok = match after {
            None => true,
            Some(a) if e[0] == b'(' => class(a) == Cls::Space,
            Some(a) => class(a) != Cls::Word,
        };
        ok.then_some(e.len())
    }

    /// Length of an abbreviated year ("'72", "’90s") at `start`, if one is there.
    fn year(&self, start: usize, quote: char) -> Option<usize> {
        if self
            .char_before(start)
            .is_some_and(|c| class(c) == Cls::Word)
        {
            return None;
        }
        let q = start + quote.len_utf8();
        let rest = self.b.get(q..)?;
        if rest.len() < 2 || !rest[0].is_ascii_digit() || !rest[1].is_ascii_digit() {
            return None;
        }
        let mut n = 2;
        if rest.get(2) == Some(&b's') {
            n = 3;
        }
        match self.char_at(q + n) {
            Some(c) if class(c) == Cls::Word => None,
            _ => Some(quote.len_utf8() + n),
        }
    }

    /// Length of a clitic ("’s", "'ll") at `start` right after a token that
    /// kept a period ("U.S.’s"), if one is there.
    fn clitic_after(&self, start: usize, quote: char) -> Option<usize> {
        if self.char_before(start) != Some('.') {
            return None;
        }
        let q = start + quote.len_utf8();
        let rest = self.b.get(q..)?;
        let n = [&b"s"[..], b"d", b"m", b"re", b"ve", b"ll"]
            .iter()
            .find(|suf| rest.len() >= suf.len() && rest[..suf.len()].eq_ignore_ascii_case(suf))?
            .len();
        match self.char_at(q + n) {
            Some(c) if class(c) == Cls::Word => None,
            _ => Some(quote.len_utf8() + n),
        }
    }

    /// End of the run of chars equal to `c` starting at `start`.
    fn run_of(&self, start: usize, c: char) -> usize {
        let mut p = start;
        while self.char_at(p) == Some(c) {
            p += c.len_utf8();
        }
        p
    }

    /// One punctuation token at `start`.
    fn punct(&mut self, start: usize, c: char) {
        let (end, kind, tag) = if chars::is_final(c) {
            let mut p = start;
            let (mut exclaim, mut dots, mut ellipsis, mut unspaced) = (false, 0usize, false, false);
            while let Some(d) = self.char_at(p).filter(|d| chars::is_final(*d)) {
                match d {
                    '.' => dots += 1,
                    '…' => ellipsis = true,
                    _ if chars::is_unspaced_final(d) => unspaced = true,
                    _ => exclaim = true,
                }
                p += d.len_utf8();
            }
            let fk = if unspaced {
                FinalKind::Unspaced
            } else if exclaim {
                FinalKind::Exclaim
            } else if ellipsis || dots >= 2 {
                FinalKind::Ellipsis
            } else {
                FinalKind::Period
            };
            (p, TokenKind::Punct, Tag::Final(fk))
        } else if let Some(n) = matches!(c, ':' | ';' | '=' | '(' | '>' | '^')
            .then(|| self.emoticon(start))
            .flatten()
        {
            (start + n, TokenKind::Punct, Tag::Emoticon)
        } else if let Some(n) = chars::is_apostrophe(c)
            .then(|| self.year(start, c))
            .flatten()
        {
            (start + n, TokenKind::Number, Tag::Plain)
        } else if let Some(n) = chars::is_apostrophe(c)
            .then(|| self.clitic_after(start, c))
            .flatten()
        {
            (start + n, TokenKind::Word, Tag::Plain)
        } else if matches!(c, '"' | '\'' | '`') {
            let end = if c == '"' {
                start + 1
            } else {
                self.run_of(start, c)
            };
            let tag = if self.opens(start) {
                Tag::OpenQuote
            } else {
                Tag::CloseQuote
            };
            (end, TokenKind::Punct, tag)
        } else if matches!(c, '‘' | '’') && matches!(self.char_at(start + 3), Some('‘' | '’'))
        {
            // "’’" and "‘’": doubled single quotes standing for a double one.
            let mut p = start;
            while let Some(d) = self.char_at(p).filter(|d| matches!(d, '‘' | '’')) {
                p += d.len_utf8();
            }
            let tag = if self.opens(start) {
                Tag::OpenQuote
            } else {
                Tag::CloseQuote
            };
            (p, TokenKind::Punct, tag)
        } else if chars::is_open_quote(c) {
            (start + c.len_utf8(), TokenKind::Punct, Tag::OpenQuote)
        } else if chars::is_close_quote(c) {
            (start + c.len_utf8(), TokenKind::Punct, Tag::CloseQuote)
        } else if chars::is_open_bracket(c) {
            (start + c.len_utf8(), TokenKind::Punct, Tag::OpenBracket)
        } else if chars::is_close_bracket(c) {
            (start + c.len_utf8(), TokenKind::Punct, Tag::CloseBracket)
        } else if c == ',' {
            (self.run_of(start, c), TokenKind::Punct, Tag::Comma)
        } else if c == '-' || chars::is_dash(c) {
            (self.run_of(start, c), TokenKind::Punct, Tag::Dash)
        } else if c.is_ascii() {
            (self.run_of(start, c), TokenKind::Punct, Tag::Plain)
        } else {
            (start + c.len_utf8(), TokenKind::Punct, Tag::Plain)
        };
        self.push(start, end, kind, tag);
        self.pos = end;
    }

    /// A run of pictographs and their modifiers at `start`.
    fn symbol(&mut self, start: usize) {
        let mut p = start;
        while let Some(c) = self
            .char_at(p)
            .filter(|c| class(*c) == Cls::Symbol || chars::is_extend(*c))
        {
            p += c.len_utf8();
        }
        self.push(start, p, TokenKind::Punct, Tag::Plain);
        self.pos = p;
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = RawTok;

    fn next(&mut self) -> Option<RawTok> {
        loop {
            if let Some(t) = self.queue.pop_front() {
                return Some(t);
            }
            let c = self.char_at(self.pos)?;
            let start = self.pos;
            match class(c) {
                Cls::Space => {
                    if c.is_control()
                        && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\u{85}')
                    {
                        self.controls += 1;
                    }
                    self.pos += c.len_utf8();
                }
                Cls::Word => self.word(start, c),
                Cls::Punct => self.punct(start, c),
                Cls::Symbol => self.symbol(start),
            }
            if self.pos <= start {
                // Cannot happen (every branch consumes), but never loop forever.
                self.pos = start + c.len_utf8();
            }
        }
    }
}

/// Where a clitic or fused second part starts in `word` ("don't" → 2,
/// "Bush's" → 4, "cannot" → 3, "5pm" → 1), if it has one.
pub(crate) fn clitic_split(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    let low = |x: u8| x | 0x20;
    const CURLY: &[u8] = "’".as_bytes();
    // n't / n’t
    if n > 3 && low(b[n - 1]) == b't' && b[n - 2] == b'\'' && low(b[n - 3]) == b'n' {
        return Some(n - 3);
    }
    if n > 5 && low(b[n - 1]) == b't' && &b[n - 4..n - 1] == CURLY && low(b[n - 5]) == b'n' {
        return Some(n - 5);
    }
    // 's 'm 'd 're 've 'll
    for suf in [&b"s"[..], b"m", b"d", b"re", b"ve", b"ll"] {
        let k = suf.len();
        if n < k + 2 || !b[n - k..].eq_ignore_ascii_case(suf) {
            continue;
        }
        let ap = if matches!(b[n - k - 1], b'\'' | b'`') {
            n - k - 1
        } else if n >= k + 4 && &b[n - k - 3..n - k] == CURLY {
            n - k - 3
        } else {
            continue;
        };
        if ap > 0
            && word
                .get(..ap)
                .and_then(|s| s.chars().next_back())
                .is_some_and(|c| c.is_alphabetic())
        {
            return Some(ap);
        }
    }
    if let Some(k) = abbrev::fused_split(word) {
        return Some(k);
    }
    // Number + unit: "5pm", "65k", "3.5m".
    if n >= 2 && b[0].is_ascii_digit() {
        let i = b
            .iter()
            .position(|x| !(x.is_ascii_digit() || matches!(x, b'.' | b',' | b':')))?;
        if i > 0
            && b[i - 1].is_ascii_digit()
            && b[i..].iter().all(|x| x.is_ascii_alphabetic())
            && abbrev::is_unit(&word[i..])
        {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        Tokenizer::new(text, false)
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn clitic_points() {
        assert_eq!(clitic_split("don't"), Some(2));
        assert_eq!(clitic_split("can’t"), Some(2));
        assert_eq!(clitic_split("Bush's"), Some(4));
        assert_eq!(clitic_split("group’s"), Some(5));
        assert_eq!(clitic_split("80's"), None);
        assert_eq!(clitic_split("'s"), None);
        assert_eq!(clitic_split("n't"), None);
        assert_eq!(clitic_split("O'Connell"), None);
        assert_eq!(clitic_split("5pm"), Some(1));
        assert_eq!(clitic_split("17th"), None);
        assert_eq!(clitic_split("cannot"), Some(3));
    }

    #[test]
    fn basic_tokens() {
        assert_eq!(
            toks("Mr. Nemat said: “We lost 1,200 men.”"),
            ["Mr.", "Nemat", "said", ":", "“", "We", "lost", "1,200", "men", ".", "”"]
        );
        assert_eq!(
            toks("U.S.-led e.g., etc..."),
            ["U.S.-led", "e.g.", ",", "etc", "..."]
        );
        assert_eq!(toks(":) ok :-("), [":)", "ok", ":-("]);
        assert_eq!(toks("'72 and ’90s"), ["'72", "and", "’90s"]);
    }
}
