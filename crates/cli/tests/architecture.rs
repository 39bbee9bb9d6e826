//! Architecture invariants (ARCHITECTURE.md): the core crates do no IO and depend only on
//! each other and on pure-computation crates; every source file starts with a `//!` doc.

use std::path::{Path, PathBuf};

const CORE: &[&str] = &[
    "article", "segment", "annotate", "places", "actors", "coder", "events", "pipeline",
];

/// Non-khabar dependencies the core may use (pure computation, no IO).
const ALLOWED: &[&str] = &[
    "serde",
    "serde_json",
    "thiserror",
    "aho-corasick",
    "blake3",
    "zstd",
    "unicode-normalization",
    "unicode-general-category",
    "fst",
];

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The `[dependencies]` table's keys of a Cargo.toml (not dev-dependencies).
fn dependencies(manifest: &str) -> Vec<String> {
    let mut in_deps = false;
    let mut out = Vec::new();
    for line in manifest.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            in_deps = l == "[dependencies]";
            continue;
        }
        if in_deps && !l.is_empty() && !l.starts_with('#') {
            if let Some((name, _)) = l.split_once('=') {
                out.push(name.trim().trim_end_matches(".workspace").to_string());
            }
        }
    }
    out
}

#[test]
fn core_crates_depend_only_on_core_and_pure_crates() {
    for krate in CORE {
        let manifest =
            std::fs::read_to_string(crates_dir().join(krate).join("Cargo.toml")).unwrap();
        let deps = dependencies(&manifest);
        assert!(!deps.is_empty(), "{krate}: no [dependencies] parsed");
        for dep in deps {
            assert!(
                CORE.contains(&dep.as_str()) || ALLOWED.contains(&dep.as_str()),
                "core crate {krate} depends on {dep}: IO and shell crates stay out of the core"
            );
            assert!(
                dep != "ingest" && dep != "cli",
                "{krate} must not depend on a shell crate"
            );
        }
    }
}

#[test]
fn core_sources_do_no_io() {
    for krate in CORE {
        let mut files = Vec::new();
        rust_files(&crates_dir().join(krate).join("src"), &mut files);
        for f in files {
            let src = std::fs::read_to_string(&f).unwrap();
            // Unit tests may read fixtures; the library code may not.
            let lib = src.split("#[cfg(test)]").next().unwrap_or("");
            for banned in ["std::fs", "std::net", "File::open", "std::process", "tokio"] {
                assert!(!lib.contains(banned), "{}: uses {banned}", f.display());
            }
        }
    }
}

#[test]
fn every_source_file_has_a_module_doc() {
    let mut files = Vec::new();
    rust_files(&crates_dir(), &mut files);
    for f in files {
        if f.components().any(|c| c.as_os_str() == "target") {
            continue;
        }
        let src = std::fs::read_to_string(&f).unwrap();
        assert!(
            src.trim_start().starts_with("//!"),
            "{} lacks a //! header (stage, input, output, what it must not do)",
            f.display()
        );
    }
}
