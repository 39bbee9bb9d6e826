//! Repairs of a parsed sentence where news text trips the EWT-trained models in ways a
//! rule can see: a time word taken as the head of the subject ("The German government
//! today welcomed", parsed with "today" as the subject), and a named entity split
//! across two subjects ("Lt. Gen. Prosper Avril resigned", "Lt." and "Prosper" both
//! subjects of "resigned").
//!
//! Input: one sentence's annotations (heads 0-based within the sentence) and its
//! entity spans (token ranges). Output: the same annotations, still one tree.
//! Must not: change the words, add or drop tokens, or create a cycle.

use article::{TokenAnnotation, TIME_UNITS, WEEKDAYS};

/// Time words that head no noun phrase in news text.
const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight", "tomorrow"];

/// Applies every repair to one parsed sentence.
pub fn repair_tree(words: &[&str], out: &mut [TokenAnnotation], entities: &[(usize, usize)]) {
    if out.len() != words.len() || out.iter().all(|a| a.deprel.is_empty()) {
        return;
    }
    time_word_heads(words, out);
    number_words(words, out);
    passive_participles(words, out);
    verb_conjuncts(out);
    said_on_day_that(words, out);
    subject_with_relative_clause(out);
    clause_after_conjunction(words, out);
    number_root(out);
    up_to_number(words, out);
    object_of_time_word(words, out);
    title_before_name(out);
    day_before_subject(words, out);
    subordinate_clause_as_phrase(words, out);
    verb_after_conjunction(out);
    adjective_as_noun(words, out);
    subject_after_known_as(words, out);
    finite_verb_under_noun_root(out);
    case_on_the_head(out);
    time_span_before_clause(words, out);
    apposition_on_a_comma(words, out);
    day_on_an_apposition(words, out);
    for &(start, end) in entities {
        join_entity(out, start, end);
    }
}

/// The sentence's root word.
fn root(out: &[TokenAnnotation]) -> Option<usize> {
    out.iter()
        .position(|a| a.head.is_none() && a.deprel == "root")
}

/// True when `a` is (transitively) below `b`, or is `b`.
fn dominated(out: &[TokenAnnotation], mut a: usize, b: usize) -> bool {
    for _ in 0..=out.len() {
        if a == b {
            return true;
        }
        match out[a].head {
            Some(h) if h < out.len() => a = h,
            _ => return false,
        }
    }
    false
}

/// "The German government today welcomed": the noun left of the time word heads the
/// phrase, and the time word modifies the verb.
fn time_word_heads(words: &[&str], out: &mut [TokenAnnotation]) {
    for t in 0..out.len() {
        if !TIME_WORDS.contains(&words[t].to_lowercase().as_str()) {
            continue;
        }
        if out[t].deprel.starts_with("obl") || out[t].deprel.starts_with("advmod") {
            continue;
        }
        // The nearest word left of it that modifies it as a noun or adjective.
        let Some(n) = (0..t).rev().find(|&c| {
            out[c].head == Some(t)
                && matches!(out[c].deprel.as_str(), "compound" | "amod")
                && matches!(out[c].upos.as_str(), "NOUN" | "PROPN" | "ADJ")
        }) else {
            continue;
        };
        // Only the words right before it: "government today", not "government, today".
        if n + 1 != t {
            continue;
        }
        let (head, rel) = (out[t].head, out[t].deprel.clone());
        let Some(verb) = head else {
            continue;
        };
        if rel == "root" {
            continue;
        }
        // Its other dependents (determiners, adjectives, right modifiers) follow.
        for (c, a) in out.iter_mut().enumerate() {
            if a.head == Some(t) && c != n && (c < n || c > t) {
                a.head = Some(n);
            }
        }
        out[n].head = head;
        out[n].deprel = rel;
        if out[n].upos == "ADJ" {
            out[n].upos = "NOUN".into();
            out[n].xpos = if words[n].ends_with('s') { "NNS" } else { "NN" }.into();
        }
        out[t].head = Some(verb);
        out[t].deprel = "obl:unmarked".into();
    }
}

/// Spelled-out numbers taken for adjectives ("Thirteen officers were killed") count.
fn number_words(words: &[&str], out: &mut [TokenAnnotation]) {
    const NUMBERS: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
    ];
    for (w, a) in words.iter().zip(out.iter_mut()) {
        if a.upos == "ADJ" && a.deprel == "amod" && NUMBERS.contains(&w.to_lowercase().as_str()) {
            a.upos = "NUM".into();
            a.xpos = "CD".into();
            a.deprel = "nummod".into();
        }
    }
}

/// "Nine other officers were wounded": a participle taken for a predicate adjective
/// after "be" is a passive verb (its copula the passive auxiliary, its subject the
/// passive subject).
fn passive_participles(words: &[&str], out: &mut [TokenAnnotation]) {
    const BE: &[&str] = &["was", "were", "been", "being", "be", "is", "are"];
    for p in 0..out.len() {
        let w = words[p].to_lowercase();
        if out[p].upos != "ADJ" || !w.ends_with("ed") || w.len() < 5 {
            continue;
        }
        // Only a predicate: a clause head with a form of "be" as its copula, and
        // nothing that makes it an adjective phrase ("very tired").
        let cop = (0..p).find(|&c| {
            out[c].head == Some(p)
                && out[c].deprel == "cop"
                && BE.contains(&words[c].to_lowercase().as_str())
        });
        let Some(cop) = cop else {
            continue;
        };
        // People or things suffering it, named by a noun ("officers were wounded"); not
        // a state of mind ("I was impressed", kept an adjective as in UD English).
        let nominal_subject = (0..p).any(|c| {
            out[c].head == Some(p)
                && out[c].deprel == "nsubj"
                && matches!(out[c].upos.as_str(), "NOUN" | "PROPN" | "NUM")
        });
        if !nominal_subject {
            continue;
        }
        if (0..out.len()).any(|c| {
            out[c].head == Some(p)
                && out[c].deprel == "advmod"
                && matches!(
                    words[c].to_lowercase().as_str(),
                    "very" | "so" | "too" | "more" | "most"
                )
        }) {
            continue;
        }
        out[p].upos = "VERB".into();
        out[p].xpos = "VBN".into();
        out[cop].deprel = "aux:pass".into();
        for a in out.iter_mut() {
            if a.head == Some(p) && a.deprel == "nsubj" {
                a.deprel = "nsubj:pass".into();
            }
        }
    }
}

