//! Conversion of the Phoenix / PETRARCH2 dictionaries (`../shared/data/phoenix`, MIT)
//! and the CAMEO→PLOVER table (`../shared/ontology/CAMEO2PLOVER-2021.txt`, CC BY-SA 4.0)
//! into the compact [`Dictionaries`] resource.
//!
//! Input: the files' text (the caller reads them; this module does no IO) and a tokenizer
//! (the segmenter's, so dictionary phrases split exactly like article text).
//! Output: the resource plus warnings about lines that could not be used.
//! Syntax handled (see `../shared/data/phoenix/README.md`): `#` comments, `_` joins words,
//! a trailing `_` stops plural generation, `+` aliases/synset members, `[CODE dates]`,
//! `&SYNSET` references, `{...}` irregular forms / noun phrases, `(...)` prepositional
//! phrases, `!MACRO!` substitutions in the agents file, `+` story-level discards.

use super::resource::*;
use events::Category;
use std::collections::{BTreeMap, HashMap};

/// The texts of the source files.
#[derive(Debug, Clone, Copy)]
pub struct PhoenixSources<'a> {
    /// `CAMEO.2.0.txt`, the verb dictionary.
    pub verbs: &'a str,
    /// Actor dictionaries (`Phoenix.Countries.actors.txt`, …).
    pub actors: &'a [&'a str],
    /// `Phoenix.agents.txt`.
    pub agents: &'a str,
    /// `Phoenix.discards.txt`.
    pub discards: &'a str,
    /// `CAMEO2PLOVER-2021.txt`.
    pub cameo2plover: &'a str,
}

/// A tokenizer: text → surface tokens.
pub type Tokenize<'a> = &'a dyn Fn(&str) -> Vec<String>;

/// Builds the resource. Returns it with warnings (line-level problems, never fatal).
pub fn convert(src: &PhoenixSources<'_>, tokenize: Tokenize<'_>) -> (Dictionaries, Vec<String>) {
    let mut warnings = Vec::new();
    let cameo = parse_cameo2plover(src.cameo2plover, &mut warnings);
    let verbs = parse_verbs(src.verbs, tokenize, &mut warnings);
    let mut actors = Vec::new();
    for text in src.actors {
        actors.extend(parse_actors(text, tokenize, &mut warnings));
    }
    let agents = parse_agents(src.agents, tokenize, &mut warnings);
    let (sentence_discards, story_discards) = parse_discards(src.discards, tokenize);
    let dict = Dictionaries {
        version: RESOURCE_VERSION.to_string(),
        provenance: Vec::new(),
        verbs,
        actors,
        agents,
        sentence_discards,
        story_discards,
        cameo,
    };
    (dict, warnings)
}

/// Strips a `#` comment.
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Turns a dictionary word group ("AFGHAN_NATIONAL_ARMY") into normalized tokens.
fn phrase(raw: &str, tokenize: Tokenize<'_>) -> Phrase {
    let text = raw.replace('_', " ");
    tokenize(text.trim())
        .iter()
        .map(|t| norm_token(t))
        .collect()
}

/// Regular plural of a lower-case word.
fn plural(word: &str) -> Option<String> {
    if !word.chars().all(|c| c.is_alphabetic()) || word.chars().count() < 2 {
        return None;
    }
    let w = word;
    Some(
        if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
            format!("{w}es")
        } else if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy")
        {
            format!("{}ies", &w[..w.len() - 1])
        } else {
            format!("{w}s")
        },
    )
}

/// The phrase and, unless the raw form ends with `_`, its plural.
fn noun_phrases(raw: &str, tokenize: Tokenize<'_>) -> Vec<Phrase> {
    let raw = raw.trim();
    let stop = raw.ends_with('_');
    let p = phrase(raw, tokenize);
    if p.is_empty() {
        return Vec::new();
    }
    let mut out = vec![p.clone()];
    if !stop {
        if let Some(pl) = p.last().and_then(|w| plural(w)) {
            let mut q = p;
            if let Some(last) = q.last_mut() {
                *last = pl;
            }
            out.push(q);
        }
    }
    out
}

/// Parses the CAMEO→PLOVER table.
pub fn parse_cameo2plover(text: &str, warnings: &mut Vec<String>) -> BTreeMap<String, PloverCode> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = strip_comment(line).trim();
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut parts = rest.splitn(3, ',').map(str::trim);
        let cat_name = parts.next().unwrap_or("");
        let Ok(category) = cat_name.parse::<Category>() else {
            warnings.push(format!(
                "CAMEO2PLOVER line {}: unknown category {cat_name:?}",
                n + 1
            ));
            continue;
        };
        let mode = parts
            .next()
            .map(str::trim)
            .filter(|m| !m.is_empty() && category.has_mode(m))
            .map(str::to_string);
        let context = parts
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        // First entry wins (the table lists "08" twice, CONCEDE then RETREAT).
        out.entry(code.to_string()).or_insert(PloverCode {
            category: category.as_str().to_string(),
            mode,
            context,
        });
    }
    out
}

