//! Parser tests (stage `annotate`): a tiny training run on hand-written sentences, tree
//! well-formedness on arbitrary input, model round trips and determinism. The EWT evaluation is the
//! `#[ignore]`d integration test `tests/parser_ewt.rs`.

use super::*;
use crate::conllu;

const TINY: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tvillage\tvillage\tNOUN\tNN\t_\t3\tobj\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_
3\tprotesters\tprotester\tNOUN\tNNS\t_\t2\tobj\t_\t_
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
5\tCairo\tCairo\tPROPN\tNNP\t_\t2\tobl\t_\t_
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_
2\tnew\tnew\tADJ\tJJ\t_\t3\tamod\t_\t_
3\tgovernment\tgovernment\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_
5\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_
6\ttreaty\ttreaty\tNOUN\tNN\t_\t4\tobj\t_\t_
7\twith\twith\tADP\tIN\t_\t8\tcase\t_\t_
8\trebels\trebel\tNOUN\tNNS\t_\t4\tobl\t_\t_

1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_
3\tmeet\tmeet\tVERB\tVB\t_\t0\troot\t_\t_
4\ttomorrow\ttomorrow\tNOUN\tNN\t_\t3\tobl:tmod\t_\t_
5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_
6\ttalk\ttalk\tVERB\tVB\t_\t3\tconj\t_\t_
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

fn tiny() -> Vec<Sentence> {
    let (s, e) = conllu::parse(TINY);
    assert!(e.is_empty(), "{e:?}");
    s
}

fn tiny_parser() -> Parser {
    let opts = TrainOptions {
        epochs: 10,
        ..TrainOptions::default()
    };
    train(&tiny(), &[], &opts, &mut |_| {})
}

fn columns(s: &Sentence) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
    (
        s.words.iter().map(|w| w.form.as_str()).collect(),
        s.words.iter().map(|w| w.upos.as_str()).collect(),
        s.words.iter().map(|w| w.xpos.as_str()).collect(),
    )
}

/// Every word has one head in range, exactly one word hangs from the root, and
/// following heads from any word reaches the root.
fn assert_tree(arcs: &[(usize, String)]) {
    let n = arcs.len();
    if n == 0 {
        return;
    }
    assert_eq!(arcs.iter().filter(|(h, _)| *h == 0).count(), 1, "{arcs:?}");
    for start in 1..=n {
        let mut k = start;
        for _ in 0..=n {
            if k == 0 {
                break;
            }
            assert!(k <= n, "head out of range in {arcs:?}");
            k = arcs[k - 1].0;
        }
        assert_eq!(k, 0, "cycle through word {start}");
    }
    for (h, l) in arcs {
        assert!(*h <= n);
        assert!(!l.is_empty());
    }
}

#[test]
fn learns_the_training_sentences() {
    let p = tiny_parser();
    for s in tiny() {
        let (w, u, x) = columns(&s);
        let got = p.parse(&w, &u, &x);
        let want: Vec<(usize, String)> =
            s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
        assert_eq!(got, want);
    }
    let sc = p.evaluate(&tiny());
    assert_eq!((sc.words, sc.uas, sc.las), (27, 1.0, 1.0));
}

#[test]
fn output_is_always_a_tree() {
    let p = tiny_parser();
    assert!(p.parse(&[], &[], &[]).is_empty());
    assert_tree(&p.parse(&["Hello"], &["INTJ"], &["UH"]));
    assert_tree(&p.parse(&["Hello"], &[], &[]));
    assert_tree(&p.parse(&["a", "b", "c"], &["NOUN"], &["NN", "NN", "NN", "NN"]));
    let vocab = [
        "the",
        "army",
        ".",
        "in",
        "Cairo",
        "signed",
        "and",
        "",
        "ünïcödé",
        "42",
    ];
    let tags = [
        "DET", "NOUN", "PUNCT", "ADP", "PROPN", "VERB", "CCONJ", "X", "AUX", "NUM",
    ];
    let mut seed = 7u64;
    for len in [2, 3, 5, 17, 64, 500] {
        let mut w = Vec::new();
        let mut t = Vec::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            w.push(vocab[(seed >> 33) as usize % vocab.len()]);
            t.push(tags[(seed >> 45) as usize % tags.len()]);
        }
        let arcs = p.parse(&w, &t, &t);
        assert_eq!(arcs.len(), len);
        assert_tree(&arcs);
    }
    // An untrained parser (no data at all) still returns trees.
    let empty = train(&[], &[], &TrainOptions::default(), &mut |_| {});
    assert_tree(&empty.parse(&["a", "b", "c"], &["X"; 3], &["X"; 3]));
}

#[test]
fn model_bytes_round_trip_and_reject_garbage() {
    let mut p = tiny_parser();
    p.manifest_mut().source = "hand-written".into();
    let bytes = p.to_bytes();
    let back = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(back, p);
    assert_eq!(back.manifest().source, "hand-written");
    assert_eq!(back.manifest().version, VERSION);
    let sentences = tiny();
    let (w, u, x) = columns(&sentences[1]);
    assert_eq!(back.parse(&w, &u, &x), p.parse(&w, &u, &x));
    assert!(matches!(
        Parser::from_bytes(b"not zstd"),
        Err(ModelError::Compression(_))
    ));
    let wrong = zstd::bulk::compress(b"KHABARM1 something else", 1).unwrap();
    assert!(matches!(Parser::from_bytes(&wrong), Err(ModelError::Magic)));
    let mut raw = Vec::new();
    zstd::stream::copy_decode(bytes.as_slice(), &mut raw).unwrap();
    raw.truncate(raw.len() - 3);
    let cut = zstd::bulk::compress(&raw, 1).unwrap();
    assert!(matches!(
        Parser::from_bytes(&cut),
        Err(ModelError::Corrupt(_))
    ));
}

#[test]
fn training_is_deterministic() {
    assert_eq!(tiny_parser().to_bytes(), tiny_parser().to_bytes());
}
