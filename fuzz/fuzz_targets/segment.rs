//! Fuzz target: the segmenter never panics and its spans stay valid on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (tokens, sentences) = segment::segment_text(&text);
    let mut last = 0;
    for t in &tokens {
        assert!(t.span.start >= last && t.span.start < t.span.end);
        assert!(text.get(t.span.range()).is_some());
        last = t.span.end;
    }
    for s in &sentences {
        assert!(text.get(s.span.range()).is_some());
        assert!(s.tokens.end <= tokens.len());
    }
});