/// Reads the code out of `[CODE]`, `[042:043]` or `[:190]`; `---` gives None.
fn parse_code(inner: &str) -> Option<String> {
    let inner = inner.trim();
    let first = inner
        .split(':')
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("");
    if first.is_empty() || first.starts_with("---") {
        return None;
    }
    let code: String = first
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (!code.is_empty()).then_some(code)
}

/// Regular forms of a verb (PETRARCH's rules): base, -s, -ed, -ing.
fn verb_forms(base: &str) -> Vec<String> {
    let b = base;
    let mut out = vec![b.to_string()];
    let consonant_y = !b.ends_with("ay") && !b.ends_with("ey") && !b.ends_with("oy");
    if let Some(stem) = b.strip_suffix('e') {
        out.push(format!("{b}s"));
        out.push(format!("{b}d"));
        out.push(format!("{stem}ing"));
    } else if let Some(stem) = b.strip_suffix('y').filter(|_| consonant_y) {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{b}ing"));
    } else if b.ends_with('s') || b.ends_with('x') || b.ends_with("ch") || b.ends_with("sh") {
        out.push(format!("{b}es"));
        out.push(format!("{b}ed"));
        out.push(format!("{b}ing"));
    } else {
        out.push(format!("{b}s"));
        out.push(format!("{b}ed"));
        out.push(format!("{b}ing"));
    }
    out
}

/// Parses one verb line (`WORD {FORMS} [code]`) into its forms.
fn parse_verb_line(line: &str, tokenize: Tokenize<'_>) -> Vec<VerbForm> {
    let code = line
        .find('[')
        .and_then(|i| line[i + 1..].find(']').map(|j| &line[i + 1..i + 1 + j]))
        .and_then(parse_code);
    let head_end = line.find(['{', '[']).unwrap_or(line.len());
    let head = line[..head_end].trim().trim_start_matches('+');
    if head.is_empty() {
        return Vec::new();
    }
    let irregular: Option<Vec<&str>> = line.find('{').map(|i| {
        let end = line[i..].find('}').map(|j| i + j).unwrap_or(line.len());
        line[i + 1..end]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|f| !f.is_empty())
            .collect()
    });
    let mut surface: Vec<String> = Vec::new();
    match irregular {
        Some(list) => {
            surface.push(head.to_string());
            surface.extend(list.iter().map(|f| f.trim_start_matches('+').to_string()));
        }
        None => {
            let lower = head.to_lowercase();
            let (first, rest) = match lower.split_once('_') {
                Some((f, r)) => (f.to_string(), format!("_{r}")),
                None => (lower.clone(), String::new()),
            };
            surface.extend(verb_forms(&first).into_iter().map(|f| f + &rest));
        }
    }
    let mut out: Vec<VerbForm> = Vec::new();
    for s in surface {
        let words = phrase(&s, tokenize);
        let wordlike = words
            .first()
            .is_some_and(|w| w.chars().any(char::is_alphabetic));
        if wordlike && !out.iter().any(|f| f.words == words) {
            out.push(VerbForm {
                words,
                code: code.clone(),
            });
        }
    }
    out
}

/// Splits a pattern body into elements, expanding synsets; markers are dropped.
fn pattern_elements(
    body: &str,
    synsets: &HashMap<String, Vec<Phrase>>,
    tokenize: Tokenize<'_>,
) -> Vec<Element> {
    let mut out = Vec::new();
    let cleaned: String = body
        .chars()
        .map(|c| {
            if matches!(c, '{' | '}' | '(' | ')') {
                ' '
            } else {
                c
            }
        })
        .collect();
    for word in cleaned.split_whitespace() {
        match word {
            "$" | "+" | "%" | "^" | "*" => {}
            w if w.starts_with('&') => {
                let name = w
                    .trim_start_matches('&')
                    .trim_end_matches('_')
                    .to_uppercase();
                if let Some(members) = synsets.get(&name) {
                    out.push(members.clone());
                }
            }
            w => {
                let alts = noun_phrases(w, tokenize);
                if !alts.is_empty() {
                    out.push(alts);
                }
            }
        }
    }
    out
}

