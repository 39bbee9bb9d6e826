//! The syntax coder (first cut of issue 6): event triggers from the curated lexicon
//! (`resources/triggers/curated.jsonl`: verbs, event nouns, multiword verbs → PLOVER
//! category and mode, with argument frames), roles from the dependency parse (subject,
//! `by`-agent of a passive, object, prepositional obliques; possessives, compounds and
//! nationality adjectives of event nouns; the object of a control verb as the subject
//! of its complement: "forced the fighters to surrender"), actors from the actors layer,
//! negation and conditionals skipped, counts from number modifiers, the location from
//! the places layer. Needs the annotate layer; without it, it codes nothing.

pub mod lexicon;

use crate::draft::EventDraft;
use crate::explain::{Note, Verdict};
use crate::{Coded, Coder};
use article::{Article, Span};
use events::ActorRef;
use lexicon::{Lexicon, Pos};
use std::collections::HashMap;

/// The syntax coder.
#[derive(Debug)]
pub struct SyntaxCoder {
    lexicon: Lexicon,
    /// Agent nouns ("soldiers", "police officers", lowercased words) → sector. When
    /// set, a common noun is an actor only if it names people; when empty, every noun
    /// argument is taken.
    agents: HashMap<String, String>,
}

/// People nouns the Phoenix agent list lacks, with the sector they default to.
const PEOPLE_NOUNS: &[(&str, &str)] = &[
    ("people", "CVL"),
    ("person", "CVL"),
    ("persons", "CVL"),
    ("civilians", "CVL"),
    ("villagers", "CVL"),
    ("residents", "CVL"),
    ("children", "CVL"),
    ("women", "CVL"),
    ("men", "CVL"),
    ("worshippers", "CVL"),
    ("worshipers", "CVL"),
    ("churchgoers", "CVL"),
    ("pilgrims", "CVL"),
    ("shoppers", "CVL"),
    ("motorists", "CVL"),
    ("passengers", "CVL"),
    ("bystanders", "CVL"),
    ("tourists", "CVL"),
    ("families", "CVL"),
    ("farmers", "CVL"),
    ("others", ""),
    ("victims", "CVL"),
    ("hostages", "CVL"),
    ("gunmen", "UAF"),
    ("gunman", "UAF"),
    ("assailants", "UAF"),
    ("attackers", "UAF"),
    ("bomber", "UAF"),
    ("bombers", "UAF"),
    ("militants", "INS"),
    ("fighters", "UAF"),
    ("cadets", "MIL"),
    ("officers", "COP"),
    ("protesters", "OPP"),
    ("demonstrators", "OPP"),
    ("supporters", ""),
    ("members", ""),
    ("leaders", ""),
    ("officials", "GOV"),
    ("extremists", "UAF"),
    ("radicals", "UAF"),
    ("separatists", "REB"),
    ("guerrillas", "REB"),
    ("insurgents", "INS"),
    ("jihadists", "INS"),
    ("islamists", "UAF"),
    ("loyalists", ""),
    ("nationalists", ""),
    ("dissidents", "OPP"),
    ("activists", "OPP"),
    ("opponents", "OPP"),
    ("workers", "LAB"),
    ("teachers", "EDU"),
    ("journalists", "MED"),
    ("lawmakers", "LEG"),
    ("politicians", "GOV"),
    ("ministers", "GOV"),
    ("diplomats", "GOV"),
    ("inhabitants", "CVL"),
    ("prisoners", ""),
    ("detainees", ""),
    ("refugees", "REF"),
    ("migrants", "REF"),
    ("settlers", "CVL"),
    ("youths", "CVL"),
    ("elders", "CVL"),
    ("peacekeepers", "IGO"),
    ("observers", ""),
    ("monitors", ""),
    ("inspectors", ""),
    ("mediators", ""),
    ("negotiators", ""),
    ("candidates", ""),
    ("voters", "CVL"),
    // Weapons that stand for the forces using them ("Israeli tanks shelled").
    ("tanks", "MIL"),
    ("helicopters", "MIL"),
    ("warplanes", "MIL"),
    ("jets", "MIL"),
    ("aircraft", "MIL"),
    ("drones", "MIL"),
    ("warships", "MIL"),
    ("gunboats", "MIL"),
    ("artillery", "MIL"),
];

/// Words naming a time, never an actor.
const TEMPORAL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tonight",
];

/// Quantity nouns whose `of` phrase names the people counted ("dozens of students").
const QUANTITY_NOUNS: &[&str] = &[
    "dozen",
    "dozens",
    "score",
    "scores",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "number",
    "group",
    "some",
    "many",
    "most",
    "several",
    "all",
    "none",
    "each",
    "both",
    "majority",
    "handful",
    "rest",
];

/// Adverbs that make a clause habitual or generic: not one event.
const HABITUAL: &[&str] = &[
    "often",
    "regularly",
    "usually",
    "frequently",
    "routinely",
    "sometimes",
    "always",
    "typically",
    "generally",
    "normally",
];

/// Verbs whose complement has not happened (yet): wanted, planned, asked, promised,
/// refused ("vowed to go after those responsible").
const IRREALIS_HEADS: &[&str] = &[
    "want",
    "plan",
    "hope",
    "intend",
    "seek",
    "aim",
    "prepare",
    "propose",
    "consider",
    "wish",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "ask",
    "urge",
    "call",
    "demand",
    "order",
    "agree",
    "refuse",
    "decline",
    "offer",
    "need",
    "try",
    "attempt",
    "plot",
    "encourage",
    "invite",
    "appeal",
    "press",
    "push",
    "request",
    "warn",
    "allow",
    "fail",
    "expect",
];

/// Verbs whose complement of force is a threat ("vowed to fight", "is prepared to
/// impose martial law").
const PROMISING_HEADS: &[&str] = &[
    "vow", "swear", "pledge", "promise", "prepare", "warn", "threaten",
];

/// Nouns that count events ("a series of suicide attacks", "a wave of arrests").
const SERIES_NOUNS: &[&str] = &[
    "series", "wave", "spate", "string", "round", "barrage", "volley", "campaign", "number",
    "flurry", "surge", "rash",
];

/// Verbs that carry an event noun ("held talks", "launched an offensive").
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "carry",
    "conduct",
    "launch",
    "stage",
    "mount",
    "begin",
    "start",
    "resume",
    "renew",
    "continue",
    "open",
    "organize",
    "organise",
    "make",
    "wage",
    "engage",
    "participate",
    "join",
    "lead",
    "undertake",
    "step",
    "intensify",
    "escalate",
    "end",
    "sign",
    "reach",
    "announce",
    "declare",
    "impose",
    "give",
    "offer",
    "provide",
    "deliver",
    "issue",
    "lodge",
    "file",
];

/// Verbs of saying, under which `would` reports a `will`.
const SAYING: &[&str] = &[
    "say", "announce", "tell", "state", "declare", "confirm", "insist", "add", "report", "warn",
    "claim", "indicate", "signal",
];

/// Verbs that raise their complement's subject ("the strike is believed to have
/// killed 100", "appeared to target").
const RAISING: &[&str] = &[
    "believe",
    "say",
    "report",
    "think",
    "expect",
    "appear",
    "seem",
    "understand",
    "know",
    "allege",
    "suspect",
    "estimate",
    "claim",
];

/// Nouns of wrongdoing that stand for the one who did it when condemned or blamed
/// ("condemned the violations by Haftar forces").
const OFFENCE_NOUNS: &[&str] = &[
    "violation",
    "crime",
    "abuse",
    "atrocity",
    "act",
    "massacre",
    "incident",
];

/// Verbs of an `acl` on an event noun that name its perpetrator ("an attack blamed on
/// the ELN", "an airstrike carried out by the military").
const PERPETRATOR_VERBS: &[&str] = &[
    "blame",
    "carry",
    "claim",
    "conduct",
    "launch",
    "stage",
    "perpetrate",
    "commit",
    "attribute",
];

impl SyntaxCoder {
    /// A coder over a trigger lexicon.
    pub fn new(lexicon: Lexicon) -> Self {
        SyntaxCoder {
            lexicon,
            agents: HashMap::new(),
        }
    }

