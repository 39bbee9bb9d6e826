//! The gazetteer: every place (countries, first- and second-level divisions, populated
//! places, continents) with its hierarchy and point, and a name index (an `fst` map from
//! name keys to posting lists) over primary names, alternate names, curated aliases,
//! demonyms and loose transliteration keys. Built by [`build`] from the GeoNames-derived
//! files in `../shared/data/geonames`; stored as one zstd blob.

pub mod build;

use crate::normalize;
use article::Precision;
use std::collections::HashMap;

/// Format tag at the start of the decompressed resource.
pub const MAGIC: &[u8] = b"KHABAR-GAZETTEER 1\n";

/// Errors reading a gazetteer resource.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// The bytes are not zstd or not a gazetteer.
    #[error("not a khabar gazetteer: {0}")]
    Format(String),
    /// The name index is corrupt.
    #[error("name index: {0}")]
    Index(#[from] fst::Error),
}

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Continent or world region.
    Region,
    /// Country (independent or dependent).
    Country,
    /// First-level division.
    Admin1,
    /// Second-level division.
    Admin2,
    /// Populated place.
    Town,
}

impl Level {
    /// The matching output precision.
    pub fn precision(self) -> Precision {
        match self {
            Level::Region => Precision::Region,
            Level::Country => Precision::Country,
            Level::Admin1 => Precision::Admin1,
            Level::Admin2 => Precision::Admin2,
            Level::Town => Precision::Town,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Level::Region => "R",
            Level::Country => "C",
            Level::Admin1 => "1",
            Level::Admin2 => "2",
            Level::Town => "P",
        }
    }

    fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "R" => Level::Region,
            "C" => Level::Country,
            "1" => Level::Admin1,
            "2" => Level::Admin2,
            "P" => Level::Town,
            _ => return None,
        })
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// GeoNames id (0 when the entry has none).
    pub geonameid: u32,
    /// Primary name.
    pub name: String,
    /// Kind of entry.
    pub level: Level,
    /// GeoNames feature code ("PPLA", "ADM1", "PCLI", "CONT").
    pub feature_code: String,
    /// ISO 3166-1 alpha-2 country ("" for regions).
    pub country: String,
    /// Admin1 code within the country ("31"), "" when unknown.
    pub admin1: String,
    /// Admin2 code within the admin1 ("1703"), "" when unknown.
    pub admin2: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// Latitude.
    pub lat: f32,
    /// Longitude.
    pub lon: f32,
}

/// How a name matched an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Via {
    /// The primary or ASCII name.
    Name,
    /// A GeoNames alternate name, ISO variant or curated alias.
    Alias,
    /// A demonym or nationality adjective (countries only).
    Demonym,
    /// The loose transliteration key.
    Loose,
}

/// One lookup result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Gazetteer::entries`].
    pub entry: u32,
    /// How the name matched.
    pub via: Via,
}

const FLAG_ALIAS: u32 = 1 << 29;
const FLAG_DEMONYM: u32 = 1 << 30;
const INDEX_MASK: u32 = (1 << 29) - 1;
/// Prefix of loose keys in the name index (sorts after every exact key).
const LOOSE_PREFIX: &str = "~";

/// The loaded gazetteer.
pub struct Gazetteer {
    /// One tab-separated line per entry, parsed on demand (a quarter of a million
    /// entries load in milliseconds and cost no per-entry allocations).
    table: String,
    /// Start of each entry's line in `table`.
    offsets: Vec<u32>,
    names: fst::Map<Vec<u8>>,
    postings: Vec<u32>,
    countries: HashMap<String, u32>,
    admin1: HashMap<(String, String), u32>,
    admin2: HashMap<(String, String, String), u32>,
    common: std::collections::HashSet<String>,
    /// Build provenance (source files and checksums) as JSON.
    pub provenance: serde_json::Value,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.offsets.len())
            .field("names", &self.names.len())
            .finish()
    }
}

