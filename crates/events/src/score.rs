//! The scorer behind `khabar eval`: a faithful port of `../shared/score/score.py`.
//!
//! Stage: evaluation. Input: the bytes of a gold file (one document per line, see
//! `../shared/gold/FORMAT.md`) and of a system event file (one event per line), or the
//! same as already parsed JSON values. Output: a [`ScoreResult`] that serializes to the
//! object `score.py --json` prints (same keys, order and values; [`to_json`] prints it
//! byte for byte as `json.dumps(result, indent=1)` does), and [`report`], the text
//! report `score.py` prints. Must not: do IO.
//!
//! To agree with Python on odd input, lines are parsed by a port of CPython's `json`
//! decoder (same error messages, `3` is an int and `3.0` a float, `NaN` accepted, last
//! duplicate key wins), values keep Python's types ([`Py`]), and strings are measured
//! in chars (code points), as Python does. Known differences from Python 3.11: lone
//! surrogate escapes (`"\ud800"`) become U+FFFD; Unicode tables (NFKC, general
//! category, case mapping) come from newer Unicode versions than Python's 14.0; and
//! where score.py crashes (a truthy number where it iterates a list, an int too large for
//! a float, JSON nested more than 991 deep) this scorer goes on: it iterates nothing,
//! treats the number as unusable, or reports the line as invalid JSON.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::UnicodeNormalization;

use crate::Event;

/// The 16 PLOVER categories in the order `per_category` lists them (others follow, by name).
pub const CATEGORIES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The count fields scored, in report order.
pub const COUNT_FIELDS: [&str; 3] = ["dead", "injured", "size"];

/// A system location within this many km of the gold coordinates is right.
pub const MAX_KM: f64 = 50.0;

/// Characters deleted by [`norm_name`] (so "U.S." == "US"); other punctuation becomes a space.
const DROP_CHARS: [char; 6] = ['.', '\'', '\u{2019}', '\u{2018}', '`', '\u{b4}'];

/// How deep JSON may nest in a line: score.py reads 991 levels and dies of RecursionError
/// beyond; we report the line as invalid JSON instead.
const MAX_DEPTH: usize = 991;

// ---------------------------------------------------------------------------------------
// Result types
// ---------------------------------------------------------------------------------------

/// Everything `score.py --json` prints, in its key order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreResult {
    /// Gold documents read.
    pub gold_docs: usize,
    /// System events scored (valid lines whose doc_id is in the gold).
    pub system_events: usize,
    /// System events whose doc_id is not in the gold (not scored).
    pub ignored_events: usize,
    /// Those doc_ids, sorted.
    pub ignored_doc_ids: Vec<String>,
    /// Events skipped as negated or hypothetical.
    pub skipped_flagged: SkippedFlagged,
    /// Event detection P/R/F1.
    pub event: PrfPair,
    /// The same, but a true positive needs actor and recipient right too.
    pub full_event: PrfPair,
    /// Actor accuracy over matched pairs.
    pub actor: Accuracy,
    /// Recipient accuracy over matched pairs.
    pub recipient: Accuracy,
    /// Location accuracy over matched pairs whose gold event has a location.
    pub location: Accuracy,
    /// Date accuracy over matched pairs whose gold event has a date.
    pub date: Accuracy,
    /// Count accuracy over (matched pair, field) where the gold states the field.
    pub count: CountAccuracy,
    /// Per category figures, in [`CATEGORIES`] order, then other names sorted.
    #[serde(serialize_with = "serialize_categories")]
    pub per_category: Vec<(String, CategoryScore)>,
    /// Gold events scored (flagged ones are skipped).
    pub gold_events: usize,
    /// `"system line 7: ..."`, `"gold line 2: ..."`, in the order score.py finds them.
    pub errors: Vec<String>,
}

/// Events marked negated or hypothetical, skipped on either side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SkippedFlagged {
    /// Gold events skipped.
    pub gold: usize,
    /// System events skipped.
    pub system: usize,
}

/// The strict and lenient figures of one matching.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PrfPair {
    /// Duplicates count as false positives.
    pub strict: Prf,
    /// Duplicates are left out.
    pub lenient: Prf,
}

/// Precision, recall, F1 and the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// tp / system events (0.0 when there are none).
    pub precision: f64,
    /// tp / gold events (0.0 when there are none).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0.0 when both are 0).
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Lenient only: unmatched system events that would have matched an already matched
    /// gold event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<usize>,
}

/// An accuracy: `correct / total`, `None` (JSON null) when `total` is 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accuracy {
    /// correct / total, or None.
    pub accuracy: Option<f64>,
    /// Right answers.
    pub correct: usize,
    /// Questions.
    pub total: usize,
}

/// Count accuracy over all fields, and by field.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CountAccuracy {
    /// correct / total over the three fields, or None.
    pub accuracy: Option<f64>,
    /// Right counts.
    pub correct: usize,
    /// Counts the gold states on matched pairs.
    pub total: usize,
    /// The same per field.
    pub by_field: CountFields,
}

/// One [`Accuracy`] per count field.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CountFields {
    /// Killed.
    pub dead: Accuracy,
    /// Wounded.
    pub injured: Accuracy,
    /// People involved.
    pub size: Accuracy,
}

/// Figures of one event category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CategoryScore {
    /// Gold events of the category.
    pub gold: usize,
    /// System events of the category.
    pub system: usize,
    /// Gold events of the category that were matched.
    pub tp_gold: usize,
    /// System events of the category that were matched.
    pub tp_system: usize,
    /// tp_system / system.
    pub precision: f64,
    /// tp_gold / gold.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

fn serialize_categories<S: Serializer>(
    cats: &[(String, CategoryScore)],
    ser: S,
) -> Result<S::Ok, S::Error> {
    let mut map = ser.serialize_map(Some(cats.len()))?;
    for (name, c) in cats {
        map.serialize_entry(name, c)?;
    }
    map.end()
}

// ---------------------------------------------------------------------------------------
// Python values
// ---------------------------------------------------------------------------------------

/// A JSON value as Python's `json.loads` gives it: ints and floats apart, dicts in
/// insertion order with the last duplicate key winning.
#[derive(Debug, Clone, PartialEq)]
pub enum Py {
    /// `null`.
    None,
    /// `true` / `false`.
    Bool(bool),
    /// An integer literal (no fraction, no exponent).
    Int(PyInt),
    /// Any other number, and `NaN`, `Infinity`, `-Infinity`.
    Float(f64),
    /// A string.
    Str(String),
    /// An array.
    List(Vec<Py>),
    /// An object: keys unique, in first-insertion order.
    Dict(Vec<(String, Py)>),
}

/// A Python int: exact up to i128, kept as digits beyond.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyInt {
    /// Fits in i128.
    Small(i128),
    /// Does not; `digits` has no sign and no leading zero.
    Big {
        /// Below zero.
        neg: bool,
        /// Decimal digits of the magnitude.
        digits: String,
    },
}

impl PyInt {
    fn parse(text: &str) -> PyInt {
        match text.parse::<i128>() {
            Ok(v) => PyInt::Small(v),
            Err(_) => PyInt::Big {
                neg: text.starts_with('-'),
                digits: text.trim_start_matches('-').to_string(),
            },
        }
    }

