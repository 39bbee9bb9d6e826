//! The syntax coder (issue 6), the default: event triggers from the curated lexicon
//! (`resources/triggers/curated.jsonl`: verbs, event nouns, multiword verbs → PLOVER
//! category and mode, with argument frames), roles from the dependency parse (subject,
//! `by`-agent of a passive, object, prepositional obliques; possessives, compounds and
//! nationality adjectives of event nouns; subjects shared across participles, control
//! and raising verbs; light verbs carrying event nouns; attacks standing for their
//! doers), actors from the actors layer (people nouns only, else things as attack
//! targets), PLOVER modality (negation, conditionals, modals, wishes, habits, the
//! future), counts, dates and the location from the places layer, and a [`Note`] per
//! trigger for `khabar explain`. Needs the annotate layer; without it, it codes nothing.
//!
//! Files: `lexicon.rs` (the trigger data), `tree.rs` (a sentence's parse), `words.rs`
//! (word lists the rules use), `numbers.rs` (number phrases, casualty counts),
//! `consolidate.rs` (one event from several drafts or sentences); this file holds the
//! roles and the decision per trigger.

mod consolidate;
pub mod lexicon;
mod numbers;
mod tree;
mod words;

use consolidate::merge_sentence;
pub use consolidate::{concede_to_adversary, consolidate, share_dates, DateLink};
use numbers::{phrase_count, sentence_counts, verb_stems};
use tree::Tree;
use words::*;

