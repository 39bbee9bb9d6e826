//! Consolidation: drafts of one event within a sentence merge ("killing 22 people and
//! wounding 28"), and events of one type stated in several sentences become one event
//! with all its evidence.

use crate::draft::EventDraft;
use article::Span;
use events::ActorRef;

/// One side of a draft: actor references with their spans.
pub(super) type Side = Vec<(ActorRef, Option<Span>)>;

/// Names of one side, for comparisons.
fn side_names(v: &[(ActorRef, Option<Span>)]) -> Vec<String> {
    let mut n: Vec<String> = v.iter().map(|a| a.0.name.to_lowercase()).collect();
    n.sort();
    n
}

/// True when two modes can be one event's: equal, or one of them unknown.
fn modes_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// One sentence's drafts from `first` on: drafts of one category whose sides agree
/// (equal, or one of them unnamed) are one event ("killing 22 people and wounding
/// 28"): the first keeps its trigger and takes the others' missing sides and counts.
/// Drafts left with no actor and no recipient are dropped.
pub(super) fn merge_sentence(out: &mut Vec<EventDraft>, first: usize) {
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
        // (Not acts of different means: "kidnapped advisers and exploded bombs" are
        // an abduction and a bombing.)
        let same_means = |m: &EventDraft| modes_agree(&m.mode, &d.mode);
        let same_attacker =
            |m: &EventDraft| !m.actor.is_empty() && side_names(&m.actor) == side_names(&d.actor);
        // "A car bomb exploded at a market, killing 22 people": with no doer named, the
        // blast and its toll in one sentence are one event, the casualties its target.
        let counted = |x: &EventDraft| x.dead.is_some() || x.injured.is_some();
        let doerless_toll = |m: &EventDraft| {
            m.category == events::Category::Assault
                && m.actor.is_empty()
                && d.actor.is_empty()
                && counted(m) != counted(&d)
        };
        let found = merged.iter_mut().find(|m| {
            m.category == d.category
                && same_means(m)
                && fits(m, |x| &x.actor)
                && (fits(m, |x| &x.recipient)
                    || wounded_too(m)
                    || same_attacker(m)
                    || doerless_toll(m))
        });
        match found {
            Some(m) => {
                if !m.recipient.is_empty()
                    && !d.recipient.is_empty()
                    && side_names(&m.recipient) != side_names(&d.recipient)
                    && counted(&d)
                    && !counted(m)
                    && !m.place_recipient
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

/// True when `e` is an agentless casualty toll in the sentence right after `o`'s (an
/// attack) that adds a count `o` lacks.
fn follows_up(o: &events::Event, e: &events::Event) -> bool {
    let assault = |x: &events::Event| x.event_type == events::Category::Assault;
    let last_end = o
        .evidence
        .iter()
        .map(|s| s.end)
        .chain(std::iter::once(o.sentence.end))
        .max()
        .unwrap_or(0);
    assault(o)
        && assault(e)
        && e.actor.is_empty()
        && e.sentence.start >= last_end
        && e.sentence.start - last_end <= 3
        && ((e.dead.is_some() && o.dead.is_none()) || (e.injured.is_some() && o.injured.is_none()))
        && !(e.dead.is_some() && o.dead.is_some())
        && !(e.injured.is_some() && o.injured.is_some())
}

/// True when `e` retells the two-sided fight `o` from the casualties' side: a doerless
/// attack on one of `o`'s sides ("resulted in the killing of five soldiers and three
/// terrorists" after "five soldiers and three rebels died in a clash") whose counts do
/// not contradict `o`'s.
fn retells_fight(o: &events::Event, e: &events::Event) -> bool {
    let assault = |x: &events::Event| x.event_type == events::Category::Assault;
    let agree = |a: Option<u64>, b: Option<u64>| a.is_none() || b.is_none() || a == b;
    assault(o)
        && assault(e)
        && o.actor.len() >= 2
        && o.recipient.is_empty()
        && e.actor.is_empty()
        && (e
            .recipient
            .iter()
            .any(|r| o.actor.iter().any(|a| a.name == r.name))
            || names_the_fight(&e.sentence.text))
        && agree(o.dead, e.dead)
        && agree(o.injured, e.injured)
        && match (&o.date, &e.date) {
            (Some(a), Some(b)) => crate::date::compatible(a, b),
            _ => true,
        }
}

/// Two event places are compatible: the same place, or a country and a place in it.
fn places_agree(a: &events::PlaceRef, b: &events::PlaceRef) -> bool {
    let country_level = |x: &events::PlaceRef| x.precision.as_deref() == Some("country");
    a.name == b.name
        || (country_level(a) || country_level(b)) && a.country.is_some() && a.country == b.country
}

/// True when a sentence refers back to a fight already told ("were also wounded in the
/// clash").
fn names_the_fight(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "the clash",
        "the fighting",
        "the firefight",
        "the gunfight",
        "the gun battle",
        "the battle",
        "the encounter",
        "the exchange of fire",
    ]
    .iter()
    .any(|p| lower.contains(p))
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
        // A fight told again from the casualties' side stays two-sided.
        if let Some(o) = out.iter_mut().find(|o| retells_fight(o, &e)) {
            if !o.evidence.iter().any(|x| x.start == e.sentence.start) {
                o.evidence.push(e.sentence.clone());
            }
            o.dead = o.dead.or(e.dead);
            o.injured = o.injured.or(e.injured);
            continue;
        }
        // "Thirteen officers were killed. Nine other officers were wounded.": a toll
        // with nobody named as its doer, stated in the very next sentence, completes
        // the attack just told.
        if let Some(o) = out.last_mut().filter(|o| follows_up(o, &e)) {
            o.evidence.push(e.sentence.clone());
            o.dead = o.dead.or(e.dead);
            o.injured = o.injured.or(e.injured);
            if o.recipient.is_empty() {
                o.recipient = e.recipient.clone();
            }
            continue;
        }
        // A side agrees when it names the same actors or one of the two names none;
        // at least one named side must be shared.
        let same = out.iter_mut().find(|o| {
            let (oa, ea) = (names(&o.actor), names(&e.actor));
            let (or, er) = (names(&o.recipient), names(&e.recipient));
            let agree = |x: &[String], y: &[String]| x == y || x.is_empty() || y.is_empty();
            // "the bandits opened up on the army patrol … Police said the army patrol
            // was ambushed": a doerless retelling whose target is the
            // same kind of body (sector and country) as the attack's is that attack.
            let counts_agree =
                |a: Option<u64>, b: Option<u64>| a.is_none() || b.is_none() || a == b;
            let same_body = ea.is_empty()
                && !oa.is_empty()
                && o.recipient.len() == 1
                && e.recipient.len() == 1
                && o.recipient[0].agent.is_some()
                && o.recipient[0].agent == e.recipient[0].agent
                && (o.recipient[0].country.is_none()
                    || e.recipient[0].country.is_none()
                    || o.recipient[0].country == e.recipient[0].country)
                && counts_agree(o.dead, e.dead)
                && counts_agree(o.injured, e.injured);
            let or = if same_body { er.clone() } else { or };
            let shared = (!oa.is_empty() && oa == ea) || (!or.is_empty() && or == er);
            o.event_type == e.event_type
                && modes_agree(&o.mode, &e.mode)
                && shared
                && agree(&oa, &ea)
                && agree(&or, &er)
                && match (&o.location, &e.location) {
                    // (A retelling may name the town more precisely: one province.)
                    (Some(a), Some(b)) => {
                        places_agree(a, b)
                            || same_body && a.admin1.is_some() && a.admin1 == b.admin1
                    }
                    _ => true,
                }
                // (A day the story implied, from a report's day or the lead, yields
                // to a day within three of it that the other sentence states.)
                && match (&o.date, &e.date) {
                    (Some(a), Some(b)) => {
                        crate::date::compatible(a, b)
                            || o.date_implied != e.date_implied
                                && crate::date::days_apart(a, b).is_some_and(|d| d <= 3)
                    }
                    _ => true,
                }
        });
        match same {
            Some(o) => {
                if !o.evidence.iter().any(|x| x.start == e.sentence.start) {
                    o.evidence.push(e.sentence.clone());
                }
                // The finer place of the two ("near Tibu" over "Colombia").
                let coarse =
                    |x: &events::PlaceRef| x.precision.as_deref().is_none_or(|p| p == "country");
                if o.location.as_ref().is_none_or(coarse)
                    && e.location.as_ref().is_some_and(|x| !coarse(x))
                {
                    o.location = e.location.clone();
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
                if o.date.is_none() || o.date_implied && !e.date_implied && e.date.is_some() {
                    o.date = e.date.clone();
                    o.date_implied = e.date_implied;
                }
                o.dead = o.dead.or(e.dead);
                o.injured = o.injured.or(e.injured);
                o.size = o.size.or(e.size);
            }
            None => out.push(e),
        }
    }
    // A merge may have filled a side: the id hashes the sides, so it is taken again.
    for e in &mut out {
        e.event_id = e.compute_id();
    }
    out
}

/// "The rebels announced a ceasefire": a concession that names nobody on the other
/// side is made to the actor's adversary in the story, the party it deals with
/// most often in the document's other events (at least twice, and clearly more often
/// than any other); otherwise it stays without a recipient.
pub fn concede_to_adversary(events: &mut [events::Event]) {
    use events::Category as C;
    for i in 0..events.len() {
        let e = &events[i];
        // (Not a flight: fleeing fighters yield to no one in particular.)
        if e.event_type != C::Concede || !e.recipient.is_empty() || e.actor.is_empty() {
            continue;
        }
        let own = |r: &ActorRef| e.actor.iter().any(|a| a.name == r.name);
        let mut tally: Vec<(ActorRef, usize)> = Vec::new();
        for (j, o) in events.iter().enumerate() {
            if j == i {
                continue;
            }
            let other_side = if o.actor.iter().any(own) {
                &o.recipient
            } else if o.recipient.iter().any(own) {
                &o.actor
            } else {
                continue;
            };
            for r in other_side.iter().filter(|r| !own(r)) {
                match tally.iter_mut().find(|(x, _)| x.name == r.name) {
                    Some((_, n)) => *n += 1,
                    None => tally.push((r.clone(), 1)),
                }
            }
        }
        tally.sort_by_key(|x| std::cmp::Reverse(x.1));
        let clear = match tally.as_slice() {
            [(_, n)] => *n >= 2,
            [(_, n), (_, m), ..] => *n >= 2 && n > m,
            [] => false,
        };
        if clear {
            let adversary = tally.swap_remove(0).0;
            let e = &mut events[i];
            e.recipient.push(adversary);
            e.event_id = e.compute_id();
        }
    }
}

/// An event whose own clause states no date, tied to an act told in a clause of the
/// same sentence as done at the same moment ("In announcing their truce, the rebels
/// urged…"); triggers and sentence as char offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateLink {
    /// Trigger start of the event that borrows the date.
    pub event_trigger: usize,
    /// Trigger start of the simultaneous act.
    pub act_trigger: usize,
    /// Category the act was coded with.
    pub act_category: events::Category,
    /// Start of the act's sentence.
    pub act_sentence: usize,
}

/// Gives each linked event the date its simultaneous act ends up with once
/// consolidated: "In announcing their truce" retells the announcement that an earlier
/// sentence dated ("a day after the rebels announced a truce"), so the appeal made
/// with it shares that day.
pub fn share_dates(events: &mut [events::Event], links: &[DateLink]) {
    for l in links {
        let Some(i) = events
            .iter()
            .position(|e| e.trigger.start == l.event_trigger && e.date_implied)
        else {
            continue;
        };
        let act = events.iter().enumerate().find(|&(j, f)| {
            j != i
                && (f.trigger.start == l.act_trigger
                    || f.event_type == l.act_category
                        && std::iter::once(&f.sentence)
                            .chain(&f.evidence)
                            .any(|s| s.start == l.act_sentence))
        });
        if let Some((_, f)) = act.filter(|(_, f)| !f.date_implied && f.date.is_some()) {
            let date = f.date.clone();
            events[i].date = date;
            events[i].date_implied = false;
        }
    }
}
