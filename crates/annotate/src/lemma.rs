//! Lemmatizer (stage `annotate`, after the tagger): a word form and its POS tags → the
//! lemma, learned from a treebank's LEMMA column.
//!
//! Input: form, UPOS, XPOS (predicted or gold). Output: the lemma as a `String`.
//! How: an exception table of every (lowercased form, XPOS) seen in training with its
//! most frequent lemma ("went"/VBD → "go", "fled"/VBD → "flee"; forms as written where
//! case matters: "i" → "I", "al" → "al" beside "Al" → "Al"), and for unseen forms
//! suffix rewrite rules learned per XPOS ("-ies → -y" for NNS, "-ied → -y" for VBD,
//! "-men → -man", doubled consonants "-pped → -p"), picked by the longest matching
//! suffix. A rewrite also says whether it applies to the form as written (proper nouns
//! keep their case) or to its lowercase ("The" → "the").
//! Must not: do IO, fail on odd input (any string gets a lemma; unknown tags fall back
//! to the form itself).

use crate::features::suffix;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Longest suffix (in chars) a rule is keyed on.
const MAX_SUFFIX: usize = 6;

/// One rewrite: strip `strip` chars from the end of the (optionally lowercased) form,
/// then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rule {
    /// Apply to the lowercased form (true) or to the form as written (false).
    pub lower: bool,
    /// Number of chars removed from the end.
    pub strip: u16,
    /// Text appended after stripping.
    pub append: String,
}

impl Rule {
    /// The identity rewrite on the form as written.
    fn keep() -> Rule {
        Rule {
            lower: false,
            strip: 0,
            append: String::new(),
        }
    }

    /// The rule that turns `source` into `lemma` (longest common prefix, in chars).
    fn between(source: &str, lemma: &str, lower: bool) -> Rule {
        let common: usize = source
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let byte_at = lemma
            .char_indices()
            .nth(common)
            .map_or(lemma.len(), |(i, _)| i);
        Rule {
            lower,
            strip: (source.chars().count() - common).min(u16::MAX as usize) as u16,
            append: lemma[byte_at..].to_string(),
        }
    }

    /// Applies the rule; `None` when the form is shorter than `strip`.
    pub fn apply(&self, form: &str) -> Option<String> {
        let base = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        let strip = usize::from(self.strip);
        if strip > n {
            return None;
        }
        let cut = base
            .char_indices()
            .nth(n - strip)
            .map_or(base.len(), |(i, _)| i);
        let mut out = base[..cut].to_string();
        out.push_str(&self.append);
        (!out.is_empty()).then_some(out)
    }
}

/// The rule that derives `lemma` from `form`: lowercase-based when that works (common
/// words, sentence-initial capitals), else on the form as written (proper nouns).
fn rule_for(form: &str, lemma: &str) -> Rule {
    let lower = form.to_lowercase();
    let on_lower = Rule::between(&lower, lemma, true);
    let on_form = Rule::between(form, lemma, false);
    // Prefer the rewrite that keeps more of the form; on a tie the lowercase one.
    if on_form.strip < on_lower.strip {
        on_form
    } else {
        on_lower
    }
}

/// A trained lemmatizer: exception table plus suffix rules, keyed by XPOS (or UPOS where
/// a treebank has no XPOS).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Lemmatizer {
    /// tag → lowercased form → lemma (most frequent in training; treebank lemmas have a
    /// canonical case: "i" → "I", "google"/NNP → "Google").
    #[serde(serialize_with = "sorted")]
    table: Nested<String>,
    /// tag → form as written → lemma, where that differs from the lowercase entry
    /// ("al" → "al" beside "Al" → "Al").
    #[serde(default, serialize_with = "sorted")]
    cased: Nested<String>,
    /// tag → lowercased suffix (0..=MAX_SUFFIX chars) → rule (most frequent over types).
    #[serde(serialize_with = "sorted")]
    suffixes: Nested<Rule>,
    /// Every lemma the tables hold (built on first use): checks suffix-rule guesses.
    #[serde(skip)]
    known: std::sync::OnceLock<std::collections::HashSet<String>>,
}