use crate::draft::EventDraft;
use crate::explain::{Note, Verdict};
use crate::{Coded, Coder};
use article::{Article, Span};
use events::ActorRef;
use lexicon::{Lexicon, Pos, PLACE_LEMMA};
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
        // "militia forces", "insurgent fighters": a people word modifying a generic
        // fighting noun gives the sector.
        let generic = matches!(tree.lemma(head).as_str(), "force" | "forces" | "fighter");
        for start in from..=head {
            if generic && start == head {
                if let Some(s) = (from..head)
                    .filter(|&x| matches!(tree.rel(x), "compound" | "amod"))
                    .find_map(|x| self.agents.get(&tree.word(x).to_lowercase()))
                {
                    return Some(s.clone());
                }
            }
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
        // (A noun, not an adjective: "official contact" names no officials.)
        (from..head)
            .filter(|&x| matches!(tree.rel(x), "compound" | "amod") && tree.ann(x).upos == "NOUN")
            .find_map(|x| self.agents.get(&tree.word(x).to_lowercase()).cloned())
    }

    /// True when the word at `c` is inside a toponym resolved below country level.
    fn names_a_town(tree: &Tree<'_>, c: usize) -> bool {
        let a = tree.article;
        let Some(here) = a.tokens.get(tree.start + c).map(|t| t.span) else {
            return false;
        };
        a.places
            .iter()
            .any(|m| m.span.contains(&here) && below_country(m))
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
        // "investigating war crimes by Croatian extremists", the `by` phrase hung on
        // the active verb whose object the deed is.
        if out.is_empty() && tree.rel(n) == "obj" {
            if let Some(v) = tree.ann(n).head.filter(|&v| v < tree.len) {
                let active = !tree.children[v]
                    .iter()
                    .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass"));
                if active {
                    out.extend(tree.children[v].iter().copied().filter(|&c| {
                        tree.rel(c).starts_with("obl") && tree.case(c).as_deref() == Some("by")
                    }));
                }
            }
        }
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
            // ("Since last year, their positions have been battered": a time word taken
            // for a subject is none; "Thursday, the UN mission condemned": its
            // apposition is the subject.)
            if subject && tree.time_phrase(c) {
                let appos = tree.children[c]
                    .iter()
                    .copied()
                    .find(|&x| tree.rel(x) == "appos");
                if let Some(x) = appos.filter(|_| labels.iter().any(|l| tree.matches(c, l))) {
                    subject_seen = true;
                    out.push(x);
                }
                continue;
            }
            // (An active verb with a subject has no `by` agent: "investigating crimes
            // by extremists".)
            let has_subject = !passive && tree.children[t].iter().any(|&x| tree.rel(x) == "nsubj");
            let hit = labels.iter().any(|l| {
                if passive && l == "nsubj" {
                    return false;
                }
                if has_subject && matches!(l.as_str(), "agent" | "obl:by") {
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
                if subject {
                    out.extend(Self::companions(tree, t));
                }
            }
        }
        // "seized rifles from a militia", "fired rockets at targets": a
        // `from`/`with`/`against`/`at`/`on` phrase the parser hung on the object is the
        // verb's.
        for l in labels {
            let Some(prep) = l.strip_prefix("obl:") else {
                continue;
            };
            // (A day is no target: "on Monday night" leaves "on police" to look for.)
            if !matches!(prep, "from" | "with" | "against" | "at" | "on")
                || tree.children[t]
                    .iter()
                    .any(|&c| tree.matches(c, l) && !tree.time_phrase(c))
            {
                continue;
            }
            for &o in &tree.children[t] {
                if tree.rel(o) != "obj" {
                    continue;
                }
                for &c in &tree.children[o] {
                    if tree.rel(c).starts_with("nmod")
                        && tree.case(c).as_deref() == Some(prep)
                        && !out.contains(&c)
                    {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// "In addition to X, Y surrendered", "Along with X, Y fled": X acts with the subject.
    fn companions(tree: &Tree<'_>, t: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for &o in &tree.children[t] {
            if !tree.rel(o).starts_with("obl") {
                continue;
            }
            let cases: Vec<String> = tree.children[o]
                .iter()
                .filter(|&&c| matches!(tree.rel(c), "case" | "fixed"))
                .map(|&c| tree.lemma(c))
                .collect();
            let with_companion = cases.iter().any(|c| c == "with")
                && cases
                    .iter()
                    .any(|c| matches!(c.as_str(), "along" | "together"))
                || cases.iter().any(|c| c == "alongside");
            let heads: Vec<usize> = if with_companion {
                vec![o]
            } else if tree.lemma(o) == "addition" && tree.case(o).as_deref() == Some("in") {
                tree.children[o]
                    .iter()
                    .copied()
                    .filter(|&x| {
                        tree.rel(x).starts_with("nmod") && tree.case(x).as_deref() == Some("to")
                    })
                    .collect()
            } else {
                continue;
            };
            for h in heads {
                out.push(h);
                out.extend(
                    tree.children[h]
                        .iter()
                        .copied()
                        .filter(|&x| tree.rel(x) == "conj"),
                );
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
            // ("tweeted President Santos, vowing to …": a by-agent counts as well.)
            let head_passive = tree.children[h]
                .iter()
                .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass" | "obl:agent"));
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
        // The complement and object first, then their objects ("threatened to resume
        // terrorist activities in Israel"), then the trigger itself; a country "of"
        // the object is its target too ("the blockade of Serbia in the Adriatic").
        let below = |x: usize| {
            tree.children[x]
                .iter()
                .copied()
                .filter(|&c| {
                    // (An infinitive parsed as an adverbial clause is a complement too.)
                    let infinitive = tree.rel(c) == "advcl"
                        && tree.children[c]
                            .iter()
                            .any(|&m| tree.rel(m) == "mark" && tree.lemma(m) == "to");
                    matches!(tree.rel(c), "xcomp" | "obj") || infinitive
                })
                .collect::<Vec<_>>()
        };
        let mut heads: Vec<usize> = Vec::new();
        for c in below(t) {
            heads.push(c);
            heads.extend(below(c));
        }
        heads.push(t);
        // ("eased measures on Wednesday in Kosovo province": a phrase the parser hung
        // on the day is the verb's.)
        heads.extend(
            tree.children[t]
                .iter()
                .copied()
                .filter(|&c| tree.rel(c).starts_with("obl") && tree.time_phrase(c)),
        );
        for h in heads {
            for &c in &tree.children[h] {
                let rel = tree.rel(c);
                let case = tree.case(c);
                let of_object = h != t && tree.rel(h) == "obj" && case.as_deref() == Some("of");
                if !(rel.starts_with("obl") || rel.starts_with("nmod"))
                    || !(of_object
                        || matches!(case.as_deref(), Some("in" | "to" | "on" | "against")))
                {
                    continue;
                }
                // ("in the town of Imphal": the name the place noun introduces.)
                let c = if matches!(
                    tree.lemma(c).as_str(),
                    "town" | "city" | "village" | "province" | "district" | "region" | "area"
                ) {
                    // ("in Kosovo province": the name compounded with it.)
                    tree.children[c]
                        .iter()
                        .copied()
                        .find(|&x| {
                            tree.rel(x).starts_with("nmod") && tree.case(x).as_deref() == Some("of")
                                || tree.rel(x) == "compound" && tree.ann(x).upos == "PROPN"
                        })
                        .unwrap_or(c)
                } else {
                    c
                };
                let here = a.tokens[tree.start + c].span;
                let Some(m) = a.places.iter().find(|m| {
                    m.kind == article::PlaceMentionKind::Toponym
                        && m.span.contains(&here)
                        && (!of_object
                            || m.place
                                .as_ref()
                                .is_some_and(|p| p.precision == article::Precision::Country))
                }) else {
                    continue;
                };
                return place_side(a, m).map(|r| (r, Some(m.span)));
            }
        }
        None
    }

    /// "after negotiations with the government" on the trigger `t` or its object: the
    /// party the talks were held with.
    fn talks_partner(&self, tree: &Tree<'_>, t: usize) -> Option<(ActorRef, Span)> {
        let objects = tree.children[t]
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "obj");
        let talks = std::iter::once(t)
            .chain(objects)
            .flat_map(|h| tree.children[h].clone())
            .find(|&c| {
                matches!(tree.case(c).as_deref(), Some("after" | "following"))
                    && matches!(
                        tree.lemma(c).as_str(),
                        "talk"
                            | "negotiation"
                            | "deliberation"
                            | "consultation"
                            | "discussion"
                            | "meeting"
                    )
            })?;
        let partner = tree.children[talks].iter().copied().find(|&c| {
            tree.rel(c).starts_with("nmod") && tree.case(c).as_deref() == Some("with")
        })?;
        self.actor_ref(tree, partner)
    }

    /// The town the object of `t` names ("shelled the port city Hodeidah", "the city
    /// of Kismayo", "Kismayo"), as a side.
    fn object_place(tree: &Tree<'_>, t: usize) -> Option<(ActorRef, Option<Span>)> {
        let a = tree.article;
        let o = tree.children[t]
            .iter()
            .copied()
            .find(|&c| tree.rel(c) == "obj")?;
        // (A name modifying another noun is no target: "a Kabul hotel" is the hotel.)
        let place_noun = matches!(
            tree.lemma(o).as_str(),
            "city" | "town" | "village" | "capital" | "port" | "province" | "district" | "region"
        );
        let named = std::iter::once(o).chain(tree.children[o].iter().copied().filter(|&c| {
            place_noun
                && (matches!(tree.rel(c), "appos" | "flat" | "compound")
                    || tree.rel(c).starts_with("nmod") && tree.case(c).as_deref() == Some("of"))
        }));
        for c in named {
            let here = a.tokens[tree.start + c].span;
            if let Some(m) = a
                .places
                .iter()
                .find(|m| m.kind == article::PlaceMentionKind::Toponym && m.span.contains(&here))
            {
                return place_side(a, m).map(|r| (r, Some(m.span)));
            }
        }
        None
    }

    /// "In announcing their truce, the rebels urged…", "while visiting the camp": a
    /// gerund clause on the trigger `t` telling an act done at the same moment; its
    /// span, so the event can share that act's date.
    fn simultaneous_clause(tree: &Tree<'_>, t: usize) -> Option<Span> {
        let c = tree.children[t].iter().copied().find(|&c| {
            tree.rel(c) == "advcl"
                && tree.ann(c).xpos == "VBG"
                // (The parser may hang "In" on the main verb: the word before counts.)
                && c.checked_sub(1).is_some_and(|m| {
                    matches!(tree.rel(m), "mark" | "case")
                        && matches!(
                            tree.word(m).to_lowercase().as_str(),
                            "in" | "while" | "when" | "upon" | "on"
                        )
                })
        })?;
        let inside: Vec<usize> = (0..tree.len).filter(|&x| tree.dominates(c, x)).collect();
        Some(tree.span(*inside.first()?, *inside.last()?))
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
        // "the attack, which took place on Monday": a relative clause on an event noun
        // saying when it happened dates that event.
        // (Also when the parser hung it elsewhere: ", which took place" right after
        // the noun.)
        let on_trigger = |c: usize| {
            tree.rel(c) == "acl:relcl" && tree.ann(c).head == Some(t)
                || matches!(tree.rel(c), "acl:relcl" | "parataxis")
                    && tree.children[c].iter().any(|&w| {
                        tree.rel(w) == "nsubj"
                            && tree.word(w).eq_ignore_ascii_case("which")
                            && w > t
                            && (t + 1..w).all(|p| tree.ann(p).upos == "PUNCT")
                    })
        };
        let occurrence = |c: usize| {
            on_trigger(c)
                && matches!(
                    tree.lemma(c).as_str(),
                    "take" | "happen" | "occur" | "come" | "begin" | "start" | "unfold"
                )
        };
        for c in 0..tree.len {
            if matches!(tree.rel(c), "acl:relcl" | "appos" | "parataxis")
                && !ancestors.contains(&c)
                && !occurrence(c)
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

    /// `foreign` plus the words of the report around trigger `t` ("the army said on
    /// Thursday"): the report's date is when it was said, which may not be when it
    /// happened.
    fn report_words(tree: &Tree<'_>, t: usize, mut foreign: Vec<bool>) -> Vec<bool> {
        let mut below = t;
        let mut x = tree.ann(t).head;
        let mut steps = 0;
        while let Some(a) = x.filter(|&a| a < tree.len) {
            steps += 1;
            if steps > tree.len {
                break;
            }
            if SAYING.contains(&tree.lemma(a).as_str()) {
                for (w, flag) in foreign.iter_mut().enumerate() {
                    if tree.dominates(a, w) && !tree.dominates(below, w) {
                        *flag = true;
                    }
                }
            }
            below = a;
            x = tree.ann(a).head;
        }
        // A report hung under the event's verb ("were killed, the army said").
        for &c in &tree.children[t] {
            if matches!(tree.rel(c), "parataxis" | "ccomp")
                && SAYING.contains(&tree.lemma(c).as_str())
            {
                for (w, flag) in foreign.iter_mut().enumerate() {
                    if tree.dominates(c, w) {
                        *flag = true;
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
                    // ("that its European Community partners refuse": a name modifying
                    // the subject counts.)
                    let named_in = tree.children[s]
                        .iter()
                        .any(|&m| matches!(tree.rel(m), "compound" | "amod") && known(m));
                    if known(s) || named_in {
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
            // ("demanded accountability and summoned the envoy": a conjoined verb
            // opens a clause of its own.)
            let conjoined_verb = tree.ann(u).upos == "VERB"
                && tree.rel(u) == "conj"
                && matches!(tree.word(u - 1).to_lowercase().as_str(), "and" | "or");
            // (Nor past a preposition opening another event: "reimposed blockades in
            // Gaza following the killing of two soldiers".)
            let another_event = matches!(tree.rel(u), "case" | "mark" | "advcl")
                && matches!(
                    w.to_lowercase().as_str(),
                    "following" | "after" | "before" | "amid" | "despite" | "because"
                );
            if matches!(w, ";" | "," | "but")
                || tree.rel(u) == "nsubj" && !known(u)
                || conjoined_verb
                || another_event
            {
                break;
            }
            // (Not a country the event happens in: "a curfew in the town of Imphal in
            // southeastern Turkey".)
            let place = matches!(
                tree.case(u).as_deref(),
                Some("in" | "at" | "near" | "across" | "inside" | "outside" | "throughout")
            );
            if known(u) && !place {
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

    /// The speaker a pronoun subject of a reported clause stands for: "X said they
    /// would" (X plural or a group), "X said it would" (X one group or country), "X
    /// said he would" (X a named person).
    fn reporting_speaker(&self, tree: &Tree<'_>, pronoun: usize, lemma: &str) -> Option<usize> {
        if !tree.rel(pronoun).starts_with("nsubj") {
            return None;
        }
        let clause = tree.ann(pronoun).head.filter(|&c| c < tree.len)?;
        if !matches!(tree.rel(clause), "ccomp" | "parataxis") {
            return None;
        }
        let say = tree.ann(clause).head.filter(|&v| v < tree.len)?;
        let verb = tree.lemma(say);
        if !SAYING.contains(&verb.as_str()) && !ANNOUNCING.contains(&verb.as_str()) {
            return None;
        }
        // ("rejected a plan, and said they opposed": a conjoined "said" shares the
        // first verb's subject.)
        let mut say = say;
        while tree.rel(say) == "conj"
            && !tree.children[say]
                .iter()
                .any(|&c| tree.rel(c).starts_with("nsubj"))
        {
            match tree.ann(say).head.filter(|&v| v < tree.len) {
                Some(v) => say = v,
                None => break,
            }
        }
        let speaker = tree.children[say]
            .iter()
            .copied()
            .find(|&c| tree.rel(c) == "nsubj" && tree.ann(c).upos != "PRON")?;
        use article::ActorKind as K;
        let kind = tree
            .mention(speaker)
            .and_then(|m| tree.article.actors.get(m.actor))
            .map(|x| x.kind);
        let plural = matches!(tree.ann(speaker).xpos.as_str(), "NNS" | "NNPS");
        let agrees = match lemma {
            "they" => plural || matches!(kind, Some(K::Organization | K::Group)),
            "it" => !plural && matches!(kind, Some(K::Organization | K::Country)),
            "he" | "she" => kind == Some(K::Person),
            _ => false,
        };
        agrees.then_some(speaker)
    }

    /// The party a demand is made of: the agent of the act demanded (its `by`, `of`,
    /// `with` or possessive phrase), when that names a known actor or people.
    fn demanded_of(&self, tree: &Tree<'_>, t: usize) -> Option<usize> {
        let obj = tree.children[t]
            .iter()
            .copied()
            .find(|&c| tree.rel(c) == "obj" && tree.ann(c).upos == "NOUN")?;
        if tree.known(obj) || self.people_sector(tree, obj, obj).is_some() {
            return None;
        }
        tree.children[obj].iter().copied().find(|&c| {
            let rel = tree.rel(c);
            let agentive = rel == "nmod:poss"
                || rel.starts_with("nmod")
                    && matches!(tree.case(c).as_deref(), Some("by" | "of" | "with"));
            agentive
                && tree.ann(c).upos != "PRON"
                && (tree.known(c) || self.people_sector(tree, c, c).is_some() || capital(tree, c))
        })
    }

    /// The first party named after a protest trigger within the clause it belongs to
    /// (not the protesters themselves).
    fn protest_target(&self, tree: &Tree<'_>, t: usize) -> Vec<usize> {
        // The clause: the trigger's verb (a noun's governing verb).
        let mut clause = t;
        if tree.ann(t).upos != "VERB" {
            if let Some(h) = tree.ann(t).head.filter(|&h| h < tree.len) {
                clause = h;
            }
        }
        let subject: Vec<usize> = tree.children[clause]
            .iter()
            .copied()
            .filter(|&c| tree.rel(c).starts_with("nsubj"))
            .collect();
        let below = |x: usize| tree.dominates(clause, x);
        let in_subject = |x: usize| subject.iter().any(|&s| tree.dominates(s, x));
        (t + 1..tree.len)
            .find(|&x| {
                matches!(tree.ann(x).upos.as_str(), "PROPN" | "NOUN")
                    && tree.known(x)
                    && below(x)
                    && !in_subject(x)
                    && !matches!(
                        tree.case(x).as_deref(),
                        Some("in" | "at" | "near" | "across")
                    )
            })
            .into_iter()
            .collect()
    }

    /// The reference of an argument head; with `things`, a common noun that names no
    /// people still counts (the target of an attack: "a refugee agency", "positions").
    fn argument_ref(&self, tree: &Tree<'_>, head: usize, things: bool) -> Option<(ActorRef, Span)> {
        // "its fighters", "their troops": a group's own people stand for the group the
        // possessive pronoun refers to.
        if tree.ann(head).upos == "NOUN" && tree.mention(head).is_none() {
            let owner = tree.children[head].iter().copied().find(|&c| {
                tree.rel(c) == "nmod:poss"
                    && tree.ann(c).upos == "PRON"
                    && matches!(tree.word(c).to_lowercase().as_str(), "its" | "their")
            });
            let people = self
                .people_sector(tree, head, head)
                .is_some_and(|s| !s.is_empty());
            // ("its European Union partners": the named body, not the owner.)
            let named = tree.named_modifier(head);
            if let (Some(p), true, false) = (owner, people, named) {
                if let Some((mut r, _)) = self.argument_head_ref(tree, p, false) {
                    let span = Span::new(tree.span(p, p).start, tree.span(head, head).end);
                    r.text = Some(tree.article.slice(span).to_string());
                    return Some((r, span));
                }
            }
        }
        let (mut r, span) = self.argument_head_ref(tree, head, things)?;
        // The whole phrase the text uses is one more name for the actor ("workers of
        // the United Bus Company"), unless a pronoun owns it ("their positions").
        let pronoun_owner =
            (0..tree.len).any(|i| tree.span(i, i) == span && tree.ann(i).upos == "PRON");
        let own = span.contains(&tree.span(head, head)) || !pronoun_owner;
        if tree.ann(head).upos != "PRON" && own {
            if let Some(phrase) = tree.noun_phrase(head) {
                let phrase = tree.article.slice(phrase).to_string();
                if r.text.as_deref() != Some(phrase.as_str())
                    && r.name != phrase
                    && !r.aliases.contains(&phrase)
                {
                    r.aliases.push(phrase);
                }
            }
        }
        Some((r, span))
    }

    /// [`Self::argument_ref`] without the phrase alias.
    fn argument_head_ref(
        &self,
        tree: &Tree<'_>,
        head: usize,
        things: bool,
    ) -> Option<(ActorRef, Span)> {
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
                    // (Not over a preposition: "blamed on X guerrillas" misparsed.)
                    if c < from
                        && !tree.preposition_between(c, from)
                        && matches!(tree.rel(c), "compound" | "amod" | "flat" | "nmod:desc")
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
                    let mut noun = tree.ann(clause).head.filter(|&n| n < tree.len)?;
                    // "the FARC, a rebel group that has since disarmed": the named
                    // head of the apposition.
                    if tree.rel(noun) == "appos" {
                        if let Some(h) = tree.ann(noun).head.filter(|&h| h < tree.len) {
                            if tree.known(h) {
                                noun = h;
                            }
                        }
                    }
                    let subject = tree.children[noun]
                        .iter()
                        .copied()
                        .find(|&c| tree.rel(c) == "nsubj");
                    if let Some(found) = self.actor_ref(tree, subject.unwrap_or(noun)) {
                        return Some(found);
                    }
                }
                // "one of the oppositions to the military rule in Myanmar that seized
                // power": with the clause hung on the wrong noun, the nearest actor
                // named right before the pronoun (not a place after "in") is meant.
                let locative = |j: usize| {
                    matches!(
                        tree.case(j).as_deref(),
                        Some("in" | "at" | "near" | "from" | "across")
                    )
                };
                let before = (head.saturating_sub(6)..head)
                    .rev()
                    .take_while(|&j| tree.rel(j) != "punct" && tree.ann(j).upos != "VERB")
                    .find(|&j| {
                        tree.known(j)
                            && !locative(j)
                            && !tree.mention(j).is_some_and(|m| {
                                let first = m.tokens.start.saturating_sub(tree.start);
                                first < j && locative(first)
                            })
                    });
                return before.and_then(|j| self.actor_ref(tree, j));
            }
            // "its attacks", "their positions": the latest organization (else group or
            // country: "the government said it would") within two sentences; "he",
            // "his": the person last named as a subject there.
            // "Ivory Coast rebels said they opposed …": the subject of a reported
            // clause is the speaker, when number and kind agree.
            if let Some(speaker) = self.reporting_speaker(tree, head, &lemma) {
                if let Some((mut r, span)) = self.actor_ref(tree, speaker) {
                    retext(&mut r, tree.word(head));
                    return Some((r, span));
                }
            }
            // "tracked down the attackers and killed 10 of them": an object "them" is
            // the nearest plural people noun before it in its sentence that no verb
            // has as its subject.
            if tree.word(head).eq_ignore_ascii_case("them") {
                let people = (0..head).rev().find(|&j| {
                    tree.ann(j).upos == "NOUN"
                        && tree.ann(j).xpos == "NNS"
                        && !tree.rel(j).starts_with("nsubj")
                        && !matches!(tree.rel(j), "compound" | "amod")
                        && self
                            .people_sector(tree, j, j)
                            .is_some_and(|s| !s.is_empty())
                });
                if let Some(j) = people {
                    if let Some((mut r, _)) = self.argument_ref(tree, j, false) {
                        retext(&mut r, tree.word(head));
                        return Some((r, tree.span(head, head)));
                    }
                }
            }
            use article::ActorKind as K;
            let found = match lemma.as_str() {
                "its" | "their" | "it" | "they" => antecedent(tree, g, |_, k| k == K::Organization)
                    .or_else(|| antecedent(tree, g, |_, k| k != K::Person)),
                "he" | "she" => antecedent(tree, g, |m, k| {
                    k == K::Person && m.tokens.clone().any(|t| subject_word(a, t))
                }),
                _ => None,
            };
            if let Some(actor) = found {
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
            // (A noun like "group" without an `of` phrase is itself the actor: "a
            // rebel group".)
            if of.is_some() || upos != "NOUN" {
                return of.and_then(|c| self.argument_ref(tree, c, things));
            }
        }
        let lower = tree.word(head).to_lowercase();
        if crate::date::is_time_word(&lower) {
            return None;
        }
        // Weapons are the means, never a side: "detonated a bomb".
        if upos == "NOUN" && INSTRUMENT_NOUNS.contains(&tree.lemma(head).as_str()) {
            return None;
        }
        if upos == "NOUN"
            && (CULTURE_NOUNS.contains(&tree.lemma(head).as_str())
                || article::TIME_UNITS.contains(&tree.lemma(head).as_str()))
        {
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
                p.span.contains(&here)
                    && p.kind == article::PlaceMentionKind::Toponym
                    && p.place
                        .as_ref()
                        .is_some_and(|x| x.precision != article::Precision::Country)
            })
        {
            return None;
        }
        // "fired shells at targets in Jericho": unnamed targets stand for their place.
        if upos == "NOUN" && tree.lemma(head) == "target" {
            let place = tree.children[head].iter().copied().find_map(|c| {
                if !tree.rel(c).starts_with("nmod")
                    || !matches!(tree.case(c).as_deref(), Some("in" | "at" | "near"))
                {
                    return None;
                }
                let here = a.tokens[tree.start + c].span;
                a.places.iter().find(|m| {
                    m.kind == article::PlaceMentionKind::Toponym
                        && m.span.contains(&here)
                        && m.place.is_some()
                })
            });
            if let Some((m, r)) = place.and_then(|m| Some((m, place_side(a, m)?))) {
                return Some((r, m.span));
            }
        }
        // "the state police convoy", "an army checkpoint": a vehicle or post stands for
        // the people noun that modifies it.
        if upos == "NOUN" && OWNED_THINGS.contains(&tree.lemma(head).as_str()) {
            // (Or the people its `of` phrase names: "the offices of the Palestinian
            // administrators".)
            let people = |c: usize| tree.known(c) || self.people_sector(tree, c, c).is_some();
            let owner = tree.children[head]
                .iter()
                .copied()
                .rev()
                .find(|&c| {
                    tree.rel(c) == "compound" && c < head && tree.ann(c).upos == "NOUN" && people(c)
                })
                .or_else(|| {
                    tree.children[head].iter().copied().find(|&c| {
                        tree.rel(c).starts_with("nmod")
                            && tree.case(c).as_deref() == Some("of")
                            && tree.ann(c).upos == "NOUN"
                            && people(c)
                    })
                });
            if let Some(c) = owner {
                if let Some(found) = self.argument_head_ref(tree, c, false) {
                    return Some(found);
                }
            }
        }
        // "Haiti's efforts", "the withdrawal of Serbian forces": a common noun stands for
        // the actor attached to it, when that one is a known actor.
        // (Not followers: "supporters of the opposition leader" are not the leader.)
        if upos == "NOUN" && !FOLLOWER_NOUNS.contains(&tree.lemma(head).as_str()) {
            for &c in &tree.children[head] {
                let rel = tree.rel(c);
                // ("a shelter for Sudanese refugees": it stands for whom it holds.)
                let shelter = matches!(
                    tree.lemma(head).as_str(),
                    "camp" | "shelter" | "home" | "school" | "hospital" | "orphanage"
                ) && tree.case(c).as_deref() == Some("for");
                let of = rel.starts_with("nmod")
                    && (rel == "nmod:poss" || tree.case(c).as_deref() == Some("of") || shelter);
                // ("its European Union partners": the named body, not the owner.)
                let owner_pronoun = rel == "nmod:poss"
                    && matches!(tree.word(c).to_lowercase().as_str(), "its" | "their")
                    && self.people_sector(tree, head, head).is_none()
                    && !tree.named_modifier(head);
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
        // "opposed to French mediation", "condemned Israeli airstrikes": an act named
        // by its nationality stands for that country.
        if upos == "NOUN" {
            let nationality = tree.children[head].iter().copied().find_map(|c| {
                if !matches!(tree.rel(c), "amod" | "compound") {
                    return None;
                }
                let here = a.tokens[tree.start + c].span;
                a.places.iter().find(|m| {
                    m.kind == article::PlaceMentionKind::Demonym && m.span.contains(&here)
                })
            });
            // (The lexicon is asked only when a nationality is there: this runs for
            // every argument.)
            let act = nationality.filter(|_| self.event_noun(tree, head).is_some());
            if let Some((m, r)) = act.and_then(|m| Some((m, place_side(a, m)?))) {
                return Some((r, m.span));
            }
        }
        // The head with its compounds, adjectives and flat names on the left, and
        // theirs ("The UNITA militarist wing").
        let mut from = head;
        let mut stack = vec![head];
        while let Some(x) = stack.pop() {
            for &c in &tree.children[x] {
                let rel = tree.rel(c);
                let nested = x != head && matches!(rel, "compound" | "flat");
                // (Not over a preposition: "blamed on X guerrillas" misparsed.)
                if c < from
                    && !tree.preposition_between(c, from)
                    && (nested
                        || (x == head && matches!(rel, "compound" | "amod" | "flat" | "nmod:poss")))
                {
                    from = c;
                    stack.push(c);
                }
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
            // (Also a name right before the phrase that the parser cut off from it:
            // "Arab League foreign ministers demanded".)
            let before = from.checked_sub(1).filter(|&x| {
                tree.known(x)
                    && tree.word(x).chars().next().is_some_and(char::is_uppercase)
                    && tree.ann(x).head != Some(head)
                    && self.people_sector(tree, from, head).is_some()
                    && tree
                        .mention(x)
                        .is_some_and(|m| m.tokens.end == tree.start + from)
            });
            if let Some(x) = (from..head).find(|&x| tree.known(x)).or(before) {
                if let Some((mut r, named)) = self.actor_ref(tree, x) {
                    let phrase = tree.span(from, head);
                    let whole = Span::new(named.start.min(phrase.start), phrase.end);
                    // The text is the whole phrase ("Irish nationalist guerrillas").
                    r.text = Some(a.slice(whole).to_string());
                    // A country's civilians, rebels or protesters are not its state:
                    // they are their own actor of that country ("Croatian extremists").
                    let country = tree
                        .mention(x)
                        .and_then(|m| a.actors.get(m.actor))
                        .is_some_and(|actor| actor.kind == article::ActorKind::Country);
                    let sector = self.people_sector(tree, from, head).filter(|s| {
                        !matches!(
                            s.as_str(),
                            "" | "GOV" | "MIL" | "COP" | "LEG" | "JUD" | "SPY"
                        )
                    });
                    if let (true, Some(sector)) = (country, sector) {
                        let text = a.slice(phrase).to_string();
                        r = ActorRef {
                            name: text.clone(),
                            text: Some(text),
                            country: r.country,
                            agent: Some(sector),
                            ..Default::default()
                        };
                        return Some((r, phrase));
                    }
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
        // Words inside multiword names (person or organization entities, actor mentions
        // past their first word).
        let mut in_name = vec![false; tree.len];
        let here = tree.start..tree.start + tree.len;
        let inner = article
            .entities
            .iter()
            .filter(|e| e.label != article::EntityLabel::Loc && e.tokens.len() >= 2)
            .map(|e| e.tokens.clone())
            .chain(
                article
                    .actor_mentions
                    .iter()
                    .filter(|m| m.tokens.len() >= 2)
                    .map(|m| m.tokens.start + 1..m.tokens.end),
            );
        for r in inner {
            for g in r.start.max(here.start)..r.end.min(here.end) {
                in_name[g - tree.start] = true;
            }
        }
        for t in 0..tree.len {
            let upos = tree.ann(t).upos.as_str();
            let pos = match upos {
                "VERB" => Pos::Verb,
                "NOUN" => Pos::Noun,
                _ => continue,
            };
            // A capitalized word inside a name is part of the name ("Manitoba Underdogs
            // Rescue", "the Ceasefire Violations Committee"), not an event.
            let capitalized =
                |x: usize| tree.word(x).chars().next().is_some_and(char::is_uppercase);
            if in_name.get(t).copied().unwrap_or(false) && capitalized(t) {
                continue;
            }
            // (Also right after another capitalized word mid-sentence, when the
            // recognizer missed the name: "Treva Battle", "Operation Desert Storm".)
            if t >= 1 && capitalized(t) && capitalized(t - 1) && tree.ann(t - 1).upos == "PROPN" {
                continue;
            }
            let lemma = tree.lemma(t);
            // Dependents' lemmas, with the prepositions of the verb's obliques ("called
            // on the UN to", "opened fire on").
            // (The subject of a verb with an object tells nothing of what the verb
            // does to it: "its forces captured two villages" seizes places.)
            let has_object = tree.children[t].iter().any(|&c| tree.rel(c) == "obj");
            let mut child_lemmas: Vec<String> = tree.children[t]
                .iter()
                .filter(|&&c| !(pos == Pos::Verb && has_object && tree.rel(c) == "nsubj"))
                .map(|&c| tree.lemma(c))
                .collect();
            if pos == Pos::Verb {
                // The noun a relative clause modifies stands in for its missing object
                // ("the deal he struck").
                if tree.rel(t) == "acl:relcl"
                    && !tree.children[t].iter().any(|&c| tree.rel(c) == "obj")
                {
                    let noun = tree.ann(t).head.filter(|&h| h < tree.len);
                    child_lemmas.extend(noun.map(|h| tree.lemma(h)));
                    // "a deal similar to the one he struck": the nouns "one" stands for.
                    if let Some(h) =
                        noun.filter(|&h| matches!(tree.lemma(h).as_str(), "one" | "ones"))
                    {
                        child_lemmas.extend(
                            (h.saturating_sub(10)..h)
                                .filter(|&x| tree.ann(x).upos == "NOUN")
                                .map(|x| tree.lemma(x)),
                        );
                    }
                }
                // A particle right after the verb, however parsed ("handed over 700 kg").
                if t + 1 < tree.len
                    && matches!(tree.ann(t + 1).upos.as_str(), "ADP" | "ADV" | "PART")
                {
                    child_lemmas.push(tree.lemma(t + 1));
                }
                for &c in &tree.children[t] {
                    let rel = tree.rel(c);
                    // (Not the preposition of a day: "seized power on Monday" is no
                    // "seize on".)
                    if rel.starts_with("obl")
                        && !crate::date::is_time_word(&tree.word(c).to_lowercase())
                    {
                        child_lemmas.extend(tree.case(c));
                    }
                    // "added the group to its terrorist list": an oblique's modifiers.
                    if rel.starts_with("obl") {
                        child_lemmas.extend(
                            tree.children[c]
                                .iter()
                                .filter(|&&x| matches!(tree.rel(x), "amod" | "compound"))
                                .map(|&x| tree.lemma(x)),
                        );
                    }
                    // "Mosul was liberated": a town or province as the object answers
                    // a trigger's `@place` requirement.
                    if matches!(rel, "obj" | "nsubj:pass") && Self::names_a_town(&tree, c) {
                        child_lemmas.push(PLACE_LEMMA.to_string());
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
            // "violations of the truce", "the collapse of the ceasefire": the agreement
            // broken is no new agreement.
            if pos == Pos::Noun
                && tree.case(t).as_deref() == Some("of")
                && head_of_t.is_some_and(|h| {
                    matches!(
                        tree.lemma(h).as_str(),
                        "violation" | "breach" | "collapse" | "violator"
                    )
                })
            {
                skip!("an agreement broken (violations of, collapse of), not one made");
            }
            // "kidnappings have risen in recent months", "attacks rose": a trend, not an
            // event.
            // (Read off the words too: "kidnappings blamed on bandits have risen" is
            // often misparsed.)
            let trend_after = (t + 1..(t + 7).min(tree.len))
                .take_while(|&v| !matches!(tree.word(v), "," | ";" | "and" | "but"))
                .find(|&v| {
                    tree.ann(v).upos == "VERB"
                        && TREND_VERBS.contains(&tree.lemma(v).as_str())
                        && !tree.children[v]
                            .iter()
                            .any(|&c| tree.rel(c).starts_with("nsubj") && c != t)
                });
            let trend_head = tree.rel(t).starts_with("nsubj")
                && head_of_t.is_some_and(|h| TREND_VERBS.contains(&tree.lemma(h).as_str()));
            if pos == Pos::Noun && (trend_head || trend_after.is_some()) {
                skip!("a trend of events, not one event");
            }
            // "more than 30,000 people have been killed since the war began": a running
            // total over a span of time (present perfect with "since"), not one event.
            let perfect = tree.children[t]
                .iter()
                .any(|&c| tree.rel(c) == "aux" && matches!(tree.lemma(c).as_str(), "have" | "has"));
            let since = tree.children[t].iter().any(|&c| {
                tree.children[c]
                    .iter()
                    .any(|&m| matches!(tree.rel(m), "mark" | "case") && tree.lemma(m) == "since")
            });
            let tally = matches!(
                trigger.category,
                events::Category::Assault | events::Category::Coerce
            );
            if pos == Pos::Verb && perfect && since && tally {
                skip!("a running total since a time (present perfect), not one event");
            }
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
            // "a measure to fight armed groups", "plans to attack": an infinitive on a
            // noun is a purpose or plan, not an act.
            // (An attempted attack is still one: "an attempt to assassinate".)
            let attempt =
                head_of_t.is_some_and(|h| matches!(tree.lemma(h).as_str(), "attempt" | "bid"));
            // "anyone found destroying property will be punished": an act of whoever
            // might do it is a warning's hypothesis, not an event.
            let generic_doer = {
                let generic =
                    |x: usize| matches!(tree.lemma(x).as_str(), "anyone" | "anybody" | "whoever");
                let subject_generic = |x: usize| {
                    tree.children[x]
                        .iter()
                        .any(|&c| tree.rel(c).starts_with("nsubj") && generic(c))
                };
                let mut x = t;
                let mut found = subject_generic(t);
                for _ in 0..3 {
                    if found || !matches!(tree.rel(x), "acl" | "xcomp" | "acl:relcl" | "advcl") {
                        break;
                    }
                    let Some(h) = tree.ann(x).head.filter(|&h| h < tree.len) else {
                        break;
                    };
                    found = generic(h) || tree.rel(x) == "xcomp" && subject_generic(h);
                    x = h;
                }
                found
            };
            if generic_doer {
                skip!("the act of 'anyone' who might do it: a hypothesis, not an event");
            }
            if tree.rel(t) == "acl" && infinitive && !(material && attempt) {
                skip!("an infinitive on a noun (a plan or purpose): not (yet) happened");
            }
            // The clause the act stands in: the verb governing an event noun ("threatened
            // to launch an offensive") and the first of conjoined verbs ("aims to
            // tighten sanctions and impose a blockade").
            let mut clause = t;
            if pos == Pos::Noun && matches!(tree.rel(t), "obj" | "nsubj:pass") {
                if let Some(h) = head_of_t.filter(|&h| tree.ann(h).upos == "VERB") {
                    clause = h;
                }
            }
            for _ in 0..3 {
                match tree.ann(clause).head.filter(|&h| h < tree.len) {
                    Some(h) if tree.rel(clause) == "conj" && tree.ann(h).upos == "VERB" => {
                        clause = h
                    }
                    _ => break,
                }
            }
            let clause_head = tree.ann(clause).head.filter(|&h| h < tree.len);
            let clause_infinitive = tree.children[clause]
                .iter()
                .any(|&c| tree.rel(c) == "mark" && tree.lemma(c) == "to");
            if matches!(tree.rel(clause), "xcomp" | "ccomp")
                || tree.rel(clause) == "advcl" && clause_infinitive
            {
                if let Some(h) = clause_head {
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
                    } else if cooperative && WILLING.contains(&head_lemma.as_str()) {
                        // "is ready to contribute troops": an offer (PLOVER AGREE).
                        overridden = Some(C::Agree);
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
            if tree.children[clause].iter().any(|&c| {
                tree.rel(c) == "mark" && matches!(tree.lemma(c).as_str(), "if" | "unless")
            }) {
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
            // "an Adair County shooting", "a Kabul bombing": a town modifying an event
            // noun says where, not who (a country's name does say who: "a Syrian
            // strike").
            let before = actors.len();
            if pos == Pos::Noun {
                actors.retain(|&x| {
                    !(tree.rel(x) == "compound"
                        && tree.ann(x).head == Some(t)
                        && Self::names_a_town(&tree, x))
                });
            }
            // ("a Calgary rally" is still a protest, by protesters unnamed.)
            let town_protest =
                actors.is_empty() && before > 0 && trigger.category == events::Category::Protest;
            // "breaches of the ceasefire by militia fighters, including the shelling of a
            // school": an act given as an example of acts by someone is theirs.
            if pos == Pos::Noun
                && actors.is_empty()
                && matches!(
                    tree.case(t).as_deref(),
                    Some("including" | "include" | "like")
                )
            {
                if let Some(h) = tree.ann(t).head.filter(|&h| h < tree.len) {
                    let examples_of: Vec<usize> = if tree.ann(h).upos == "NOUN" {
                        vec![h]
                    } else {
                        tree.children[h]
                            .iter()
                            .copied()
                            .filter(|&x| x < t && tree.rel(x) == "obj")
                            .collect()
                    };
                    actors.extend(examples_of.iter().flat_map(|&x| {
                        tree.children[x].iter().copied().filter(|&c| {
                            tree.rel(c).starts_with("nmod") && tree.case(c).as_deref() == Some("by")
                        })
                    }));
                }
            }
            let mut recipients = Self::arguments(&tree, t, &trigger.recipient, false);
            // The words of a multiword trigger are no side ("opened fire", "took control").
            if pos == Pos::Verb && !trigger.with.is_empty() {
                let own =
                    |x: usize| tree.ann(x).head == Some(t) && trigger.with.contains(&tree.lemma(x));
                recipients.retain(|&x| !own(x));
                actors.retain(|&x| !own(x));
            }
            // "Five soldiers and three rebels died in a clash": the dead of a two-sided
            // fight that names no sides are its sides (PLOVER: all sides are actors).
            let casualties = if pos == Pos::Noun
                && (trigger.symmetric || trigger.category == events::Category::Assault)
                && actors.is_empty()
                && recipients.is_empty()
                && tree.rel(t).starts_with("obl")
            {
                head_of_t.and_then(|h| {
                    let passive_h = tree.children[h]
                        .iter()
                        .any(|&c| tree.rel(c) == "aux:pass" || tree.rel(c) == "nsubj:pass");
                    let role = match tree.lemma(h).as_str() {
                        "die" => "dead",
                        "kill" if passive_h => "dead",
                        "wound" | "injure" if passive_h => "injured",
                        _ => return None,
                    };
                    let subjects = Self::arguments(
                        &tree,
                        h,
                        &["nsubj".to_string(), "nsubj:pass".to_string()],
                        false,
                    );
                    (!subjects.is_empty()).then_some((role, subjects))
                })
            } else {
                None
            };
            // ("Three villagers died in the attack": the dead of a one-sided attack are
            // its targets.)
            if let Some((_, subjects)) = &casualties {
                if trigger.symmetric {
                    actors = subjects.clone();
                } else {
                    recipients = subjects.clone();
                }
            }
            // "demanded an admission by Moscow", "demanded the withdrawal of Serbian
            // forces from Bosnia", "demanded a truce with Moslem forces": a demand for
            // an act is made of whoever is to act.
            if trigger.category == events::Category::Request && pos == Pos::Verb {
                if let Some(doer) = self.demanded_of(&tree, t) {
                    recipients = vec![doer];
                }
                // "Greece demanded that its EC partners refuse": whoever is to act.
                if recipients.is_empty() {
                    recipients = tree.children[t]
                        .iter()
                        .copied()
                        .filter(|&c| tree.rel(c) == "ccomp")
                        .flat_map(|c| Self::arguments(&tree, c, &["nsubj".to_string()], false))
                        .filter(|&x| tree.ann(x).upos != "PRON")
                        .collect();
                }
            }
            // "complained to the UN over two Israeli air raids": a complaint about an
            // act is aimed at whoever did it, not at the one it is made to.
            if trigger.category == events::Category::Accuse && pos == Pos::Verb {
                // (Read off the words: "over two Israeli air raids last Friday" is often
                // misparsed.) The doer is a name modifying the act's noun.
                let about = (t + 1..tree.len)
                    .find(|&w| matches!(tree.word(w).to_lowercase().as_str(), "over" | "about"));
                let doer = about.and_then(|w| {
                    (w + 1..(w + 6).min(tree.len))
                        .take_while(|&j| tree.rel(j) != "punct")
                        .find(|&j| {
                            tree.known(j)
                                && matches!(tree.ann(j).upos.as_str(), "ADJ" | "PROPN" | "NOUN")
                                && (j + 1..(j + 4).min(tree.len)).any(|n| {
                                    self.event_noun(&tree, n).is_some_and(|x| {
                                        use events::Category as C;
                                        matches!(x.category, C::Assault | C::Coerce | C::Sanction)
                                    })
                                })
                        })
                });
                if let Some(m) = doer {
                    recipients = vec![m];
                }
            }
            // "tighten the blockade of Armenia along the border", "lifted the siege
            // on the city": the act named by the object is aimed at its `of`/`on`
            // party, and so is the verb.
            if pos == Pos::Verb {
                let aimed = tree.children[t]
                    .iter()
                    .copied()
                    .filter(|&o| tree.rel(o) == "obj" && self.event_noun(&tree, o).is_some())
                    .flat_map(|o| tree.children[o].clone())
                    .find(|&c| {
                        tree.rel(c).starts_with("nmod")
                            && matches!(tree.case(c).as_deref(), Some("of" | "on" | "against"))
                            && tree.known(c)
                    });
                if let Some(c) = aimed {
                    recipients = vec![c];
                }
            }
            // (A frame argument that names nobody, "lodged a protest with Togo
            // yesterday" with "yesterday" taken for the `with` phrase, does not count, except
            // as the thing attacked or seized.)
            let things_targeted = matches!(
                trigger.category,
                events::Category::Assault | events::Category::Coerce
            );
            let unnamed = recipients.is_empty()
                || (!things_targeted
                    && recipients
                        .iter()
                        .all(|&r| self.argument_ref(&tree, r, false).is_none()));
            // (A resignation is from a post, not aimed at whoever the sentence names
            // next: "resigned to allow Chad's first free elections".)
            let resigning = trigger.mode.as_deref() == Some("resign");
            if unnamed
                && pos == Pos::Verb
                && !trigger.symmetric
                && !trigger.recipient.is_empty()
                && !resigning
            {
                let found = Self::fallback_recipient(&tree, t);
                if !found.is_empty() {
                    recipients = found;
                }
            }
            // "a hunger strike in protest of the government's refusal", "blocked streets
            // in defiance of Chinese authorities": a protest is aimed at the first party
            // named after it in its clause.
            // (Not a protest called off, ended or suspended: that is its own event.)
            let ended = pos == Pos::Noun
                && head_of_t.is_some_and(|h| {
                    matches!(
                        tree.lemma(h).as_str(),
                        "call"
                            | "end"
                            | "suspend"
                            | "cancel"
                            | "abandon"
                            | "halt"
                            | "stop"
                            | "lift"
                    )
                });
            if recipients.is_empty() && trigger.category == events::Category::Protest && !ended {
                recipients = self.protest_target(&tree, t);
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
            // (An `obl` only as "engaged in": "imposed a curfew after a demonstration"
            // does not carry the demonstration.)
            let carried = match tree.rel(t) {
                "obj" => true,
                "obl" => matches!(tree.case(t).as_deref(), Some("in" | "into")),
                _ => false,
            };
            if pos == Pos::Noun && carried {
                if let Some(h) = head_of_t.filter(|&h| {
                    tree.ann(h).upos == "VERB" && LIGHT_VERBS.contains(&tree.lemma(h).as_str())
                }) {
                    // "announced a temporary ceasefire": announced, not yet carried out
                    // (PLOVER CONCEDE).
                    if trigger.category == events::Category::Retreat
                        && ANNOUNCING.contains(&tree.lemma(h).as_str())
                    {
                        overridden = Some(events::Category::Concede);
                    }
                    // (Also when the noun's own owner is only a pronoun: "continued their
                    // hunger strike" — the subject is who "their" means.)
                    if actors.iter().all(|&x| tree.ann(x).upos == "PRON") {
                        // ("were engaged in ethnic cleansing", "involved in clashes": the
                        // passive subject is the doer.)
                        let subject: &[String] =
                            if matches!(tree.lemma(h).as_str(), "engage" | "involve") {
                                &["nsubj".to_string(), "nsubj:pass".to_string()]
                            } else {
                                &["nsubj".to_string()]
                            };
                        actors = Self::arguments(&tree, h, subject, false);
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
            // So is an agreement or a refusal ("agreed to re-open its borders to UN
            // peacekeepers", "refused to allow United Nations planes to land"), where
            // a named party beats a thing.
            let complement_target = matches!(
                trigger.category,
                events::Category::Threaten | events::Category::Request
            ) || (pos == Pos::Verb
                && matches!(
                    trigger.category,
                    events::Category::Agree | events::Category::Reject
                ));
            let mut complement_recipient = false;
            if recipients.is_empty() && complement_target {
                if let Some(&x) = tree.children[t]
                    .iter()
                    .find(|&&c| matches!(tree.rel(c), "xcomp" | "ccomp"))
                {
                    let candidates: Vec<usize> = tree.children[x]
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
                        .collect();
                    let named = candidates.iter().copied().find(|&c| {
                        tree.known(c)
                            || self.people_sector(&tree, c, c).is_some()
                            || tree.children[c].iter().any(|&m| {
                                matches!(tree.rel(m), "compound" | "amod") && tree.known(m)
                            })
                    });
                    complement_recipient = named.is_some();
                    recipients = match named {
                        Some(c) => vec![c],
                        None if trigger.category == events::Category::Agree
                            || trigger.category == events::Category::Reject =>
                        {
                            Vec::new()
                        }
                        None => candidates.into_iter().take(1).collect(),
                    };
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
            let verbal_act = trigger.category != events::Category::Assault
                && trigger.category != events::Category::Coerce;
            for &r in &recipients {
                if verbal_act && self.is_deed(&tree, r) {
                    let doers = self.perpetrators(&tree, r);
                    previous_doer |= doers.is_empty();
                    via_deed.extend(doers);
                } else if verbal_act
                    && tree.ann(r).upos == "NOUN"
                    && !tree.known(r)
                    && self.event_noun(&tree, r).is_some()
                {
                    // "rejected an offer from Afghanistan", "opposed French
                    // mediation": a response to an act answers whoever made it.
                    let doers = self.perpetrators(&tree, r);
                    if doers.is_empty() {
                        via_deed.push(r);
                    } else {
                        via_deed.extend(doers);
                    }
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
                    // (Not a time word the parser hung it on: "with Togo yesterday".)
                    let h = match tree.ann(h).head.filter(|&x| x < tree.len) {
                        Some(x)
                            if x != t
                                && matches!(tree.rel(h), "compound" | "amod")
                                && tree.ann(x).upos == "NOUN"
                                && !crate::date::is_time_word(&tree.word(x).to_lowercase()) =>
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
                    // "American and Afghan Special Forces": coordinated nationalities on
                    // one head are two actors; the first one is a side of its own.
                    for &c in &tree.children[h] {
                        let coordinated = matches!(tree.rel(c), "amod" | "compound")
                            && tree.known(c)
                            && tree.children[c].iter().any(|&d| tree.rel(d) == "conj");
                        if !coordinated {
                            continue;
                        }
                        if let Some((r, span)) = self.argument_ref(&tree, c, things) {
                            if !v.iter().any(|(x, _)| x.name == r.name) {
                                v.insert(0, (r, Some(span)));
                            }
                        }
                    }
                }
                v
            };
            // Things can be attacked or seized, not arrested or abducted; and where the
            // target side names people too ("seized power from the government"), the
            // people are the recipient.
            let targets = matches!(
                trigger.category,
                events::Category::Assault | events::Category::Coerce
            ) && !matches!(trigger.mode.as_deref(), Some("arrest" | "abduct"));
            let mut actor = side(&actors, false);
            let mut recipient = side(&recipients, false);
            if recipient.is_empty() && targets {
                recipient = side(&recipients, true);
            }
            // "The suspected bomber was arrested": arrests are made by the police, the
            // document's own when it names them.
            if actor.is_empty()
                && passive
                && trigger.mode.as_deref() == Some("arrest")
                && !recipient.is_empty()
            {
                actor.push((implicit_police(tree.article, tree.start + t), None));
            }
            if actor.is_empty() && town_protest {
                let protesters = ActorRef {
                    name: "protesters".into(),
                    agent: Some("OPP".into()),
                    ..Default::default()
                };
                actor.push((protesters, None));
            }
            // "killed in a bomb attack blamed on ELN guerrillas": whoever the attack is
            // blamed on (or attributed to, or claimed by) is its doer.
            if actor.is_empty() && targets {
                if let Some(x) = blamed_party(&tree, t) {
                    if let Some((r, span)) = self.argument_ref(&tree, x, false) {
                        actor.push((r, Some(span)));
                    }
                }
            }
            // "The attack targeted power plants": an act whose subject is the attack
            // just told is done by that attack's doer.
            if actor.is_empty() && trigger.category == events::Category::Assault {
                let retold = tree.children[t].iter().copied().find(|&c| {
                    tree.rel(c) == "nsubj"
                        && self
                            .event_noun(&tree, c)
                            .is_some_and(|n| n.category == events::Category::Assault)
                        && tree.children[c].iter().any(|&d| {
                            tree.rel(d) == "det"
                                && matches!(tree.lemma(d).as_str(), "the" | "this" | "that")
                        })
                });
                let retold = retold.map(|c| tree.word(c).to_lowercase());
                let recent = article.sentences[k.saturating_sub(3)].span.start;
                if let Some(noun) = retold {
                    // (The attack that sentence named with the same noun, else the latest.)
                    let candidates: Vec<&EventDraft> = out
                        .iter()
                        .rev()
                        .filter(|d| {
                            d.category == events::Category::Assault
                                && !d.actor.is_empty()
                                && d.sentence.start >= recent
                        })
                        .collect();
                    let named = candidates.iter().find(|d| {
                        article
                            .slice(d.sentence)
                            .to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == noun)
                    });
                    if let Some(d) = named.or(candidates.first()) {
                        actor = d.actor.clone();
                    }
                }
            }
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
            // "called off the strike after talks with the government": a concession
            // that follows talks is made to the other side of the talks.
            if recipient.is_empty()
                && !actor.is_empty()
                && overridden.unwrap_or(trigger.category) == events::Category::Concede
            {
                if let Some((r, span)) = self.talks_partner(&tree, t) {
                    recipient.push((r, Some(span)));
                }
            }
            // "shelled the southern city of Kismayo": an attack on a town is aimed at it
            // (the town, not the "city" that introduces it).
            if !actor.is_empty()
                && pos == Pos::Verb
                && overridden.unwrap_or(trigger.category) == events::Category::Assault
            {
                if let Some(town) = Self::object_place(&tree, t) {
                    let object = tree.children[t]
                        .iter()
                        .copied()
                        .filter(|&c| tree.rel(c) == "obj")
                        .map(|c| tree.span(c, c))
                        .collect::<Vec<_>>();
                    let the_object = |(_, span): &(ActorRef, Option<Span>)| {
                        span.is_some_and(|s| object.iter().any(|o| s.contains(o)))
                    };
                    if recipient.iter().all(the_object) {
                        recipient = vec![town];
                    }
                }
            }
            // (Casualties told with an attack on a town do not replace the town.)
            let place_recipient = recipient.iter().any(|(_, span)| {
                span.is_some_and(|s| {
                    article
                        .places
                        .iter()
                        .any(|m| m.kind == article::PlaceMentionKind::Toponym && m.span == s)
                        || article
                            .entities
                            .iter()
                            .any(|m| m.label == article::EntityLabel::Loc && m.span == s)
                })
            });
            // Nobody acts on themselves here: a recipient that is also an actor goes.
            recipient.retain(|(r, _)| !actor.iter().any(|(a, _)| a.name == r.name));
            // (A joint act's other party joins the actors; whom its complement aims at
            // stays the recipient: "agreed to re-open its borders to peacekeepers".)
            let symmetric = trigger.symmetric && !complement_recipient;
            if symmetric {
                actor.extend(recipient.iter().cloned());
            }
            let recipient = if symmetric { Vec::new() } else { recipient };
            // Counts: a number on the object (dead, injured) or the subject (size);
            // listed components add up ("five soldiers and three rebels" → 8).
            // People arrested, abducted, deported or expelled are the event's size.
            let taken = trigger.count_role.is_none()
                && (matches!(trigger.category, events::Category::Coerce)
                    || trigger.mode.as_deref() == Some("abduct")
                    || matches!(trigger.mode.as_deref(), Some("expel" | "deport")));
            let count_role = if let Some((role, _)) = casualties {
                Some(role)
            } else if taken {
                Some("size")
            } else {
                trigger.count_role.as_deref()
            };
            let counted: Vec<usize> = match count_role {
                Some(_) if casualties.is_some() => casualties
                    .as_ref()
                    .map(|(_, subjects)| subjects.clone())
                    .unwrap_or_default(),
                // (People taken, not places: "captured two villages" has no size.)
                Some("size") if taken => Self::arguments(&tree, t, &trigger.recipient, false)
                    .into_iter()
                    .filter(|&h| !PLACE_NOUNS.contains(&tree.lemma(h).as_str()))
                    .collect(),
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
            let count_of = |h: usize| phrase_count(&tree, h);
            let counts: Vec<u64> = counted.iter().filter_map(|&h| count_of(h)).collect();
            let count = (!counts.is_empty()).then(|| counts.iter().sum::<u64>());
            // The people acting are the size of an attack or protest when numbered
            // ("some 30 gunmen opened fire", "200 students marched"); one named person
            // protesting alone is a protest of one.
            let acting_size = if count_role == Some("size") || casualties.is_some() {
                None
            } else if matches!(
                trigger.category,
                events::Category::Assault | events::Category::Protest
            ) {
                let numbered: Vec<u64> = actors.iter().filter_map(|&h| count_of(h)).collect();
                if !numbered.is_empty() {
                    Some(numbered.iter().sum::<u64>())
                } else if let [h] = actors[..] {
                    Self::numbered_antecedent(&tree, mention_at, k, h)
                } else {
                    None
                }
            } else {
                None
            };
            let lone_protester = trigger.category == events::Category::Protest
                && count.is_none()
                && actors.len() == 1
                && tree.ann(actors[0]).upos == "PROPN"
                && tree.mention(actors[0]).is_some_and(|m| {
                    article
                        .actors
                        .get(m.actor)
                        .is_some_and(|a| a.kind == article::ActorKind::Person)
                });
            let acting_size = acting_size.or(lone_protester.then_some(1));
            // "Thousands marched": a crowd only counted is the protesters.
            let mut crowd: Option<usize> = None;
            if actor.is_empty() && trigger.category == events::Category::Protest {
                if let Some(&q) = tree.children[t].iter().find(|&&q| {
                    tree.rel(q).starts_with("nsubj")
                        && (tree.ann(q).upos == "NUM"
                            || QUANTITY_NOUNS.contains(&tree.lemma(q).as_str())
                            || matches!(tree.lemma(q).as_str(), "thousand" | "thousands"))
                }) {
                    let span = tree.span(q, q);
                    crowd = Some(q);
                    actor.push((
                        ActorRef {
                            name: "protesters".into(),
                            text: Some(tree.word(q).to_string()),
                            agent: self.agents.get("protesters").cloned(),
                            ..Default::default()
                        },
                        Some(span),
                    ));
                }
            }
            if actor.is_empty() && recipient.is_empty() && count.is_none() {
                skip!("no actor, recipient or count found in its arguments");
            }
            // "killed when a tree fell on them", "died in a car crash": deaths with nobody
            // doing them and an accident or disaster told with them are no attack.
            if actor.is_empty()
                && overridden.unwrap_or(trigger.category) == events::Category::Assault
                && (0..tree.len).any(|i| {
                    let lemma = tree.ann(i).lemma.as_str();
                    ACCIDENT_WORDS.contains(&lemma)
                        || lemma == "fall"
                            && tree.children[i].iter().any(|&c| {
                                tree.rel(c) == "nsubj"
                                    && FALLING_THINGS.contains(&tree.ann(c).lemma.as_str())
                            })
                })
            {
                skip!("deaths in an accident or disaster, with nobody doing them");
            }
            // Gunmen or troops arriving somewhere pay no visit.
            if trigger.mode.as_deref() == Some("visit")
                && !actor.is_empty()
                && actor.iter().all(|(a, _)| {
                    matches!(
                        a.agent.as_deref(),
                        Some("MIL" | "REB" | "INS" | "UAF" | "CRM" | "SEP")
                    )
                })
            {
                skip!("armed men arriving: no visit");
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
            // ("have been conducting operations": the light verb's tense.)
            let verb = match pos {
                Pos::Noun if tree.rel(t) == "obj" => tree
                    .ann(t)
                    .head
                    .filter(|&h| h < tree.len && tree.ann(h).upos == "VERB"),
                Pos::Noun => None,
                _ => Some(t),
            };
            let present = verb.is_some_and(|v| {
                matches!(tree.ann(v).xpos.as_str(), "VBZ" | "VBP")
                    || tree.ann(v).xpos == "VBG"
                        && tree.children[v].iter().any(|&c| {
                            tree.rel(c) == "aux"
                                && matches!(
                                    tree.word(c).to_lowercase().as_str(),
                                    "is" | "are" | "am" | "have" | "has"
                                )
                        })
            });
            // "had switched sides": background, dated only by its own words.
            let pluperfect = verb.is_some_and(|v| {
                tree.children[v]
                    .iter()
                    .any(|&c| tree.rel(c) == "aux" && tree.word(c).eq_ignore_ascii_case("had"))
            });
            let tense = if future {
                crate::date::Tense::Future
            } else if present {
                crate::date::Tense::Present
            } else if pluperfect {
                crate::date::Tense::Pluperfect
            } else {
                crate::date::Tense::Past
            };
            let trigger_span = tree.span(t, t);
            let foreign = Self::other_clauses(&tree, t);
            let date =
                crate::date::date_in_clause(article, k, Some(trigger_span.start), &foreign, tense);
            let date_implied = date.is_some()
                && !crate::date::date_stated_in_clause(
                    article,
                    k,
                    Some(trigger_span.start),
                    &Self::report_words(&tree, t, foreign),
                );
            // "fired tear gas at", "launched drone strikes on": the weapon or act the
            // object names gives the mode.
            let mode = if pos == Pos::Verb {
                tree.children[t]
                    .iter()
                    .copied()
                    .filter(|&c| tree.rel(c) == "obj")
                    .flat_map(|c| {
                        std::iter::once(c).chain(
                            tree.children[c]
                                .iter()
                                .copied()
                                .filter(|&d| tree.rel(d) == "conj"),
                        )
                    })
                    .filter_map(|c| self.event_noun(&tree, c))
                    .find(|n| n.category == trigger.category && n.mode.is_some())
                    .and_then(|n| n.mode.clone())
                    .or_else(|| trigger.mode.clone())
            } else {
                trigger.mode.clone()
            };
            // A place named as a party ("accused Kyiv of") is no location; a town
            // attacked or seized ("Mosul was liberated", "shelled Kismayo") is.
            let force = matches!(
                category,
                events::Category::Assault | events::Category::Coerce
            );
            let struck_town = |span: &Span| {
                force
                    && recipient.iter().any(|(_, r)| r.as_ref() == Some(span))
                    && article
                        .places
                        .iter()
                        .any(|m| m.span == *span && below_country(m))
            };
            let parties: Vec<Span> = actor
                .iter()
                .chain(&recipient)
                .filter_map(|(_, span)| *span)
                .filter(|s| !struck_town(s))
                .collect();
            let location = crate::location::locate_apart_from(article, k, trigger_span, &parties);
            let draft = EventDraft {
                category,
                mode,
                context: trigger.context.clone(),
                actor,
                recipient,
                location,
                date,
                date_implied,
                dated_with: date_implied
                    .then(|| Self::simultaneous_clause(&tree, t))
                    .flatten(),
                place_recipient,
                dead: count.filter(|_| count_role == Some("dead")),
                injured: count.filter(|_| count_role == Some("injured")),
                size: count
                    .filter(|_| count_role == Some("size"))
                    .or(acting_size)
                    .or(crowd.and_then(|q| phrase_count(&tree, q))),
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
        self.demands(&tree, k, out, notes);
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

/// Gives an actor reached through a pronoun the pronoun as its surface text; the words
/// that named it before stay one of its names.
fn retext(r: &mut ActorRef, pronoun: &str) {
    if let Some(t) = r.text.take().filter(|t| *t != r.name) {
        if !r.aliases.contains(&t) {
            r.aliases.push(t);
        }
    }
    r.text = Some(pronoun.to_string());
}

/// The actor of the latest mention before article token `g`, within its sentence and
/// the two before, that `fits` (mention, kind).
impl SyntaxCoder {
    /// "Some 30 gunmen were waiting. The gunmen opened fire": the number a definite
    /// plural people noun had in one of the two sentences before.
    fn numbered_antecedent(
        tree: &Tree<'_>,
        mention_at: &[Option<usize>],
        k: usize,
        h: usize,
    ) -> Option<u64> {
        let definite = tree.children[h]
            .iter()
            .any(|&c| tree.rel(c) == "det" && tree.word(c).eq_ignore_ascii_case("the"));
        if !definite || tree.ann(h).xpos != "NNS" {
            return None;
        }
        let lemma = tree.lemma(h);
        (k.saturating_sub(2)..k).rev().find_map(|j| {
            let before = Tree::new(tree.article, mention_at, &tree.article.sentences[j])?;
            (0..before.len).find_map(|x| {
                (before.ann(x).upos == "NOUN" && before.lemma(x) == lemma)
                    .then(|| phrase_count(&before, x))
                    .flatten()
            })
        })
    }

    /// "Russia said that Sudan must return the helicopter": a statement that another
    /// party must (or should) act is a demand, PLOVER's REQUEST, from the speaker to
    /// that party.
    fn demands(&self, tree: &Tree<'_>, k: usize, out: &mut Vec<EventDraft>, notes: &mut Vec<Note>) {
        let article = tree.article;
        for t in 0..tree.len {
            if tree.rel(t) != "ccomp" || tree.ann(t).upos != "VERB" {
                continue;
            }
            let Some(modal) = tree.children[t].iter().copied().find(|&c| {
                tree.rel(c) == "aux" && matches!(tree.lemma(c).as_str(), "must" | "should")
            }) else {
                continue;
            };
            let Some(say) = tree.ann(t).head.filter(|&h| h < tree.len) else {
                continue;
            };
            let verb = tree.lemma(say);
            if !SAYING.contains(&verb.as_str()) && !ANNOUNCING.contains(&verb.as_str()) {
                continue;
            }
            let subject = |v: usize| Self::arguments(tree, v, &["nsubj".to_string()], false);
            let side = |heads: Vec<usize>| -> Vec<(ActorRef, Option<Span>)> {
                heads
                    .into_iter()
                    .filter_map(|h| self.actor_ref(tree, h))
                    .map(|(r, span)| (r, Some(span)))
                    .collect()
            };
            let (actor, recipient) = (side(subject(say)), side(subject(t)));
            // Both parties named, and not one and the same ("X said it must").
            if actor.is_empty()
                || recipient.is_empty()
                || recipient
                    .iter()
                    .any(|(r, _)| actor.iter().any(|(a, _)| a.name == r.name))
            {
                continue;
            }
            let trigger = tree.span(modal, modal);
            out.push(EventDraft {
                category: events::Category::Request,
                mode: None,
                context: Vec::new(),
                actor,
                recipient,
                location: crate::location::locate(article, k, trigger),
                date: crate::date::date_in_clause(
                    article,
                    k,
                    Some(tree.span(say, say).start),
                    &Self::other_clauses(tree, say),
                    crate::date::Tense::Past,
                ),
                dead: None,
                injured: None,
                size: None,
                sentence: article.sentences[k].span,
                trigger,
                rule: "syntax:must/AUX:demand".into(),
                confidence: 0.5,
                future: false,
                date_implied: false,
                dated_with: None,
                place_recipient: false,
            });
            notes.push(Note {
                sentence: k,
                trigger,
                rule: "must/AUX".into(),
                category: events::Category::Request,
                verdict: Verdict::Coded,
            });
        }
    }
}

/// The police a passive arrest implies: the latest police actor the document names
/// before token `g`, else generic police.
/// True when token `i` names a national capital ("an admission by Moscow"), which
/// stands for its government.
/// A place standing as an event's side ("a curfew in Imphal", "fired at targets in
/// Homs"): its gazetteer name, with the words the text uses.
fn place_side(a: &Article, m: &article::PlaceMention) -> Option<ActorRef> {
    let place = crate::location::place_ref(a, m)?;
    Some(ActorRef {
        name: place.name,
        text: Some(a.slice(m.span).to_string()),
        ..Default::default()
    })
}

fn capital(tree: &Tree<'_>, i: usize) -> bool {
    let here = tree.span(i, i);
    tree.ann(i).upos == "PROPN"
        && tree.article.places.iter().any(|p| {
            p.span.contains(&here) && p.place.as_ref().is_some_and(|x| x.feature_code == "PPLC")
        })
}

/// The party an attack in this sentence is blamed on: the noun after "blamed on",
/// "attributed to" or "claimed by" (read off the words, not the parse, which often
/// goes astray in such long participle phrases).
fn blamed_party(tree: &Tree<'_>, trigger: usize) -> Option<usize> {
    (0..tree.len.saturating_sub(1)).find_map(|v| {
        let want = match tree.lemma(v).as_str() {
            "blame" => "on",
            "attribute" => "to",
            // ("claimed by" only of responsibility: "territory claimed by Morocco"
            // names no attacker.)
            "claim"
                if tree.ann(v).xpos == "VBN"
                    && (0..tree.len).any(|w| tree.lemma(w) == "responsibility") =>
            {
                "by"
            }
            _ => return None,
        };
        let p = v + 1;
        if !tree.word(p).eq_ignore_ascii_case(want) || tree.rel(p) != "case" {
            return None;
        }
        // Not inside a relative clause ("a state where violence blamed on drug gangs
        // has jumped" blames the violence, not the attack).
        let relative = (trigger.min(v)..v).any(|w| {
            matches!(
                tree.word(w).to_lowercase().as_str(),
                "where" | "which" | "who" | "whom" | "that" | "when" | "while"
            )
        });
        if relative || (0..tree.len).any(|r| tree.rel(r) == "acl:relcl" && tree.dominates(r, v)) {
            return None;
        }
        tree.ann(p)
            .head
            .filter(|&n| n > p && n < tree.len)
            .filter(|&n| matches!(tree.ann(n).upos.as_str(), "NOUN" | "PROPN"))
    })
}

fn implicit_police(a: &Article, g: usize) -> ActorRef {
    let named = a
        .actor_mentions
        .iter()
        .rev()
        .filter(|m| m.tokens.end <= g)
        .filter_map(|m| a.actors.get(m.actor))
        .find(|x| x.sector.as_deref() == Some("COP"));
    match named {
        Some(x) => ActorRef {
            name: x.name.clone(),
            country: x.country.clone(),
            agent: x.sector.clone(),
            aliases: x.aliases.clone(),
            ..Default::default()
        },
        None => ActorRef {
            name: "police".into(),
            agent: Some("COP".into()),
            ..Default::default()
        },
    }
}

/// True when token `t` is a subject, or part of a name that is one ("U.N.
/// Secretary-General Kofi Annan", parsed with "Kofi Annan" flat under "U.N.").
fn subject_word(a: &Article, t: usize) -> bool {
    let Some(x) = a.annotations.get(t) else {
        return false;
    };
    if x.deprel.starts_with("nsubj") {
        return true;
    }
    if !matches!(
        x.deprel.as_str(),
        "flat" | "flat:name" | "compound" | "appos"
    ) {
        return false;
    }
    let k = a.sentences.partition_point(|s| s.tokens.end <= t);
    let head = a
        .sentences
        .get(k)
        .zip(x.head)
        .map(|(s, h)| s.tokens.start + h);
    head.and_then(|h| a.annotations.get(h))
        .is_some_and(|h| h.deprel.starts_with("nsubj"))
}

fn antecedent<'a>(
    tree: &Tree<'a>,
    g: usize,
    fits: impl Fn(&article::ActorMention, article::ActorKind) -> bool,
) -> Option<&'a article::Actor> {
    let a = tree.article;
    let here = a.tokens.get(g)?.span.start;
    let k = a.sentences.iter().position(|s| s.span.end > here)?;
    let floor = a.sentences[k.saturating_sub(2)].span.start;
    let before = a.actor_mentions.partition_point(|m| m.span.start < here);
    let m = a.actor_mentions[..before]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= floor)
        .filter(|m| m.span.end <= here)
        // (Not the agency reporting the story: "told Reuters".)
        .filter(|m| !article::NEWS_AGENCIES.contains(&a.slice(m.span).to_lowercase().as_str()))
        .find(|m| a.actors.get(m.actor).is_some_and(|x| fits(m, x.kind)))?;
    a.actors.get(m.actor)
}

/// True for a toponym resolved to a town, district or province.
fn below_country(m: &article::PlaceMention) -> bool {
    m.kind == article::PlaceMentionKind::Toponym
        && m.place
            .as_ref()
            .is_some_and(|p| p.precision != article::Precision::Country)
}

/// Why a consolidated event cannot stand, if it cannot: a verbal or cooperative act
/// whose doer is unknown ("sanctions were eased", "we are here to support"), or a
/// meeting or cooperation with one party and nobody on the other side ("the cabinet
/// met"). Attacks, seizures and arrests by unknown hands are events.
fn incomplete(e: &events::Event) -> Option<&'static str> {
    use events::Category as C;
    let force = matches!(e.event_type, C::Assault | C::Coerce);
    if e.actor.is_empty() && !force {
        return Some("no actor: only an attack or seizure may have an unknown doer");
    }
    let needs_partner = matches!(e.event_type, C::Consult | C::Cooperate);
    if needs_partner && e.actor.len() < 2 && e.recipient.is_empty() {
        return Some("a meeting or cooperation with one party only");
    }
    None
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
        let links: Vec<DateLink> = drafts
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let w = e.dated_with?;
                let g = drafts.iter().enumerate().find(|&(j, g)| {
                    j != i && g.trigger.start >= w.start && g.trigger.end <= w.end
                })?;
                Some(DateLink {
                    event_trigger: index.char_of(e.trigger.start),
                    act_trigger: index.char_of(g.1.trigger.start),
                    act_category: g.1.category,
                    act_sentence: index.char_of(g.1.sentence.start),
                })
            })
            .collect();
        let mut events = consolidate(
            drafts
                .into_iter()
                .map(|d| d.finish(article, &index))
                .collect(),
        );
        // Sides still missing after consolidation: only an attack may have an unknown
        // doer, and a meeting or cooperation needs a second party.
        events.retain(|e| {
            let why = incomplete(e);
            if let Some(why) = why {
                let note = notes.iter_mut().find(|n: &&mut Note| {
                    n.verdict == Verdict::Coded && index.char_of(n.trigger.start) == e.trigger.start
                });
                if let Some(n) = note {
                    n.verdict = Verdict::Skipped(why);
                }
            }
            why.is_none()
        });
        concede_to_adversary(&mut events);
        crate::location::borrow_places(&mut events);
        share_dates(&mut events, &links);
        Coded {
            events,
            diagnostics: Vec::new(),
            notes,
        }
    }
}
