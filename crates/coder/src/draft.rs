//! Turning a coder's decision (byte spans, category, actors) into an output [`Event`]:
//! char offsets, quad, score, stable id and document provenance are filled here once,
//! so every coder emits the same shape.

use article::{Article, CharIndex, Span};
use events::{ActorRef, Category, Event, PlaceRef, TextSpan, SCHEMA_VERSION};

/// What a coder decided about one event, in byte spans.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    /// PLOVER category.
    pub category: Category,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Context tags.
    pub context: Vec<String>,
    /// Actor side (spans inside are filled from `actor_spans`).
    pub actor: Vec<(ActorRef, Option<Span>)>,
    /// Recipient side.
    pub recipient: Vec<(ActorRef, Option<Span>)>,
    /// Place.
    pub location: Option<PlaceRef>,
    /// Date.
    pub date: Option<String>,
    /// Killed.
    pub dead: Option<u64>,
    /// Wounded.
    pub injured: Option<u64>,
    /// People involved.
    pub size: Option<u64>,
    /// The sentence stating it.
    pub sentence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// Rule id.
    pub rule: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Announced for the future.
    pub future: bool,
    /// The date is not stated in the event's own clause (see [`Event::date_implied`]).
    pub date_implied: bool,
    /// A clause telling an act done at the same moment ("In announcing the truce, the
    /// rebels urged…"): when the event's own clause states no date, it takes the date
    /// of the event coded from that clause.
    pub dated_with: Option<Span>,
    /// The recipient is the town the act is aimed at ("shelled Kismayo"); casualties
    /// named with it do not replace it.
    pub place_recipient: bool,
}

/// Builds a char-offset [`TextSpan`] from a byte span.
pub fn text_span(article: &Article, index: &CharIndex, span: Span) -> TextSpan {
    TextSpan {
        start: index.char_of(span.start),
        end: index.char_of(span.end),
        text: article.slice(span).to_string(),
    }
}

impl EventDraft {
    /// True when both drafts code the same thing: same category, same actor and
    /// recipient names in the same order (one event per sentence reading).
    pub fn same_as(&self, other: &EventDraft) -> bool {
        let names =
            |v: &[(ActorRef, Option<Span>)]| v.iter().map(|a| a.0.name.clone()).collect::<Vec<_>>();
        self.category == other.category
            && names(&self.actor) == names(&other.actor)
            && names(&self.recipient) == names(&other.recipient)
    }

    /// Finishes the event: char offsets, quad, score, id, provenance.
    pub fn finish(self, article: &Article, index: &CharIndex) -> Event {
        let side = |v: Vec<(ActorRef, Option<Span>)>| -> Vec<ActorRef> {
            v.into_iter()
                .map(|(mut a, span)| {
                    if let Some(s) = span {
                        a.span = Some(text_span(article, index, s));
                        if a.text.is_none() {
                            a.text = Some(article.slice(s).to_string());
                        }
                    }
                    a
                })
                .collect()
        };
        let mut event = Event {
            schema_version: SCHEMA_VERSION.to_string(),
            event_id: String::new(),
            doc_id: article.meta.doc_id.clone(),
            event_type: self.category,
            quad: self.category.quad(),
            score: self.category.score_with_mode(self.mode.as_deref()),
            mode: self.mode,
            context: self.context,
            actor: side(self.actor),
            recipient: side(self.recipient),
            location: self.location,
            date: self.date,
            dead: self.dead,
            injured: self.injured,
            size: self.size,
            sentence: text_span(article, index, self.sentence),
            evidence: Vec::new(),
            trigger: text_span(article, index, self.trigger),
            rule: self.rule,
            confidence: self.confidence,
            negated: false,
            hypothetical: false,
            future: self.future,
            date_implied: self.date_implied,
            source: article.meta.source.clone(),
            url: article.meta.url.clone(),
            published: article.meta.published.clone(),
        };
        event.event_id = event.compute_id();
        event
    }
}