/// tag → key → value (hash maps for lookup speed; serialized sorted).
type Nested<V> = HashMap<String, HashMap<String, V>>;

/// Serializes a [`Nested`] map in key order, so the same model gives the same bytes.
fn sorted<V: Serialize, S: serde::Serializer>(map: &Nested<V>, s: S) -> Result<S::Ok, S::Error> {
    let ordered: BTreeMap<&String, BTreeMap<&String, &V>> = map
        .iter()
        .map(|(k, inner)| (k, inner.iter().collect()))
        .collect();
    ordered.serialize(s)
}

/// The tag a lemma is keyed on: XPOS when present, else UPOS.
fn key_tag<'a>(upos: &'a str, xpos: &'a str) -> &'a str {
    if xpos.is_empty() || xpos == "_" {
        upos
    } else {
        xpos
    }
}

/// The most frequent key of a count table (ties: the smallest, deterministic).
fn most_frequent<K: Ord>(counts: HashMap<K, u32>) -> Option<K> {
    counts
        .into_iter()
        .max_by(|(ra, ca), (rb, cb)| ca.cmp(cb).then_with(|| rb.cmp(ra)))
        .map(|(r, _)| r)
}

impl Lemmatizer {
    /// Learns the table and the suffix rules from sentences with gold lemmas and tags
    /// (words whose lemma is `_` are skipped).
    pub fn train(sentences: &[crate::conllu::Sentence]) -> Lemmatizer {
        // (tag, lower form) → lemma → token count.
        let mut table: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        // (tag, form as written) → lemma → token count.
        let mut cased: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        // (tag, lower form) → rule → token count.
        let mut type_rules: HashMap<(String, String), HashMap<Rule, u32>> = HashMap::new();
        for w in sentences.iter().flat_map(|s| &s.words) {
            if w.lemma == "_" || w.form.is_empty() {
                continue;
            }
            let tag = key_tag(&w.upos, &w.xpos).to_string();
            *cased
                .entry((tag.clone(), w.form.clone()))
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
            let key = (tag, w.form.to_lowercase());
            *table
                .entry(key.clone())
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
            *type_rules
                .entry(key)
                .or_default()
                .entry(rule_for(&w.form, &w.lemma))
                .or_default() += 1;
        }
        let mut out = Lemmatizer::default();
        // Suffix rules count word types (form, tag) with their table rule: unseen words
        // behave like rare types, not like frequent tokens.
        let mut rules: HashMap<(String, String), HashMap<Rule, u32>> = HashMap::new();
        for ((tag, form), counts) in table {
            if let Some(lemma) = most_frequent(counts) {
                out.table.entry(tag).or_default().insert(form, lemma);
            }
        }
        for ((tag, form), counts) in cased {
            let Some(lemma) = most_frequent(counts) else {
                continue;
            };
            let lower = out
                .table
                .get(&tag)
                .and_then(|t| t.get(&form.to_lowercase()));
            if lower != Some(&lemma) {
                out.cased.entry(tag).or_default().insert(form, lemma);
            }
        }
        for ((tag, form), counts) in type_rules {
            let Some(rule) = most_frequent(counts) else {
                continue;
            };
            let n = form.chars().count();
            for k in usize::from(rule.strip)..=MAX_SUFFIX.min(n) {
                *rules
                    .entry((tag.clone(), suffix(&form, k).to_string()))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        for ((tag, suf), counts) in rules {
            if let Some(rule) = most_frequent(counts) {
                out.suffixes.entry(tag).or_default().insert(suf, rule);
            }
        }
        out
    }

    /// The lemma of `form` tagged `upos`/`xpos`: the training lemma of a seen (form,
    /// tag), else the suffix rule's rewrite, else the form itself.
    pub fn lemmatize(&self, form: &str, upos: &str, xpos: &str) -> String {
        let lower = form.to_lowercase();
        let tag = self.tag_key(upos, xpos);
        if let Some(l) = self.cased.get(tag).and_then(|t| t.get(form)) {
            return l.clone();
        }
        if let Some(l) = self.table.get(tag).and_then(|t| t.get(lower.as_str())) {
            return l.clone();
        }
        // Irregular verbs the treebank rarely shows ("fled", "fought", "shot").
        if upos == "VERB" || xpos.starts_with("VB") {
            if let Ok(i) = IRREGULAR.binary_search_by(|(f, _)| (*f).cmp(lower.as_str())) {
                return IRREGULAR[i].1.to_string();
            }
        }
        let guess = self
            .suffix_rule(&lower, tag)
            .and_then(|r| r.apply(form))
            .unwrap_or_else(|| form.to_string());
        if upos == "VERB" || xpos.starts_with("VB") {
            return self.checked_verb(&lower, guess);
        }
        if xpos == "NNS" {
            return self.checked_plural(&lower, guess);
        }
        guess
    }

    /// A plural noun's lemma guessed by suffix rule, checked like [`Self::checked_verb`]:
    /// an unknown guess ("villages" → "villege", by the rule of "colleges") yields to a
    /// plain plural strip that the tables know ("village").
    fn checked_plural(&self, lower: &str, guess: String) -> String {
        let known = self.known_lemmas();
        if known.contains(&guess.to_lowercase()) {
            return guess;
        }
        let mut candidates: Vec<String> = Vec::new();
        if let Some(stem) = lower.strip_suffix("ies") {
            candidates.push(format!("{stem}y"));
        }
        if let Some(stem) = lower.strip_suffix("es") {
            candidates.push(stem.to_string());
        }
        if let Some(stem) = lower.strip_suffix('s') {
            candidates.push(stem.to_string());
        }
        candidates
            .into_iter()
            .filter(|c| c.chars().count() >= 2)
            .find(|c| known.contains(c))
            .unwrap_or(guess)
    }

    /// Every lemma the tables know, lowercased (built on first use).
    fn known_lemmas(&self) -> &std::collections::HashSet<String> {
        self.known.get_or_init(|| {
            self.table
                .values()
                .flat_map(|m| m.values())
                .map(|l| l.to_lowercase())
                .collect()
        })
    }

    /// A verb lemma guessed by suffix rule, checked against the lemmas the tables know:
    /// when the guess is unknown ("shelled" → "shel", "rioted" → "riote") and a plain
    /// inflection strip gives a known lemma ("shell", "riot"), that one.
    fn checked_verb(&self, lower: &str, guess: String) -> String {
        let known = self.known_lemmas();
        if known.contains(&guess.to_lowercase()) {
            return guess;
        }
        let mut candidates: Vec<String> = Vec::new();
        for suffix in ["ed", "ing", "es", "s"] {
            if let Some(stem) = lower.strip_suffix(suffix) {
                if stem.chars().count() < 2 {
                    continue;
                }
                candidates.push(stem.to_string());
                candidates.push(format!("{stem}e"));
                // "shelled" → "shell" is the stem itself; "stopped" → "stop" undoubles.
                let mut chars = stem.chars().rev();
                if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                    if a == b {
                        candidates.push(stem[..stem.len() - a.len_utf8()].to_string());
                    }
                }
                if suffix == "ed" || suffix == "es" {
                    if let Some(y) = stem.strip_suffix('i') {
                        candidates.push(format!("{y}y"));
                    }
                }
            }
        }
        if lower.ends_with('d') && !lower.ends_with("ed") {
            candidates.push(lower[..lower.len() - 1].to_string());
        }
        candidates
            .into_iter()
            .find(|c| known.contains(c))
            .unwrap_or(guess)
    }

    /// The tag the tables are keyed on: XPOS when known, else UPOS.
    fn tag_key<'a>(&self, upos: &'a str, xpos: &'a str) -> &'a str {
        let tag = key_tag(upos, xpos);
        if self.suffixes.contains_key(tag) {
            tag
        } else {
            upos
        }
    }

    /// The suffix rule for `form` (its rule for an unseen form with these tags): the
    /// rule of the longest known suffix; `None` for an unknown tag.
    pub fn rule(&self, form: &str, upos: &str, xpos: &str) -> Option<Rule> {
        self.suffix_rule(&form.to_lowercase(), self.tag_key(upos, xpos))
    }

    fn suffix_rule(&self, lower: &str, tag: &str) -> Option<Rule> {
        let rules = self.suffixes.get(tag)?;
        let n = lower.chars().count();
        for k in (0..=MAX_SUFFIX.min(n)).rev() {
            if let Some(r) = rules.get(suffix(lower, k)) {
                if usize::from(r.strip) < n || !r.append.is_empty() {
                    return Some(r.clone());
                }
            }
        }
        Some(Rule::keep())
    }

    /// Number of (tag, form) exceptions and suffix rules.
    pub fn size(&self) -> (usize, usize) {
        (
            self.table.values().map(HashMap::len).sum::<usize>()
                + self.cased.values().map(HashMap::len).sum::<usize>(),
            self.suffixes.values().map(HashMap::len).sum(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    fn sentences(rows: &[(&str, &str, &str, &str)]) -> Vec<conllu::Sentence> {
        let mut text = String::new();
        for (i, (form, lemma, upos, xpos)) in rows.iter().enumerate() {
            text.push_str(&format!(
                "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t0\troot\t_\t_\n",
                i + 1
            ));
        }
        text.push('\n');
        conllu::parse(&text).0
    }

    fn trained() -> Lemmatizer {
        Lemmatizer::train(&sentences(&[
            ("surrendered", "surrender", "VERB", "VBD"),
            ("attacked", "attack", "VERB", "VBD"),
            ("killed", "kill", "VERB", "VBD"),
            ("fled", "flee", "VERB", "VBD"),
            ("went", "go", "VERB", "VBD"),
            ("stopped", "stop", "VERB", "VBD"),
            ("carried", "carry", "VERB", "VBD"),
            ("studied", "study", "VERB", "VBD"),
            ("cities", "city", "NOUN", "NNS"),
            ("armies", "army", "NOUN", "NNS"),
            ("rebels", "rebel", "NOUN", "NNS"),
            ("soldiers", "soldier", "NOUN", "NNS"),
            ("men", "man", "NOUN", "NNS"),
            ("policemen", "policeman", "NOUN", "NNS"),
            ("Talks", "talk", "NOUN", "NNS"),
            ("Kabul", "Kabul", "PROPN", "NNP"),
            ("The", "the", "DET", "DT"),
            ("Americans", "American", "PROPN", "NNPS"),
        ]))
    }

    #[test]
    fn table_and_suffix_rules() {
        let l = trained();
        assert_eq!(l.lemmatize("fled", "VERB", "VBD"), "flee");
        assert_eq!(l.lemmatize("went", "VERB", "VBD"), "go");
        assert_eq!(l.lemmatize("Went", "VERB", "VBD"), "go");
        assert_eq!(l.lemmatize("surrendered", "VERB", "VBD"), "surrender");
        // Unseen forms: suffix rules.
        assert_eq!(l.lemmatize("bombed", "VERB", "VBD"), "bomb");
        assert_eq!(l.lemmatize("militias", "NOUN", "NNS"), "militia");
        assert_eq!(l.lemmatize("militaries", "NOUN", "NNS"), "military");
        assert_eq!(l.lemmatize("married", "VERB", "VBD"), "marry");
        assert_eq!(l.lemmatize("gunmen", "NOUN", "NNS"), "gunman");
        assert_eq!(l.lemmatize("Protests", "NOUN", "NNS"), "protest");
        // Proper nouns keep their form; sentence-initial capitals are lowered.
        assert_eq!(l.lemmatize("Baghdad", "PROPN", "NNP"), "Baghdad");
        assert_eq!(l.lemmatize("This", "DET", "DT"), "this");
        assert_eq!(l.lemmatize("Russians", "PROPN", "NNPS"), "Russian");
    }

    #[test]
    fn odd_input_never_fails() {
        let l = trained();
        assert_eq!(l.lemmatize("", "X", "_"), "");
        assert_eq!(l.lemmatize("ß", "NOUN", "NNS"), "ß");
        assert_eq!(l.lemmatize("xyz", "UNKNOWN", "UNKNOWN"), "xyz");
        assert_eq!(l.lemmatize("İstanbul", "PROPN", "NNP"), "İstanbul");
        // (Compared with a fresh model: lemmatizing fills a cache of known lemmas.)
        let json = serde_json::to_string(&l).unwrap();
        let back: Lemmatizer = serde_json::from_str(&json).unwrap();
        assert_eq!(back, trained());
    }

    #[test]
    fn rules_between_forms() {
        assert_eq!(rule_for("cities", "city").apply("armies").unwrap(), "army");
        assert_eq!(rule_for("Kabul", "Kabul"), Rule::keep());
        assert_eq!(rule_for("The", "the").apply("The").unwrap(), "the");
    }
}

/// Irregular past forms → base form, sorted by form (binary search). Forms that are
/// also common base verbs or nouns ("wound", "found", "left", "lay") are left to the
/// model.
const IRREGULAR: &[(&str, &str)] = &[
    ("arisen", "arise"),
    ("arose", "arise"),
    ("ate", "eat"),
    ("awoke", "awake"),
    ("beaten", "beat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("bet", "bet"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("bled", "bleed"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("bought", "buy"),
    ("bound", "bind"),
    ("bred", "breed"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("burst", "burst"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("clung", "cling"),
    ("crept", "creep"),
    ("dealt", "deal"),
    ("dove", "dive"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("dug", "dig"),
    ("dwelt", "dwell"),
    ("eaten", "eat"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("flung", "fling"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hung", "hang"),
    ("hurt", "hurt"),
    ("kept", "keep"),
    ("knelt", "kneel"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("lain", "lie"),
    ("leapt", "leap"),
    ("led", "lead"),
    ("lent", "lend"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("overcame", "overcome"),
    ("overran", "overrun"),
    ("overrun", "overrun"),
    ("overtaken", "overtake"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("overtook", "overtake"),
    ("paid", "pay"),
    ("quit", "quit"),
    ("ran", "run"),
    ("rang", "ring"),
    ("ridden", "ride"),
    ("risen", "rise"),
    ("rode", "ride"),
    ("rose", "rise"),
    ("sang", "sing"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("sent", "send"),
    ("shaken", "shake"),
    ("shed", "shed"),
    ("shone", "shine"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("shrank", "shrink"),
    ("shut", "shut"),
    ("slain", "slay"),
    ("slept", "sleep"),
    ("slew", "slay"),
    ("slid", "slide"),
    ("slung", "sling"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spat", "spit"),
    ("sped", "speed"),
    ("spent", "spend"),
    ("split", "split"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("sprang", "spring"),
    ("spread", "spread"),
    ("spun", "spin"),
    ("stank", "stink"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("stricken", "strike"),
    ("strode", "stride"),
    ("strove", "strive"),
    ("struck", "strike"),
    ("stuck", "stick"),
    ("stung", "sting"),
    ("sunk", "sink"),
    ("swam", "swim"),
    ("swept", "sweep"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("swum", "swim"),
    ("swung", "swing"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("thrust", "thrust"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("trod", "tread"),
    ("understood", "understand"),
    ("undertaken", "undertake"),
    ("undertook", "undertake"),
    ("upheld", "uphold"),
    ("upset", "upset"),
    ("went", "go"),
    ("wept", "weep"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("withheld", "withhold"),
    ("withstood", "withstand"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("wove", "weave"),
    ("woven", "weave"),
    ("written", "write"),
    ("wrote", "write"),
];

#[cfg(test)]
mod irregular_tests {
    use super::IRREGULAR;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(IRREGULAR.iter().any(|&(f, l)| f == "fled" && l == "flee"));
    }
}
