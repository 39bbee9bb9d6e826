//! The actors stage (resolve/actors in the design): a knowledge base of canonical
//! actors ([`kb`]), mention finding ([`mentions`]: KB names and aliases, titles,
//! recognizer entities, nationality + agent phrases), in-document coreference
//! ([`coref`]: declared aliases, short forms, "the group"), and facts the text states
//! ([`facts`]: role appositions, former and switched affiliations, kinship,
//! pseudonyms). It fills `article.actors` and `article.actor_mentions`; no IO.

pub mod coref;
pub mod facts;
pub mod kb;
pub mod mentions;

pub use kb::{KbError, KnowledgeBase};

use article::Article;

/// The actors stage.
#[derive(Debug)]
pub struct Actors {
    kb: KnowledgeBase,
}

impl Actors {
    /// A stage over a loaded knowledge base.
    pub fn new(kb: KnowledgeBase) -> Self {
        Actors { kb }
    }

    /// The knowledge base.
    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Finds, clusters and describes the actors of a segmented (ideally annotated and
    /// place-resolved) article, replacing `article.actors` and `article.actor_mentions`.
    pub fn annotate(&self, article: &mut Article) {
        let found = mentions::find(article, &self.kb);
        let (actors, actor_mentions) = coref::cluster(article, &self.kb, found);
        article.actors = actors;
        article.actor_mentions = actor_mentions;
        facts::extract(article, &self.kb);
        facts::prune(article);
    }
}

/// Lowercased, apostrophe-normalized form of a token, as KB phrases are stored.
pub fn norm(token: &str) -> String {
    token.to_lowercase().replace('’', "'")
}
