//! The places stage (resolve/places in the design): an offline gazetteer built from
//! GeoNames (`gazetteer`), name keys (`normalize`), toponym detection (`detect`) and
//! resolution to coordinates (`resolve`). It adds [`article::PlaceMention`]s to an
//! annotated [`article::Article`]; it does no IO (the gazetteer arrives as bytes).

pub mod detect;
pub mod gazetteer;
pub mod normalize;
pub mod resolve;

pub use gazetteer::{Gazetteer, GazetteerError};

use article::{Article, PlaceMention, PlaceMentionKind};

/// The places stage.
#[derive(Debug)]
pub struct Places {
    gazetteer: Gazetteer,
}

impl Places {
    /// A stage over a loaded gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Self {
        Places { gazetteer }
    }

    /// Loads the stage from the zstd gazetteer resource.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, GazetteerError> {
        Ok(Places::new(Gazetteer::from_bytes(bytes)?))
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Finds and resolves the toponyms and demonyms of a segmented (ideally annotated)
    /// article into `article.places`, replacing what was there.
    pub fn annotate(&self, article: &mut Article) {
        let candidates = detect::detect(article, &self.gazetteer);
        let home = [article.meta.url.as_deref(), article.meta.source.as_deref()]
            .into_iter()
            .flatten()
            .find_map(resolve::domain_country)
            .filter(|cc| self.gazetteer.country(cc).is_some());
        let chosen = resolve::resolve(&self.gazetteer, &candidates, home.as_deref());
        article.places = candidates
            .iter()
            .zip(chosen)
            .filter_map(|(c, choice)| {
                choice.map(|i| PlaceMention {
                    span: c.span,
                    tokens: c.tokens.clone(),
                    kind: if c.demonym {
                        PlaceMentionKind::Demonym
                    } else {
                        PlaceMentionKind::Toponym
                    },
                    place: Some(self.gazetteer.place(i)),
                })
            })
            .collect();
    }
}
