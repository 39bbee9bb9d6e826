//! The embedded resources: compiled dictionaries (zstd-compressed JSON under
//! `resources/`), decompressed and parsed on load. Rebuild them with `khabar train`.

use crate::PipelineError;
use coder::dictionary::resource::{Dictionaries, RESOURCE_VERSION};

/// The compiled Phoenix dictionaries (`resources/dictionary/phoenix.json.zst`).
pub const DICTIONARY_ZST: &[u8] = include_bytes!("../../../resources/dictionary/phoenix.json.zst");

/// Decompresses and parses the embedded dictionaries.
pub fn dictionaries() -> Result<Dictionaries, PipelineError> {
    let err = |reason: String| PipelineError::Resource {
        name: "dictionary/phoenix.json.zst",
        reason,
    };
    let json = zstd::decode_all(DICTIONARY_ZST).map_err(|e| err(e.to_string()))?;
    let dict = Dictionaries::from_json(&json).map_err(|e| err(e.to_string()))?;
    if dict.version != RESOURCE_VERSION {
        return Err(err(format!(
            "version {:?}, this build reads {RESOURCE_VERSION:?}",
            dict.version
        )));
    }
    Ok(dict)
}
