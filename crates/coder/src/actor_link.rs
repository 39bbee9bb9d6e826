//! Links an event's actor to the actors layer: when the words a coder took as an actor
//! are a mention of a resolved actor, the event names that actor canonically (KB name,
//! country, sector) and carries the other names the document uses for it.

use article::{Article, Span};
use events::ActorRef;

/// Fills `r` from the resolved actor whose mention overlaps `span`, if any.
pub fn link(article: &Article, span: Span, r: &mut ActorRef) {
    // Mentions are in text order and disjoint: look only around the span.
    let from = article
        .actor_mentions
        .partition_point(|m| m.span.end <= span.start);
    let Some(m) = article.actor_mentions[from..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .filter(|m| m.span.start < span.end && span.start < m.span.end)
        .max_by_key(|m| m.span.end.min(span.end) - m.span.start.max(span.start))
    else {
        return;
    };
    let Some(actor) = article.actors.get(m.actor) else {
        return;
    };
    if actor.name.is_empty() {
        return;
    }
    let mut aliases: Vec<String> = Vec::new();
    for name in std::iter::once(&r.name).chain(&actor.aliases) {
        if *name != actor.name && !aliases.contains(name) {
            aliases.push(name.clone());
        }
    }
    r.name = actor.name.clone();
    r.aliases = aliases;
    if actor.country.is_some() {
        r.country = actor.country.clone();
    }
    if actor.sector.is_some() {
        r.agent = actor.sector.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article::{Actor, ActorKind, ActorMention, Meta};

    #[test]
    fn links_the_overlapping_mention() {
        let mut a = Article::new(Meta::default(), "The Daeshis fled.".into());
        a.actors.push(Actor {
            kb_id: Some("iskp".into()),
            name: "Islamic State Khorasan Province".into(),
            kind: ActorKind::Organization,
            country: Some("AFG".into()),
            sector: Some("INS".into()),
            aliases: vec!["Daeshis".into(), "Islamic State".into()],
            facts: vec![],
        });
        a.actor_mentions.push(ActorMention {
            span: Span::new(4, 11),
            tokens: 1..2,
            actor: 0,
            how: "name".into(),
        });
        let mut r = ActorRef {
            name: "Daeshis".into(),
            ..Default::default()
        };
        link(&a, Span::new(4, 11), &mut r);
        assert_eq!(r.name, "Islamic State Khorasan Province");
        assert_eq!(r.aliases, vec!["Daeshis", "Islamic State"]);
        assert_eq!(
            (r.country.as_deref(), r.agent.as_deref()),
            (Some("AFG"), Some("INS"))
        );
        // No overlap: unchanged.
        let mut r = ActorRef::default();
        link(&a, Span::new(12, 16), &mut r);
        assert_eq!(r, ActorRef::default());
    }
}
