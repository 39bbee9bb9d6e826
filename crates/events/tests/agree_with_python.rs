//! The Rust scorer must agree with the reference `../shared/score/score.py`.
//!
//! From each gold file in `../shared/gold/dev/` (and from an odd gold file made here)
//! this builds many system event files: the gold events turned into system events, and
//! perturbed versions (dropped events, wrong types, actors, dates, counts, locations,
//! duplicates, missing or shifted sentences, bad and non-UTF-8 lines, unknown doc_ids,
//! randomly mangled JSON). It runs `python3 score.py GOLD SYS --json` and the text report
//! on each, and requires the same JSON text byte for byte (and so every number), the same
//! errors and the same report. Without `../shared` or `python3` it prints a note and passes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use events::score::{report, score_jsonl, to_json};
use serde_json::{json, Value};

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn python_ok() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Python's whitespace (str.isspace), for locating sentences as score.py does.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Char offset of `needle` (stripped) in `text`, and its char length.
fn find_chars(text: &str, needle: &str) -> Option<(usize, usize)> {
    let needle = needle.trim_matches(py_space);
    if needle.is_empty() {
        return None;
    }
    let byte = text.find(needle)?;
    Some((text[..byte].chars().count(), needle.chars().count()))
}

/// A tiny deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TYPES: [&str; 6] = [
    "ASSAULT", "PROTEST", "COERCE", "RETREAT", "MOBILIZE", "CONSULT",
];

/// One system event per gold event, copying what the gold says.
fn perfect(docs: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for doc in docs {
        let text = doc["text"].as_str().unwrap_or("");
        let Some(events) = doc["events"].as_array() else {
            continue;
        };
        for ev in events {
            let sentence = ev["sentences"]
                .as_array()
                .and_then(|s| s.first())
                .and_then(Value::as_str)
                .unwrap_or("");
            let span = find_chars(text, sentence);
            let strip = |side: &Value| -> Value {
                let items = side.as_array().cloned().unwrap_or_default();
                Value::Array(
                    items
                        .iter()
                        .map(|a| json!({"name": a["name"], "country": a["country"], "agent": a["agent"]}))
                        .collect(),
                )
            };
            let mut sys = json!({
                "doc_id": doc["doc_id"], "event_type": ev["event_type"], "mode": ev["mode"],
                "actor": strip(&ev["actor"]), "recipient": strip(&ev["recipient"]),
                "location": ev["location"], "date": ev["date"],
                "dead": ev["dead"], "injured": ev["injured"], "size": ev["size"],
            });
            if let Some((start, len)) = span {
                sys["sentence"] = json!({"start": start, "end": start + len, "text": sentence});
            } else {
                sys["sentence"] = json!({"text": sentence});
            }
            for flag in ["negated", "hypothetical"] {
                if !ev[flag].is_null() {
                    sys[flag] = ev[flag].clone();
                }
            }
            out.push(sys);
        }
    }
    out
}

fn lines(events: &[Value]) -> Vec<Vec<u8>> {
    events.iter().map(|e| e.to_string().into_bytes()).collect()
}

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in lines {
        out.extend_from_slice(l);
        out.push(b'\n');
    }
    out
}