    /// Adds agent nouns (lowercased phrase → sector) and the built-in people nouns;
    /// from then on a common-noun argument must name people to be an actor.
    pub fn with_agents(mut self, agents: impl IntoIterator<Item = (String, String)>) -> Self {
        self.agents.extend(agents);
        for (w, sector) in PEOPLE_NOUNS {
            self.agents
                .entry((*w).to_string())
                .or_insert_with(|| (*sector).to_string());
        }
        // Singular and plural of each single word ("attacker" / "attackers").
        let words: Vec<(String, String)> = self
            .agents
            .iter()
            .filter(|(k, _)| !k.contains(' ') && k.len() > 3)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in words {
            let other = match k.strip_suffix('s') {
                Some(stem) if !k.ends_with("ss") => stem.to_string(),
                _ => format!("{k}s"),
            };
            self.agents.entry(other).or_insert(v);
        }
        self
    }

    /// The sector of a common-noun phrase `from..=head` when it names people: the
    /// longest agent phrase ending at the head, or the head's lemma. `None` when agent
    /// nouns are loaded and none fits; `Some("")` when none are loaded.
    fn people_sector(&self, tree: &Tree<'_>, from: usize, head: usize) -> Option<String> {
        if self.agents.is_empty() {
            return Some(String::new());
        }
        for start in from..=head {
            let phrase: Vec<String> = (start..=head)
                .map(|i| tree.word(i).to_lowercase())
                .collect();
            if let Some(s) = self.agents.get(&phrase.join(" ")) {
                return Some(s.clone());
            }
        }
        if let Some(s) = self.agents.get(&tree.lemma(head)) {
            return Some(s.clone());
        }
        // "fundamentalists", "Islamists", "Palestinians": these endings name people.
        let w = tree.word(head).to_lowercase();
        if ["ists", "ians", "ist", "ian"]
            .iter()
            .any(|e| w.ends_with(e))
            && w.len() > 5
        {
            return Some(String::new());
        }
        // "a refugee agency", "government positions": a people word modifying the noun.
        (from..head)
            .filter(|&x| matches!(tree.rel(x), "compound" | "amod"))
            .find_map(|x| self.agents.get(&tree.word(x).to_lowercase()).cloned())
    }

    /// The material-conflict trigger of an event noun at `n`, if it is one.
    fn event_noun(&self, tree: &Tree<'_>, n: usize) -> Option<&lexicon::Trigger> {
        if tree.ann(n).upos != "NOUN" {
            return None;
        }
        let child_lemmas: Vec<String> = tree.children[n].iter().map(|&c| tree.lemma(c)).collect();
        self.lexicon.find(&tree.lemma(n), Pos::Noun, &child_lemmas)
    }

    /// Who did what the noun at `n` names: its possessive, nationality, `by`/`from`
    /// phrase, or the agent of a perpetrator clause on it ("blamed on the ELN").
    fn perpetrators(&self, tree: &Tree<'_>, n: usize) -> Vec<usize> {
        let mut labels: Vec<String> = match self.event_noun(tree, n) {
            Some(t) => t.actor.clone(),
            None => vec!["poss".into(), "amod_nationality".into(), "compound".into()],
        };
        labels.extend([
            "nmod:from".to_string(),
            "nmod:by".to_string(),
            "obl:by".to_string(),
        ]);
        let mut out = Self::arguments(tree, n, &labels, false);
        for &c in &tree.children[n] {
            if tree.rel(c).starts_with("acl") && PERPETRATOR_VERBS.contains(&tree.lemma(c).as_str())
            {
                for &x in &tree.children[c] {
                    let rel = tree.rel(x);
                    if rel.starts_with("obl")
                        && matches!(tree.case(x).as_deref(), Some("by" | "on" | "to"))
                    {
                        out.push(x);
                    }
                }
            }
        }
        out
    }

    /// True when the noun at `n` names an attack or a wrong (so it stands for its doer).
    fn is_deed(&self, tree: &Tree<'_>, n: usize) -> bool {
        tree.ann(n).upos == "NOUN"
            && (self.event_noun(tree, n).is_some_and(|t| {
                matches!(
                    t.category,
                    events::Category::Assault | events::Category::Coerce
                )
            }) || OFFENCE_NOUNS.contains(&tree.lemma(n).as_str()))
    }
}

/// One sentence's parse as child lists.
struct Tree<'a> {
    article: &'a Article,
    /// Index of the actor mention covering each article token.
    mention_at: &'a [Option<usize>],
    start: usize,
    len: usize,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(
        article: &'a Article,
        mention_at: &'a [Option<usize>],
        sentence: &article::Sentence,
    ) -> Option<Tree<'a>> {
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        if article.annotations.len() < end {
            return None;
        }
        let len = end - start;
        let mut children = vec![Vec::new(); len];
        for i in 0..len {
            if let Some(h) = article.annotations[start + i].head {
                if h < len && h != i {
                    children[h].push(i);
                }
            }
        }
        Some(Tree {
            article,
            mention_at,
            start,
            len,
            children,
        })
    }
    fn ann(&self, i: usize) -> &article::TokenAnnotation {
        &self.article.annotations[self.start + i]
    }
    fn lemma(&self, i: usize) -> String {
        self.ann(i).lemma.to_lowercase()
    }
    fn rel(&self, i: usize) -> &str {
        self.ann(i).deprel.as_str()
    }
    fn word(&self, i: usize) -> &str {
        self.article.slice(self.article.tokens[self.start + i].span)
    }
    fn span(&self, from: usize, to: usize) -> Span {
        let a = self.article.tokens[self.start + from].span;
        let b = self.article.tokens[self.start + to].span;
        Span::new(a.start, b.end.max(a.start))
    }
    /// True when the actors layer covers token `i`.
    fn known(&self, i: usize) -> bool {
        self.mention(i).is_some()
    }

    /// The actor mention covering token `i` of the sentence.
    fn mention(&self, i: usize) -> Option<&'a article::ActorMention> {
        let m = self.mention_at.get(self.start + i).copied().flatten()?;
        self.article.actor_mentions.get(m)
    }

    /// The case marker (preposition) of a nominal.
    fn case(&self, i: usize) -> Option<String> {
        self.children[i]
            .iter()
            .find(|&&c| self.rel(c) == "case")
            .map(|&c| self.lemma(c))
    }
    /// True when a child relation of `t` matches a frame label.
    fn matches(&self, c: usize, label: &str) -> bool {
        let rel = self.rel(c);
        let case = || self.case(c);
        match label {
            "nsubj" => rel == "nsubj",
            "nsubj:pass" => rel == "nsubj:pass",
            "agent" | "obl:by" => {
                rel == "obl:agent" || (rel.starts_with("obl") && case().as_deref() == Some("by"))
            }
            "obj" => rel == "obj",
            "iobj" => rel == "iobj",
            "poss" => rel == "nmod:poss",
            "compound" => rel == "compound" && self.ann(c).upos == "PROPN",
            "amod_nationality" => {
                rel == "amod" && self.word(c).chars().next().is_some_and(char::is_uppercase)
            }
            l => match l.split_once(':') {
                Some(("obl", p)) => rel.starts_with("obl") && case().as_deref() == Some(p),
                Some(("nmod", p)) => {
                    rel.starts_with("nmod") && rel != "nmod:poss" && case().as_deref() == Some(p)
                }
                _ => false,
            },
        }
    }
}

/// Words that cancel an event when they modify its trigger.
const NEGATION: &[&str] = &["not", "never", "n't", "no"];

/// Number words.
fn number(word: &str) -> Option<u64> {
    let w = word.to_lowercase().replace(',', "");
    if let Ok(n) = w.parse::<u64>() {
        return Some(n);
    }
    Some(match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" | "dozens" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" | "scores" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" | "hundreds" => 100,
        "thousand" | "thousands" => 1000,
        "million" | "millions" => 1_000_000,
        _ => return None,
    })
}

