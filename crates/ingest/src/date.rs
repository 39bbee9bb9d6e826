//! Publication dates: reduce what inputs give to `YYYY-MM-DD`.
//!
//! Stage: ingest (shell), pure helper. Input: a date string from JSON Lines or HTML
//! metadata. Output: `Some("YYYY-MM-DD")` for a valid calendar date, optionally followed
//! by a time (`T…` or ` …`), else `None`.
//! Must not: guess (no "March 3, 2024", no relative dates): the caller warns instead.

/// `Some("YYYY-MM-DD")` when `s` (trimmed) is a valid date, or a date followed by `T`,
/// `t` or a space and anything (an ISO 8601 / RFC 3339 timestamp); else `None`.
pub(crate) fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days {
        return None;
    }
    // All ten bytes are ASCII, so this slice is on char boundaries.
    Some(s[..10].to_string())
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn accepts_dates_and_timestamps() {
        assert_eq!(normalize("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(
            normalize(" 2021-08-26T14:30:00Z ").as_deref(),
            Some("2021-08-26")
        );
        assert_eq!(normalize("2021-08-26 14:30").as_deref(), Some("2021-08-26"));
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "2021",
            "2021-08",
            "2023-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-08-32",
            "26/08/2021",
            "August 26, 2021",
            "2021-08-26x",
            "２０２１-08-26",
            "2021-8-26",
        ] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }
}