/// The system files to score against one gold file: (name, bytes).
fn variants(docs: &[Value], seed: u64) -> Vec<(String, Vec<u8>)> {
    let base = perfect(docs);
    let mut rng = Rng(seed | 1);
    let mut out: Vec<(String, Vec<u8>)> = vec![
        ("perfect".into(), join(&lines(&base))),
        ("empty".into(), Vec::new()),
    ];
    let each = |name: &str, f: &mut dyn FnMut(usize, &mut Value) -> bool| {
        let mut evs = Vec::new();
        for (i, e) in base.iter().enumerate() {
            let mut e = e.clone();
            if f(i, &mut e) {
                evs.push(e);
            }
        }
        (name.to_string(), join(&lines(&evs)))
    };
    out.push(each("dropped", &mut |i, _| i % 3 != 1));
    out.push(each("types", &mut |i, e| {
        match i % 4 {
            0 => e["event_type"] = json!(TYPES[i % TYPES.len()]),
            1 => e["event_type"] = json!(e["event_type"].as_str().unwrap_or("").to_lowercase()),
            2 => e["event_type"] = json!("NOT_A_TYPE"),
            _ => {}
        }
        true
    }));
    out.push(each("actors", &mut |i, e| {
        match i % 7 {
            0 => {
                let a = e["actor"].clone();
                e["actor"] = e["recipient"].clone();
                e["recipient"] = a;
            }
            1 => e["actor"] = json!([{"name": "The Nobody Brigade"}]),
            2 => {
                if let Some(a) = e["actor"].as_array_mut() {
                    a.push(json!({"name": "Extra Actor"}));
                }
            }
            3 => e["actor"] = json!(["the Taliban", "U.S.", 5, null]),
            4 => e["recipient"] = Value::Null,
            5 => {
                if let Some(a) = e["actor"].as_array_mut() {
                    for x in a {
                        let name = x["name"].as_str().unwrap_or("").to_uppercase();
                        x["name"] = json!(format!("The {name}."));
                    }
                }
            }
            _ => e["actor"] = json!({"name": "not a list"}),
        }
        true
    }));
    out.push(each("dates", &mut |i, e| {
        let d = e["date"].as_str().unwrap_or("").to_string();
        e["date"] = match i % 6 {
            0 if d.len() >= 4 => {
                let year: u32 = d[..4].parse().unwrap_or(2000);
                json!(format!("{}{}", year + 1, &d[4..]))
            }
            1 => json!(d.get(..4).unwrap_or("")),
            2 => json!(format!("{d}-01T10:00")),
            3 => Value::Null,
            4 => json!(2018),
            _ => json!(format!(" {d}")),
        };
        true
    }));
    out.push(each("counts_locations", &mut |i, e| {
        for (k, f) in ["dead", "injured", "size"].iter().enumerate() {
            let v = e[*f].clone();
            if let Some(n) = v.as_i64() {
                e[*f] = match (i + k) % 6 {
                    0 => json!(n.to_string()),
                    1 => json!(n as f64),
                    2 => json!(format!(" {n} ")),
                    3 => json!(n + 1),
                    4 => json!(true),
                    _ => v,
                };
            } else if i % 5 == 0 {
                e[*f] = json!(3);
            }
        }
        if let Some(loc) = e["location"].as_object_mut() {
            let shift = [0.0, 0.3, 0.6, 0.0, 0.0][i % 5];
            if let Some(lat) = loc.get("lat").and_then(Value::as_f64) {
                loc.insert("lat".into(), json!(lat + shift));
            }
            match i % 5 {
                3 => {
                    loc.insert("lat".into(), json!("12.5"));
                    loc.insert("name".into(), json!("The Somewhere, Else"));
                }
                4 => {
                    loc.remove("lon");
                }
                _ => {}
            }
        } else if i % 2 == 0 {
            e["location"] = json!({"name": "Kabul", "lat": 34.5, "lon": 69.2});
        }
        if i % 11 == 10 {
            e["location"] = json!("Kabul");
        }
        true
    }));
    out.push(each("sentences", &mut |i, e| {
        let sent = e["sentence"].clone();
        match i % 9 {
            0 => {
                e.as_object_mut().map(|o| o.remove("sentence"));
            }
            1 => {
                e["sentence"] = json!({"text": sent["text"]});
            }
            2 => {
                if let Some(s) = sent["start"].as_u64() {
                    e["sentence"]["start"] = json!(s as f64);
                }
            }
            3 => e["sentence"]["start"] = json!(false),
            4 => {
                e["sentence"]["start"] = sent["end"].clone();
                e["sentence"]["end"] = sent["start"].clone();
                e["sentence"]["text"] = json!("not in the text at all");
            }
            5 => {
                if let (Some(s), Some(t)) = (sent["start"].as_u64(), sent["end"].as_u64()) {
                    e["sentence"]["start"] = json!(s + (t - s) / 2);
                    e["sentence"]["end"] = json!(t + 40);
                }
            }
            6 => {
                if let Some(t) = sent["end"].as_u64() {
                    e["sentence"]["start"] = json!(t.saturating_sub(1));
                    e["sentence"]["end"] = json!(t + 500);
                }
            }
            7 => e["sentence"] = json!("a string"),
            _ => {
                e["sentence"]["start"] = json!("0");
            }
        }
        true
    }));
    out.push(each("flags_unknown_docs", &mut |i, e| {
        match i % 6 {
            0 => e["negated"] = json!(true),
            1 => e["hypothetical"] = json!(true),
            2 => e["negated"] = json!("true"),
            3 => e["doc_id"] = json!(format!("unknown-{}", i % 13)),
            4 => e["doc_id"] = json!(""),
            _ => {}
        }
        true
    }));
    // Duplicates: extra copies, some with a shifted but overlapping span.
    let mut dup = Vec::new();
    for (i, e) in base.iter().enumerate() {
        dup.push(e.clone());
        if i % 4 == 0 {
            dup.push(e.clone());
        }
        if i % 4 == 1 {
            let mut e = e.clone();
            if let Some(s) = e["sentence"]["start"].as_u64() {
                e["sentence"]["start"] = json!(s + 1);
                e["actor"] = json!([]);
            }
            dup.push(e);
        }
    }
    out.push(("duplicates".into(), join(&lines(&dup))));
    // Bad lines mixed in, a BOM first, CRLF endings, no final newline.
    let mut bad: Vec<Vec<u8>> = Vec::new();
    let mut first = b"\xef\xbb\xbf".to_vec();
    first.extend(
        base.first()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .bytes(),
    );
    bad.push(first);
    let odd: [&[u8]; 20] = [
        b"",
        b"   \t",
        b"\xc2\xa0",
        b"[]",
        b"null",
        b"{\"doc_id\": \"x\"",
        b"{\"doc_id\": \"x\",}",
        b"\xff\xfe{}",
        b"{\"doc_id\": \"caf\xc3\xa9\", \"event_type\": \"AID\"}",
        b"{\"doc_id\": \"a\xe2\x82\"}",
        b"{\"event_type\": 5, \"doc_id\": \"x\"}",
        b"\xef\xbb\xbf{}",
        b"{\"doc_id\": NaN, \"event_type\": Infinity}",
        b"{\"a\": \"\\ud83d\\ude00\", \"b\": \"\\u00e9\\t\"}",
        b"{\"a\": 01}",
        b"{\"a\": \"x\ty\"}",
        b"{\"a\": \"\\q\"}",
        b"{\"a\": [1, 2,]}",
        b"{\"a\": 1} extra",
        b"{\"doc_id\": \"\\u0000\", \"event_type\": \"X\"}",
    ];
    for (i, e) in base.iter().enumerate() {
        let mut l = e.to_string().into_bytes();
        if i % 3 == 0 {
            l.push(b'\r');
        }
        bad.push(l);
        bad.push(odd[i % odd.len()].to_vec());
    }
    for o in odd {
        bad.push(o.to_vec());
    }
    let mut bytes = join(&bad);
    bytes.extend_from_slice(b"{\"doc_id\": \"x\", \"event_type\": \"AID\"");
    out.push(("bad_lines".into(), bytes));
    // Many unknown doc_ids, so that the report shows "(+N more)".
    let unknown: Vec<Value> = (0..14)
        .map(|k| json!({"doc_id": format!("zz-{k:02}"), "event_type": "AID"}))
        .collect();
    let mut with_unknown = lines(&base);
    with_unknown.extend(lines(&unknown));
    out.push(("unknown_docs".into(), join(&with_unknown)));
    // Randomly mangled JSON, for the decoder's error messages.
    let junk: &[u8] = b"\"{}[],:\\ 0123456789eE-.+tfnNIu/bx\t\r\x01\x7f\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80\xef\xbb\xbf";
    let mut fuzz = Vec::new();
    // SCORE_FUZZ=N mangles each line N times (default 4) for a longer hunt.
    let rounds: usize = std::env::var("SCORE_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    for e in base.iter().take(60) {
        let l = e.to_string().into_bytes();
        for _ in 0..rounds {
            let mut m = l.clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(m.len() + 1);
                match rng.below(3) {
                    0 if at < m.len() => {
                        m.remove(at);
                    }
                    1 => {
                        m.truncate(at);
                    }
                    _ => m.insert(at, junk[rng.below(junk.len())]),
                }
            }
            fuzz.push(m);
        }
    }
    out.push(("fuzz".into(), join(&fuzz)));
    out
}