/// "killing one person and arresting 12": a verb coordinated with the object of a
/// verb of the same form is that verb's conjunct.
fn verb_conjuncts(out: &mut [TokenAnnotation]) {
    for v in 0..out.len() {
        if out[v].deprel != "conj" || out[v].upos != "VERB" || !out[v].xpos.starts_with("VB") {
            continue;
        }
        let Some(n) = out[v].head.filter(|&n| n < out.len()) else {
            continue;
        };
        if !matches!(out[n].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM") {
            continue;
        }
        let Some(w) = out[n].head.filter(|&w| w < out.len() && w < v) else {
            continue;
        };
        if out[w].upos == "VERB" && out[w].xpos == out[v].xpos && !dominated(out, w, v) {
            out[v].head = Some(w);
        }
    }
}

/// "Russia said on Tuesday that Sudan must return it": the `that` clause is the
/// verb's complement, not a relative clause on the day.
fn said_on_day_that(words: &[&str], out: &mut [TokenAnnotation]) {
    let day = |w: &str| {
        WEEKDAYS.contains(&w)
            || matches!(
                w,
                "today"
                    | "yesterday"
                    | "week"
                    | "month"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
            )
    };
    for c in 0..out.len() {
        if out[c].deprel != "acl:relcl" {
            continue;
        }
        let Some(n) = out[c].head.filter(|&n| n < c) else {
            continue;
        };
        if !day(words[n].to_lowercase().as_str()) || !out[n].deprel.starts_with("obl") {
            continue;
        }
        let Some(v) = out[n]
            .head
            .filter(|&v| v < out.len() && out[v].upos == "VERB")
        else {
            continue;
        };
        // "that" right after the day, and the clause has a subject of its own.
        let that = n + 1;
        if that >= c || !words[that].eq_ignore_ascii_case("that") || out[that].head != Some(c) {
            continue;
        }
        if !(that + 1..c).any(|x| out[x].head == Some(c) && out[x].deprel.starts_with("nsubj")) {
            continue;
        }
        out[c].head = Some(v);
        out[c].deprel = "ccomp".into();
        out[that].deprel = "mark".into();
        out[that].upos = "SCONJ".into();
        out[that].xpos = "IN".into();
    }
}

/// "Three soldiers were killed": parsed with the opening number as the root and the
/// verb hung under it. The verb is the root, the number a modifier of the noun right
/// after it (with only that noun's own modifiers between).
fn number_root(out: &mut [TokenAnnotation]) {
    let Some(n) = root(out) else {
        return;
    };
    if out[n].upos != "NUM" {
        return;
    }
    // The verb under the number, and its subject right of the number.
    let Some(v) = (n + 1..out.len()).find(|&v| out[v].head == Some(n) && out[v].upos == "VERB")
    else {
        return;
    };
    let Some(s) = (n + 1..v).find(|&s| {
        out[s].head == Some(v)
            && out[s].deprel.starts_with("nsubj")
            && matches!(out[s].upos.as_str(), "NOUN" | "PROPN")
    }) else {
        return;
    };
    if !(n + 1..s).all(|x| dominated(out, x, s)) {
        return;
    }
    out[v].head = None;
    out[v].deprel = "root".into();
    out[n].head = Some(s);
    out[n].deprel = "nummod".into();
    for (c, a) in out.iter_mut().enumerate() {
        if a.head == Some(n) && c != v {
            a.head = Some(v);
        }
    }
}

/// "seized up to 20 hostages": "up" taken for the verb's particle and the people
/// for an oblique. "up to" bounds the number; the people are the object.
fn up_to_number(words: &[&str], out: &mut [TokenAnnotation]) {
    for u in 0..out.len().saturating_sub(3) {
        if !words[u].eq_ignore_ascii_case("up")
            || !words[u + 1].eq_ignore_ascii_case("to")
            || out[u].deprel != "compound:prt"
            || out[u + 2].upos != "NUM"
        {
            continue;
        }
        let Some(v) = out[u]
            .head
            .filter(|&v| v < out.len() && out[v].upos == "VERB")
        else {
            continue;
        };
        let Some(x) = out[u + 2].head.filter(|&x| x > u + 2 && x < out.len()) else {
            continue;
        };
        if out[x].head != Some(v) || !out[x].deprel.starts_with("obl") {
            continue;
        }
        if (0..out.len()).any(|c| out[c].head == Some(v) && out[c].deprel == "obj") {
            continue;
        }
        if out[u + 1].head != Some(x) {
            continue;
        }
        out[x].deprel = "obj".into();
        out[u].head = Some(u + 2);
        out[u].deprel = "advmod".into();
        out[u + 1].head = Some(u);
        out[u + 1].deprel = "fixed".into();
    }
}