/// Plain inflection strips of a verb form ("rioted" → "riot", "riote"; "shelling" →
/// "shell", "shelle"; "stopped" → "stop").
fn verb_stems(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["ed", "ing", "es", "s", "d"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() < 2 {
                continue;
            }
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            let b = stem.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                out.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    out
}

/// The value of a number phrase: its NUM token with the NUM tokens around it ("Two
/// hundred", "1,000", "three thousand"); multipliers multiply.
fn number_at(tree: &Tree<'_>, i: usize) -> Option<u64> {
    let num = |x: usize| tree.ann(x).upos == "NUM" || number(tree.word(x)).is_some();
    let (mut from, mut to) = (i, i);
    while from > 0 && tree.ann(from - 1).upos == "NUM" {
        from -= 1;
    }
    while to + 1 < tree.len && tree.ann(to + 1).upos == "NUM" {
        to += 1;
    }
    if !num(i) {
        return None;
    }
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    for x in from..=to {
        let w = tree.word(x).to_lowercase();
        let n = number(&w)?;
        match w.as_str() {
            "hundred" | "hundreds" => current = current.max(1).saturating_mul(100),
            "thousand" | "thousands" => {
                total = total.saturating_add(current.max(1).saturating_mul(1000));
                current = 0;
            }
            "million" | "millions" => {
                total = total.saturating_add(current.max(1).saturating_mul(1_000_000));
                current = 0;
            }
            _ => current = current.saturating_add(n),
        }
    }
    Some(total.saturating_add(current))
}

impl SyntaxCoder {
    /// The argument tokens of `t` for one side of the frame (coordination expanded).
    fn arguments(tree: &Tree<'_>, t: usize, labels: &[String], passive: bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut subject_seen = false;
        for &c in &tree.children[t] {
            // One subject per clause: a second one is a parse error ("positions in
            // Nangarhar Province have been battered" with two passive subjects).
            let subject = tree.rel(c).starts_with("nsubj");
            if subject && subject_seen {
                continue;
            }
            let hit = labels.iter().any(|l| {
                if passive && l == "nsubj" {
                    return false;
                }
                tree.matches(c, l)
            });
            if hit {
                subject_seen |= subject;
                // "the other commander, Maulavi Habib ul-Rahman,": the named apposition.
                let named = tree.children[c]
                    .iter()
                    .copied()
                    .find(|&x| tree.rel(x) == "appos" && tree.known(x));
                out.push(named.unwrap_or(c));
                for &cc in &tree.children[c] {
                    if tree.rel(cc) == "conj" {
                        out.push(cc);
                    }
                }
            }
        }
        out
    }

    /// The subject a subjectless verb shares with the clause it depends on: climbing
    /// `advcl`, `conj` and `xcomp` links, the object of a control verb first, the
    /// passive subject of a raising verb ("is believed to have"), the agent of another
    /// passive, the noun a reduced relative modifies.
    fn inherited_subject(tree: &Tree<'_>, t: usize) -> Vec<usize> {
        let own = |x: usize| {
            tree.children[x]
                .iter()
                .any(|&c| tree.rel(c).starts_with("nsubj") || tree.rel(c) == "csubj")
        };
        if own(t) {
            return Vec::new();
        }
        let mut cur = t;
        for _ in 0..4 {
            let rel = tree.rel(cur).to_string();
            if !matches!(rel.as_str(), "advcl" | "conj" | "xcomp" | "parataxis") {
                break;
            }
            let Some(h) = tree.ann(cur).head.filter(|&h| h < tree.len) else {
                break;
            };
            // A verb, or a predicate adjective or noun ("he was successful, overrunning").
            let predicate = tree.children[h].iter().any(|&c| tree.rel(c) == "cop");
            if !matches!(tree.ann(h).upos.as_str(), "VERB" | "AUX") && !predicate {
                break;
            }
            // "ordered the military to wipe out X after the explosions, killing 22":
            // a clause hanging on an unrealized complement shares nothing with it.
            if rel != "xcomp" && tree.rel(h) == "xcomp" {
                let hh = tree.ann(h).head.filter(|&x| x < tree.len);
                if hh.is_some_and(|x| IRREALIS_HEADS.contains(&tree.lemma(x).as_str())) {
                    return Vec::new();
                }
            }
            if rel == "xcomp" {
                let obj = Self::arguments(tree, h, &["obj".to_string()], false);
                if !obj.is_empty() {
                    return obj;
                }
            }
            let subject = Self::arguments(tree, h, &["nsubj".to_string()], false);
            if !subject.is_empty() {
                return subject;
            }
            let head_passive = tree.children[h]
                .iter()
                .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass"));
            if head_passive {
                if rel == "xcomp" && RAISING.contains(&tree.lemma(h).as_str()) {
                    return Self::arguments(tree, h, &["nsubj:pass".to_string()], false);
                }
                return Self::arguments(tree, h, &["agent".to_string()], true);
            }
            if tree.rel(h) == "acl" {
                return tree.ann(h).head.filter(|&n| n < h).into_iter().collect();
            }
            cur = h;
        }
        Vec::new()
    }

    /// The place a trigger (or its complement: "threatened to impose a curfew in
    /// Algiers") is said to happen in or be aimed at, as a recipient.
    fn place_target(tree: &Tree<'_>, t: usize) -> Option<(ActorRef, Option<Span>)> {
        let a = tree.article;
        let heads: Vec<usize> = std::iter::once(t)
            .chain(
                tree.children[t]
                    .iter()
                    .copied()
                    .filter(|&c| matches!(tree.rel(c), "xcomp" | "obj")),
            )
            .collect();
        for h in heads {
            for &c in &tree.children[h] {
                let rel = tree.rel(c);
                if !(rel.starts_with("obl") || rel.starts_with("nmod"))
                    || !matches!(
                        tree.case(c).as_deref(),
                        Some("in" | "to" | "on" | "against")
                    )
                {
                    continue;
                }
                let here = a.tokens[tree.start + c].span;
                let Some(m) = a.places.iter().find(|m| {
                    m.kind == article::PlaceMentionKind::Toponym
                        && m.span.start <= here.start
                        && here.end <= m.span.end
                }) else {
                    continue;
                };
                let place = crate::location::place_ref(a, m)?;
                return Some((
                    ActorRef {
                        name: place.name.clone(),
                        text: Some(a.slice(m.span).to_string()),
                        ..Default::default()
                    },
                    Some(m.span),
                ));
            }
        }
        None
    }

    /// Words of relative clauses, appositions and asides that do not hold the trigger
    /// `t` (their time words date something else).
    fn other_clauses(tree: &Tree<'_>, t: usize) -> Vec<bool> {
        let mut foreign = vec![false; tree.len];
        let ancestors: Vec<usize> = {
            let mut v = vec![t];
            let mut x = t;
            while let Some(h) = tree
                .ann(x)
                .head
                .filter(|&h| h < tree.len && !v.contains(&h))
            {
                v.push(h);
                x = h;
            }
            v
        };
        for c in 0..tree.len {
            if matches!(tree.rel(c), "acl:relcl" | "appos" | "parataxis") && !ancestors.contains(&c)
            {
                let mut stack = vec![c];
                while let Some(x) = stack.pop() {
                    if !foreign[x] {
                        foreign[x] = true;
                        stack.extend(tree.children[x].iter().copied());
                    }
                }
            }
        }
        foreign
    }

    /// When the frame finds no recipient: the subject of a "that" clause ("demanded
    /// that Hamas renounce"), else the first prepositional argument that is a known
    /// actor ("granted asylum to five Panamanian army officers").
    fn fallback_recipient(tree: &Tree<'_>, t: usize) -> Vec<usize> {
        let known = |c: usize| tree.known(c);
        for &c in &tree.children[t] {
            if tree.rel(c) == "ccomp" {
                if let Some(&s) = tree.children[c].iter().find(|&&x| tree.rel(x) == "nsubj") {
                    if known(s) {
                        return vec![s];
                    }
                }
            }
        }
        let mut nominals: Vec<usize> = tree.children[t]
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "obj")
            .flat_map(|o| tree.children[o].clone())
            .chain(tree.children[t].iter().copied())
            .filter(|&c| {
                let rel = tree.rel(c);
                (rel.starts_with("obl") || rel.starts_with("nmod"))
                    && matches!(
                        tree.case(c).as_deref(),
                        Some("to" | "with" | "against" | "on" | "from" | "in" | "by" | "of")
                    )
            })
            .collect();
        nominals.sort_unstable();
        let found: Vec<usize> = nominals.into_iter().filter(|&c| known(c)).take(1).collect();
        if !found.is_empty() {
            return found;
        }
        // Last resort, as TABARI: the first known actor after the trigger in its clause
        // (not past a clause boundary: ";", "but", a second finite verb's subject).
        let mut u = t + 1;
        while u < tree.len {
            let w = tree.word(u);
            if matches!(w, ";" | "," | "but") || tree.rel(u) == "nsubj" && !known(u) {
                break;
            }
            if known(u) {
                return vec![u];
            }
            u += 1;
        }
        Vec::new()
    }

    /// The actor reference of an argument head: the actors layer, else the phrase.
    fn actor_ref(&self, tree: &Tree<'_>, head: usize) -> Option<(ActorRef, Span)> {
        self.argument_ref(tree, head, false)
    }

    /// The reference of an argument head; with `things`, a common noun that names no
    /// people still counts (the target of an attack: "a refugee agency", "positions").
    fn argument_ref(&self, tree: &Tree<'_>, head: usize, things: bool) -> Option<(ActorRef, Span)> {
        let a = tree.article;
        let g = tree.start + head;
        if let Some(m) = tree.mention(head) {
            let actor = a.actors.get(m.actor)?;
            // The text is the whole noun phrase the name heads: "Pakistan President
            // Mohammad Zia-Ul-Haq", "Arab League Secretary-General Chedli Klibi".
            let first = m.tokens.start.saturating_sub(tree.start);
            let last = (m.tokens.end.saturating_sub(tree.start)).min(tree.len);
            let mut from = first;
            let mut stack: Vec<usize> = (first..last).collect();
            while let Some(x) = stack.pop() {
                for &c in &tree.children[x] {
                    if c < from && matches!(tree.rel(c), "compound" | "amod" | "flat" | "nmod:desc")
                    {
                        from = c;
                        stack.push(c);
                    }
                }
            }
            let whole = Span::new(tree.span(from, from).start.min(m.span.start), m.span.end);
            return Some((
                ActorRef {
                    name: actor.name.clone(),
                    text: Some(a.slice(whole).to_string()),
                    country: actor.country.clone(),
                    agent: actor.sector.clone(),
                    code: None,
                    span: None,
                    aliases: actor.aliases.clone(),
                },
                m.span,
            ));
        }
        let upos = tree.ann(head).upos.as_str();
        if upos == "PRON" {
            let lemma = tree.lemma(head);
            // "a former Taliban leader who had switched sides": the relative pronoun is
            // the noun the clause modifies, or that noun's subject when it is a predicate.
            if matches!(lemma.as_str(), "who" | "which" | "that") {
                let clause = tree.ann(head).head?;
                if tree.rel(clause) == "acl:relcl" {
                    let noun = tree.ann(clause).head.filter(|&n| n < tree.len)?;
                    let subject = tree.children[noun]
                        .iter()
                        .copied()
                        .find(|&c| tree.rel(c) == "nsubj");
                    return self.actor_ref(tree, subject.unwrap_or(noun));
                }
                return None;
            }
            // "its attacks", "their positions": the most recent organization actor within
            // two sentences.
            if matches!(lemma.as_str(), "its" | "their" | "it" | "they") {
                let here = tree.article.tokens[g].span.start;
                let floor = tree
                    .article
                    .sentences
                    .iter()
                    .position(|s| s.span.end > here)?;
                let floor = tree.article.sentences[floor.saturating_sub(2)].span.start;
                let before = a.actor_mentions.partition_point(|m| m.span.start < here);
                let window = || {
                    a.actor_mentions[..before]
                        .iter()
                        .rev()
                        .take_while(|m| m.span.start >= floor)
                        .filter(|m| m.span.end <= here)
                };
                let kind = |m: &article::ActorMention| a.actors.get(m.actor).map(|x| x.kind);
                // An organization first; else any group or country ("the government
                // said it would").
                let m = window()
                    .find(|m| kind(m) == Some(article::ActorKind::Organization))
                    .or_else(|| {
                        window().find(|m| kind(m).is_some_and(|k| k != article::ActorKind::Person))
                    })?;
                let actor = a.actors.get(m.actor)?;
                return Some((
                    ActorRef {
                        name: actor.name.clone(),
                        text: Some(tree.word(head).to_string()),
                        country: actor.country.clone(),
                        agent: actor.sector.clone(),
                        aliases: actor.aliases.clone(),
                        ..Default::default()
                    },
                    tree.span(head, head),
                ));
            }
            // "he", "his": the person last named as a subject within two sentences.
            if matches!(lemma.as_str(), "he" | "she") {
                let here = tree.article.tokens[g].span.start;
                let k = a.sentences.iter().position(|s| s.span.end > here)?;
                let floor = a.sentences[k.saturating_sub(2)].span.start;
                let before = a.actor_mentions.partition_point(|m| m.span.start < here);
                let m = a.actor_mentions[..before]
                    .iter()
                    .rev()
                    .take_while(|m| m.span.start >= floor)
                    .filter(|m| m.span.end <= here)
                    .find(|m| {
                        a.actors
                            .get(m.actor)
                            .is_some_and(|x| x.kind == article::ActorKind::Person)
                            && m.tokens.clone().any(|t| {
                                a.annotations
                                    .get(t)
                                    .is_some_and(|x| x.deprel.starts_with("nsubj"))
                            })
                    })?;
                let actor = a.actors.get(m.actor)?;
                return Some((
                    ActorRef {
                        name: actor.name.clone(),
                        text: Some(tree.word(head).to_string()),
                        country: actor.country.clone(),
                        agent: actor.sector.clone(),
                        aliases: actor.aliases.clone(),
                        ..Default::default()
                    },
                    tree.span(head, head),
                ));
            }
            if !QUANTITY_NOUNS.contains(&lemma.as_str()) {
                return None;
            }
        }
        // "dozens of students", "20 of them", "some of the fighters": the people counted.
        let quantity = upos == "NUM"
            || upos == "DET"
            || upos == "PRON"
            || (upos == "NOUN" && QUANTITY_NOUNS.contains(&tree.lemma(head).as_str()));
        if quantity {
            let of = tree.children[head].iter().copied().find(|&c| {
                tree.rel(c).starts_with("nmod") && tree.case(c).as_deref() == Some("of")
            });
            return of.and_then(|c| self.argument_ref(tree, c, things));
        }
        let lower = tree.word(head).to_lowercase();
        if TEMPORAL.contains(&lower.as_str()) {
            return None;
        }
        // A place below country level after a locative preposition is where, not who
        // ("airlifted to Zamboanga City"); as a subject it may stand for its
        // government ("Washington demanded").
        let here = tree.article.tokens[g].span;
        let locative = matches!(
            tree.case(head).as_deref(),
            Some("in" | "at" | "to" | "into" | "near" | "from" | "outside" | "inside" | "across")
        );
        if upos == "PROPN"
            && locative
            && a.places.iter().any(|p| {
                p.span.start <= here.start
                    && here.end <= p.span.end
                    && p.kind == article::PlaceMentionKind::Toponym
                    && p.place
                        .as_ref()
                        .is_some_and(|x| x.precision != article::Precision::Country)
            })
        {
            return None;
        }
        // "Haiti's efforts", "the withdrawal of Serbian forces": a common noun stands for
        // the actor attached to it, when that one is a known actor.
        if upos == "NOUN" {
            for &c in &tree.children[head] {
                let rel = tree.rel(c);
                let of = rel.starts_with("nmod")
                    && (rel == "nmod:poss" || tree.case(c).as_deref() == Some("of"));
                let owner_pronoun = rel == "nmod:poss"
                    && matches!(tree.word(c).to_lowercase().as_str(), "its" | "their")
                    && self.people_sector(tree, head, head).is_none();
                if of
                    && (owner_pronoun
                        || a.actor_mentions
                            .iter()
                            .any(|m| m.tokens.contains(&(tree.start + c))))
                {
                    if let Some(found) = self.actor_ref(tree, c) {
                        return Some(found);
                    }
                }
            }
        }
        // The head with its compounds, adjectives and flat names on the left.
        let mut from = head;
        for &c in &tree.children[head] {
            if c < from && matches!(tree.rel(c), "compound" | "amod" | "flat" | "nmod:poss") {
                from = c;
            }
        }
        let mut to = head;
        for &c in &tree.children[head] {
            if c > to && tree.rel(c) == "flat" {
                to = c;
            }
        }
        // "the Islamic State fighters", "Taliban commanders": members stand for the
        // group that modifies them.
        if upos == "NOUN" {
            if let Some(x) = (from..head).find(|&x| tree.known(x)) {
                if let Some((mut r, named)) = self.actor_ref(tree, x) {
                    let phrase = tree.span(from, head);
                    let whole = Span::new(named.start.min(phrase.start), phrase.end);
                    // The text is the whole phrase ("Irish nationalist guerrillas").
                    r.text = Some(a.slice(whole).to_string());
                    return Some((r, whole));
                }
            }
        }
        // A common noun is an actor only when it names people ("civilians", "police
        // officers"), not things or acts ("power", "a statement", "the attack").
        let agent = if upos == "PROPN" {
            None
        } else {
            match self.people_sector(tree, from, head) {
                Some(sector) => (!sector.is_empty()).then_some(sector),
                None if things => None,
                None => return None,
            }
        };
        let span = tree.span(from, to);
        let text = a.slice(span).to_string();
        Some((
            ActorRef {
                name: text.clone(),
                text: Some(text),
                agent,
                ..Default::default()
            },
            span,
        ))
    }

    fn code_sentence(
        &self,
        article: &Article,
        mention_at: &[Option<usize>],
        k: usize,
        out: &mut Vec<EventDraft>,
        notes: &mut Vec<Note>,
    ) {
        let s = &article.sentences[k];
        let Some(tree) = Tree::new(article, mention_at, s) else {
            return;
        };
        let first = out.len();
        // Words a multiword trigger used ("talks" of "held talks"): not triggers again.
        let mut consumed: Vec<usize> = Vec::new();
        for t in 0..tree.len {
            let upos = tree.ann(t).upos.as_str();
            let pos = match upos {
                "VERB" => Pos::Verb,
                "NOUN" => Pos::Noun,
                _ => continue,
            };
            let lemma = tree.lemma(t);
            // Dependents' lemmas, with the prepositions of the verb's obliques ("called
            // on the UN to", "opened fire on").
            let mut child_lemmas: Vec<String> =
                tree.children[t].iter().map(|&c| tree.lemma(c)).collect();
            if pos == Pos::Verb {
                // A particle right after the verb, however parsed ("handed over 700 kg").
                if t + 1 < tree.len
                    && matches!(tree.ann(t + 1).upos.as_str(), "ADP" | "ADV" | "PART")
                {
                    child_lemmas.push(tree.lemma(t + 1));
                }
                for &c in &tree.children[t] {
                    let rel = tree.rel(c);
                    if rel.starts_with("obl") {
                        child_lemmas.extend(tree.case(c));
                    }
                    // "eased emergency measures", "lift the state of emergency": the
                    // object's compounds and `of` noun.
                    if rel == "obj" {
                        for &x in &tree.children[c] {
                            let r = tree.rel(x);
                            if r == "compound"
                                || r.starts_with("nmod") && tree.case(x).as_deref() == Some("of")
                            {
                                child_lemmas.push(tree.lemma(x));
                            }
                        }
                    }
                    // "captured four of Haftar's forces": the counted noun too.
                    let counted = matches!(tree.ann(c).upos.as_str(), "NUM" | "DET" | "PRON")
                        || QUANTITY_NOUNS.contains(&tree.lemma(c).as_str())
                        || SERIES_NOUNS.contains(&tree.lemma(c).as_str());
                    if matches!(rel, "obj" | "nsubj:pass") && counted {
                        for &x in &tree.children[c] {
                            if tree.rel(x).starts_with("nmod")
                                && tree.case(x).as_deref() == Some("of")
                            {
                                child_lemmas.push(tree.lemma(x));
                            }
                        }
                    }
                }
            }
            // (When the lemmatizer guessed wrong — "rioted" → "riote" — the form's
            // plain inflection strips are tried too.)
            let found = self.lexicon.find(&lemma, pos, &child_lemmas).or_else(|| {
                (pos == Pos::Verb)
                    .then(|| verb_stems(&tree.word(t).to_lowercase()))
                    .into_iter()
                    .flatten()
                    .find_map(|stem| self.lexicon.find(&stem, pos, &child_lemmas))
            });
            let Some(trigger) = found else {
                continue;
            };
            if consumed.contains(&t) {
                continue;
            }
            if pos == Pos::Verb && !trigger.with.is_empty() {
                consumed.extend(
                    tree.children[t]
                        .iter()
                        .copied()
                        .filter(|&c| trigger.with.contains(&tree.lemma(c))),
                );
            }
            macro_rules! skip {
                ($why:expr) => {{
                    notes.push(Note {
                        sentence: k,
                        trigger: tree.span(t, t),
                        rule: trigger.rule.clone(),
                        category: trigger.category,
                        verdict: Verdict::Skipped($why),
                    });
                    continue;
                }};
            }
            // A noun event as a copular predicate ("it was the deadliest bombing")
            // describes one already told.
            // (Not "has been under attack": a preposition makes it a state.)
            // (Also "it appeared to be the deadliest bombing": a superlative says it.)
            if pos == Pos::Noun
                && tree.children[t].iter().any(|&c| tree.rel(c) == "cop")
                && !tree.children[t].iter().any(|&c| tree.rel(c) == "case")
                && tree.children[t].iter().any(|&c| {
                    tree.rel(c).starts_with("nsubj")
                        && (tree.ann(c).upos == "PRON" || self.is_deed(&tree, c))
                        || tree.rel(c) == "amod" && tree.ann(c).xpos == "JJS"
                })
            {
                skip!("a copular noun describing an event told before");
            }
            let head_of_t = tree.ann(t).head.filter(|&h| h < tree.len);
            let mut overridden: Option<events::Category> = None;
            let material = matches!(
                trigger.category,
                events::Category::Assault
                    | events::Category::Coerce
                    | events::Category::Sanction
                    | events::Category::Mobilize
            );
            // What is asked, wanted, planned or refused ("urged Santos to set a date",
            // "calling on all sides to lift sieges") has not happened; force vowed or
            // prepared ("have sworn to fight") is a threat.
            let infinitive = tree.children[t]
                .iter()
                .any(|&c| tree.rel(c) == "mark" && tree.lemma(c) == "to");
            if matches!(tree.rel(t), "xcomp" | "ccomp") || tree.rel(t) == "advcl" && infinitive {
                if let Some(h) = head_of_t {
                    let head_lemma = tree.lemma(h);
                    use events::Category as C;
                    let cooperative = matches!(
                        trigger.category,
                        C::Agree | C::Support | C::Concede | C::Cooperate | C::Aid | C::Consult
                    );
                    if material && PROMISING_HEADS.contains(&head_lemma.as_str()) {
                        overridden = Some(C::Threaten);
                    } else if material && matches!(head_lemma.as_str(), "attempt" | "try") {
                        // An attempted attack is an attack (PLOVER codes the attempt).
                    } else if cooperative && head_lemma == "fail" {
                        // "failed to reach agreement": a refusal.
                        overridden = Some(C::Reject);
                    } else if IRREALIS_HEADS.contains(&head_lemma.as_str()) {
                        skip!(
                            "the complement of a wanting/asking/planning verb: not (yet) happened"
                        );
                    }
                }
            }
            // "said they would boycott": `would` under a verb of saying is a reported
            // `will`; other modals leave the act only possible.
            let reported = head_of_t.is_some_and(|h| SAYING.contains(&tree.lemma(h).as_str()))
                && matches!(tree.rel(t), "ccomp" | "parataxis");
            let mut future = false;
            let mut possible = false;
            for &c in &tree.children[t] {
                if tree.rel(c) != "aux" {
                    continue;
                }
                match tree.lemma(c).as_str() {
                    "will" | "shall" => future = true,
                    "would" if reported => future = true,
                    "could" | "would" | "might" | "may" | "should" | "can" => possible = true,
                    _ => {}
                }
            }
            if possible {
                skip!("a modal (could, would, may, might, should, can): only possible");
            }
            // Conditional: not an event. Negated: not an event, except that refusing to
            // cooperate ("will not accept refugees", "did not agree") is a REJECT.
            if tree.children[t]
                .iter()
                .any(|&c| tree.rel(c) == "mark" && tree.lemma(c) == "if")
            {
                skip!("conditional");
            }
            if tree.children[t].iter().any(|&c| {
                (tree.rel(c) == "advmod" || tree.rel(c) == "det")
                    && NEGATION.contains(&tree.lemma(c).as_str())
            }) {
                use events::Category as C;
                match trigger.category {
                    C::Agree | C::Support | C::Concede | C::Cooperate | C::Aid | C::Consult => {
                        overridden = Some(C::Reject);
                        future = false;
                    }
                    _ => skip!("negated"),
                }
            }
            // Habitual or generic ("the ADF regularly kill civilians"): not one event.
            if tree.children[t]
                .iter()
                .any(|&c| tree.rel(c) == "advmod" && HABITUAL.contains(&tree.lemma(c).as_str()))
            {
                skip!("habitual or generic (often, regularly, usually …)");
            }
            let passive = tree.children[t]
                .iter()
                .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass"));
            // Event nouns: "attacks from X", "strikes by X" name the attacker too.
            let mut actor_labels = trigger.actor.clone();
            if pos == Pos::Noun {
                actor_labels.extend(["nmod:from".to_string(), "nmod:by".to_string()]);
            }
            let mut actors = Self::arguments(&tree, t, &actor_labels, passive);
            let mut recipients = Self::arguments(&tree, t, &trigger.recipient, false);
            if recipients.is_empty()
                && pos == Pos::Verb
                && !trigger.symmetric
                && !trigger.recipient.is_empty()
            {
                recipients = Self::fallback_recipient(&tree, t);
            }
            // "peace talks with the government": the other party of a joint act.
            if trigger.symmetric && pos == Pos::Noun {
                recipients.extend(Self::arguments(
                    &tree,
                    t,
                    &["nmod:with".to_string(), "nmod:between".to_string()],
                    false,
                ));
            }
            // "held talks with the government": the other party of a joint act may hang
            // on the verb's object.
            if trigger.symmetric && pos == Pos::Verb {
                for &o in &tree.children[t] {
                    if tree.rel(o) == "obj" {
                        recipients.extend(Self::arguments(
                            &tree,
                            o,
                            &["nmod:with".to_string(), "nmod:between".to_string()],
                            false,
                        ));
                    }
                }
            }
            // "Police arrested 30 protesters" tagged as a reduced relative (VBN, acl): a
            // participle with a direct object is a finite verb; its head is the subject.
            if actors.is_empty()
                && tree.rel(t) == "acl"
                && tree.children[t].iter().any(|&c| tree.rel(c) == "obj")
            {
                if let Some(h) = tree.ann(t).head.filter(|&h| h < tree.len && h < t) {
                    actors.push(h);
                }
            }
            // "…, killing 20 people", "and wounded 25 others", "forced the fighters to
            // surrender", "is believed to have killed": a verb without a subject of its
            // own takes it from the clause it hangs on.
            if actors.is_empty() && pos == Pos::Verb && !passive {
                actors = Self::inherited_subject(&tree, t);
            }
            // An event noun carried by a light verb ("held talks with", "carried out
            // attacks", "staged a hunger strike", "engaged in ethnic cleansing"): the
            // verb's subject acts, its `with`/`against`/`on` phrase is the other side.
            if pos == Pos::Noun && matches!(tree.rel(t), "obj" | "obl") {
                if let Some(h) = head_of_t.filter(|&h| {
                    tree.ann(h).upos == "VERB" && LIGHT_VERBS.contains(&tree.lemma(h).as_str())
                }) {
                    // (Also when the noun's own owner is only a pronoun: "continued their
                    // hunger strike" — the subject is who "their" means.)
                    if actors.iter().all(|&x| tree.ann(x).upos == "PRON") {
                        actors = Self::arguments(&tree, h, &["nsubj".to_string()], false);
                        if actors.is_empty() {
                            actors = Self::inherited_subject(&tree, h);
                        }
                    }
                    if recipients.is_empty() {
                        recipients = tree.children[h]
                            .iter()
                            .copied()
                            .filter(|&c| {
                                tree.rel(c).starts_with("obl")
                                    && match tree.case(c).as_deref() {
                                        Some("with" | "between") => true,
                                        Some("against" | "on" | "at") => !trigger.symmetric,
                                        _ => false,
                                    }
                            })
                            .take(1)
                            .collect();
                    }
                }
            }
            if pos == Pos::Noun {
                // (A conjunct shares its head's role: "airstrikes and ground attacks";
                // so does a noun counted by a series: "hit by a series of attacks".)
                let series = tree.rel(t).starts_with("nmod")
                    && tree.case(t).as_deref() == Some("of")
                    && head_of_t.is_some_and(|h| SERIES_NOUNS.contains(&tree.lemma(h).as_str()));
                let role = if tree.rel(t) == "conj" || series {
                    head_of_t
                } else {
                    Some(t)
                };
                let by = role.is_some_and(|r| {
                    tree.rel(r) == "obl:agent"
                        || tree.rel(r).starts_with("obl") && tree.case(r).as_deref() == Some("by")
                });
                // "positions battered by American airstrikes": what the passive verb's
                // subject suffered.
                if recipients.is_empty() && by {
                    if let Some(h) = role
                        .and_then(|r| tree.ann(r).head)
                        .filter(|&h| h < tree.len)
                    {
                        recipients = Self::arguments(&tree, h, &["nsubj:pass".to_string()], false);
                    }
                }
                // "has been under attack by Haftar's forces": the subject is the target.
                if recipients.is_empty() && tree.case(t).as_deref() == Some("under") {
                    recipients = Self::arguments(&tree, t, &["nsubj".to_string()], false);
                }
                // "violations by Haftar forces, including the repeated bombing of the
                // airport": a deed inside another deed shares its doer.
                if actors.is_empty() {
                    if let Some(h) = head_of_t.filter(|&h| self.is_deed(&tree, h)) {
                        actors = self.perpetrators(&tree, h);
                    }
                }
                // "the group has reacted … with an attack on a refugee agency": the
                // means of the clause's subject.
                if actors.is_empty() && matches!(tree.case(t).as_deref(), Some("with")) {
                    let mut h = head_of_t;
                    for _ in 0..3 {
                        let Some(x) = h else { break };
                        if tree.ann(x).upos == "VERB" {
                            actors = Self::arguments(&tree, x, &["nsubj".to_string()], false);
                            break;
                        }
                        h = tree.ann(x).head.filter(|&y| y < tree.len);
                    }
                }
            }
            // "threatened to shell Iraqi towns", "demanded that X withdraw": the threat
            // or demand is aimed at whom the complement's act is aimed at.
            if recipients.is_empty()
                && matches!(
                    trigger.category,
                    events::Category::Threaten | events::Category::Request
                )
            {
                if let Some(&x) = tree.children[t]
                    .iter()
                    .find(|&&c| matches!(tree.rel(c), "xcomp" | "ccomp"))
                {
                    recipients = tree.children[x]
                        .iter()
                        .copied()
                        .filter(|&c| {
                            let rel = tree.rel(c);
                            rel == "obj"
                                || rel.starts_with("obl")
                                    && matches!(
                                        tree.case(c).as_deref(),
                                        Some("to" | "in" | "against" | "on" | "from")
                                    )
                        })
                        .take(1)
                        .collect();
                }
            }
            // An attack as the subject stands for its doer ("an airstrike carried out by
            // the military killed 100"); a passive without an agent takes the doer of
            // the attack it happened in ("were killed in a bomb attack blamed on X").
            let mut via_deed = Vec::new();
            for &a in &actors {
                if self.is_deed(&tree, a) {
                    via_deed.extend(self.perpetrators(&tree, a));
                } else {
                    via_deed.push(a);
                }
            }
            actors = via_deed;
            if actors.is_empty() && passive && pos == Pos::Verb {
                for &c in &tree.children[t] {
                    if tree.rel(c).starts_with("obl")
                        && matches!(tree.case(c).as_deref(), Some("in" | "during"))
                        && self.is_deed(&tree, c)
                    {
                        actors = self.perpetrators(&tree, c);
                        break;
                    }
                }
            }
            // Condemning or blaming an attack targets whoever did it: the attack's own
            // doer, else the latest attacker coded in the document.
            let mut previous_doer = false;
            let mut via_deed = Vec::new();
            for &r in &recipients {
                if trigger.category != events::Category::Assault
                    && trigger.category != events::Category::Coerce
                    && self.is_deed(&tree, r)
                {
                    let doers = self.perpetrators(&tree, r);
                    previous_doer |= doers.is_empty();
                    via_deed.extend(doers);
                } else {
                    via_deed.push(r);
                }
            }
            recipients = via_deed;
            let side = |heads: &[usize], things: bool| -> Vec<(ActorRef, Option<Span>)> {
                let mut v: Vec<(ActorRef, Option<Span>)> = Vec::new();
                for &h in heads {
                    // "Shona rebels", "Ugandan opposition candidates": a name modifying
                    // a noun stands inside that noun's phrase.
                    let h = match tree.ann(h).head.filter(|&x| x < tree.len) {
                        Some(x)
                            if x != t
                                && matches!(tree.rel(h), "compound" | "amod")
                                && tree.ann(x).upos == "NOUN" =>
                        {
                            x
                        }
                        _ => h,
                    };
                    if let Some((r, span)) = self.argument_ref(&tree, h, things) {
                        if !v.iter().any(|(x, _)| x.name == r.name) {
                            v.push((r, Some(span)));
                        }
                    }
                }
                v
            };
            let targets = matches!(
                trigger.category,
                events::Category::Assault | events::Category::Coerce
            );
            let (mut actor, mut recipient) = (side(&actors, false), side(&recipients, targets));
            if recipient.is_empty() && previous_doer {
                if let Some(d) = out.iter().rev().find(|d| {
                    matches!(
                        d.category,
                        events::Category::Assault | events::Category::Coerce
                    ) && !d.actor.is_empty()
                }) {
                    recipient = d.actor.clone();
                }
            }
            // A curfew, sanction, protest or visit with nobody named on the other side is
            // aimed at the place it happens in (CAMEO's place targets: "lifted a curfew
            // in Montenegro", "demonstrated in Serbia", "arrived in Amman").
            if recipient.is_empty() && !actor.is_empty() && !trigger.symmetric {
                use events::Category as C;
                if matches!(
                    overridden.unwrap_or(trigger.category),
                    C::Concede
                        | C::Coerce
                        | C::Sanction
                        | C::Protest
                        | C::Consult
                        | C::Aid
                        | C::Threaten
                ) {
                    recipient.extend(Self::place_target(&tree, t));
                }
            }
            // Nobody acts on themselves here: a recipient that is also an actor goes.
            recipient.retain(|(r, _)| !actor.iter().any(|(a, _)| a.name == r.name));
            if trigger.symmetric {
                actor.extend(recipient.iter().cloned());
            }
            let recipient = if trigger.symmetric {
                Vec::new()
            } else {
                recipient
            };
            // Counts: a number on the object (dead, injured) or the subject (size);
            // listed components add up ("five soldiers and three rebels" → 8).
            // People arrested, abducted, deported or expelled are the event's size.
            let taken = trigger.count_role.is_none()
                && (matches!(trigger.category, events::Category::Coerce)
                    || trigger.mode.as_deref() == Some("abduct")
                    || matches!(trigger.mode.as_deref(), Some("expel" | "deport")));
            let count_role = if taken {
                Some("size")
            } else {
                trigger.count_role.as_deref()
            };
            let counted: Vec<usize> = match count_role {
                Some("size") if taken => Self::arguments(&tree, t, &trigger.recipient, false),
                Some("size") => actors.clone(),
                Some(_) => {
                    let objects = Self::arguments(&tree, t, &trigger.recipient, false);
                    if objects.is_empty() {
                        actors.clone()
                    } else {
                        objects
                    }
                }
                None => Vec::new(),
            };
            // The number of a noun phrase: the head itself ("wounding 28"), its number
            // modifier, or one on a compound ("eight police officers").
            let count_of = |h: usize| {
                let modifiers = |x: usize| {
                    tree.children[x]
                        .iter()
                        .copied()
                        .filter(|&c| tree.rel(c) == "nummod")
                        .collect::<Vec<_>>()
                };
                std::iter::once(h)
                    .chain(modifiers(h))
                    .chain(
                        tree.children[h]
                            .iter()
                            .copied()
                            .filter(|&c| c < h && tree.rel(c) == "compound")
                            .flat_map(modifiers),
                    )
                    .find_map(|c| number_at(&tree, c))
            };
            let counts: Vec<u64> = counted.iter().filter_map(|&h| count_of(h)).collect();
            let count = (!counts.is_empty()).then(|| counts.iter().sum::<u64>());
            if actor.is_empty() && recipient.is_empty() && count.is_none() {
                skip!("no actor, recipient or count found in its arguments");
            }
            // A statement nobody makes ("an attack blamed on the ELN", "was condemned"):
            // an attribution, not an event. (Material acts may have unknown doers.)
            let verbal = {
                use events::Category as C;
                matches!(
                    trigger.category,
                    C::Agree
                        | C::Consult
                        | C::Support
                        | C::Accuse
                        | C::Reject
                        | C::Request
                        | C::Threaten
                )
            };
            let has_object = tree.children[t].iter().any(|&c| tree.rel(c) == "obj");
            if verbal
                && actor.is_empty()
                && (passive || matches!(tree.rel(t), "acl" | "amod") && !has_object)
            {
                skip!("a statement with nobody making it (agentless passive or participle)");
            }
            // "its attacks", "their raids": a plural event noun with only a pronoun
            // owner speaks of attacks in general, not of one.
            if pos == Pos::Noun
                && tree.ann(t).xpos == "NNS"
                && recipient.is_empty()
                && count.is_none()
                && !actors.is_empty()
                && actors
                    .iter()
                    .all(|&x| tree.ann(x).upos == "PRON" && tree.rel(x) == "nmod:poss")
            {
                skip!("a plural event noun with only a pronoun owner: attacks in general");
            }
            // Announced for the future ("will visit", "will support"): PLOVER codes
            // promised cooperation as AGREE, an announced pullback as CONCEDE and
            // announced force as THREATEN.
            let category = if let Some(c) = overridden {
                c
            } else if future {
                use events::Category as C;
                match trigger.category {
                    C::Support | C::Consult | C::Cooperate | C::Aid => C::Agree,
                    C::Retreat => C::Concede,
                    C::Assault | C::Coerce | C::Sanction | C::Protest => C::Threaten,
                    other => other,
                }
            } else {
                trigger.category
            };
            // "is calling on", "are fleeing", "says": happening as the story is written.
            let present = pos == Pos::Verb
                && (matches!(tree.ann(t).xpos.as_str(), "VBZ" | "VBP")
                    || tree.ann(t).xpos == "VBG"
                        && tree.children[t].iter().any(|&c| {
                            tree.rel(c) == "aux"
                                && matches!(
                                    tree.word(c).to_lowercase().as_str(),
                                    "is" | "are" | "am"
                                )
                        }));
            let trigger_span = tree.span(t, t);
            let draft = EventDraft {
                category,
                mode: trigger.mode.clone(),
                context: trigger.context.clone(),
                actor,
                recipient,
                location: crate::location::locate(article, k, trigger_span),
                date: crate::date::date_in_clause(
                    article,
                    k,
                    Some(trigger_span.start),
                    &Self::other_clauses(&tree, t),
                    present,
                ),
                dead: count.filter(|_| count_role == Some("dead")),
                injured: count.filter(|_| count_role == Some("injured")),
                size: count.filter(|_| count_role == Some("size")),
                sentence: s.span,
                trigger: trigger_span,
                rule: format!(
                    "syntax:{}:{}",
                    trigger.rule,
                    if passive { "passive" } else { "active" }
                ),
                confidence: 0.6,
                future,
            };
            if out
                .iter()
                .any(|d| d.sentence == draft.sentence && d.same_as(&draft))
            {
                skip!("the same reading as an event already coded in this sentence");
            }
            out.push(draft);
            notes.push(Note {
                sentence: k,
                trigger: tree.span(t, t),
                rule: trigger.rule.clone(),
                category: trigger.category,
                verdict: Verdict::Coded,
            });
        }
        merge_sentence(out, first);
        // Counts the parse did not attach ("and 10 others wounded in a bomb attack").
        let (dead, injured) = sentence_counts(&tree);
        for d in &mut out[first..] {
            if d.category == events::Category::Assault {
                d.dead = d.dead.or(dead);
                d.injured = d.injured.or(injured);
            }
        }
    }
}