/// A gold file with every odd thing load_gold reports or tolerates.
fn odd_gold() -> (Vec<u8>, Vec<Value>) {
    let s1 = "The Taliban attacked Islamic State fighters in Darzab on Tuesday, killing five.";
    let s2 = "Two hundred of them surrendered to the \u{201c}government\u{201d}.";
    let s3 = "Hundreds of students protested in Kabul \u{2014} two were hurt.";
    let text = format!("{s1}  {s2}\n\n{s3}");
    let ev = |t: &str, sents: Value| -> Value {
        json!({"event_type": t, "alt_types": ["coerce"], "mode": null,
               "actor": [{"name": "Taliban", "aliases": ["the Taliban"]}],
               "recipient": [{"name": "Islamic State Khorasan Province", "aliases": ["ISIS", "IS-K"]}],
               "location": {"name": "Darzab", "lat": 35.98, "lon": 65.38},
               "date": "2018-07", "dead": 5, "injured": null, "size": "200", "sentences": sents})
    };
    let long = "x".repeat(80);
    let docs = vec![
        json!({"doc_id": "d1", "text": text, "events": [
            ev("ASSAULT", json!([s1])),
            ev("retreat", json!([format!("  {s2} "), "it's \"quoted\" and absent", long, 5, null, {"a": [1, 2.5, true]}, ""])),
            ev("PROTEST", json!(s3)),
            {"event_type": "AID", "alt_types": "ASSAULT", "sentences": {"Hundreds": 1}},
            {"event_type": "ASSAULT", "negated": true, "sentences": [s1]},
            {"event_type": "ASSAULT", "hypothetical": true, "sentences": [s1]},
            {"event_type": "SANCTION", "negated": "yes", "alt_types": [5, "threaten"], "sentences": [s1, s3]},
            {"event_type": 7},
            "not an event",
            {"event_type": "ÉVÉNEMENT", "sentences": [s2]},
            {"event_type": "ASSAULT", "actor": "Taliban", "recipient": {"ISIS": 1},
             "location": {"name": "The Darzab District."}, "date": 2018, "dead": "5",
             "injured": true, "size": 2.0, "sentences": [s1]},
        ]}),
        json!({"doc_id": "d2", "text": "Short text. Another one.", "events": "AB"}),
        json!({"doc_id": "d3", "text": "Nothing happens here.", "events": {"x": 1}}),
        json!({"doc_id": "d4", "text": "Empty.", "events": []}),
        json!({"doc_id": "d1", "text": "duplicate", "events": []}),
        json!({"doc_id": "it's", "text": "dup id with a quote", "events": []}),
        json!({"doc_id": "it's", "text": "again", "events": []}),
        json!({"doc_id": 5, "text": "bad id"}),
        json!({"doc_id": "d5"}),
    ];
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    for (i, d) in docs.iter().enumerate() {
        bytes.extend(d.to_string().bytes());
        bytes.extend_from_slice(if i == 1 { b"\r\n" } else { b"\n" });
        if i == 2 {
            bytes.extend_from_slice(b"\n{bad json\n[1, 2]\n\xe9t\xe9\n");
        }
    }
    // Raw lines serde_json would not write: NaN, duplicate keys, big numbers, odd reprs.
    bytes.extend_from_slice(EDGE_GOLD.as_bytes());
    (bytes, docs)
}