/// Parses the verb dictionary: synsets first, then verb blocks with forms and patterns.
pub fn parse_verbs(
    text: &str,
    tokenize: Tokenize<'_>,
    warnings: &mut Vec<String>,
) -> Vec<VerbBlock> {
    // Pass 1: synsets.
    let mut synsets: HashMap<String, Vec<Phrase>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let l = strip_comment(line).trim();
        if l.starts_with("---") {
            current = None;
        } else if let Some(name) = l.strip_prefix('&') {
            let name = name.trim().trim_end_matches('_').to_uppercase();
            synsets.entry(name.clone()).or_default();
            current = Some(name);
        } else if let (Some(name), Some(member)) = (&current, l.strip_prefix('+')) {
            let alts = noun_phrases(member, tokenize);
            synsets.entry(name.clone()).or_default().extend(alts);
        } else if l.is_empty() {
            continue;
        } else {
            current = None;
        }
    }
    // Pass 2: verb blocks.
    let mut blocks: Vec<VerbBlock> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("---") {
            let rest = rest.trim().trim_end_matches('-').trim();
            let (name, code) = match rest.find('[') {
                Some(i) => {
                    let end = rest[i..].find(']').map(|j| i + j).unwrap_or(rest.len());
                    (rest[..i].trim(), parse_code(&rest[i + 1..end]))
                }
                None => (rest, None),
            };
            blocks.push(VerbBlock {
                name: name.to_string(),
                code,
                forms: Vec::new(),
                patterns: Vec::new(),
            });
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        let content = strip_comment(trimmed).trim();
        if content.is_empty() {
            continue;
        }
        if let Some(body) = content.strip_prefix('-') {
            let Some(open) = body.rfind('[') else {
                warnings.push(format!("verbs line {}: pattern without [code]", n + 1));
                continue;
            };
            let close = body[open..]
                .find(']')
                .map(|j| open + j)
                .unwrap_or(body.len());
            let code = parse_code(&body[open + 1..close]);
            let elems = &body[..open];
            let (pre, post) = match elems.find('*') {
                Some(star) => (&elems[..star], &elems[star + 1..]),
                None => {
                    warnings.push(format!("verbs line {}: pattern without *", n + 1));
                    continue;
                }
            };
            block.patterns.push(Pattern {
                pre: pattern_elements(pre, &synsets, tokenize),
                post: pattern_elements(post, &synsets, tokenize),
                code,
                source: trimmed.split_whitespace().collect::<Vec<_>>().join(" "),
            });
        } else {
            for form in parse_verb_line(content, tokenize) {
                if !block.forms.iter().any(|f| f.words == form.words) {
                    block.forms.push(form);
                }
            }
        }
    }
    blocks.retain(|b| !b.forms.is_empty());
    blocks
}

/// Parses a date of a role: `YYMMDD` or `YYYYMMDD` → `YYYYMMDD`.
fn parse_date(s: &str) -> Option<u32> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    match digits.len() {
        6 => {
            let yy: u32 = digits[..2].parse().ok()?;
            let rest: u32 = digits[2..].parse().ok()?;
            let year = if yy > 30 { 1900 + yy } else { 2000 + yy };
            Some(year * 10000 + rest)
        }
        8 => digits.parse().ok(),
        7 => digits[..4]
            .parse::<u32>()
            .ok()
            .map(|y| y * 10000 + digits[4..].parse::<u32>().unwrap_or(0)),
        _ => None,
    }
}

/// Parses `CODE`, `CODE >D`, `CODE <D`, `CODE D-D` inside brackets.
fn parse_role(inner: &str) -> Option<Role> {
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.trim().to_string();
    if code.is_empty()
        || code.starts_with("---")
        || !code.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let (mut from, mut to) = (None, None);
    if let Some(range) = parts.next() {
        if let Some(d) = range.strip_prefix('>') {
            from = parse_date(d);
        } else if let Some(d) = range.strip_prefix('<') {
            to = parse_date(d);
        } else if let Some((a, b)) = range.split_once('-') {
            from = parse_date(a);
            to = parse_date(b);
        }
    }
    Some(Role { code, from, to })
}

/// All `[...]` groups of a line.
fn brackets(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find('[') {
        let Some(j) = rest[i..].find(']') else { break };
        out.push(&rest[i + 1..i + j]);
        rest = &rest[i + j + 1..];
    }
    out
}

/// Small words kept lower case inside canonical names.
const SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "de", "du", "la", "al", "to",
];