/// Killed and wounded counts read off a sentence's words where a number stands next
/// to a casualty word ("10 others wounded", "wounding at least 29", "killing 22
/// people"); a field is kept only when the sentence gives one number for it.
fn sentence_counts(tree: &Tree<'_>) -> (Option<u64>, Option<u64>) {
    let mut dead: Vec<u64> = Vec::new();
    let mut injured: Vec<u64> = Vec::new();
    for i in 0..tree.len {
        let w = tree.word(i).to_lowercase();
        let field = match w.as_str() {
            "killed" | "killing" | "dead" | "died" => &mut dead,
            "wounded" | "wounding" | "injured" | "injuring" | "hurt" => &mut injured,
            _ => continue,
        };
        let before = (i.saturating_sub(3)..i).rev().find_map(|j| {
            (tree.ann(j).upos == "NUM")
                .then(|| number_at(tree, j))
                .flatten()
        });
        let after = || {
            (i + 1..(i + 4).min(tree.len))
                .take_while(|&j| !matches!(tree.word(j), "," | "." | ";" | "and"))
                .find_map(|j| {
                    (tree.ann(j).upos == "NUM")
                        .then(|| number_at(tree, j))
                        .flatten()
                })
        };
        let forward = w.ends_with("ing") || tree.ann(i).xpos == "VBD";
        let n = if forward {
            after().or(before)
        } else {
            before.or_else(after)
        };
        if let Some(n) = n {
            if !field.contains(&n) {
                field.push(n);
            }
        }
    }
    let one = |v: Vec<u64>| (v.len() == 1).then(|| v[0]);
    (one(dead), one(injured))
}

