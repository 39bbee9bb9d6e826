//! Reading training corpora: plain or gzipped text, with a BLAKE3 checksum for the
//! model manifest, and where a trained model and its manifest are written.

use annotate::model::DataFile;
use anyhow::{Context, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads a (gzipped when named `*.gz`) UTF-8 text file; returns the text and a
/// [`DataFile`] naming it with the BLAKE3 hash of its bytes.
pub fn read_text(path: &Path) -> Result<(String, DataFile)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .with_context(|| format!("{}: not gzipped UTF-8 text", path.display()))?;
    } else {
        text = String::from_utf8(bytes.clone())
            .with_context(|| format!("{}: not UTF-8", path.display()))?;
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let checksum = format!("blake3:{}", blake3::hash(&bytes).to_hex());
    Ok((text, DataFile { name, checksum }))
}

/// Reads a CoNLL-U file (plain or `.gz`); malformed rows are reported, not fatal.
pub fn read_conllu(path: &Path) -> Result<(Vec<annotate::conllu::Sentence>, DataFile)> {
    let (text, file) = read_text(path)?;
    let (sentences, errors) = annotate::conllu::parse(&text);
    if let Some(e) = errors.first() {
        eprintln!(
            "{}: {} malformed rows, first: {e}",
            path.display(),
            errors.len()
        );
    }
    Ok((sentences, file))
}

/// GUM genres whose texts are CC BY (Wikinews news/interviews/bios, Wikivoyage, public
/// speeches, OpenStax textbooks); the other genres are CC BY-NC-SA and stay out.
pub const GUM_GENRES: [&str; 6] = ["news", "interview", "bio", "voyage", "speech", "textbook"];

/// A model manifest's `source` line: the base treebank, and GUM's CC BY genres when
/// they were added to the training data.
pub fn training_source(base: &str, gum: bool) -> String {
    if gum {
        format!(
            "{base} + UD_English-GUM v2.16 train, CC BY genres only ({}), CC BY 4.0",
            GUM_GENRES.join(", ")
        )
    } else {
        base.to_string()
    }
}

/// The training sentences of UD English-GUM's CC BY genres (`en_gum-ud-train.conllu.gz`
/// under `dir`): extra, partly news, training data for the tagger and the parser.
pub fn read_gum_train(dir: &Path) -> Result<(Vec<annotate::conllu::Sentence>, DataFile)> {
    let (sentences, file) = read_conllu(&dir.join("en_gum-ud-train.conllu.gz"))?;
    let mut keep = false;
    let mut out = Vec::new();
    for s in sentences {
        if let Some(doc) = s
            .comments
            .iter()
            .find_map(|c| c.strip_prefix("# newdoc id = "))
        {
            keep = GUM_GENRES.contains(&doc.split('_').nth(1).unwrap_or(""));
        }
        if keep && !s.words.is_empty() {
            out.push(s);
        }
    }
    Ok((out, file))
}

/// The manifest written beside a model file: `x.bin.zst` → `x.manifest.json`.
pub fn manifest_path(model: &Path) -> PathBuf {
    let name = model
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".bin.zst")
        .or_else(|| name.strip_suffix(".zst"))
        .or_else(|| name.strip_suffix(".bin"))
        .unwrap_or(&name);
    model.with_file_name(format!("{stem}.manifest.json"))
}

/// Writes a model and its pretty-printed JSON manifest (creating the folder).
pub fn write_model(model: &Path, bytes: &[u8], manifest: &serde_json::Value) -> Result<()> {
    if let Some(dir) = model.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(model, bytes).with_context(|| format!("cannot write {}", model.display()))?;
    let path = manifest_path(model);
    let json = serde_json::to_string_pretty(manifest)? + "\n";
    std::fs::write(&path, json).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {} and {}", model.display(), path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_sits_beside_the_model() {
        assert_eq!(
            manifest_path(Path::new("resources/models/tagger.bin.zst")),
            Path::new("resources/models/tagger.manifest.json")
        );
        assert_eq!(
            manifest_path(Path::new("m.zst")),
            Path::new("m.manifest.json")
        );
        assert_eq!(
            manifest_path(Path::new("model")),
            Path::new("model.manifest.json")
        );
    }
}
