//! `khabar train tagger|parser|ner` on tiny hand-written corpora: the commands read
//! plain and gzipped data, train, write a model with its manifest, and reject bad input
//! with a clear error. (Full training on ../shared is a manual command, see README.)

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

fn khabar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(args)
        .output()
        .expect("khabar runs")
}

/// Three tiny CoNLL-U sentences (written for this test).
const CONLLU: &str = "\
# text = Police arrested the suspect.
1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tsuspect\tsuspect\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Rebels attacked a village.
1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tvillage\tvillage\tNOUN\tNN\t_\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The army withdrew.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\twithdrew\twithdraw\tVERB\tVBD\t_\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

/// Tiny IOB2 sentences (UNER layout: id, word, tag).
const IOB2: &str = "\
1\tAhmed\tB-PER
2\tKhan\tI-PER
3\tvisited\tO
4\tKabul\tB-LOC
5\t.\tO

1\tThe\tO
2\tUnited\tB-ORG
3\tNations\tI-ORG
4\tmet\tO
5\tin\tO
6\tGeneva\tB-LOC
7\t.\tO

";

fn gz(path: &Path, text: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut enc = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    enc.write_all(text.as_bytes()).unwrap();
    enc.finish().unwrap();
}

fn manifest(model: &Path) -> serde_json::Value {
    let path = model.with_file_name(
        model
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".bin.zst", ".manifest.json"),
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("manifest written"))
        .expect("manifest is JSON")
}

#[test]
fn trains_a_tagger_and_a_parser_on_a_tiny_treebank() {
    let dir = tempfile::tempdir().unwrap();
    for split in ["train", "dev", "test"] {
        gz(
            &dir.path().join(format!("en_ewt-ud-{split}.conllu.gz")),
            CONLLU,
        );
    }
    let data = dir.path().to_str().unwrap();

    let tagger = dir.path().join("out/tagger.bin.zst");
    let run = khabar(&[
        "train",
        "tagger",
        "--data",
        data,
        "--out",
        tagger.to_str().unwrap(),
        "--epochs",
        "3",
        "--folds",
        "0",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::metadata(&tagger).unwrap().len() > 0);
    let m = manifest(&tagger);
    let data_files = m["data"].as_array().expect("data files listed");
    assert_eq!(data_files.len(), 3);
    assert!(data_files[0]["checksum"]
        .as_str()
        .unwrap()
        .starts_with("blake3:"));
    // Three sentences seen three times: the tagger learns them.
    assert!(m["scores"]["dev_upos"].as_f64().unwrap() > 0.9, "{m}");

    // The parser takes explicit files too, plain (not gzipped) ones included.
    let plain = dir.path().join("train.conllu");
    std::fs::write(&plain, CONLLU).unwrap();
    let parser = dir.path().join("out/parser.bin.zst");
    let run = khabar(&[
        "train",
        "parser",
        "--data",
        data,
        "--train",
        plain.to_str().unwrap(),
        "--out",
        parser.to_str().unwrap(),
        "--epochs",
        "2",
        "--prune",
        "0",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let m = manifest(&parser);
    assert!(m["manifest"]["scores"]["dev_uas"].as_f64().is_some(), "{m}");
}

#[test]
fn trains_a_recognizer_on_tiny_iob2() {
    let dir = tempfile::tempdir().unwrap();
    let ewt = dir.path().join("uner_english_ewt");
    let pud = dir.path().join("uner_english_pud");
    std::fs::create_dir_all(&ewt).unwrap();
    std::fs::create_dir_all(&pud).unwrap();
    for name in [
        "en_ewt-ud-train.prelim2022.iob2.gz",
        "en_ewt-ud-dev.iob2.gz",
        "en_ewt-ud-test.iob2.gz",
    ] {
        gz(&ewt.join(name), IOB2);
    }
    gz(&pud.join("en_pud-ud-test.iob2.gz"), IOB2);
    let out = dir.path().join("ner.bin.zst");
    let run = khabar(&[
        "train",
        "ner",
        "--data",
        dir.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--extra",
        "",
        "--no-lexicon",
        "--epochs",
        "3",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let m = manifest(&out);
    assert!(m["scores"]["dev_f1"].as_f64().is_some(), "{m}");
}

#[test]
fn missing_or_bad_training_data_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = khabar(&[
        "train",
        "tagger",
        "--data",
        dir.path().to_str().unwrap(),
        "--no-write",
    ]);
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("en_ewt-ud-train.conllu.gz"), "{err}");

    // Not gzip although named .gz.
    for split in ["train", "dev", "test"] {
        std::fs::write(
            dir.path().join(format!("en_ewt-ud-{split}.conllu.gz")),
            b"\xff\x00junk",
        )
        .unwrap();
    }
    let run = khabar(&[
        "train",
        "parser",
        "--data",
        dir.path().to_str().unwrap(),
        "--no-write",
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not gzipped"));
}