    fn cmp_int(&self, other: &PyInt) -> Ordering {
        use PyInt::{Big, Small};
        match (self, other) {
            (Small(a), Small(b)) => a.cmp(b),
            (Big { neg, .. }, Small(_)) => {
                if *neg {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (Small(_), Big { neg, .. }) => {
                if *neg {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (
                Big {
                    neg: n1,
                    digits: d1,
                },
                Big {
                    neg: n2,
                    digits: d2,
                },
            ) => match (n1, n2) {
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                (false, false) => (d1.len(), d1).cmp(&(d2.len(), d2)),
                (true, true) => (d2.len(), d2).cmp(&(d1.len(), d1)),
            },
        }
    }

    /// The value, clamped to i128 (order against small values is kept).
    fn saturating(&self) -> i128 {
        match self {
            PyInt::Small(v) => *v,
            PyInt::Big { neg: true, .. } => i128::MIN,
            PyInt::Big { neg: false, .. } => i128::MAX,
        }
    }

    fn to_f64(&self) -> f64 {
        match self {
            // `as` rounds to nearest, ties to even, as Python's float(int) does.
            PyInt::Small(v) => *v as f64,
            PyInt::Big { neg, digits } => {
                let v = digits.parse::<f64>().unwrap_or(f64::INFINITY);
                if *neg {
                    -v
                } else {
                    v
                }
            }
        }
    }

    fn repr(&self) -> String {
        match self {
            PyInt::Small(v) => v.to_string(),
            PyInt::Big { neg, digits } => format!("{}{digits}", if *neg { "-" } else { "" }),
        }
    }
}

impl Py {
    /// Converts a serde_json value (integers that fit i64/u64 become ints, other numbers floats).
    pub fn from_json(value: &serde_json::Value) -> Py {
        use serde_json::Value;
        match value {
            Value::Null => Py::None,
            Value::Bool(b) => Py::Bool(*b),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Py::Int(PyInt::Small(i128::from(i)))
                } else if let Some(u) = n.as_u64() {
                    Py::Int(PyInt::Small(i128::from(u)))
                } else {
                    Py::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => Py::Str(s.clone()),
            Value::Array(items) => Py::List(items.iter().map(Py::from_json).collect()),
            Value::Object(map) => Py::Dict(
                map.iter()
                    .map(|(k, v)| (k.clone(), Py::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Python's `bool(value)`.
    fn truthy(&self) -> bool {
        match self {
            Py::None => false,
            Py::Bool(b) => *b,
            Py::Int(i) => !matches!(i, PyInt::Small(0)),
            Py::Float(f) => *f != 0.0,
            Py::Str(s) => !s.is_empty(),
            Py::List(l) => !l.is_empty(),
            Py::Dict(d) => !d.is_empty(),
        }
    }

    /// Python's `repr(value)`.
    pub fn repr(&self) -> String {
        match self {
            Py::None => "None".into(),
            Py::Bool(true) => "True".into(),
            Py::Bool(false) => "False".into(),
            Py::Int(i) => i.repr(),
            Py::Float(f) => float_repr(*f),
            Py::Str(s) => str_repr(s),
            Py::List(items) => {
                let parts: Vec<String> = items.iter().map(Py::repr).collect();
                format!("[{}]", parts.join(", "))
            }
            Py::Dict(pairs) => {
                let parts: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", str_repr(k), v.repr()))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }
}

type Dict = Vec<(String, Py)>;

/// `d.get(key)`.
fn get<'a>(d: &'a Dict, key: &str) -> Option<&'a Py> {
    d.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn get_str<'a>(d: &'a Dict, key: &str) -> Option<&'a str> {
    match get(d, key) {
        Some(Py::Str(s)) => Some(s),
        _ => None,
    }
}

/// The items of `value or []` as a `for` loop sees them: list items, dict keys, the chars
/// of a string. (Python raises TypeError on a truthy number; we treat it as empty.)
fn py_items(value: Option<&Py>) -> Vec<Cow<'_, Py>> {
    match value {
        Some(v) if v.truthy() => match v {
            Py::List(items) => items.iter().map(Cow::Borrowed).collect(),
            Py::Dict(pairs) => pairs
                .iter()
                .map(|(k, _)| Cow::Owned(Py::Str(k.clone())))
                .collect(),
            Py::Str(s) => s
                .chars()
                .map(|c| Cow::Owned(Py::Str(c.to_string())))
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Python string helpers
// ---------------------------------------------------------------------------------------

/// Python's `str.isspace` for one char (also what `\s`, `split()` and `strip()` use).
fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// Python's `haystack.find(needle)`: a char (code point) offset.
fn py_find(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .find(needle)
        .map(|byte| haystack[..byte].chars().count())
}

/// Python's `len(s)`.
fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Python's `str.casefold()` for one char (full case folding).
fn casefold_into(c: char, out: &mut String) {
    let cp = u32::from(c);
    let shifted = match cp {
        // Dotless i has no folding; Cherokee folds to the upper case letters.
        0x131 | 0x13A0..=0x13F5 => Some(cp),
        0x13F8..=0x13FD => Some(cp - 8),
        0xAB70..=0xABBF => Some(cp - 0xAB70 + 0x13A0),
        _ => None,
    };
    if let Some(v) = shifted {
        out.push(char::from_u32(v).unwrap_or(c));
        return;
    }
    // Elsewhere full folding equals lower(upper(lower(c))), char by char (checked against
    // every code point of Python 3.11).
    for l in c.to_lowercase() {
        for u in l.to_uppercase() {
            out.extend(u.to_lowercase());
        }
    }
}

fn category_abbr(c: char) -> &'static str {
    get_general_category(c).abbreviation()
}

/// Python's `str.isprintable()` for one non-ASCII char.
fn is_printable(c: char) -> bool {
    !matches!(
        get_general_category(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::Surrogate
            | GeneralCategory::PrivateUse
            | GeneralCategory::Unassigned
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::SpaceSeparator
    )
}

/// Python's `repr(s)` for a str.
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let cp = u32::from(c);
        match c {
            _ if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if cp < 0x20 || cp == 0x7f => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x7f || is_printable(c) => out.push(c),
            _ if cp <= 0xff => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp <= 0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(x)` for a float: shortest round-trip digits, exponent form below 1e-4
/// and from 1e16 on.
fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let decpt = exp + 1;
    if !(-4 < decpt && decpt <= 16) {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.abs())
    } else if decpt <= 0 {
        let zeros = "0".repeat(usize::try_from(-decpt).unwrap_or(0));
        format!("{sign}0.{zeros}{digits}")
    } else {
        let point = usize::try_from(decpt).unwrap_or(0);
        if point >= digits.len() {
            let zeros = "0".repeat(point - digits.len());
            format!("{sign}{digits}{zeros}.0")
        } else {
            format!("{sign}{}.{}", &digits[..point], &digits[point..])
        }
    }
}

/// Python's `float(s)` for a str: Unicode digits and spaces allowed, underscores between
/// digits, `inf`/`nan` words.
fn py_float_str(s: &str) -> Option<f64> {
    let mut ascii = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else if py_isspace(c) {
            ascii.push(' ');
        } else if let Some(d) = decimal_value(c) {
            ascii.push(char::from(b'0' + d));
        } else {
            return None;
        }
    }
    let t = ascii.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}');
    if t.is_empty() {
        return None;
    }
    // Underscores only between two digits.
    let bytes = t.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'_' {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        }
    }
    let cleaned: String = t.chars().filter(|c| *c != '_').collect();
    let body = cleaned.trim_start_matches(['+', '-']);
    if cleaned.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return Some(f64::NAN);
    }
    // Python's grammar: digits [. digits] | . digits, then optional exponent.
    let valid = {
        let b = lower.as_bytes();
        let mut i = 0;
        let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        i += int_digits;
        let mut frac_digits = 0;
        if b.get(i) == Some(&b'.') {
            i += 1;
            frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            i += frac_digits;
        }
        let mut ok = int_digits + frac_digits > 0;
        if ok && b.get(i) == Some(&b'e') {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            ok = exp_digits > 0;
            i += exp_digits;
        }
        ok && i == b.len()
    };
    if !valid {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

/// The value of a Unicode decimal digit (general category Nd).
fn decimal_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    if get_general_category(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    // Nd digits come in runs of ten, 0 to 9, and abutting runs form blocks that start at
    // a zero: the offset from the block start, modulo ten, is the digit.
    let cp = u32::from(c);
    let mut first = cp;
    while let Some(p) = first.checked_sub(1).and_then(char::from_u32) {
        if get_general_category(p) != GeneralCategory::DecimalNumber {
            break;
        }
        first -= 1;
    }
    u8::try_from((cp - first) % 10).ok()
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || get_general_category(c) == GeneralCategory::DecimalNumber
}

// ---------------------------------------------------------------------------------------
// Normalizing and comparing values
// ---------------------------------------------------------------------------------------

/// Lowercases (Python casefold), strips punctuation and a leading "the", collapses spaces:
/// NFKC; `.`, `'`, `’`, `‘`, `` ` `` and `´` deleted; other punctuation and symbols
/// (general category P* or S*) become spaces.
pub fn norm_name(value: &str) -> String {
    let mut folded = String::with_capacity(value.len());
    for c in value.nfkc() {
        casefold_into(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if DROP_CHARS.contains(&c) {
            continue;
        }
        let cat = category_abbr(c);
        if cat.starts_with('P') || cat.starts_with('S') {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    let text = out
        .split(py_isspace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match text.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

fn norm_py(value: Option<&Py>) -> String {
    match value {
        Some(Py::Str(s)) => norm_name(s),
        _ => String::new(),
    }
}

/// Normalized names of one actor entry: name, text and aliases.
fn entry_keys(entry: &Py) -> HashSet<String> {
    let mut keys = HashSet::new();
    let mut add = |k: String| {
        if !k.is_empty() {
            keys.insert(k);
        }
    };
    match entry {
        Py::Str(s) => add(norm_name(s)),
        Py::Dict(d) => {
            add(norm_py(get(d, "name")));
            add(norm_py(get(d, "text")));
            if let Some(Py::List(aliases)) = get(d, "aliases") {
                for a in aliases {
                    add(norm_py(Some(a)));
                }
            }
        }
        _ => {}
    }
    keys
}

/// Every gold entry found among the system entries, and no system entry unmatched.
fn side_right(gold_side: Option<&Py>, sys_side: Option<&Py>) -> bool {
    let gold_keys: Vec<HashSet<String>> =
        py_items(gold_side).iter().map(|e| entry_keys(e)).collect();
    let sys_keys: Vec<HashSet<String>> = match sys_side {
        Some(Py::List(items)) => items.iter().map(entry_keys).collect(),
        _ => Vec::new(),
    };
    let meets = |a: &HashSet<String>, b: &HashSet<String>| !a.is_disjoint(b);
    gold_keys
        .iter()
        .all(|g| sys_keys.iter().any(|s| meets(g, s)))
        && sys_keys
            .iter()
            .all(|s| gold_keys.iter().any(|g| meets(s, g)))
}

/// Python's `to_number`: a finite float from a number or numeric string; bools are None.
fn to_number(value: Option<&Py>) -> Option<f64> {
    let n = match value? {
        Py::Int(i) => i.to_f64(),
        Py::Float(f) => *f,
        Py::Str(s) => py_float_str(s)?,
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// Great-circle distance in km (mean Earth radius 6371.0088 km), as score.py computes it.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    // `x ** 2` in Python calls libm's pow; black_box keeps LLVM from turning it into x * x,
    // which may differ in the last bit.
    let two = std::hint::black_box(2.0);
    let a = (dp / 2.0).sin().powf(two) + p1.cos() * p2.cos() * (dl / 2.0).sin().powf(two);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

fn location_right(gold: &Dict, system: Option<&Py>) -> bool {
    let Some(Py::Dict(system)) = system else {
        return false;
    };
    let (glat, glon) = (to_number(get(gold, "lat")), to_number(get(gold, "lon")));
    if let (Some(glat), Some(glon)) = (glat, glon) {
        let (slat, slon) = (to_number(get(system, "lat")), to_number(get(system, "lon")));
        return match (slat, slon) {
            (Some(slat), Some(slon)) => haversine_km(glat, glon, slat, slon) <= MAX_KM,
            _ => false,
        };
    }
    let gname = norm_py(get(gold, "name"));
    !gname.is_empty() && gname == norm_py(get(system, "name"))
}

/// The groups of `^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?` (Unicode `\s` and `\d`, as in
/// Python) that matched: year, then month, then day; None when there is no match.
pub fn date_parts(value: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = value.chars().collect();
    let mut i = chars.iter().take_while(|c| py_isspace(**c)).count();
    let digits = |from: usize, n: usize| -> Option<String> {
        let part = chars.get(from..from + n)?;
        part.iter()
            .all(|c| is_decimal(*c))
            .then(|| part.iter().collect())
    };
    let year = digits(i, 4)?;
    i += 4;
    let mut parts = vec![year];
    if chars.get(i) == Some(&'-') {
        if let Some(month) = digits(i + 1, 2) {
            parts.push(month);
            i += 3;
            if chars.get(i) == Some(&'-') {
                if let Some(day) = digits(i + 1, 2) {
                    parts.push(day);
                }
            }
        }
    }
    Some(parts)
}

fn date_parts_py(value: Option<&Py>) -> Option<Vec<String>> {
    match value {
        Some(Py::Str(s)) => date_parts(s),
        _ => None,
    }
}

/// Same date at the gold's precision: gold "2018-08" accepts "2018-08-01", gold
/// "2018-08-01" rejects "2018-08".
pub fn date_right(gold: &str, system: &str) -> bool {
    date_right_py(Some(&Py::Str(gold.into())), Some(&Py::Str(system.into())))
}

fn date_right_py(gold: Option<&Py>, system: Option<&Py>) -> bool {
    let (Some(g), Some(s)) = (date_parts_py(gold), date_parts_py(system)) else {
        return false;
    };
    !g.is_empty() && s.get(..g.len()).unwrap_or(&s[..]) == &g[..]
}

fn count_right(gold: Option<&Py>, system: Option<&Py>) -> bool {
    match (to_number(system), to_number(gold)) {
        (Some(s), Some(g)) => s == g,
        _ => false,
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn prf(tp_p: usize, n_sys: usize, tp_r: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = ratio(tp_p, n_sys);
    let r = ratio(tp_r, n_gold);
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn prf_block(tp: usize, n_sys: usize, n_gold: usize, duplicates: Option<usize>) -> Prf {
    let (precision, recall, f1) = prf(tp, n_sys, tp, n_gold);
    Prf {
        precision,
        recall,
        f1,
        tp,
        fp: n_sys.saturating_sub(tp),
        fn_: n_gold.saturating_sub(tp),
        duplicates,
    }
}

fn acc(correct: usize, total: usize) -> Accuracy {
    Accuracy {
        accuracy: (total != 0).then(|| correct as f64 / total as f64),
        correct,
        total,
    }
}

fn flagged(ev: &Dict) -> bool {
    matches!(get(ev, "negated"), Some(Py::Bool(true)))
        || matches!(get(ev, "hypothetical"), Some(Py::Bool(true)))
}

// ---------------------------------------------------------------------------------------
// CPython's json decoder
// ---------------------------------------------------------------------------------------

enum Fail {
    /// StopIteration(pos): becomes "Expecting value" at pos.
    Stop(usize),
    /// JSONDecodeError(msg, pos).
    Error(&'static str, usize),
}

struct JsonParser<'a> {
    s: &'a [char],
    depth: usize,
}

fn is_json_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl JsonParser<'_> {
    fn skip_ws(&self, mut idx: usize) -> usize {
        while idx < self.s.len() && is_json_ws(self.s[idx]) {
            idx += 1;
        }
        idx
    }

    fn at(&self, idx: usize) -> Option<char> {
        self.s.get(idx).copied()
    }

    fn follows(&self, idx: usize, word: &str) -> bool {
        let n = word.chars().count();
        self.s
            .get(idx..idx + n)
            .is_some_and(|w| w.iter().copied().eq(word.chars()))
    }

    fn scan_once(&mut self, idx: usize) -> Result<(Py, usize), Fail> {
        let len = self.s.len();
        let Some(c) = self.at(idx) else {
            return Err(Fail::Stop(idx));
        };
        match c {
            '"' => {
                let (s, end) = self.scanstring(idx + 1)?;
                return Ok((Py::Str(s), end));
            }
            '{' | '[' => {
                if self.depth >= MAX_DEPTH {
                    return Err(Fail::Error(
                        if c == '{' {
                            "maximum recursion depth exceeded while decoding a JSON object from a unicode string"
                        } else {
                            "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
                        },
                        usize::MAX,
                    ));
                }
                self.depth += 1;
                let r = if c == '{' {
                    self.parse_object(idx + 1)
                } else {
                    self.parse_array(idx + 1)
                };
                self.depth -= 1;
                return r;
            }
            'n' if idx + 3 < len && self.follows(idx + 1, "ull") => return Ok((Py::None, idx + 4)),
            't' if idx + 3 < len && self.follows(idx + 1, "rue") => {
                return Ok((Py::Bool(true), idx + 4))
            }
            'f' if idx + 4 < len && self.follows(idx + 1, "alse") => {
                return Ok((Py::Bool(false), idx + 5))
            }
            'N' if idx + 2 < len && self.follows(idx + 1, "aN") => {
                return Ok((Py::Float(f64::NAN), idx + 3))
            }
            'I' if idx + 7 < len && self.follows(idx + 1, "nfinity") => {
                return Ok((Py::Float(f64::INFINITY), idx + 8))
            }
            '-' if idx + 8 < len && self.follows(idx + 1, "Infinity") => {
                return Ok((Py::Float(f64::NEG_INFINITY), idx + 9))
            }
            _ => {}
        }
        self.match_number(idx)
    }

    fn match_number(&self, start: usize) -> Result<(Py, usize), Fail> {
        let s = self.s;
        let len = s.len();
        let digit = |i: usize| s.get(i).is_some_and(char::is_ascii_digit);
        let mut idx = start;
        if s[idx] == '-' {
            idx += 1;
            if idx >= len {
                return Err(Fail::Stop(start));
            }
        }
        match s[idx] {
            '1'..='9' => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            '0' => idx += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let end_idx = len - 1;
        let mut is_float = false;
        if idx < end_idx && s[idx] == '.' && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx < end_idx && (s[idx] == 'e' || s[idx] == 'E') {
            let e_start = idx;
            idx += 1;
            if idx < end_idx && (s[idx] == '-' || s[idx] == '+') {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = s[start..idx].iter().collect();
        let value = if is_float {
            Py::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            Py::Int(PyInt::parse(&text))
        };
        Ok((value, idx))
    }

    fn hex4(&self, from: usize) -> Option<u32> {
        let mut v = 0u32;
        for c in self.s.get(from..from + 4)? {
            v = (v << 4) | c.to_digit(16)?;
        }
        Some(v)
    }

    fn scanstring(&self, mut end: usize) -> Result<(String, usize), Fail> {
        let s = self.s;
        let len = s.len();
        let begin = end - 1;
        let mut out = String::new();
        loop {
            let mut next = end;
            while next < len {
                let d = s[next];
                if d == '"' || d == '\\' {
                    break;
                }
                if u32::from(d) <= 0x1f {
                    return Err(Fail::Error("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= len {
                return Err(Fail::Error("Unterminated string starting at", begin));
            }
            let c = s[next];
            out.extend(&s[end..next]);
            next += 1;
            if c == '"' {
                end = next;
                break;
            }
            if next == len {
                return Err(Fail::Error("Unterminated string starting at", begin));
            }
            let esc = s[next];
            if esc != 'u' {
                end = next + 1;
                let ch = match esc {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(Fail::Error("Invalid \\escape", end - 2)),
                };
                out.push(ch);
            } else {
                next += 1;
                end = next + 4;
                if end >= len {
                    return Err(Fail::Error("Invalid \\uXXXX escape", next - 1));
                }
                let bad = Fail::Error("Invalid \\uXXXX escape", end - 5);
                let mut cp = self.hex4(next).ok_or(bad)?;
                if (0xD800..=0xDBFF).contains(&cp)
                    && end + 6 < len
                    && s[end] == '\\'
                    && s[end + 1] == 'u'
                {
                    let bad = Fail::Error("Invalid \\uXXXX escape", end + 1);
                    let low = self.hex4(end + 2).ok_or(bad)?;
                    if (0xDC00..=0xDFFF).contains(&low) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        end += 6;
                    }
                }
                out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
            }
        }
        Ok((out, end))
    }

    fn parse_object(&mut self, idx: usize) -> Result<(Py, usize), Fail> {
        let mut pairs: Dict = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(Fail::Error(
                        "Expecting property name enclosed in double quotes",
                        idx,
                    ));
                }
                let (key, next) = self.scanstring(idx + 1)?;
                idx = self.skip_ws(next);
                if self.at(idx) != Some(':') {
                    return Err(Fail::Error("Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (value, next) = self.scan_once(idx)?;
                match index.get(&key) {
                    Some(&k) => pairs[k].1 = value,
                    None => {
                        index.insert(key.clone(), pairs.len());
                        pairs.push((key, value));
                    }
                }
                idx = self.skip_ws(next);
                if self.at(idx) == Some('}') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Fail::Error("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Py::Dict(pairs), idx + 1))
    }

    fn parse_array(&mut self, idx: usize) -> Result<(Py, usize), Fail> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some(']') {
            loop {
                let (value, next) = self.scan_once(idx)?;
                items.push(value);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(']') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Fail::Error("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((Py::List(items), idx + 1))
    }
}

/// Python's `json.loads(text)`; the error is the `str()` of its `JSONDecodeError`.
pub fn py_json_loads(text: &str) -> Result<Py, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parser = JsonParser {
        s: &chars,
        depth: 0,
    };
    let result = (|| {
        if chars.first() == Some(&'\u{feff}') {
            return Err(("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
        }
        let idx = parser.skip_ws(0);
        let (value, end) = match parser.scan_once(idx) {
            Ok(v) => v,
            Err(Fail::Stop(pos)) => return Err(("Expecting value", pos)),
            Err(Fail::Error(msg, pos)) => return Err((msg, pos)),
        };
        let end = parser.skip_ws(end);
        if end != chars.len() {
            return Err(("Extra data", end));
        }
        Ok(value)
    })();
    result.map_err(|(msg, pos)| {
        if pos == usize::MAX {
            return msg.to_string();
        }
        let before = &chars[..pos.min(chars.len())];
        let lineno = before.iter().filter(|c| **c == '\n').count() + 1;
        let colno = match before.iter().rposition(|c| *c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        format!("{msg}: line {lineno} column {colno} (char {pos})")
    })
}

/// Python's `str(UnicodeDecodeError)` for bytes that are not UTF-8.
fn utf8_error_message(bytes: &[u8], err: &std::str::Utf8Error) -> String {
    let start = err.valid_up_to();
    let (end, reason) = match err.error_len() {
        None => (bytes.len(), "unexpected end of data"),
        Some(n) => {
            let first = bytes.get(start).copied().unwrap_or(0);
            let reason = if (0x80..=0xC1).contains(&first) || first >= 0xF5 {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            (start + n, reason)
        }
    };
    if end - start <= 1 {
        let b = bytes.get(start).copied().unwrap_or(0);
        format!("'utf-8' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    }
}

type Record = Result<(usize, Dict), String>;

/// score.py's `read_jsonl`: one record per line (split at `\n` only), or its error.
fn read_jsonl(data: &[u8], label: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for (k, raw) in data.split_inclusive(|b| *b == b'\n').enumerate() {
        let lineno = k + 1;
        let raw = if lineno == 1 {
            raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(raw)
        } else {
            raw
        };
        let line = match std::str::from_utf8(raw) {
            Ok(line) => line,
            Err(e) => {
                let msg = utf8_error_message(raw, &e);
                out.push(Err(format!("{label} line {lineno}: not UTF-8 ({msg})")));
                continue;
            }
        };
        if py_strip(line).is_empty() {
            out.push(Err(format!("{label} line {lineno}: empty line")));
            continue;
        }
        match py_json_loads(line) {
            Ok(Py::Dict(d)) => out.push(Ok((lineno, d))),
            Ok(_) => out.push(Err(format!("{label} line {lineno}: not a JSON object"))),
            Err(e) => out.push(Err(format!("{label} line {lineno}: invalid JSON ({e})"))),
        }
    }
    out
}

fn records_from_values(values: &[serde_json::Value], label: &str) -> Vec<Record> {
    values
        .iter()
        .enumerate()
        .map(|(k, v)| match Py::from_json(v) {
            Py::Dict(d) => Ok((k + 1, d)),
            _ => Err(format!("{label} line {}: not a JSON object", k + 1)),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Loading and matching
// ---------------------------------------------------------------------------------------

struct GoldEvent {
    types: HashSet<String>,
    spans: Vec<(i128, i128)>,
    event_type: String,
    ev: Dict,
}

struct GoldDoc {
    text: String,
    events: Vec<GoldEvent>,
}

struct Gold {
    docs: Vec<(String, GoldDoc)>,
    index: HashMap<String, usize>,
}

struct SysEvent {
    etype: String,
    span: Option<(i128, i128)>,
    ev: Dict,
}

struct System {
    by_doc: HashMap<String, Vec<SysEvent>>,
    n: usize,
    ignored: usize,
    ignored_ids: BTreeSet<String>,
    skipped: usize,
}

fn load_gold(records: Vec<Record>, errors: &mut Vec<String>) -> (Gold, usize) {
    let mut gold = Gold {
        docs: Vec::new(),
        index: HashMap::new(),
    };
    let mut skipped = 0;
    for rec in records {
        let (lineno, doc) = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (Some(doc_id), Some(text)) = (get_str(&doc, "doc_id"), get_str(&doc, "text")) else {
            errors.push(format!("gold line {lineno}: missing doc_id or text"));
            continue;
        };
        if gold.index.contains_key(doc_id) {
            errors.push(format!(
                "gold line {lineno}: duplicate doc_id {}, skipped",
                str_repr(doc_id)
            ));
            continue;
        }
        let mut events = Vec::new();
        for (k, ev) in py_items(get(&doc, "events")).iter().enumerate() {
            let k = k + 1;
            let (ev, event_type) = match ev.as_ref() {
                Py::Dict(d) => match get_str(d, "event_type") {
                    Some(t) => (d, t),
                    None => {
                        errors.push(format!(
                            "gold line {lineno} event {k}: missing event_type, skipped"
                        ));
                        continue;
                    }
                },
                _ => {
                    errors.push(format!(
                        "gold line {lineno} event {k}: missing event_type, skipped"
                    ));
                    continue;
                }
            };
            if flagged(ev) {
                skipped += 1;
                continue;
            }
            let mut spans = Vec::new();
            for sent in py_items(get(ev, "sentences")) {
                let found = match sent.as_ref() {
                    Py::Str(s) if !py_strip(s).is_empty() => {
                        let needle = py_strip(s);
                        py_find(text, needle).map(|start| (start, start + char_len(needle)))
                    }
                    _ => None,
                };
                match found {
                    Some((a, b)) => spans.push((a as i128, b as i128)),
                    None => {
                        let shown: String = sent.repr().chars().take(60).collect();
                        errors.push(format!(
                            "gold line {lineno} event {k}: sentence not in text: {shown}"
                        ));
                    }
                }
            }
            let event_type = event_type.to_uppercase();
            let mut types = HashSet::new();
            types.insert(event_type.clone());
            for t in py_items(get(ev, "alt_types")) {
                if let Py::Str(t) = t.as_ref() {
                    types.insert(t.to_uppercase());
                }
            }
            events.push(GoldEvent {
                types,
                spans,
                event_type,
                ev: ev.clone(),
            });
        }
        gold.index.insert(doc_id.to_string(), gold.docs.len());
        gold.docs.push((
            doc_id.to_string(),
            GoldDoc {
                text: text.to_string(),
                events,
            },
        ));
    }
    (gold, skipped)
}

fn system_span(ev: &Dict, text: &str) -> Option<(i128, i128)> {
    let Some(Py::Dict(sent)) = get(ev, "sentence") else {
        return None;
    };
    if let (Some(Py::Int(start)), Some(Py::Int(end))) = (get(sent, "start"), get(sent, "end")) {
        if start.cmp_int(&PyInt::Small(0)) != Ordering::Less && start.cmp_int(end) == Ordering::Less
        {
            return Some((start.saturating(), end.saturating()));
        }
    }
    let stext = py_strip(get_str(sent, "text")?);
    if stext.is_empty() {
        return None;
    }
    let i = py_find(text, stext)?;
    Some((i as i128, (i + char_len(stext)) as i128))
}

fn load_system(records: Vec<Record>, gold: &Gold, errors: &mut Vec<String>) -> System {
    let mut sys = System {
        by_doc: HashMap::new(),
        n: 0,
        ignored: 0,
        ignored_ids: BTreeSet::new(),
        skipped: 0,
    };
    for rec in records {
        let (lineno, ev) = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let doc_id = get_str(&ev, "doc_id").filter(|s| !s.is_empty());
        let etype = get_str(&ev, "event_type").filter(|s| !s.is_empty());
        let (Some(doc_id), Some(etype)) = (doc_id, etype) else {
            errors.push(format!(
                "system line {lineno}: missing doc_id or event_type"
            ));
            continue;
        };
        let Some(&doc_index) = gold.index.get(doc_id) else {
            sys.ignored += 1;
            sys.ignored_ids.insert(doc_id.to_string());
            continue;
        };
        if flagged(&ev) {
            sys.skipped += 1;
            continue;
        }
        let span = system_span(&ev, &gold.docs[doc_index].1.text);
        if span.is_none() {
            errors.push(format!(
                "system line {lineno}: no usable sentence start/end or text; event cannot match"
            ));
        }
        let etype = etype.to_uppercase();
        let doc_id = doc_id.to_string();
        sys.by_doc
            .entry(doc_id)
            .or_default()
            .push(SysEvent { etype, span, ev });
        sys.n += 1;
    }
    sys
}

fn overlap(a: (i128, i128), b: (i128, i128)) -> i128 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0)
}

/// Greedy one-to-one matching by overlap: returns the (system, gold) index pairs in the
/// order they were taken, and how many system events were left out although they would
/// have matched a gold event. Ties in overlap go to the pair with more sides (actor,
/// recipient) right, then to file order.
fn match_doc(sys_events: &[SysEvent], gold_events: &[GoldEvent]) -> (Vec<(usize, usize)>, usize) {
    let mut pairs: Vec<(i128, usize, usize, usize)> = Vec::new();
    for (i, s) in sys_events.iter().enumerate() {
        let Some(span) = s.span else { continue };
        for (j, g) in gold_events.iter().enumerate() {
            if !g.types.contains(&s.etype) {
                continue;
            }
            let ov = g
                .spans
                .iter()
                .map(|gs| overlap(span, *gs))
                .max()
                .unwrap_or(0);
            if ov > 0 {
                let sides = ["actor", "recipient"]
                    .iter()
                    .filter(|k| side_right(get(&g.ev, k), get(&s.ev, k)))
                    .count();
                pairs.push((ov, sides, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut matched = Vec::new();
    let (mut sys_used, mut gold_used) = (HashSet::new(), HashSet::new());
    for &(_, _, i, j) in &pairs {
        if !sys_used.contains(&i) && !gold_used.contains(&j) {
            matched.push((i, j));
            sys_used.insert(i);
            gold_used.insert(j);
        }
    }
    let candidates: HashSet<usize> = pairs.iter().map(|p| p.2).collect();
    let duplicates = candidates.difference(&sys_used).count();
    (matched, duplicates)
}

#[derive(Default, Clone, Copy)]
struct CatCount {
    gold: usize,
    system: usize,
    tp_gold: usize,
    tp_system: usize,
}

fn score(gold: &Gold, system: &System, gold_flagged: usize, errors: Vec<String>) -> ScoreResult {
    let n_sys = system.n;
    let n_gold: usize = gold.docs.iter().map(|(_, d)| d.events.len()).sum();
    let (mut tp, mut dups, mut full_tp) = (0usize, 0usize, 0usize);
    // actor, recipient, location, date, dead, injured, size
    let mut tallies = [[0usize; 2]; 7];
    let mut cats: HashMap<String, CatCount> = HashMap::new();
    let empty: Vec<SysEvent> = Vec::new();
    for (doc_id, doc) in &gold.docs {
        let sys_events = system.by_doc.get(doc_id).unwrap_or(&empty);
        for g in &doc.events {
            cats.entry(g.event_type.clone()).or_default().gold += 1;
        }
        for s in sys_events {
            cats.entry(s.etype.clone()).or_default().system += 1;
        }
        let (matched, duplicates) = match_doc(sys_events, &doc.events);
        tp += matched.len();
        dups += duplicates;
        for (i, j) in matched {
            let (s, g) = (&sys_events[i], &doc.events[j]);
            cats.entry(s.etype.clone()).or_default().tp_system += 1;
            cats.entry(g.event_type.clone()).or_default().tp_gold += 1;
            let (s, g) = (&s.ev, &g.ev);
            let mut all_sides = true;
            for (k, key) in ["actor", "recipient"].iter().enumerate() {
                let ok = side_right(get(g, key), get(s, key));
                tallies[k][0] += usize::from(ok);
                tallies[k][1] += 1;
                all_sides &= ok;
            }
            full_tp += usize::from(all_sides);
            if let Some(Py::Dict(gloc)) = get(g, "location") {
                tallies[2][0] += usize::from(location_right(gloc, get(s, "location")));
                tallies[2][1] += 1;
            }
            if date_parts_py(get(g, "date")).is_some() {
                tallies[3][0] += usize::from(date_right_py(get(g, "date"), get(s, "date")));
                tallies[3][1] += 1;
            }
            for (k, field) in COUNT_FIELDS.iter().enumerate() {
                if to_number(get(g, field)).is_some() {
                    tallies[4 + k][0] += usize::from(count_right(get(g, field), get(s, field)));
                    tallies[4 + k][1] += 1;
                }
            }
        }
    }
    let lenient_sys = n_sys.saturating_sub(dups);
    let tally = |k: usize| acc(tallies[k][0], tallies[k][1]);
    let count_correct = tallies[4][0] + tallies[5][0] + tallies[6][0];
    let count_total = tallies[4][1] + tallies[5][1] + tallies[6][1];
    let count = acc(count_correct, count_total);

    let mut names: Vec<&String> = cats.keys().collect();
    let order = |name: &str| {
        CATEGORIES
            .iter()
            .position(|c| *c == name)
            .unwrap_or(CATEGORIES.len())
    };
    names.sort_by(|a, b| order(a).cmp(&order(b)).then(a.cmp(b)));
    let per_category = names
        .into_iter()
        .map(|name| {
            let c = cats.get(name).copied().unwrap_or_default();
            let (precision, recall, f1) = prf(c.tp_system, c.system, c.tp_gold, c.gold);
            (
                name.clone(),
                CategoryScore {
                    gold: c.gold,
                    system: c.system,
                    tp_gold: c.tp_gold,
                    tp_system: c.tp_system,
                    precision,
                    recall,
                    f1,
                },
            )
        })
        .collect();

    ScoreResult {
        gold_docs: gold.docs.len(),
        system_events: n_sys,
        ignored_events: system.ignored,
        ignored_doc_ids: system.ignored_ids.iter().cloned().collect(),
        skipped_flagged: SkippedFlagged {
            gold: gold_flagged,
            system: system.skipped,
        },
        event: PrfPair {
            strict: prf_block(tp, n_sys, n_gold, None),
            lenient: prf_block(tp, lenient_sys, n_gold, Some(dups)),
        },
        full_event: PrfPair {
            strict: prf_block(full_tp, n_sys, n_gold, None),
            lenient: prf_block(full_tp, lenient_sys, n_gold, Some(dups)),
        },
        actor: tally(0),
        recipient: tally(1),
        location: tally(2),
        date: tally(3),
        count: CountAccuracy {
            accuracy: count.accuracy,
            correct: count.correct,
            total: count.total,
            by_field: CountFields {
                dead: tally(4),
                injured: tally(5),
                size: tally(6),
            },
        },
        per_category,
        gold_events: n_gold,
        errors,
    }
}

fn score_records(gold: Vec<Record>, system: Vec<Record>) -> ScoreResult {
    let mut errors = Vec::new();
    let (gold, gold_flagged) = load_gold(gold, &mut errors);
    let system = load_system(system, &gold, &mut errors);
    score(&gold, &system, gold_flagged, errors)
}

// ---------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------

/// Scores a system event file against a gold file, both JSON Lines bytes, exactly as
/// `score.py GOLD SYSTEM` does (lines that are not UTF-8, empty, not JSON or not objects
/// are reported in `errors` with score.py's messages and skipped).
pub fn score_jsonl(gold: &[u8], system: &[u8]) -> ScoreResult {
    score_records(read_jsonl(gold, "gold"), read_jsonl(system, "system"))
}

/// Scores already parsed gold documents and system events (one JSON object each; their
/// index + 1 stands for the line number in messages). Integers beyond i64/u64 arrive
/// from serde_json as floats, unlike Python.
pub fn score_docs(
    gold_docs: &[serde_json::Value],
    system_events: &[serde_json::Value],
) -> ScoreResult {
    score_records(
        records_from_values(gold_docs, "gold"),
        records_from_values(system_events, "system"),
    )
}

/// Scores the engine's [`Event`]s against parsed gold documents.
pub fn score_events(gold_docs: &[serde_json::Value], events: &[Event]) -> ScoreResult {
    let system: Vec<serde_json::Value> = events
        .iter()
        .map(|e| serde_json::to_value(e).unwrap_or(serde_json::Value::Null))
        .collect();
    score_docs(gold_docs, &system)
}

fn fmt3(x: Option<f64>) -> String {
    match x {
        None => "  n/a".into(),
        Some(v) => format!("{v:.3}"),
    }
}

/// The text report score.py prints (without the final newline `print` adds).
pub fn report(r: &ScoreResult) -> String {
    let mut lines = vec![format!(
        "Gold: {} documents, {} events. System: {} events scored, {} ignored \
         (doc_id not in gold: {} docs), {} errors.",
        r.gold_docs,
        r.gold_events,
        r.system_events,
        r.ignored_events,
        r.ignored_doc_ids.len(),
        r.errors.len()
    )];
    if r.skipped_flagged.gold != 0 || r.skipped_flagged.system != 0 {
        lines.push(format!(
            "Skipped as negated/hypothetical: gold {}, system {}.",
            r.skipped_flagged.gold, r.skipped_flagged.system
        ));
    }
    lines.push(String::new());
    lines.push(format!(
        "{:22}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}",
        "", "P", "R", "F1", "TP", "FP", "FN"
    ));
    for (pair, title) in [(&r.event, "Event"), (&r.full_event, "Full event")] {
        for (mode, b) in [("strict", &pair.strict), ("lenient", &pair.lenient)] {
            let extra = if mode == "lenient" {
                format!("   ({} duplicates left out)", b.duplicates.unwrap_or(0))
            } else {
                String::new()
            };
            lines.push(format!(
                "{:22}{:>7}{:>7}{:>7}{:>6}{:>6}{:>6}{extra}",
                format!("{title} ({mode})"),
                fmt3(Some(b.precision)),
                fmt3(Some(b.recall)),
                fmt3(Some(b.f1)),
                b.tp,
                b.fp,
                b.fn_
            ));
        }
    }
    lines.push(String::new());
    lines.push("Accuracy over matched pairs:".into());
    let count = acc(r.count.correct, r.count.total);
    let count = Accuracy {
        accuracy: r.count.accuracy,
        ..count
    };
    for (key, a) in [
        ("actor", &r.actor),
        ("recipient", &r.recipient),
        ("location", &r.location),
        ("date", &r.date),
        ("count", &count),
    ] {
        lines.push(format!(
            "  {key:10} {}  ({}/{})",
            fmt3(a.accuracy),
            a.correct,
            a.total
        ));
    }
    let f = &r.count.by_field;
    let by_field: Vec<String> = [
        ("dead", &f.dead),
        ("injured", &f.injured),
        ("size", &f.size),
    ]
    .iter()
    .map(|(name, a)| format!("{name} {}/{}", a.correct, a.total))
    .collect();
    lines.push(format!("             {}", by_field.join(", ")));
    lines.push(String::new());
    lines.push(format!(
        "{:12}{:>6}{:>6}{:>7}{:>7}{:>7}",
        "category", "gold", "sys", "P", "R", "F1"
    ));
    for (name, c) in &r.per_category {
        lines.push(format!(
            "{name:12}{:>6}{:>6}{:>7}{:>7}{:>7}",
            c.gold,
            c.system,
            fmt3(Some(c.precision)),
            fmt3(Some(c.recall)),
            fmt3(Some(c.f1))
        ));
    }
    if !r.ignored_doc_ids.is_empty() {
        let shown = &r.ignored_doc_ids[..r.ignored_doc_ids.len().min(10)];
        let more = r.ignored_doc_ids.len() - shown.len();
        lines.push(String::new());
        let tail = if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        };
        lines.push(format!("Ignored doc_ids: {}{tail}", shown.join(", ")));
    }
    lines.join("\n")
}

/// serde_json formatter that writes what Python's `json.dumps(obj, indent=1)` writes:
/// one-space indents, `repr` floats, non-ASCII and DEL escaped as `\uXXXX`.
struct PyJsonFormatter<'a> {
    pretty: serde_json::ser::PrettyFormatter<'a>,
}

impl serde_json::ser::Formatter for PyJsonFormatter<'_> {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(w)
    }
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        let text = if value.is_nan() {
            "NaN".to_string()
        } else if value.is_infinite() {
            if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
        } else {
            float_repr(value)
        };
        w.write_all(text.as_bytes())
    }
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut buf = [0u16; 2];
        for c in fragment.chars() {
            if c.is_ascii() && c != '\u{7f}' {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut buf) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

/// The result as `json.dumps(result, indent=1)` prints it (what `score.py --json` prints,
/// without the final newline).
pub fn to_json(result: &ScoreResult) -> String {
    let mut buf = Vec::new();
    let formatter = PyJsonFormatter {
        pretty: serde_json::ser::PrettyFormatter::with_indent(b" "),
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    // Serializing these plain structs into memory cannot fail.
    if result.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_match_cpython() {
        let cases = [
            (
                "{",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            ("[", "Expecting value: line 1 column 2 (char 1)"),
            (
                "{\"a\"",
                "Expecting ':' delimiter: line 1 column 5 (char 4)",
            ),
            (
                "{\"a\":1",
                "Expecting ',' delimiter: line 1 column 7 (char 6)",
            ),
            (
                "{\"a\":1,}",
                "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
            ),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            (
                "\"abc",
                "Unterminated string starting at: line 1 column 1 (char 0)",
            ),
            ("\"a\\x\"", "Invalid \\escape: line 1 column 3 (char 2)"),
            (
                "\"\\u12\"",
                "Invalid \\uXXXX escape: line 1 column 3 (char 2)",
            ),
            (
                "\"\\ud800\\uzzzz\"",
                "Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            ),
            (
                "\"\\ud83d\\ude00",
                "Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            ),
            (
                "\"\\ud83d\\ude00x",
                "Unterminated string starting at: line 1 column 1 (char 0)",
            ),
            (
                "\"a\tb\"",
                "Invalid control character at: line 1 column 3 (char 2)",
            ),
            ("01", "Extra data: line 1 column 2 (char 1)"),
            ("-", "Expecting value: line 1 column 1 (char 0)"),
            ("1.5e+", "Extra data: line 1 column 4 (char 3)"),
            (
                "\u{feff}{}",
                "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)",
            ),
            ("\u{a0}{}", "Expecting value: line 1 column 1 (char 0)"),
            ("{\"a\": \n", "Expecting value: line 2 column 1 (char 7)"),
            ("1\n2", "Extra data: line 2 column 1 (char 2)"),
            ("\u{661}", "Expecting value: line 1 column 1 (char 0)"),
        ];
        for (input, want) in cases {
            assert_eq!(
                py_json_loads(input).err().as_deref(),
                Some(want),
                "{input:?}"
            );
        }
    }

    #[test]
    fn json_values_keep_python_types() {
        let v =
            py_json_loads(r#"{"a": 1, "b": 3.0, "a": 2, "c": [NaN, -0, true, "\ud83d\ude00"]}"#);
        let Ok(Py::Dict(d)) = v else { panic!("{v:?}") };
        assert_eq!(d.len(), 3);
        assert_eq!(d[0], ("a".into(), Py::Int(PyInt::Small(2))));
        assert_eq!(d[1].1, Py::Float(3.0));
        assert_eq!(d[2].1.repr(), "[nan, 0, True, '\u{1f600}']",);
        let big = py_json_loads("123456789012345678901234567890123456789012345");
        assert!(matches!(big, Ok(Py::Int(PyInt::Big { neg: false, .. }))));
    }

    #[test]
    fn nesting_as_deep_as_score_py_reads() {
        let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(py_json_loads(&nest(991)).is_ok());
        assert_eq!(
            py_json_loads(&nest(992)).err().as_deref(),
            Some("maximum recursion depth exceeded while decoding a JSON array from a unicode string")
        );
        let line = format!("{{\"doc_id\": \"d\", \"x\": {}}}\n", nest(2000));
        let r = score_jsonl(b"", line.as_bytes());
        assert_eq!(r.errors.len(), 1);
    }

    #[test]
    fn reprs_match_python() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a\"b'"), "'a\"b\\''");
        assert_eq!(
            str_repr("\u{85}\u{a0}\u{200b}\u{2028}x\u{1f600}\u{e0001}"),
            "'\\x85\\xa0\\u200b\\u2028x\u{1f600}\\U000e0001'"
        );
        assert_eq!(
            str_repr("t\tn\nr\r\u{7f}\u{1}\\"),
            "'t\\tn\\nr\\r\\x7f\\x01\\\\'"
        );
        for (x, want) in [
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1234567890123456.0, "1234567890123456.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-2.5e-7, "-2.5e-07"),
            (1.5e300, "1.5e+300"),
            (123.456, "123.456"),
            (-0.0, "-0.0"),
        ] {
            assert_eq!(float_repr(x), want);
        }
    }

    #[test]
    fn python_float_strings() {
        assert_eq!(py_float_str(" 12 "), Some(12.0));
        assert_eq!(py_float_str("1_000"), Some(1000.0));
        assert_eq!(py_float_str("1__0"), None);
        assert_eq!(py_float_str("\u{661}\u{662}"), Some(12.0));
        assert_eq!(py_float_str("\u{2000}1.5\u{3000}"), Some(1.5));
        assert_eq!(py_float_str(".5"), Some(0.5));
        assert_eq!(py_float_str("5."), Some(5.0));
        assert_eq!(py_float_str("1e3"), Some(1000.0));
        assert_eq!(py_float_str("0x10"), None);
        assert_eq!(py_float_str("twelve"), None);
        assert!(py_float_str("-inf").is_some_and(f64::is_nan));
        assert_eq!(py_float_str("+-1"), None);
    }

    #[test]
    fn utf8_errors_match_python() {
        let msg = |b: &[u8]| match std::str::from_utf8(b) {
            Err(e) => utf8_error_message(b, &e),
            Ok(_) => String::new(),
        };
        assert_eq!(
            msg(b"ab\xffc\n"),
            "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
        );
        assert_eq!(
            msg(b"\xe2\x82A\n"),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(
            msg(b"\xf0\x9f\x98"),
            "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"
        );
        assert_eq!(
            msg(b"x\xe2"),
            "'utf-8' codec can't decode byte 0xe2 in position 1: unexpected end of data"
        );
        assert_eq!(
            msg(b"\xed\xa0\x80\n"),
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
        );
        assert_eq!(
            msg(b"\xc0\x80"),
            "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"
        );
    }

    #[test]
    fn casefold_special_cases() {
        let fold = |s: &str| {
            let mut out = String::new();
            for c in s.chars() {
                casefold_into(c, &mut out);
            }
            out
        };
        assert_eq!(fold("Straße ẞ ſ ς ﬁ ı İ"), "strasse ss s σ fi ı i\u{307}");
        assert_eq!(fold("\u{ab70}\u{13f8}\u{13a0}"), "\u{13a0}\u{13f0}\u{13a0}");
    }

    #[test]
    fn decimal_digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{669}'), Some(9));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('\u{1d7d8}'), Some(0));
        assert_eq!(decimal_value('\u{1d7ff}'), Some(9));
        assert_eq!(decimal_value('x'), None);
    }
}