const EDGE_GOLD: &str = concat!(
    r#"{"doc_id": "e1", "text": "Police fired on protesters in Kabul. Two hundred \u3000 fled.", "#,
    r#""events": [{"event_type": "COERCE", "sentences": [1e16, NaN, -0.0, 12345678901234567890123456789012345678901234567890, "#,
    r#"{"a": 1, "a": [null, true, 1.5e-7]}, "it's \"both\"", "\u0001\u007f\u200b\udb40\udc01 tab\t\u00e9\u0085", "  ", "#,
    r#""\u3000Police fired on protesters\u3000", "Two hundred \u3000 fled."], "dead": "1_0", "size": 1e400, "#,
    r#""location": {"name": "Kabul", "lat": "34.5", "lon": 69.2}, "date": "\u0662\u0660\u0661\u0668-01"}, "#,
    r#"{"event_type": "stra\u00dfe", "alt_types": ["\ufb01ght", "zzz"], "actor": [{"name": "The Police.", "aliases": ["cops", 5]}], "#,
    r#""sentences": ["Police fired"], "date": " 2018-01-05"}], "a": 1, "a": 2}"#,
    "\n\u{1c}\u{1d}\n\u{c}\n"
);

/// Hand-written system lines against the odd gold file.
const EDGE_SYSTEM: &str = concat!(
    r#"{"doc_id": "d1", "event_type": "assault", "sentence": {"start": 10000000000000000000000000000000000000000, "end": 10000000000000000000000000000000000000001}}"#,
    "\n",
    r#"{"doc_id": "d1", "event_type": "ASSAULT", "sentence": {"start": 0, "end": 100000000000000000000000000000000000000000000}, "#,
    r#""actor": ["Taliban"], "recipient": [{"name": "IS-K"}], "location": {"name": "x", "lat": "35_98", "lon": 65.38}, "dead": 5.0, "size": "2_00"}"#,
    "\n",
    r#"{"doc_id": "d1", "event_type": "ASSAULT", "sentence": {"start": -1, "end": 5, "text": "\u3000The Taliban attacked\u3000"}, "dead": 1E400, "injured": -0.0, "size": "  2.0e2 "}"#,
    "\n",
    r#"{"doc_id": "d1", "event_type": "ASSAULT", "sentence": {"start": true, "end": 5, "text": "Two hundred"}}"#,
    "\n",
    r#"{"doc_id": "d1", "event_type": "\u00c9v\u00e9nement", "sentence": {"start": 82, "end": 90}}"#,
    "\n",
    r#"{"doc_id": "e1", "event_type": "STRASSE", "sentence": {"start": 0, "end": 12}, "actor": [{"name": "POLICE"}], "date": "2018-01-05T00:00"}"#,
    "\n",
    r#"{"doc_id": "e1", "event_type": "FIGHT", "sentence": {"start": 0, "end": 12}}"#,
    "\n",
    r#"{"doc_id": "e1", "event_type": "coerce", "sentence": {"start": 1, "end": 30}, "dead": 10, "size": 1e400, "#,
    r#""location": {"name": "Kabul", "lat": 34.6, "lon": "69.2"}, "date": "\u0662\u0660\u0661\u0668-01-02"}"#,
    "\n",
    r#"{"doc_id": "e1", "event_type": "zzz", "sentence": {"start": 0, "end": 3}}"#,
    "\n",
    r#"{"doc_id": "e1", "event_type": "aaa", "sentence": {"start": 0, "end": 3}}"#,
    "\n",
    r#"{"doc_id": "caf\u00e9-\u00fc", "event_type": "X"}"#,
    "\n",
    r#"{"doc_id": "\ud83d\ude00 \u007f \"q\" \\ /", "event_type": "X"}"#,
    "\n",
    r#"{"doc_id": "e1", "event_type": "AID", "x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
    "\n\u{1c}\u{1d}\n\u{c}\n\u{85}\n",
    r#"{"doc_id": "e1", "event_type": "AID", "sentence": {"start": 0, "end": 3}, "negated": false, "hypothetical": null}"#,
    "\n",
);