impl Gazetteer {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }

    /// Every entry, in index order.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.offsets.len() as u32).map(|i| self.entry(i))
    }

    fn line(&self, i: u32) -> &str {
        let i = i as usize;
        let start = self
            .offsets
            .get(i)
            .map_or(self.table.len(), |&o| o as usize);
        let end = self
            .offsets
            .get(i + 1)
            .map_or(self.table.len(), |&o| o as usize);
        self.table
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\n')
    }

    /// The entry at an index (a placeholder entry for an index out of range).
    pub fn entry(&self, i: u32) -> Entry {
        parse_entry(self.line(i)).unwrap_or_else(|| Entry {
            geonameid: 0,
            name: String::new(),
            level: Level::Town,
            feature_code: String::new(),
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            population: 0,
            lat: 0.0,
            lon: 0.0,
        })
    }

    /// Number of distinct name keys.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// True when a one-word name key is also a common English word ("church").
    pub fn is_common_word(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    /// True when a one-word name is never a place on its own ("march", "monday").
    pub fn is_stop_word(&self, key: &str) -> bool {
        self.common.contains(&format!("!{key}"))
    }

    /// Entries whose name (primary, alternate, alias or demonym) has this exact key.
    pub fn lookup_key(&self, key: &str) -> Vec<Hit> {
        self.postings_of(key, false)
    }

    /// Entries whose loose key equals the loose key of this exact key.
    pub fn lookup_loose(&self, key: &str) -> Vec<Hit> {
        match normalize::loose(key) {
            Some(l) => self.postings_of(&format!("{LOOSE_PREFIX}{l}"), true),
            None => Vec::new(),
        }
    }

    /// Exact lookup of a surface name.
    pub fn lookup(&self, name: &str) -> Vec<Hit> {
        self.lookup_key(&normalize::key(name))
    }

    fn postings_of(&self, key: &str, loose: bool) -> Vec<Hit> {
        let Some(v) = self.names.get(key) else {
            return Vec::new();
        };
        let (start, len) = ((v >> 16) as usize, (v & 0xFFFF) as usize);
        self.postings
            .get(start..start + len)
            .unwrap_or(&[])
            .iter()
            .map(|&p| Hit {
                entry: p & INDEX_MASK,
                via: if loose {
                    Via::Loose
                } else if p & FLAG_DEMONYM != 0 {
                    Via::Demonym
                } else if p & FLAG_ALIAS != 0 {
                    Via::Alias
                } else {
                    Via::Name
                },
            })
            .filter(|h| (h.entry as usize) < self.offsets.len())
            .collect()
    }

    /// The country entry of an ISO alpha-2 code.
    pub fn country(&self, cc: &str) -> Option<u32> {
        self.countries.get(cc).copied()
    }

    /// The admin1 entry of a country and admin1 code.
    pub fn admin1(&self, cc: &str, a1: &str) -> Option<u32> {
        self.admin1.get(&(cc.to_string(), a1.to_string())).copied()
    }

    /// The admin2 entry of a country, admin1 and admin2 code.
    pub fn admin2(&self, cc: &str, a1: &str, a2: &str) -> Option<u32> {
        self.admin2
            .get(&(cc.to_string(), a1.to_string(), a2.to_string()))
            .copied()
    }

    /// True when `inner` lies within `outer` (same entry, or `outer` is its country,
    /// admin1 or admin2).
    pub fn contains(&self, outer: u32, inner: u32) -> bool {
        if outer == inner {
            return true;
        }
        let (o, i) = (self.entry(outer), self.entry(inner));
        if o.country.is_empty() || o.country != i.country || o.level >= i.level {
            return false;
        }
        match o.level {
            Level::Country => true,
            Level::Admin1 => !o.admin1.is_empty() && o.admin1 == i.admin1,
            Level::Admin2 => !o.admin2.is_empty() && o.admin1 == i.admin1 && o.admin2 == i.admin2,
            _ => false,
        }
    }

    /// The output record of an entry (with admin1/admin2 names filled in).
    pub fn place(&self, i: u32) -> article::Place {
        let e = self.entry(i);
        let a1 = (!e.admin1.is_empty() && e.level > Level::Admin1)
            .then(|| self.admin1(&e.country, &e.admin1))
            .flatten()
            .map(|j| self.entry(j).name.clone());
        let a2 = (!e.admin2.is_empty() && e.level > Level::Admin2)
            .then(|| self.admin2(&e.country, &e.admin1, &e.admin2))
            .flatten()
            .map(|j| self.entry(j).name.clone());
        article::Place {
            geonameid: e.geonameid,
            name: e.name.clone(),
            country: e.country.clone(),
            admin1: if e.level == Level::Admin1 {
                Some(e.name.clone())
            } else {
                a1
            },
            admin2: if e.level == Level::Admin2 {
                Some(e.name.clone())
            } else {
                a2
            },
            lat: round5(e.lat),
            lon: round5(e.lon),
            feature_code: e.feature_code.clone(),
            precision: e.level.precision(),
        }
    }

    /// Serializes to the zstd resource format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        let header = serde_json::to_vec(&self.provenance).unwrap_or_default();
        push_section(&mut raw, &header);
        let table = &self.table;
        push_section(&mut raw, table.as_bytes());
        push_section(&mut raw, self.names.as_fst().as_bytes());
        let postings: Vec<u8> = self.postings.iter().flat_map(|p| p.to_le_bytes()).collect();
        push_section(&mut raw, &postings);
        let mut common: Vec<&str> = self.common.iter().map(String::as_str).collect();
        common.sort_unstable();
        push_section(&mut raw, common.join("\n").as_bytes());
        zstd::encode_all(&raw[..], 19).unwrap_or_default()
    }

    /// Loads the zstd resource format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let raw = zstd::decode_all(bytes).map_err(|e| GazetteerError::Format(e.to_string()))?;
        let rest = raw
            .strip_prefix(MAGIC)
            .ok_or_else(|| GazetteerError::Format("missing magic".into()))?;
        let (header, rest) = take_section(rest)?;
        let (table, rest) = take_section(rest)?;
        let (names, rest) = take_section(rest)?;
        let (postings, rest) = take_section(rest)?;
        let (common, _) = take_section(rest)?;
        let common = std::str::from_utf8(common)
            .map_err(|e| GazetteerError::Format(e.to_string()))?
            .lines()
            .map(str::to_string)
            .collect();
        let provenance = serde_json::from_slice(header).unwrap_or(serde_json::Value::Null);
        let table =
            std::str::from_utf8(table).map_err(|e| GazetteerError::Format(e.to_string()))?;
        let table = table.to_string();
        let names = fst::Map::new(names.to_vec())?;
        let postings = postings
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Gazetteer::assemble(table, names, postings, common, provenance)
    }

    fn assemble(
        table: String,
        names: fst::Map<Vec<u8>>,
        postings: Vec<u32>,
        common: std::collections::HashSet<String>,
        provenance: serde_json::Value,
    ) -> Result<Gazetteer, GazetteerError> {
        if table.len() > u32::MAX as usize {
            return Err(GazetteerError::Format("entry table over 4 GB".into()));
        }
        let mut offsets = Vec::new();
        let mut countries = HashMap::new();
        let mut admin1 = HashMap::new();
        let mut admin2 = HashMap::new();
        let mut at = 0usize;
        for (n, line) in table.split_inclusive('\n').enumerate() {
            let i = offsets.len() as u32;
            offsets.push(at as u32);
            at += line.len();
            let line = line.trim_end_matches('\n');
            let mut fields = line.split('\t');
            let level = fields.nth(2).and_then(Level::parse);
            if level.is_none() || line.bytes().filter(|&b| b == b'\t').count() != 9 {
                return Err(GazetteerError::Format(format!("bad entry line {}", n + 1)));
            }
            if level == Some(Level::Town) {
                continue;
            }
            let mut rest = fields.skip(1);
            let (cc, a1, a2) = (
                rest.next().unwrap_or(""),
                rest.next().unwrap_or(""),
                rest.next().unwrap_or(""),
            );
            match level {
                Some(Level::Country) => {
                    countries.entry(cc.to_string()).or_insert(i);
                }
                Some(Level::Admin1) => {
                    admin1.entry((cc.to_string(), a1.to_string())).or_insert(i);
                }
                Some(Level::Admin2) => {
                    admin2
                        .entry((cc.to_string(), a1.to_string(), a2.to_string()))
                        .or_insert(i);
                }
                _ => {}
            }
        }
        Ok(Gazetteer {
            table,
            offsets,
            names,
            postings,
            countries,
            admin1,
            admin2,
            common,
            provenance,
        })
    }
}

