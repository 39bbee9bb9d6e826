//! Places in US local news (LGL-style text written for this test) through the whole
//! pipeline with the embedded gazetteer: AP state abbreviations in datelines, county
//! names after a capitalized article, towns resolved in their state.

use article::{Article, Meta};
use pipeline::{Config, Pipeline};

#[test]
fn dateline_state_abbreviation_and_county_after_an_article() {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let a = Article::new(
        Meta {
            doc_id: "local".into(),
            ..Default::default()
        },
        "SPRINGFIELD, Ill. — A Sangamon County judge on Tuesday ordered the release of a \
         Decatur man. Police in Champaign said he had fled to Indianapolis."
            .to_string(),
    );
    let out = pipeline.run(a);
    let a = &out.article;
    let place = |surface: &str| {
        a.places
            .iter()
            .find(|m| a.slice(m.span) == surface)
            .and_then(|m| m.place.clone())
            .unwrap_or_else(|| panic!("{surface} not resolved: {:?}", a.places))
    };
    // "Ill." after "SPRINGFIELD," is the state, though "ill" is also a common word.
    assert_eq!(place("Ill.").admin1.as_deref(), Some("Illinois"));
    // "A Sangamon County judge": the capitalized article is no part of the name.
    let county = place("Sangamon County");
    assert_eq!(county.admin1.as_deref(), Some("Illinois"));
    for town in ["Decatur", "Champaign"] {
        assert_eq!(place(town).admin1.as_deref(), Some("Illinois"), "{town}");
    }
    assert_eq!(place("Indianapolis").admin1.as_deref(), Some("Indiana"));
}

#[test]
fn the_national_capital_beats_a_small_namesake_in_the_story_s_state() {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let a = Article::new(
        Meta {
            doc_id: "local".into(),
            ..Default::default()
        },
        "ATLANTA — Georgia lawmakers passed a bill on Monday. Officials in Fulton County \
         and Savannah welcomed it, while protesters gathered at the Capitol in Washington."
            .to_string(),
    );
    let out = pipeline.run(a);
    let a = &out.article;
    let washington = a
        .places
        .iter()
        .find(|m| a.slice(m.span) == "Washington")
        .and_then(|m| m.place.clone())
        .unwrap_or_else(|| panic!("{:?}", a.places));
    assert_eq!(washington.feature_code, "PPLC", "{washington:?}");
    let savannah = a
        .places
        .iter()
        .find(|m| a.slice(m.span) == "Savannah")
        .and_then(|m| m.place.clone())
        .unwrap_or_else(|| panic!("{:?}", a.places));
    assert_eq!(savannah.admin1.as_deref(), Some("Georgia"));
}