/// "expelled on Monday some 500 families": the object after the verb's
/// time oblique, hung under that oblique or elsewhere, belongs to the verb.
fn object_of_time_word(words: &[&str], out: &mut [TokenAnnotation]) {
    let day = |w: &str| {
        WEEKDAYS.contains(&w)
            || matches!(
                w,
                "today" | "yesterday" | "night" | "morning" | "evening" | "afternoon" | "week"
            )
    };
    for o in 0..out.len() {
        let unmarked = matches!(out[o].deprel.as_str(), "obj" | "nmod:unmarked");
        if !unmarked || !matches!(out[o].upos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        // A noun with a preposition of its own is an oblique, not an object.
        if (0..out.len()).any(|c| out[c].head == Some(o) && out[c].deprel == "case") {
            continue;
        }
        // The time oblique right before the object's phrase.
        let first = (0..o).find(|&x| dominated(out, x, o)).unwrap_or(o);
        let Some(t) = first.checked_sub(1) else {
            continue;
        };
        if !day(words[t].to_lowercase().as_str()) || !out[t].deprel.starts_with("obl") {
            continue;
        }
        let Some(v) = out[t]
            .head
            .filter(|&v| v < out.len() && out[v].upos == "VERB")
        else {
            continue;
        };
        if out[o].head == Some(v) || dominated(out, v, o) {
            continue;
        }
        if out[o].deprel == "nmod:unmarked" && out[o].head != Some(t) {
            // Hung elsewhere: only a numbered phrase ("500 villagers") is sure to be one.
            if !(0..o).any(|c| out[c].head == Some(o) && out[c].deprel == "nummod") {
                continue;
            }
        }
        if (0..out.len()).any(|c| c != o && out[c].head == Some(v) && out[c].deprel == "obj") {
            continue;
        }
        // Dependents right of the object that hung on its old head stay where they are.
        out[o].head = Some(v);
        out[o].deprel = "obj".into();
    }
}

/// "Opposition leader Maria Lopez staged a strike": the title noun and the name taken
/// for two subjects (or objects) of one verb. The title modifies the name.
fn title_before_name(out: &mut [TokenAnnotation]) {
    for i in 0..out.len().saturating_sub(1) {
        let n = i + 1;
        if out[i].upos != "NOUN" || out[n].upos != "PROPN" {
            continue;
        }
        let rel = out[i].deprel.clone();
        if !(rel.starts_with("nsubj") || rel == "obj") || out[n].deprel != rel {
            continue;
        }
        if out[i].head.is_none() || out[i].head != out[n].head {
            continue;
        }
        out[i].head = Some(n);
        out[i].deprel = "compound".into();
    }
}

/// "On Tuesday the rebels announced": the day taken for the subject and the subject
/// for a part of the day's name. The day (it has a preposition) is an oblique; the
/// words after it head the subject.
fn day_before_subject(words: &[&str], out: &mut [TokenAnnotation]) {
    for d in 0..out.len().saturating_sub(1) {
        if !WEEKDAYS.contains(&words[d].to_lowercase().as_str())
            || !out[d].deprel.starts_with("nsubj")
        {
            continue;
        }
        let case = (0..d).any(|c| out[c].head == Some(d) && out[c].deprel == "case");
        let on = d > 0
            && matches!(
                words[d - 1].to_lowercase().as_str(),
                "on" | "last" | "since"
            );
        if !case && !on {
            continue;
        }
        // The subject: the last word of the run hung on the day right after it.
        let run: Vec<usize> = (d + 1..out.len())
            .take_while(|&c| dominated(out, c, d))
            .collect();
        let Some(&n) = run
            .iter()
            .rev()
            .find(|&&c| matches!(out[c].upos.as_str(), "NOUN" | "PROPN"))
        else {
            continue;
        };
        let (head, rel) = (out[d].head, out[d].deprel.clone());
        for &c in &run {
            if c != n && out[c].head == Some(d) {
                out[c].head = Some(n);
                if out[c].deprel == "flat" && out[c].upos == "DET" {
                    out[c].deprel = "det".into();
                }
            }
        }
        out[n].head = head;
        out[n].deprel = rel;
        out[d].head = head;
        out[d].deprel = "obl".into();
        if on && !case {
            let p = d - 1;
            out[p].head = Some(d);
            out[p].deprel = if out[p].upos == "ADP" { "case" } else { "amod" }.into();
        }
    }
}

/// "clashed with police as thousands marched": parsed as a phrase "as thousands" with
/// "marched" modifying the noun. The verb is finite: an adverbial clause with the noun
/// as its subject and "as" its subordinator.
fn subordinate_clause_as_phrase(words: &[&str], out: &mut [TokenAnnotation]) {
    const SUBORDINATORS: &[&str] = &["as", "while", "when", "after", "before", "because", "until"];
    for a in 0..out.len() {
        if !SUBORDINATORS.contains(&words[a].to_lowercase().as_str()) || out[a].deprel != "case" {
            continue;
        }
        let Some(n) = out[a].head.filter(|&n| n > a && n < out.len()) else {
            continue;
        };
        if !matches!(out[n].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM") {
            continue;
        }
        let Some(v) = (n + 1..out.len()).find(|&v| {
            out[v].head == Some(n)
                && out[v].deprel == "acl"
                && (matches!(out[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                    || out[v].xpos == "VBN"
                        && matches!(words[a].to_lowercase().as_str(), "as" | "while" | "when"))
        }) else {
            continue;
        };
        // Only the noun's own modifiers between it and the verb.
        if !(n + 1..v).all(|x| dominated(out, x, n)) {
            continue;
        }
        let Some(h) = out[n].head else {
            continue;
        };
        out[v].head = Some(h);
        out[v].deprel = "advcl".into();
        out[n].head = Some(v);
        out[n].deprel = "nsubj".into();
        out[a].head = Some(v);
        out[a].deprel = "mark".into();
        out[a].upos = "SCONJ".into();
        out[a].xpos = "IN".into();
    }
}

/// "said it was ready for talks but accused Kyiv of refusing": a finite verb hung
/// under the conjunction before it is a conjunct of the sentence's main verb, with the
/// conjunction as its `cc` and a bare noun after it as its object.
fn verb_after_conjunction(out: &mut [TokenAnnotation]) {
    let Some(root) = root(out) else {
        return;
    };
    for v in 0..out.len() {
        if out[v].upos != "VERB" || !matches!(out[v].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "VBN") {
            continue;
        }
        let Some(c) = out[v].head.filter(|&c| c < v) else {
            continue;
        };
        if out[c].upos != "CCONJ" || c + 1 != v || root >= c || dominated(out, root, v) {
            continue;
        }
        out[v].head = Some(root);
        out[v].deprel = "conj".into();
        out[c].head = Some(v);
        out[c].deprel = "cc".into();
        let has_object = (0..out.len()).any(|x| out[x].head == Some(v) && out[x].deprel == "obj");
        if !has_object {
            if let Some(o) = (v + 1..out.len()).find(|&x| {
                out[x].head == Some(v)
                    && out[x].deprel == "xcomp"
                    && matches!(out[x].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            }) {
                out[o].deprel = "obj".into();
            }
        }
    }
}

/// "launched an offensive against": a word that is a noun of war as well as an
/// adjective, with a determiner, as the verb's object, is the noun. (Only these words:
/// UD tags "the same", "the latter" as adjectives.)
fn adjective_as_noun(words: &[&str], out: &mut [TokenAnnotation]) {
    for x in 0..out.len() {
        if out[x].upos != "ADJ" || out[x].deprel != "obj" {
            continue;
        }
        if !matches!(words[x].to_lowercase().as_str(), "offensive" | "offensives") {
            continue;
        }
        let determined = (0..x).any(|c| out[c].head == Some(x) && out[c].deprel == "det");
        if !determined {
            continue;
        }
        out[x].upos = "NOUN".into();
        out[x].xpos = if words[x].ends_with('s') { "NNS" } else { "NN" }.into();
    }
}

/// "The ELN, which took up arms in 1964, began talks": parsed with the noun as the root
/// and "began" as a conjunct of the relative clause; the verb is the root and the noun
/// its subject.
fn subject_with_relative_clause(out: &mut [TokenAnnotation]) {
    let Some(n) = root(out) else {
        return;
    };
    if !matches!(out[n].upos.as_str(), "NOUN" | "PROPN") {
        return;
    }
    let Some(r) =
        (n + 1..out.len()).find(|&r| out[r].head == Some(n) && out[r].deprel == "acl:relcl")
    else {
        return;
    };
    let Some(v) = (r + 1..out.len())
        .find(|&v| out[v].head == Some(r) && out[v].deprel == "conj" && out[v].upos == "VERB")
    else {
        return;
    };
    if (0..out.len()).any(|c| out[c].head == Some(v) && out[c].deprel.starts_with("nsubj")) {
        return;
    }
    out[v].head = None;
    out[v].deprel = "root".into();
    out[n].head = Some(v);
    out[n].deprel = "nsubj".into();
    // The final punctuation and anything else right of the verb that hung on the noun.
    for a in out.iter_mut().skip(v + 1) {
        if a.head == Some(n) {
            a.head = Some(v);
        }
    }
}

/// "comes a day after the ELN announced a ceasefire": parsed as a noun phrase "after the
/// ELN" and a verb "announced" with no subject coordinated with the main verb. The noun
/// is the subject of that verb, the word before it its subordinator, and the clause an
/// adverbial clause of the main verb.
fn clause_after_conjunction(words: &[&str], out: &mut [TokenAnnotation]) {
    for a in 0..out.len() {
        if !matches!(
            words[a].to_lowercase().as_str(),
            "after" | "before" | "since" | "until" | "when" | "as"
        ) || out[a].deprel != "case"
        {
            continue;
        }
        let Some(n) = out[a].head.filter(|&n| n > a && n < out.len()) else {
            continue;
        };
        if !matches!(out[n].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        // The verb right after the noun phrase (its last word is `n` or a dependent).
        let end = (n..out.len())
            .take_while(|&x| x == n || dominated(out, x, n))
            .last()
            .unwrap_or(n);
        let v = end + 1;
        if v >= out.len()
            || out[v].upos != "VERB"
            || !matches!(out[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            || !matches!(out[v].deprel.as_str(), "conj" | "parataxis" | "dep")
        {
            continue;
        }
        if (0..out.len()).any(|c| out[c].head == Some(v) && out[c].deprel.starts_with("nsubj")) {
            continue;
        }
        // The main verb: the nearest verb above the noun.
        let mut main = out[n].head;
        while let Some(m) = main.filter(|&m| m < out.len()) {
            if out[m].upos == "VERB" {
                break;
            }
            main = out[m].head;
        }
        let Some(main) = main.filter(|&m| m < out.len() && !dominated(out, m, v)) else {
            continue;
        };
        out[v].head = Some(main);
        out[v].deprel = "advcl".into();
        out[n].head = Some(v);
        out[n].deprel = "nsubj".into();
        out[a].head = Some(v);
        out[a].deprel = "mark".into();
        out[a].upos = "SCONJ".into();
        // A coordinator of the old conjunct stays with the main verb's clause.
        for c in (0..v).rev().take_while(|&c| c > n) {
            if out[c].head == Some(v) && out[c].deprel == "cc" {
                out[c].head = Some(main);
            }
        }
    }
}

/// Tokens of one entity that hang as separate dependents of the same word join the
/// entity's main token: "Lt." becomes a modifier of "Prosper" instead of a second
/// subject of "resigned".
fn join_entity(out: &mut [TokenAnnotation], start: usize, end: usize) {
    let end = end.min(out.len());
    if end <= start + 1 {
        return;
    }
    let outside: Vec<usize> = (start..end)
        .filter(|&i| out[i].head.is_none_or(|h| h < start || h >= end))
        .collect();
    if outside.len() < 2 {
        return;
    }
    let head = out[outside[0]].head;
    if outside
        .iter()
        .any(|&i| out[i].head != head || out[i].head.is_none())
    {
        return;
    }
    // The main token: the one with the most entity words below it; the later on ties.
    let below = |i: usize| (start..end).filter(|&k| dominated(out, k, i)).count();
    let Some(&main) = outside.iter().max_by_key(|&&i| (below(i), i)) else {
        return;
    };
    for &i in &outside {
        if i == main || dominated(out, main, i) {
            continue;
        }
        out[i].head = Some(main);
        out[i].deprel = if i < main { "compound" } else { "flat" }.into();
    }
}

/// "In addition to Mr. Karimi, who is also known as Ahmad Karimi, the other commander,
/// Zahir Ahmadi, surrendered": the name after "known as" ends the relative clause; the
/// appositions after it, up to the comma before a finite verb, are that verb's subject.
/// The parser hangs them on the name and leaves the verb without a subject, or makes
/// the opening phrase the root and the verb part of the relative clause.
fn subject_after_known_as(words: &[&str], out: &mut [TokenAnnotation]) {
    let n = out.len();
    let Some(r#as) = (1..n).find(|&i| {
        words[i].eq_ignore_ascii_case("as") && words[i - 1].eq_ignore_ascii_case("known")
    }) else {
        return;
    };
    let (known, name) = (r#as - 1, r#as + 1);
    if name >= n || out[name].upos != "PROPN" {
        return;
    }
    let mut end = name;
    while end + 1 < n && out[end + 1].upos == "PROPN" {
        end += 1;
    }
    if words.get(end + 1) != Some(&",") {
        return;
    }
    let Some(v) = (end + 2..n)
        .find(|&v| out[v].upos == "VERB" && matches!(out[v].xpos.as_str(), "VBD" | "VBZ" | "VBP"))
    else {
        return;
    };
    if words[v - 1] != ","
        || !(end + 2..v).all(|i| {
            matches!(
                out[i].upos.as_str(),
                "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "PUNCT"
            )
        })
    {
        return;
    }
    // A subject of the verb outside the appositions: the verb is not theirs.
    if (0..n).any(|c| {
        out[c].head == Some(v) && out[c].deprel.starts_with("nsubj") && !(r#as..v).contains(&c)
    }) {
        return;
    }
    // The comma-separated noun phrases and the head of each (its word whose head lies
    // outside the phrase).
    // (The word before the verb is a comma, so every phrase ends at one.)
    let mut heads = Vec::new();
    let mut from = end + 2;
    let commas: Vec<usize> = (end + 2..v).filter(|&i| words[i] == ",").collect();
    for to in commas {
        let head = (from..to).find(|&x| out[x].head.is_none_or(|h| !(from..to).contains(&h)));
        match head {
            Some(h) => heads.push(h),
            None => return,
        }
        from = to + 1;
    }
    let Some(&subject) = heads.first() else {
        return;
    };
    let Some(top) = root(out) else {
        return;
    };
    if top != v {
        // Only an opening phrase ("In addition to…") may give the root back.
        let phrase = top < known
            && matches!(out[top].upos.as_str(), "NOUN" | "PROPN")
            && (0..n).any(|c| out[c].head == Some(top) && out[c].deprel == "case");
        if !phrase {
            return;
        }
        out[v].head = None;
        out[v].deprel = "root".into();
        out[top].head = Some(v);
        out[top].deprel = "obl".into();
        for a in out.iter_mut().skip(v + 1) {
            if a.head == Some(top) {
                a.head = Some(v);
            }
        }
    }
    out[name].head = Some(known);
    out[name].deprel = "obl".into();
    out[r#as].head = Some(name);
    out[r#as].deprel = "case".into();
    out[subject].head = Some(v);
    out[subject].deprel = "nsubj".into();
    for &h in &heads[1..] {
        out[h].head = Some(subject);
        out[h].deprel = "appos".into();
    }
}

/// "French aircraft using guided bombs killed six militants": parsed with the noun as
/// the root and "killed" (often tagged a participle) as a clause on "bombs". A past verb
/// with an object and no subject or auxiliary cannot modify a noun; it is the root and
/// the noun its subject.
fn finite_verb_under_noun_root(out: &mut [TokenAnnotation]) {
    let Some(n) = root(out) else {
        return;
    };
    if !matches!(out[n].upos.as_str(), "NOUN" | "PROPN") {
        return;
    }
    let Some(v) = (n + 1..out.len()).find(|&v| {
        out[v].upos == "VERB"
            && matches!(out[v].xpos.as_str(), "VBD" | "VBN")
            && matches!(out[v].deprel.as_str(), "acl" | "acl:relcl")
            && dominated(out, v, n)
    }) else {
        return;
    };
    let has = |rel: &str| {
        (0..out.len()).any(|c| out[c].head == Some(v) && out[c].deprel.starts_with(rel))
    };
    // (A participle with an object and no auxiliary is a past tense mistagged.)
    if !has("obj") || has("nsubj") || has("mark") || has("aux") {
        return;
    }
    out[v].xpos = "VBD".into();
    out[v].head = None;
    out[v].deprel = "root".into();
    out[n].head = Some(v);
    out[n].deprel = "nsubj".into();
    for a in out.iter_mut().skip(v + 1) {
        if a.head == Some(n) {
            a.head = Some(v);
        }
    }
}

/// "met with President Macron": the preposition hung on the title that modifies the
/// name. A case marker belongs to the head of its nominal, not to a modifier inside it.
fn case_on_the_head(out: &mut [TokenAnnotation]) {
    for c in 0..out.len() {
        if out[c].deprel != "case" {
            continue;
        }
        let Some(x) = out[c].head.filter(|&x| x < out.len() && x > c) else {
            continue;
        };
        if !matches!(out[x].deprel.as_str(), "nmod:desc" | "compound") {
            continue;
        }
        if let Some(h) = out[x].head.filter(|&h| h < out.len() && h > x) {
            out[c].head = Some(h);
        }
    }
}

/// "It comes a week after 44 people were killed": parsed with "week" as the subject
/// of "killed" and "people" under it. The people are the subject; "after" opens the
/// clause and the span of time measures it.
fn time_span_before_clause(words: &[&str], out: &mut [TokenAnnotation]) {
    for t in 0..out.len() {
        let lower = words[t].to_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        if !TIME_UNITS.contains(&singular) || !out[t].deprel.starts_with("nsubj") {
            continue;
        }
        let Some(v) = out[t].head.filter(|&v| v < out.len() && v > t) else {
            continue;
        };
        let Some(n) = (t + 1..v).find(|&n| {
            out[n].head == Some(t)
                && out[n].deprel.starts_with("nmod")
                && matches!(out[n].upos.as_str(), "NOUN" | "PROPN" | "PRON")
        }) else {
            continue;
        };
        let Some(m) = (t + 1..n).find(|&m| {
            out[m].head == Some(n)
                && out[m].deprel == "case"
                && matches!(words[m].to_lowercase().as_str(), "after" | "before")
        }) else {
            continue;
        };
        out[n].head = Some(v);
        out[n].deprel = out[t].deprel.clone();
        out[m].head = Some(v);
        out[m].deprel = "mark".into();
        out[t].deprel = "obl:unmarked".into();
    }
}

/// "in Jalalabad, the capital of the province": an apposition hung on the comma, or
/// on a verb ("struck with the FARC, a rebel group that …" under "hopes"), belongs to
/// the noun before the comma that opens it.
fn apposition_on_a_comma(words: &[&str], out: &mut [TokenAnnotation]) {
    for a in 0..out.len() {
        if !out[a].deprel.starts_with("appos") {
            continue;
        }
        let Some(h) = out[a].head.filter(|&h| h < a) else {
            continue;
        };
        let c = if words[h] == "," {
            h
        } else if matches!(out[h].upos.as_str(), "VERB" | "AUX") {
            // The comma right before the apposition's own words.
            let Some(c) = (a.saturating_sub(5)..a)
                .rev()
                .find(|&c| words[c] == ",")
                .filter(|&c| (c + 1..a).all(|x| out[x].head == Some(a)))
            else {
                continue;
            };
            c
        } else {
            continue;
        };
        let Some(n) = c
            .checked_sub(1)
            .filter(|&n| matches!(out[n].upos.as_str(), "NOUN" | "PROPN"))
        else {
            continue;
        };
        if !dominated(out, n, a) {
            out[a].head = Some(n);
        }
    }
}

/// "would take charge of security in Jalalabad, the capital of the province, from
/// Wednesday": a day hung on an apposition or a name ("capital", "Jalalabad") dates
/// the verb above them.
fn day_on_an_apposition(words: &[&str], out: &mut [TokenAnnotation]) {
    for d in 0..out.len() {
        let lower = words[d].to_lowercase();
        if !WEEKDAYS.contains(&lower.as_str()) || !out[d].deprel.starts_with("nmod") {
            continue;
        }
        let Some(h) = out[d].head.filter(|&h| h < out.len()) else {
            continue;
        };
        if !(out[h].deprel.starts_with("appos") || out[h].upos == "PROPN") {
            continue;
        }
        // The nearest verb above the name.
        let mut v = h;
        let verb = loop {
            match out[v].head {
                Some(up) if up < out.len() && up != d => {
                    if out[up].upos == "VERB" {
                        break Some(up);
                    }
                    v = up;
                }
                _ => break None,
            }
        };
        if let Some(verb) = verb.filter(|&verb| !dominated(out, verb, d)) {
            out[d].head = Some(verb);
            out[d].deprel = "obl".into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(rows: &[(&str, Option<usize>, &str)]) -> Vec<TokenAnnotation> {
        rows.iter()
            .map(|&(upos, head, rel)| TokenAnnotation {
                upos: upos.into(),
                xpos: String::new(),
                lemma: String::new(),
                head,
                deprel: rel.into(),
            })
            .collect()
    }

    #[test]
    fn time_word_gives_the_subject_back() {
        let words = ["The", "German", "government", "today", "welcomed", "it"];
        let mut out = ann(&[
            ("DET", Some(3), "det"),
            ("ADJ", Some(3), "amod"),
            ("NOUN", Some(3), "compound"),
            ("NOUN", Some(4), "nsubj"),
            ("VERB", None, "root"),
            ("PRON", Some(4), "obj"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[2].head, Some(4));
        assert_eq!(out[2].deprel, "nsubj");
        assert_eq!(out[0].head, Some(2));
        assert_eq!(out[1].head, Some(2));
        assert_eq!(out[3].deprel, "obl:unmarked");
        assert_eq!(out[3].head, Some(4));
    }

    #[test]
    fn adjective_before_time_word_becomes_the_noun() {
        let words = ["A", "U.S.", "official", "today", "praised", "it"];
        let mut out = ann(&[
            ("DET", Some(3), "det"),
            ("PROPN", Some(3), "compound"),
            ("ADJ", Some(3), "amod"),
            ("NOUN", Some(4), "nsubj"),
            ("VERB", None, "root"),
            ("PRON", Some(4), "obj"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[2].upos, "NOUN");
        assert_eq!(out[2].deprel, "nsubj");
        assert_eq!(out[1].head, Some(2));
    }

    #[test]
    fn time_word_as_modifier_is_left_alone() {
        let words = ["He", "left", "today"];
        let mut out = ann(&[
            ("PRON", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("NOUN", Some(1), "obl:unmarked"),
        ]);
        let before = out.clone();
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out, before);
    }

    #[test]
    fn verb_conjunct_of_an_object_moves_to_the_verb() {
        let words = ["killing", "one", "person", "and", "arresting", "12"];
        let mut out = ann(&[
            ("VERB", None, "root"),
            ("NUM", Some(2), "nummod"),
            ("NOUN", Some(0), "obj"),
            ("CCONJ", Some(4), "cc"),
            ("VERB", Some(2), "conj"),
            ("NUM", Some(4), "obj"),
        ]);
        for k in [0, 4] {
            out[k].xpos = "VBG".into();
        }
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[4].head, Some(0));
        assert_eq!(out[4].deprel, "conj");
    }

    #[test]
    fn noun_after_conjunction_is_the_subject_of_the_next_verb() {
        let words = [
            "The",
            "attack",
            "comes",
            "a",
            "day",
            "after",
            "the",
            "ELN",
            "announced",
            "a",
            "truce",
        ];
        let mut out = ann(&[
            ("DET", Some(1), "det"),
            ("NOUN", Some(2), "nsubj"),
            ("VERB", None, "root"),
            ("DET", Some(4), "det"),
            ("NOUN", Some(2), "obj"),
            ("ADP", Some(7), "case"),
            ("DET", Some(7), "det"),
            ("PROPN", Some(4), "nmod"),
            ("VERB", Some(2), "conj"),
            ("DET", Some(10), "det"),
            ("NOUN", Some(8), "obj"),
        ]);
        out[8].xpos = "VBD".into();
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[8].head, out[8].deprel.as_str()), (Some(2), "advcl"));
        assert_eq!((out[7].head, out[7].deprel.as_str()), (Some(8), "nsubj"));
        assert_eq!((out[5].head, out[5].deprel.as_str()), (Some(8), "mark"));
        // A verb that has its own subject is left alone.
        let mut again = out.clone();
        repair_tree(&words, &mut again, &[]);
        assert_eq!(again, out);
    }

    #[test]
    fn that_clause_after_a_day_is_the_complement() {
        let words = [
            "Russia", "said", "on", "Tuesday", "that", "Sudan", "must", "go",
        ];
        let mut out = ann(&[
            ("PROPN", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("ADP", Some(3), "case"),
            ("PROPN", Some(1), "obl"),
            ("PRON", Some(7), "obj"),
            ("PROPN", Some(7), "nsubj"),
            ("AUX", Some(7), "aux"),
            ("VERB", Some(3), "acl:relcl"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[7].head, Some(1));
        assert_eq!(out[7].deprel, "ccomp");
        assert_eq!(out[4].deprel, "mark");
    }

    #[test]
    fn number_words_and_predicate_participles() {
        let words = ["Nine", "officers", "were", "wounded"];
        let mut out = ann(&[
            ("ADJ", Some(1), "amod"),
            ("NOUN", Some(3), "nsubj"),
            ("AUX", Some(3), "cop"),
            ("ADJ", None, "root"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(
            (out[0].upos.as_str(), out[0].deprel.as_str()),
            ("NUM", "nummod")
        );
        assert_eq!(out[3].upos, "VERB");
        assert_eq!(out[2].deprel, "aux:pass");
        assert_eq!(out[1].deprel, "nsubj:pass");
        // An adjective phrase stays one.
        let words = ["They", "were", "very", "tired"];
        let mut out = ann(&[
            ("PRON", Some(3), "nsubj"),
            ("AUX", Some(3), "cop"),
            ("ADV", Some(3), "advmod"),
            ("ADJ", None, "root"),
        ]);
        let before = out.clone();
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out, before);
    }

    #[test]
    fn an_opening_number_gives_the_root_back() {
        let words = ["Three", "US", "soldiers", "were", "killed", "."];
        let mut out = ann(&[
            ("NUM", None, "root"),
            ("PROPN", Some(2), "compound"),
            ("NOUN", Some(4), "nsubj:pass"),
            ("AUX", Some(4), "aux:pass"),
            ("VERB", Some(0), "parataxis"),
            ("PUNCT", Some(0), "punct"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[4].head, out[4].deprel.as_str()), (None, "root"));
        assert_eq!((out[0].head, out[0].deprel.as_str()), (Some(2), "nummod"));
        assert_eq!(out[5].head, Some(4));
    }

    #[test]
    fn up_to_a_number_is_a_bound_and_the_people_the_object() {
        let words = ["They", "seized", "up", "to", "16", "hostages"];
        let mut out = ann(&[
            ("PRON", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("ADP", Some(1), "compound:prt"),
            ("ADP", Some(5), "case"),
            ("NUM", Some(5), "nummod"),
            ("NOUN", Some(1), "obl"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[5].deprel, "obj");
        assert_eq!((out[2].head, out[2].deprel.as_str()), (Some(4), "advmod"));
        assert_eq!((out[3].head, out[3].deprel.as_str()), (Some(2), "fixed"));
    }

    #[test]
    fn an_object_under_a_time_oblique_moves_to_the_verb() {
        let words = ["They", "expelled", "on", "Monday", "100", "people"];
        let mut out = ann(&[
            ("PRON", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("ADP", Some(3), "case"),
            ("PROPN", Some(1), "obl"),
            ("NUM", Some(5), "nummod"),
            ("NOUN", Some(3), "obj"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[5].head, Some(1));
    }

    #[test]
    fn a_title_before_a_name_modifies_it() {
        let words = ["Opposition", "leader", "Maria", "Lopez", "resigned"];
        let mut out = ann(&[
            ("NOUN", Some(1), "compound"),
            ("NOUN", Some(4), "nsubj"),
            ("PROPN", Some(4), "nsubj"),
            ("PROPN", Some(2), "flat"),
            ("VERB", None, "root"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[1].head, out[1].deprel.as_str()), (Some(2), "compound"));
        assert_eq!(out[2].deprel, "nsubj");
    }

    #[test]
    fn a_day_before_the_subject_gives_it_back() {
        let words = ["On", "Tuesday", "the", "rebels", "announced", "a", "truce"];
        let mut out = ann(&[
            ("ADP", Some(1), "case"),
            ("PROPN", Some(4), "nsubj"),
            ("DET", Some(3), "det"),
            ("NOUN", Some(1), "flat"),
            ("VERB", None, "root"),
            ("DET", Some(6), "det"),
            ("NOUN", Some(4), "obj"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[3].head, out[3].deprel.as_str()), (Some(4), "nsubj"));
        assert_eq!((out[1].head, out[1].deprel.as_str()), (Some(4), "obl"));
        assert_eq!(out[2].head, Some(3));
    }

    #[test]
    fn a_clause_read_as_a_phrase_gets_its_verb_back() {
        let words = ["Police", "fired", "as", "thousands", "marched"];
        let mut out = ann(&[
            ("NOUN", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("ADP", Some(3), "case"),
            ("NOUN", Some(1), "obl"),
            ("VERB", Some(3), "acl"),
        ]);
        out[4].xpos = "VBD".into();
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[4].head, out[4].deprel.as_str()), (Some(1), "advcl"));
        assert_eq!((out[3].head, out[3].deprel.as_str()), (Some(4), "nsubj"));
        assert_eq!((out[2].head, out[2].deprel.as_str()), (Some(4), "mark"));
    }

    #[test]
    fn a_verb_under_its_conjunction_joins_the_main_verb() {
        let words = ["It", "said", "no", "but", "accused", "Kyiv"];
        let mut out = ann(&[
            ("PRON", Some(1), "nsubj"),
            ("VERB", None, "root"),
            ("INTJ", Some(1), "ccomp"),
            ("CCONJ", Some(1), "cc"),
            ("VERB", Some(3), "acl"),
            ("PROPN", Some(4), "xcomp"),
        ]);
        out[4].xpos = "VBD".into();
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[4].head, out[4].deprel.as_str()), (Some(1), "conj"));
        assert_eq!((out[3].head, out[3].deprel.as_str()), (Some(4), "cc"));
        assert_eq!(out[5].deprel, "obj");
    }

    #[test]
    fn a_noun_root_with_a_relative_clause_gets_its_verb_back() {
        let words = [
            "The", "ELN", ",", "which", "took", "arms", ",", "began", "talks", ".",
        ];
        let mut out = ann(&[
            ("DET", Some(1), "det"),
            ("PROPN", None, "root"),
            ("PUNCT", Some(4), "punct"),
            ("PRON", Some(4), "nsubj"),
            ("VERB", Some(1), "acl:relcl"),
            ("NOUN", Some(4), "obj"),
            ("PUNCT", Some(7), "punct"),
            ("VERB", Some(4), "conj"),
            ("NOUN", Some(7), "obj"),
            ("PUNCT", Some(1), "punct"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[7].head, None);
        assert_eq!(out[7].deprel, "root");
        assert_eq!((out[1].head, out[1].deprel.as_str()), (Some(7), "nsubj"));
        assert_eq!(out[9].head, Some(7));
        assert_eq!(out[4].head, Some(1));
    }

    #[test]
    fn split_entity_joins_its_main_token() {
        let words = ["Lt.", "Gen.", "Prosper", "Avril", "resigned"];
        let mut out = ann(&[
            ("PROPN", Some(4), "nsubj"),
            ("PROPN", Some(2), "nmod:desc"),
            ("PROPN", Some(4), "nsubj"),
            ("PROPN", Some(2), "flat"),
            ("VERB", None, "root"),
        ]);
        repair_tree(&words, &mut out, &[(0, 4)]);
        assert_eq!(out[0].head, Some(2));
        assert_eq!(out[0].deprel, "compound");
        assert_eq!(out[2].head, Some(4));
        assert_eq!(out[2].deprel, "nsubj");
    }

    #[test]
    fn entity_parts_under_different_words_stay() {
        let words = ["Paris", "and", "London", "met"];
        let mut out = ann(&[
            ("PROPN", Some(3), "nsubj"),
            ("CCONJ", Some(2), "cc"),
            ("PROPN", Some(0), "conj"),
            ("VERB", None, "root"),
        ]);
        let before = out.clone();
        repair_tree(&words, &mut out, &[(0, 3)]);
        assert_eq!(out, before);
    }

    #[test]
    fn unparsed_or_mismatched_input_is_untouched() {
        let words = ["today"];
        let mut out = ann(&[("NOUN", None, "")]);
        let before = out.clone();
        repair_tree(&words, &mut out, &[(0, 5)]);
        repair_tree(&["a", "b"], &mut out, &[]);
        assert_eq!(out, before);
    }

    #[test]
    fn appositions_after_a_known_as_name_are_the_subject() {
        let words = [
            "In",
            "addition",
            "to",
            "Karimi",
            ",",
            "who",
            "is",
            "known",
            "as",
            "Ahmad",
            ",",
            "the",
            "commander",
            ",",
            "Zahir",
            ",",
            "surrendered",
            ".",
        ];
        let mut out = ann(&[
            ("ADP", Some(1), "case"),
            ("NOUN", None, "root"),
            ("ADP", Some(3), "case"),
            ("PROPN", Some(1), "nmod"),
            ("PUNCT", Some(7), "punct"),
            ("PRON", Some(7), "nsubj:pass"),
            ("AUX", Some(7), "aux:pass"),
            ("VERB", Some(1), "acl:relcl"),
            ("ADP", Some(16), "case"),
            ("PROPN", Some(16), "nsubj"),
            ("PUNCT", Some(12), "punct"),
            ("DET", Some(12), "det"),
            ("NOUN", Some(9), "appos"),
            ("PUNCT", Some(14), "punct"),
            ("PROPN", Some(12), "appos"),
            ("PUNCT", Some(9), "punct"),
            ("VERB", Some(7), "obl"),
            ("PUNCT", Some(1), "punct"),
        ]);
        out[16].xpos = "VBD".into();
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[16].head, out[16].deprel.as_str()), (None, "root"));
        assert_eq!((out[1].head, out[1].deprel.as_str()), (Some(16), "obl"));
        assert_eq!((out[12].head, out[12].deprel.as_str()), (Some(16), "nsubj"));
        assert_eq!((out[14].head, out[14].deprel.as_str()), (Some(12), "appos"));
        assert_eq!((out[9].head, out[9].deprel.as_str()), (Some(7), "obl"));
        assert_eq!(out[8].head, Some(9));
        assert_eq!(out[17].head, Some(16));
    }

    #[test]
    fn a_known_as_name_before_a_verb_with_its_own_subject_is_left() {
        let words = [
            "Karimi", ",", "known", "as", "Ahmad", ",", "the", "man", ",", "he", "said", ".",
        ];
        let mut out = ann(&[
            ("PROPN", Some(10), "obj"),
            ("PUNCT", Some(2), "punct"),
            ("VERB", Some(0), "acl"),
            ("ADP", Some(4), "case"),
            ("PROPN", Some(2), "obl"),
            ("PUNCT", Some(7), "punct"),
            ("DET", Some(7), "det"),
            ("NOUN", Some(4), "appos"),
            ("PUNCT", Some(10), "punct"),
            ("PRON", Some(10), "nsubj"),
            ("VERB", None, "root"),
            ("PUNCT", Some(10), "punct"),
        ]);
        out[10].xpos = "VBD".into();
        let before = out.clone();
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out, before);
    }

    #[test]
    fn a_past_verb_hung_on_an_object_is_the_root() {
        let words = [
            "French",
            "jets",
            "using",
            "bombs",
            "killed",
            "six",
            "militants",
            ".",
        ];
        let mut out = ann(&[
            ("ADJ", Some(1), "amod"),
            ("NOUN", None, "root"),
            ("VERB", Some(1), "acl"),
            ("NOUN", Some(2), "obj"),
            ("VERB", Some(3), "acl"),
            ("NUM", Some(6), "nummod"),
            ("NOUN", Some(4), "obj"),
            ("PUNCT", Some(1), "punct"),
        ]);
        out[4].xpos = "VBD".into();
        repair_tree(&words, &mut out, &[]);
        assert_eq!((out[4].head, out[4].deprel.as_str()), (None, "root"));
        assert_eq!((out[1].head, out[1].deprel.as_str()), (Some(4), "nsubj"));
        assert_eq!(out[2].head, Some(1));
        assert_eq!(out[7].head, Some(4));
    }

    #[test]
    fn a_preposition_on_a_title_moves_to_the_name() {
        let words = ["met", "with", "President", "Macron"];
        let mut out = ann(&[
            ("VERB", None, "root"),
            ("ADP", Some(2), "case"),
            ("PROPN", Some(3), "nmod:desc"),
            ("PROPN", Some(0), "obl"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[1].head, Some(3));
    }

    #[test]
    fn a_span_of_time_before_a_clause_gives_the_subject_back() {
        let words = [
            "comes", "a", "week", "after", "40", "people", "were", "killed",
        ];
        let mut out = ann(&[
            ("VERB", None, "root"),
            ("DET", Some(2), "det"),
            ("NOUN", Some(7), "nsubj:pass"),
            ("ADP", Some(5), "case"),
            ("NUM", Some(5), "nummod"),
            ("NOUN", Some(2), "nmod"),
            ("AUX", Some(7), "aux:pass"),
            ("VERB", Some(0), "ccomp"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(
            (out[5].head, out[5].deprel.as_str()),
            (Some(7), "nsubj:pass")
        );
        assert_eq!((out[3].head, out[3].deprel.as_str()), (Some(7), "mark"));
        assert_eq!(
            (out[2].head, out[2].deprel.as_str()),
            (Some(7), "obl:unmarked")
        );
    }

    #[test]
    fn a_day_on_an_apposition_dates_the_verb() {
        // took charge in Kirkuk , the capital , from Friday
        let words = [
            "took", "charge", "in", "Kirkuk", ",", "the", "capital", ",", "from", "Friday",
        ];
        let mut out = ann(&[
            ("VERB", None, "root"),
            ("NOUN", Some(0), "obj"),
            ("ADP", Some(3), "case"),
            ("PROPN", Some(0), "obl"),
            ("PUNCT", Some(0), "punct"),
            ("DET", Some(6), "det"),
            ("NOUN", Some(4), "appos"),
            ("PUNCT", Some(9), "punct"),
            ("ADP", Some(9), "case"),
            ("PROPN", Some(6), "nmod"),
        ]);
        repair_tree(&words, &mut out, &[]);
        // The apposition hangs on the name, the day on the verb.
        assert_eq!(out[6].head, Some(3));
        assert_eq!((out[9].head, out[9].deprel.as_str()), (Some(0), "obl"));
    }

    #[test]
    fn a_day_on_an_event_noun_stays() {
        let words = ["condemned", "the", "attack", "on", "Friday"];
        let mut out = ann(&[
            ("VERB", None, "root"),
            ("DET", Some(2), "det"),
            ("NOUN", Some(0), "obj"),
            ("ADP", Some(4), "case"),
            ("PROPN", Some(2), "nmod"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[4].head, Some(2));
    }

    #[test]
    fn an_apposition_hung_on_a_verb_moves_to_the_noun_before_its_comma() {
        // hopes to meet the rebels , a group that …
        let words = ["hopes", "to", "meet", "the", "rebels", ",", "a", "group"];
        let mut out = ann(&[
            ("VERB", None, "root"),
            ("PART", Some(2), "mark"),
            ("VERB", Some(0), "xcomp"),
            ("DET", Some(4), "det"),
            ("NOUN", Some(2), "obj"),
            ("PUNCT", Some(7), "punct"),
            ("DET", Some(7), "det"),
            ("NOUN", Some(0), "appos"),
        ]);
        repair_tree(&words, &mut out, &[]);
        assert_eq!(out[7].head, Some(4));
    }
}
