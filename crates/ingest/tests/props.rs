//! Property tests: no input bytes make the readers panic or produce unusable items.
//!
//! Stage: ingest (tests). Input: arbitrary bytes, and HTML/JSON-flavoured token soup.
//! Output: assertions that `read_bytes` returns, every problem has a message, and every
//! document has a non-empty id.
//! Must not: do IO.

use ingest::{read_bytes, Format, Item};
use proptest::prelude::*;

const FORMATS: [Option<Format>; 4] = [
    None,
    Some(Format::Text),
    Some(Format::Jsonl),
    Some(Format::Html),
];

fn check(bytes: &[u8]) {
    for format in FORMATS {
        for item in read_bytes("fuzz", bytes, format) {
            match item {
                Item::Doc(a) => {
                    assert!(!a.meta.doc_id.is_empty());
                    // A String is valid UTF-8 by construction; slicing it must hold too.
                    assert!(a.text.is_char_boundary(a.text.len()));
                }
                Item::Problem(p) => {
                    assert!(!p.message.is_empty());
                    assert!(!p.to_string().contains('\n'), "one line: {p}");
                }
            }
        }
    }
}

/// Pieces that make HTML and JSON parsers take unusual paths.
fn soup() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("</div>".to_string()),
        Just("<script>".to_string()),
        Just("<nav>".to_string()),
        Just("<br>".to_string()),
        Just("<table><td>".to_string()),
        Just("&amp".to_string()),
        Just("&#x;".to_string()),
        Just("<!--".to_string()),
        Just("<meta name=date content=\"2021-02-30\">".to_string()),
        Just("{\"text\":".to_string()),
        Just("\"doc_id\":1,".to_string()),
        Just("}".to_string()),
        Just("\n".to_string()),
        Just("\r\n\r\n".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z .,\"'<>/=&;{}:\\[\\]-]{0,40}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&bytes);
    }

    #[test]
    fn text_like_bytes_never_panic(s in "\\PC{0,500}") {
        check(s.as_bytes());
    }

    #[test]
    fn soup_never_panics(bytes in soup()) {
        check(&bytes);
    }

    #[test]
    fn gzip_of_soup_never_panics(bytes in soup(), cut in 0usize..200) {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&bytes).expect("gzip");
        let mut gz = enc.finish().expect("gzip");
        let keep = gz.len().saturating_sub(cut);
        gz.truncate(keep);
        check(&gz);
    }
}