/// Runs `score.py GOLD SYSTEM [--json]` as a command and returns what it prints.
fn run_cli(score_py: &Path, gold: &Path, system: &Path, json_flag: bool) -> String {
    let mut cmd = Command::new("python3");
    cmd.arg(score_py).arg(gold).arg(system);
    if json_flag {
        cmd.arg("--json");
    }
    let out = cmd
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score.py failed on {}: {}",
        system.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("score.py prints UTF-8")
}

/// Runs score.py's `main([GOLD, SYSTEM, "--json"])` and `main([GOLD, SYSTEM])` for every
/// job in one Python process (what the command prints, without starting Python 100
/// times), writing the two outputs to `job.json` and `job.txt`.
const DRIVER: &str = r#"
import contextlib, io, sys
sys.path.insert(0, sys.argv[1])
import score
for line in open(sys.argv[2], encoding="utf-8"):
    gold, system, out = line.rstrip("\n").split("\t")
    for flag, ext in ((["--json"], ".json"), ([], ".txt")):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
            rc = score.main([gold, system] + flag)
        assert rc in (0, None), (gold, system, rc)
        with open(out + ext, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
"#;

fn run_driver(score_py: &Path, manifest: &Path) {
    let dir = score_py.parent().unwrap_or(Path::new("."));
    let out = Command::new("python3")
        .arg("-c")
        .arg(DRIVER)
        .arg(dir)
        .arg(manifest)
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score.py driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every number within 1e-9, everything else equal; the first difference, if any.
fn first_difference(path: &str, a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            ((x - y).abs() > 1e-9).then(|| format!("{path}: python {x} rust {y}"))
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Some(format!("{path}: keys {:?} vs {:?}", x.keys(), y.keys()));
            }
            x.iter().find_map(|(k, v)| match y.get(k) {
                Some(w) => first_difference(&format!("{path}.{k}"), v, w),
                None => Some(format!("{path}.{k}: missing in rust")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(k, (v, w))| first_difference(&format!("{path}[{k}]"), v, w)),
        _ => (a != b).then(|| format!("{path}: python {a} rust {b}")),
    }
}

#[test]
fn rust_scorer_agrees_with_score_py() {
    let shared = shared_dir();
    let score_py = shared.join("score/score.py");
    if !score_py.is_file() || !python_ok() {
        eprintln!(
            "note: {} or python3 missing; skipping the comparison with score.py",
            score_py.display()
        );
        return;
    }
    let tmp = std::env::temp_dir().join(format!("khabar-score-agree-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");

    let mut golds: Vec<(String, Vec<u8>, Vec<Value>)> = Vec::new();
    let mut dev: Vec<PathBuf> = std::fs::read_dir(shared.join("gold/dev"))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dev.retain(|p| p.extension().is_some_and(|x| x == "jsonl"));
    dev.sort();
    for p in dev {
        let bytes = std::fs::read(&p).expect("gold file reads");
        let docs: Vec<Value> = bytes
            .split(|b| *b == b'\n')
            .filter_map(|l| serde_json::from_slice(l).ok())
            .collect();
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        golds.push((name, bytes, docs));
    }
    let (odd_bytes, odd_docs) = odd_gold();
    golds.push(("odd".into(), odd_bytes, odd_docs));

    // Write every gold and system file, score each in Rust, then let Python score them.
    struct Job {
        name: String,
        gold: PathBuf,
        system: PathBuf,
        out: PathBuf,
        rust_json: String,
        rust_value: Value,
        rust_report: String,
    }
    let mut jobs = Vec::new();
    for (gi, (gname, gbytes, docs)) in golds.iter().enumerate() {
        let gold_path = tmp.join(format!("{gname}.gold.jsonl"));
        std::fs::write(&gold_path, gbytes).expect("write gold");
        let mut files = variants(docs, 0x9E37_79B9_7F4A_7C15 ^ gi as u64);
        if gname == "odd" {
            files.push(("edge".into(), EDGE_SYSTEM.as_bytes().to_vec()));
        }
        for (vname, sbytes) in files {
            let sys_path = tmp.join(format!("{gname}.{vname}.jsonl"));
            std::fs::write(&sys_path, &sbytes).expect("write system");
            let r = score_jsonl(gbytes, &sbytes);
            assert!(
                r.system_events + r.ignored_events + r.errors.len() > 0 || vname == "empty",
                "{gname}/{vname} scored nothing"
            );
            if std::env::var_os("SCORE_DEBUG").is_some() {
                eprintln!(
                    "{gname}/{vname}: sys {} ign {} err {} tp {} full {} dups {} act {}/{} \
                     loc {}/{} date {}/{} cnt {}/{}",
                    r.system_events,
                    r.ignored_events,
                    r.errors.len(),
                    r.event.strict.tp,
                    r.full_event.strict.tp,
                    r.event.lenient.duplicates.unwrap_or(0),
                    r.actor.correct,
                    r.actor.total,
                    r.location.correct,
                    r.location.total,
                    r.date.correct,
                    r.date.total,
                    r.count.correct,
                    r.count.total
                );
            }
            jobs.push(Job {
                name: format!("{gname}/{vname}"),
                out: tmp.join(format!("{gname}.{vname}.out")),
                gold: gold_path.clone(),
                system: sys_path,
                rust_json: format!("{}\n", to_json(&r)),
                rust_value: serde_json::to_value(&r).expect("result serializes"),
                rust_report: format!("{}\n", report(&r)),
            });
        }
    }
    let manifest: String = jobs
        .iter()
        .map(|j| {
            format!(
                "{}\t{}\t{}\n",
                j.gold.display(),
                j.system.display(),
                j.out.display()
            )
        })
        .collect();
    let manifest_path = tmp.join("manifest.tsv");
    std::fs::write(&manifest_path, manifest).expect("write manifest");
    run_driver(&score_py, &manifest_path);

    let mut failures = String::new();
    for job in &jobs {
        let read = |ext: &str| {
            let mut p = job.out.clone().into_os_string();
            p.push(ext);
            std::fs::read_to_string(&p).expect("driver output")
        };
        let (py_json, py_report) = (read(".json"), read(".txt"));
        let name = &job.name;
        let py_value: Value = serde_json::from_str(&py_json).expect("score.py prints JSON");
        if let Some(d) = first_difference("$", &py_value, &job.rust_value) {
            let _ = writeln!(failures, "{name}: {d}");
        } else if py_json != job.rust_json {
            let _ = writeln!(failures, "{name}: JSON text differs");
        }
        if py_report != job.rust_report {
            let _ = writeln!(
                failures,
                "{name}: report differs\n--- python\n{py_report}--- rust\n{}",
                job.rust_report
            );
        }
        // The command itself, on a few files.
        if name.ends_with("/perfect") || name.ends_with("/bad_lines") {
            if run_cli(&score_py, &job.gold, &job.system, true) != job.rust_json {
                let _ = writeln!(failures, "{name}: `score.py --json` prints other JSON");
            }
            if run_cli(&score_py, &job.gold, &job.system, false) != job.rust_report {
                let _ = writeln!(failures, "{name}: `score.py` prints another report");
            }
        }
    }
    if std::env::var_os("SCORE_DEBUG").is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    assert!(
        failures.is_empty(),
        "disagreements with score.py:\n{failures}"
    );
    eprintln!("{} system files agree with score.py", jobs.len());
}
