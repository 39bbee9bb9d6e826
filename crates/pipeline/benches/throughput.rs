//! Throughput benchmarks (divan): the segmenter and the whole pipeline on the committed
//! benchmark corpus (`resources/bench/corpus.jsonl`, original text) and the seed article.
//! Run: `cargo bench -p pipeline`.

use article::{Article, Meta};
use divan::counter::BytesCount;
use divan::Bencher;
use pipeline::{Config, Pipeline};

const CORPUS: &str = include_str!("../../../resources/bench/corpus.jsonl");
const SEED: &str = include_str!("../../../examples/seed.txt");

fn corpus() -> Vec<Article> {
    let mut docs: Vec<Article> = CORPUS
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            Article::new(
                Meta {
                    doc_id: v["doc_id"].as_str().unwrap_or("").to_string(),
                    published: v["published"].as_str().map(str::to_string),
                    ..Default::default()
                },
                v["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let body = SEED.split_once("\n\n").map(|(_, b)| b).unwrap_or(SEED);
    docs.push(Article::new(Meta::default(), body.to_string()));
    docs
}

fn main() {
    divan::main();
}

#[divan::bench]
fn segment_corpus(bencher: Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .map(|d| segment::segment_text(divan::black_box(&d.text)).0.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn pipeline_corpus(bencher: Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = Pipeline::new(&Config::default()).expect("resources load");
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .map(|d| pipeline.run(divan::black_box(d.clone())).events.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn pipeline_load() -> Pipeline {
    Pipeline::new(&Config::default()).expect("resources load")
}
