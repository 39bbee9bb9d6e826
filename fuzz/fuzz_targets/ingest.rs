//! Fuzz target: every reader turns any bytes into documents and problems, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [ingest::Format::Text, ingest::Format::Jsonl, ingest::Format::Html] {
        for item in ingest::read_bytes("fuzz", data, Some(format)) {
            if let ingest::Item::Problem(p) = item {
                assert!(!p.message.is_empty());
            }
        }
    }
});