fn round5(x: f32) -> f64 {
    (f64::from(x) * 1e5).round() / 1e5
}

fn push_section(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn take_section(bytes: &[u8]) -> Result<(&[u8], &[u8]), GazetteerError> {
    let bad = || GazetteerError::Format("truncated section".into());
    let len: [u8; 8] = bytes
        .get(..8)
        .ok_or_else(bad)?
        .try_into()
        .map_err(|_| bad())?;
    let len = usize::try_from(u64::from_le_bytes(len)).map_err(|_| bad())?;
    let body = bytes.get(8..8 + len).ok_or_else(bad)?;
    Ok((body, &bytes[8 + len..]))
}

fn parse_entry(line: &str) -> Option<Entry> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 10 {
        return None;
    }
    Some(Entry {
        geonameid: f[0].parse().ok()?,
        name: f[1].to_string(),
        level: Level::parse(f[2])?,
        feature_code: f[3].to_string(),
        country: f[4].to_string(),
        admin1: f[5].to_string(),
        admin2: f[6].to_string(),
        population: f[7].parse().ok()?,
        lat: f[8].parse().ok()?,
        lon: f[9].parse().ok()?,
    })
}

/// Builds the name index from (key, entry index, via) triples.
pub(crate) fn index(
    entries: Vec<Entry>,
    mut keys: Vec<(String, u32, Via)>,
    common: Vec<String>,
    provenance: serde_json::Value,
) -> Result<Gazetteer, GazetteerError> {
    // Loose keys for names and aliases (not demonyms).
    let mut loose: Vec<(String, u32, Via)> = keys
        .iter()
        .filter(|(_, _, via)| *via != Via::Demonym)
        .filter_map(|(k, e, _)| {
            normalize::loose(k).map(|l| (format!("{LOOSE_PREFIX}{l}"), *e, Via::Loose))
        })
        .collect();
    keys.append(&mut loose);
    keys.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(rank(a.2).cmp(&rank(b.2)))
    });
    keys.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut builder = fst::MapBuilder::memory();
    let mut postings: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let mut j = i;
        let start = postings.len();
        while j < keys.len() && keys[j].0 == keys[i].0 {
            let flag = match keys[j].2 {
                Via::Name | Via::Loose => 0,
                Via::Alias => FLAG_ALIAS,
                Via::Demonym => FLAG_DEMONYM,
            };
            if j - i < 0xFFFF {
                postings.push(keys[j].1 | flag);
            }
            j += 1;
        }
        let len = postings.len() - start;
        if !keys[i].0.is_empty() {
            builder.insert(&keys[i].0, ((start as u64) << 16) | len as u64)?;
        }
        i = j;
    }
    let names = fst::Map::new(builder.into_inner()?)?;
    let mut table = String::new();
    for e in &entries {
        table.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            e.geonameid,
            e.name.replace(['\t', '\n'], " "),
            e.level.code(),
            e.feature_code,
            e.country,
            e.admin1,
            e.admin2,
            e.population,
            e.lat,
            e.lon
        ));
    }
    Gazetteer::assemble(
        table,
        names,
        postings,
        common.into_iter().collect(),
        provenance,
    )
}

fn rank(v: Via) -> u8 {
    match v {
        Via::Name => 0,
        Via::Alias => 1,
        Via::Demonym => 2,
        Via::Loose => 3,
    }
}
