//! Character classes for the tokenizer.
//!
//! Stage: segment (helper). Input: one `char`. Output: its coarse class
//! ([`Cls`]) and a few predicates the tokenizer and splitter ask about.
//! Must not: allocate, look at more than the one char, or do IO.

/// Coarse class of a char, as the tokenizer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cls {
    /// Separates tokens and is never part of one: whitespace, control and
    /// zero-width format characters.
    Space,
    /// Letters, digits, marks, underscore and anything not listed elsewhere.
    Word,
    /// Punctuation and currency signs.
    Punct,
    /// Pictographs, arrows, dingbats, maths symbols: tokens of their own.
    Symbol,
}

/// ASCII classes, indexed by byte.
const ASCII: [Cls; 128] = {
    let mut t = [Cls::Punct; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() || b == b'_' {
            Cls::Word
        } else if b <= 0x20 || b == 0x7f {
            Cls::Space
        } else {
            Cls::Punct
        };
        i += 1;
    }
    t
};

/// The class of `c`.
#[inline]
pub(crate) fn class(c: char) -> Cls {
    let u = c as u32;
    if u < 128 {
        return ASCII[u as usize];
    }
    if c.is_whitespace() || c.is_control() {
        return Cls::Space;
    }
    match u {
        0x200B | 0x200E | 0x200F | 0x2060 | 0xFEFF => Cls::Space,
        // Latin-1 punctuation and signs, less ª ² ³ µ ¹ º ¼ ½ ¾ and the soft hyphen.
        0xAA | 0xAD | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE => Cls::Word,
        0xA1..=0xBF | 0xD7 | 0xF7 => Cls::Punct,
        0x2010..=0x2027 | 0x2030..=0x205E => Cls::Punct,
        0x20A0..=0x20CF => Cls::Punct,
        0x2116 => Cls::Punct,
        0x2122 => Cls::Symbol,
        0x2190..=0x2BFF => Cls::Symbol,
        0x3005..=0x3007 => Cls::Word,
        0x3000..=0x303F => Cls::Punct,
        0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => Cls::Punct,
        0x060C | 0x061B | 0x061F | 0x066A..=0x066D | 0x06D4 => Cls::Punct,
        0x0964 | 0x0965 => Cls::Punct,
        0x1F3FB..=0x1F3FF => Cls::Word,
        0x1F000..=0x1FAFF => Cls::Symbol,
        _ => Cls::Word,
    }
}

/// True for chars that extend the previous grapheme of a pictograph
/// (variation selectors, zero-width joiner, skin tones, keycap, tags).
#[inline]
pub(crate) fn is_extend(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0x200D | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// True for chars that end a sentence on their own (`.` `!` `?` `…` and their
/// wide, Arabic and Indic kin).
#[inline]
pub(crate) fn is_final(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
    )
}

/// True for final punctuation that ends a sentence even with no space after it
/// (CJK and Indic scripts do not put spaces between sentences).
#[inline]
pub(crate) fn is_unspaced_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '।' | '॥')
}

/// True for opening quotation marks that are never closing ones.
#[inline]
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '‹' | '„' | '‚' | '「' | '『')
}

/// True for closing quotation marks (the right single quote doubles as apostrophe).
#[inline]
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | '」' | '』')
}

/// True for opening brackets.
#[inline]
pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '（' | '［' | '｛' | '【' | '〔' | '〈' | '《'
    )
}

/// True for closing brackets.
#[inline]
pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '）' | '］' | '｝' | '】' | '〕' | '〉' | '》'
    )
}

/// True for dashes other than the ASCII hyphen-minus.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '‒' | '–' | '—' | '―' | '⸺' | '⸻')
}

/// True for the hyphens that may join the parts of a word.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True for the apostrophes that may sit inside a word.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(class('a'), Cls::Word);
        assert_eq!(class('é'), Cls::Word);
        assert_eq!(class('\u{0301}'), Cls::Word);
        assert_eq!(class('_'), Cls::Word);
        assert_eq!(class(' '), Cls::Space);
        assert_eq!(class('\u{0}'), Cls::Space);
        assert_eq!(class('\u{a0}'), Cls::Space);
        assert_eq!(class('\u{200b}'), Cls::Space);
        assert_eq!(class('\u{2029}'), Cls::Space);
        assert_eq!(class('“'), Cls::Punct);
        assert_eq!(class('—'), Cls::Punct);
        assert_eq!(class('€'), Cls::Punct);
        assert_eq!(class('😀'), Cls::Symbol);
        assert_eq!(class('中'), Cls::Word);
        assert_eq!(class('。'), Cls::Punct);
    }

    #[test]
    fn no_whitespace_is_word_or_punct() {
        for u in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(u) {
                if c.is_whitespace() {
                    assert_eq!(class(c), Cls::Space, "{u:x}");
                }
            }
        }
    }
}