/// "UNITED_STATES_OF_AMERICA_" → "United States of America"; short one-word names stay upper.
fn display_name(raw: &str) -> String {
    let mut words: Vec<&str> = raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
        words.remove(0);
    }
    if words.len() == 1 && words[0].chars().count() <= 4 {
        return words[0].to_string();
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                return lower;
            }
            let mut out = String::new();
            let mut cap = true;
            for c in lower.chars() {
                if cap && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    cap = false;
                } else {
                    out.push(c);
                }
                if c == '-' || c == '(' || c == '\'' {
                    cap = c != '\'';
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses one actor dictionary.
pub fn parse_actors(
    text: &str,
    tokenize: Tokenize<'_>,
    warnings: &mut Vec<String>,
) -> Vec<ActorEntry> {
    let mut out: Vec<ActorEntry> = Vec::new();
    let mut current: Option<ActorEntry> = None;
    let flush = |cur: &mut Option<ActorEntry>, out: &mut Vec<ActorEntry>| {
        if let Some(e) = cur.take() {
            if !e.phrases.is_empty() {
                out.push(e);
            }
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let starts_ws = line.starts_with([' ', '\t']);
        let l = line.trim();
        if l.starts_with('[') && (starts_ws || current.is_some()) {
            match current.as_mut() {
                Some(e) => e
                    .roles
                    .extend(brackets(l).into_iter().filter_map(parse_role)),
                None => warnings.push(format!("actors line {}: code without an actor", n + 1)),
            }
            continue;
        }
        if let Some(alias) = l.strip_prefix('+') {
            let name_part = alias.split('[').next().unwrap_or("");
            match current.as_mut() {
                Some(e) => {
                    for p in noun_phrases(name_part, tokenize) {
                        if p.iter().any(|t| t.chars().any(char::is_alphabetic))
                            && !e.phrases.contains(&p)
                        {
                            e.phrases.push(p);
                        }
                    }
                    e.roles
                        .extend(brackets(alias).into_iter().filter_map(parse_role));
                }
                None => warnings.push(format!("actors line {}: alias without an actor", n + 1)),
            }
            continue;
        }
        flush(&mut current, &mut out);
        let name_part = l.split('[').next().unwrap_or("").trim();
        if !name_part.chars().any(char::is_alphabetic) {
            continue;
        }
        let phrases: Vec<Phrase> = noun_phrases(name_part, tokenize)
            .into_iter()
            .filter(|p| p.iter().any(|t| t.chars().any(char::is_alphabetic)))
            .collect();
        current = Some(ActorEntry {
            name: display_name(name_part),
            phrases,
            roles: brackets(l).into_iter().filter_map(parse_role).collect(),
        });
    }
    flush(&mut current, &mut out);
    out.retain(|e| !e.roles.is_empty());
    out
}

/// Parses the agents dictionary, expanding `!MACRO!` substitutions.
pub fn parse_agents(
    text: &str,
    tokenize: Tokenize<'_>,
    warnings: &mut Vec<String>,
) -> Vec<AgentEntry> {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            if let Some((name, alts)) = line.split_once('=') {
                macros.push((
                    name.trim().to_string(),
                    alts.split(',').map(|a| a.trim().to_string()).collect(),
                ));
            }
            continue;
        }
        let Some(code) = brackets(line).first().map(|c| c.replace('~', "")) else {
            warnings.push(format!("agents line {}: no [code]", n + 1));
            continue;
        };
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let name = line.split(['[', '{']).next().unwrap_or("").trim();
        let mut variants = vec![name.to_string()];
        for (m, alts) in &macros {
            if variants.iter().any(|v| v.contains(m.as_str())) {
                variants = variants
                    .iter()
                    .flat_map(|v| alts.iter().map(move |a| v.replace(m.as_str(), a)))
                    .collect();
            }
        }
        let mut phrases: Vec<Phrase> = Vec::new();
        for v in variants {
            for p in noun_phrases(&v, tokenize) {
                if !phrases.contains(&p) {
                    phrases.push(p);
                }
            }
        }
        if !phrases.is_empty() {
            out.push(AgentEntry { phrases, code });
        }
    }
    out
}