/// One side of a draft: actor references with their spans.
type Side = Vec<(ActorRef, Option<Span>)>;

/// Names of one side, for comparisons.
fn side_names(v: &[(ActorRef, Option<Span>)]) -> Vec<String> {
    let mut n: Vec<String> = v.iter().map(|a| a.0.name.to_lowercase()).collect();
    n.sort();
    n
}

/// One sentence's drafts from `first` on: drafts of one category whose sides agree
/// (equal, or one of them unnamed) are one event ("killing 22 people and wounding
/// 28"): the first keeps its trigger and takes the others' missing sides and counts.
/// Drafts left with no actor and no recipient are dropped.
fn merge_sentence(out: &mut Vec<EventDraft>, first: usize) {
    let drafts: Vec<EventDraft> = out.drain(first..).collect();
    let mut merged: Vec<EventDraft> = Vec::new();
    for d in drafts {
        let fits = |m: &EventDraft, side: fn(&EventDraft) -> &Side| {
            side(m).is_empty() || side(&d).is_empty() || side_names(side(m)) == side_names(side(&d))
        };
        // "killing eight officers and wounding scores of others": the wounded join
        // the killing as its injured count.
        let wounded_too = |m: &EventDraft| {
            m.dead.is_some() && m.injured.is_none() && d.injured.is_some() && d.dead.is_none()
        };
        // "attacked a checkpoint, killing five soldiers": one attacker's acts of one
        // kind in one sentence are one event; the casualties name its target.
        let same_attacker =
            |m: &EventDraft| !m.actor.is_empty() && side_names(&m.actor) == side_names(&d.actor);
        let found = merged.iter_mut().find(|m| {
            m.category == d.category
                && fits(m, |x| &x.actor)
                && (fits(m, |x| &x.recipient) || wounded_too(m) || same_attacker(m))
        });
        match found {
            Some(m) => {
                let counted = |x: &EventDraft| x.dead.is_some() || x.injured.is_some();
                if !m.recipient.is_empty()
                    && !d.recipient.is_empty()
                    && side_names(&m.recipient) != side_names(&d.recipient)
                    && counted(&d)
                    && !counted(m)
                {
                    m.recipient = d.recipient.clone();
                }
                if m.actor.is_empty() {
                    m.actor = d.actor;
                }
                if m.recipient.is_empty() {
                    m.recipient = d.recipient;
                }
                m.dead = m.dead.or(d.dead);
                m.injured = m.injured.or(d.injured);
                m.size = m.size.or(d.size);
                if m.mode.is_none() {
                    m.mode = d.mode;
                }
            }
            None => merged.push(d),
        }
    }
    out.extend(
        merged
            .into_iter()
            .filter(|d| !d.actor.is_empty() || !d.recipient.is_empty()),
    );
}

