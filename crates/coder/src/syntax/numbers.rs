//! Numbers and verb forms: number words and phrases ("Two hundred", "dozens"),
//! casualty counts read off a sentence, plain inflection strips of a verb.

use super::tree::Tree;

/// Number words.
pub(super) fn number(word: &str) -> Option<u64> {
    let w = word.to_lowercase().replace(',', "");
    if let Ok(n) = w.parse::<u64>() {
        return Some(n);
    }
    Some(match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" | "dozens" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" | "scores" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" | "hundreds" => 100,
        "thousand" | "thousands" => 1000,
        "million" | "millions" => 1_000_000,
        _ => return None,
    })
}

/// Plain inflection strips of a verb form ("rioted" → "riot", "riote"; "shelling" →
/// "shell", "shelle"; "stopped" → "stop").
pub(super) fn verb_stems(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["ed", "ing", "es", "s", "d"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() < 2 {
                continue;
            }
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            // "stopped" → "stop": a doubled last letter (compared as chars, so any
            // text is safe).
            let mut last = stem.chars().rev();
            if let (Some(x), Some(y)) = (last.next(), last.next()) {
                if x == y {
                    out.push(stem[..stem.len() - x.len_utf8()].to_string());
                }
            }
        }
    }
    out
}

/// The value of a number phrase: its NUM token with the NUM tokens around it ("Two
/// hundred", "1,000", "three thousand"); multipliers multiply.
pub(super) fn number_at(tree: &Tree<'_>, i: usize) -> Option<u64> {
    let num = |x: usize| tree.ann(x).upos == "NUM" || number(tree.word(x)).is_some();
    let (mut from, mut to) = (i, i);
    while from > 0 && tree.ann(from - 1).upos == "NUM" {
        from -= 1;
    }
    while to + 1 < tree.len && tree.ann(to + 1).upos == "NUM" {
        to += 1;
    }
    if !num(i) {
        return None;
    }
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    for x in from..=to {
        let w = tree.word(x).to_lowercase();
        let n = number(&w)?;
        match w.as_str() {
            "hundred" | "hundreds" => current = current.max(1).saturating_mul(100),
            "thousand" | "thousands" => {
                total = total.saturating_add(current.max(1).saturating_mul(1000));
                current = 0;
            }
            "million" | "millions" => {
                total = total.saturating_add(current.max(1).saturating_mul(1_000_000));
                current = 0;
            }
            _ => current = current.saturating_add(n),
        }
    }
    Some(total.saturating_add(current))
}

/// The number of a noun phrase: the head itself ("wounding 28"), its number modifier,
/// or one on a compound ("eight police officers").
pub(super) fn phrase_count(tree: &Tree<'_>, h: usize) -> Option<u64> {
    let modifiers = |x: usize| {
        tree.children[x]
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "nummod")
            .collect::<Vec<_>>()
    };
    std::iter::once(h)
        .chain(modifiers(h))
        .chain(
            tree.children[h]
                .iter()
                .copied()
                .filter(|&c| c < h && tree.rel(c) == "compound")
                .flat_map(modifiers),
        )
        .find_map(|c| number_at(tree, c))
}

/// Killed and wounded counts read off a sentence's words where a number stands next
/// to a casualty word ("10 others wounded", "wounding at least 29", "killing 22
/// people"); a field is kept only when the sentence gives one number for it.
pub(super) fn sentence_counts(tree: &Tree<'_>) -> (Option<u64>, Option<u64>) {
    let mut dead: Vec<u64> = Vec::new();
    let mut injured: Vec<u64> = Vec::new();
    for i in 0..tree.len {
        let w = tree.word(i).to_lowercase();
        // "with more than 1,000 lives lost", "claimed 50 lives".
        let lives_lost = w == "lives"
            && (i.saturating_sub(3)..(i + 2).min(tree.len)).any(|j| {
                matches!(
                    tree.word(j).to_lowercase().as_str(),
                    "lost" | "claimed" | "cost" | "taken" | "claiming" | "costing"
                )
            });
        let field = match w.as_str() {
            "killed" | "killing" | "dead" | "died" => &mut dead,
            "lives" if lives_lost => &mut dead,
            "wounded" | "wounding" | "injured" | "injuring" | "hurt" => &mut injured,
            _ => continue,
        };
        let before = (i.saturating_sub(3)..i).rev().find_map(|j| {
            (tree.ann(j).upos == "NUM")
                .then(|| number_at(tree, j))
                .flatten()
        });
        let after = || {
            (i + 1..(i + 4).min(tree.len))
                .take_while(|&j| !matches!(tree.word(j), "," | "." | ";" | "and"))
                .find_map(|j| {
                    (tree.ann(j).upos == "NUM")
                        .then(|| number_at(tree, j))
                        .flatten()
                })
        };
        let forward = w.ends_with("ing") || tree.ann(i).xpos == "VBD";
        let n = if forward {
            after().or(before)
        } else {
            before.or_else(after)
        };
        if let Some(n) = n {
            if !field.contains(&n) {
                field.push(n);
            }
        }
    }
    let one = |v: Vec<u64>| (v.len() == 1).then(|| v[0]);
    (one(dead), one(injured))
}

#[cfg(test)]
mod tests {
    use super::verb_stems;

    #[test]
    fn verb_stems_strip_inflections_on_any_text() {
        let stems = verb_stems("rioted");
        assert!(stems.contains(&"riot".to_string()), "{stems:?}");
        assert!(verb_stems("stopped").contains(&"stop".to_string()));
        // Multi-byte letters (a doubled one too) never split a character.
        assert!(verb_stems("co\u{2082}\u{2082}ed")
            .iter()
            .all(|s| !s.is_empty()));
        assert!(verb_stems("ééd").contains(&"é".to_string()));
    }
}