/// Parses the discards: (sentence-level, story-level) phrases.
pub fn parse_discards(text: &str, tokenize: Tokenize<'_>) -> (Vec<Phrase>, Vec<Phrase>) {
    let (mut sentence, mut story) = (Vec::new(), Vec::new());
    for raw in text.lines() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let (target, body) = match line.strip_prefix('+') {
            Some(b) => (&mut story, b),
            None => (&mut sentence, line),
        };
        let p = phrase(body.trim_end_matches('_'), tokenize);
        if !p.is_empty() {
            target.push(p);
        }
    }
    (sentence, story)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn cameo_table_maps_codes_and_keeps_valid_modes() {
        let mut w = Vec::new();
        let t = parse_cameo2plover(
            "08: CONCEDE\n084: RETREAT,   ,  # Return\n0874: RETREAT, disarm,   military # x\n085: RETREAT, ease, economic\n08: RETREAT\n",
            &mut w,
        );
        assert_eq!(t["0874"].category, "RETREAT");
        assert_eq!(t["0874"].mode.as_deref(), Some("disarm"));
        assert_eq!(t["0874"].context, vec!["military"]);
        assert_eq!(t["085"].mode, None, "ease is not a RETREAT mode");
        assert_eq!(t["08"].category, "CONCEDE");
    }

    #[test]
    fn verb_blocks_forms_and_patterns() {
        let text = "&FOOD\n+RICE\n+BREAD_\n\n---  ATTACK   [190]  ---\nATTACK\nSTRIKE {STRUCK, STRIKING , STRIKES}\n+OPEN_FIRE {+OPENED_FIRE} [193]\n- * &FOOD [073] # x\n- * (ON {CIVILIAN TARGETS}) [180]\n";
        let mut w = Vec::new();
        let blocks = parse_verbs(text, &tok, &mut w);
        assert_eq!(blocks.len(), 1);
        let b = &blocks[0];
        assert_eq!(b.code.as_deref(), Some("190"));
        let forms: Vec<String> = b.forms.iter().map(|f| f.words.join(" ")).collect();
        for f in [
            "attack",
            "attacks",
            "attacked",
            "attacking",
            "struck",
            "open fire",
            "opened fire",
        ] {
            assert!(forms.contains(&f.to_string()), "{f} in {forms:?}");
        }
        assert_eq!(
            b.forms
                .iter()
                .find(|f| f.words == ["opened", "fire"])
                .and_then(|f| f.code.clone())
                .as_deref(),
            Some("193")
        );
        assert_eq!(b.patterns.len(), 2);
        assert_eq!(
            b.patterns[0].post[0],
            vec![
                vec!["rice".to_string()],
                vec!["rices".to_string()],
                vec!["bread".to_string()]
            ]
        );
        assert_eq!(b.patterns[1].post.len(), 3);
        assert_eq!(b.patterns[1].code.as_deref(), Some("180"));
    }

    #[test]
    fn actors_with_aliases_and_dated_roles() {
        let text = "AFGHANISTAN_  [AFG]\n+AFGHAN_\n+KABUL_\n\nHAMID_KARZAI_ # CountryInfo\n\t[AFGGOV 011222-141001]\n\t[AFGELI]\nUN_ [IGOUNO]\nTHE_ISLAMIC_STATE [IMGMUSISI]\n";
        let mut w = Vec::new();
        let a = parse_actors(text, &tok, &mut w);
        assert_eq!(a.len(), 4);
        assert_eq!(a[3].name, "Islamic State");
        assert_eq!(a[0].name, "Afghanistan");
        assert_eq!(a[0].phrases.len(), 3);
        assert_eq!(a[1].name, "Hamid Karzai");
        assert_eq!(
            a[1].roles[0],
            Role {
                code: "AFGGOV".into(),
                from: Some(20011222),
                to: Some(20141001)
            }
        );
        assert_eq!(a[2].name, "UN");
    }

    #[test]
    fn agents_expand_macros_and_plurals() {
        let text = "!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nPOLICE!PERSON! [~COP]\nGOVERNMENT_FORCES_ [~MIL]\nSOLDIER [~MIL]\n";
        let mut w = Vec::new();
        let a = parse_agents(text, &tok, &mut w);
        let all: Vec<String> = a
            .iter()
            .flat_map(|e| e.phrases.iter().map(|p| p.join(" ")))
            .collect();
        for p in [
            "police",
            "policeman",
            "policewoman",
            "government forces",
            "soldier",
            "soldiers",
        ] {
            assert!(all.contains(&p.to_string()), "{p} in {all:?}");
        }
        assert!(a.iter().all(|e| !e.code.contains('~')));
    }

    #[test]
    fn discards_split_story_and_sentence() {
        let (s, st) = parse_discards("1914\n+CHICAGO BEARS  # x\nCOACHING # y\n", &tok);
        assert_eq!(
            s,
            vec![vec!["1914".to_string()], vec!["coaching".to_string()]]
        );
        assert_eq!(st, vec![vec!["chicago".to_string(), "bears".to_string()]]);
    }
}