impl Coder for SyntaxCoder {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn code(&self, article: &Article) -> Coded {
        let mut mention_at = vec![None; article.tokens.len()];
        for (i, m) in article.actor_mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                if let Some(slot) = mention_at.get_mut(t) {
                    slot.get_or_insert(i);
                }
            }
        }
        let mut drafts = Vec::new();
        let mut notes = Vec::new();
        for k in 0..article.sentences.len() {
            self.code_sentence(article, &mention_at, k, &mut drafts, &mut notes);
        }
        let index = article.char_index();
        let events = consolidate(
            drafts
                .into_iter()
                .map(|d| d.finish(article, &index))
                .collect(),
        );
        Coded {
            events,
            diagnostics: Vec::new(),
            notes,
        }
    }
}

/// Within-document consolidation: events of one type with the same actors and
/// recipients (at least one side named) and compatible places are one event stated in
/// several sentences; the first keeps the others' sentences as evidence and fills its
/// missing place and counts from them.
pub fn consolidate(events: Vec<events::Event>) -> Vec<events::Event> {
    let names = |v: &[ActorRef]| {
        let mut n: Vec<String> = v.iter().map(|a| a.name.to_lowercase()).collect();
        n.sort();
        n
    };
    let mut out: Vec<events::Event> = Vec::new();
    for e in events {
        // A side agrees when it names the same actors or one of the two names none;
        // at least one named side must be shared.
        let same = out.iter_mut().find(|o| {
            let (oa, ea) = (names(&o.actor), names(&e.actor));
            let (or, er) = (names(&o.recipient), names(&e.recipient));
            let agree = |x: &[String], y: &[String]| x == y || x.is_empty() || y.is_empty();
            let shared = (!oa.is_empty() && oa == ea) || (!or.is_empty() && or == er);
            let modes_agree = match (&o.mode, &e.mode) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            o.event_type == e.event_type
                && modes_agree
                && shared
                && agree(&oa, &ea)
                && agree(&or, &er)
                && match (&o.location, &e.location) {
                    (Some(a), Some(b)) => a.name == b.name,
                    _ => true,
                }
                && match (&o.date, &e.date) {
                    (Some(a), Some(b)) => a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
                    _ => true,
                }
        });
        match same {
            Some(o) => {
                if !o.evidence.iter().any(|x| x.start == e.sentence.start) {
                    o.evidence.push(e.sentence.clone());
                }
                if o.location.is_none() {
                    o.location = e.location.clone();
                }
                if o.actor.is_empty() {
                    o.actor = e.actor.clone();
                }
                if o.recipient.is_empty() {
                    o.recipient = e.recipient.clone();
                }
                if o.date.is_none() {
                    o.date = e.date.clone();
                }
                o.dead = o.dead.or(e.dead);
                o.injured = o.injured.or(e.injured);
                o.size = o.size.or(e.size);
            }
            None => out.push(e),
        }
    }
    out
}
