//! Event dates: time expressions in the event's sentence ("on Tuesday", "yesterday",
//! "last night", "on March 16", "Jan. 19", "last month", "last year", "in 2017")
//! resolved against the publication date, with precision (`YYYY-MM-DD`, `YYYY-MM`,
//! `YYYY`); else the nearest earlier sentence of the paragraph that has one, else the
//! article's lead. Without a publication date only explicit years count.

use article::{Article, Span};

use article::WEEKDAYS;
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True for a word that names a time: a weekday, a month, "today", "yesterday",
/// "tonight" (lowercase).
pub fn is_time_word(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
        || MONTHS.contains(&lower)
        || matches!(lower, "today" | "yesterday" | "tonight")
}

/// True when two event dates can name the same day: equal, or one a prefix of the
/// other ("2024-03" and "2024-03-05").
pub fn compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count.
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days between two `YYYY-MM-DD` dates, when both are days.
pub fn days_apart(a: &str, b: &str) -> Option<i64> {
    let (x, y) = (parse_day(a)?, parse_day(b)?);
    Some((days(x.0, x.1, x.2) - days(y.0, y.1, y.2)).abs())
}

/// `YYYY-MM-DD` → (year, month, day).
pub fn parse_day(s: &str) -> Option<(i64, i64, i64)> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn month_of(word: &str) -> Option<i64> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(w.as_str()))
        .map(|i| i as i64 + 1)
}

/// The date a sentence's time expression gives, if any (the first one that dates the
/// whole sentence: not "a day after", which dates only the clause after it).
#[cfg(test)]
fn in_sentence(words: &[String], published: Option<(i64, i64, i64)>) -> Option<String> {
    expressions(words, published)
        .into_iter()
        .find(|(i, _)| !after_clause(words, *i))
        .map(|(_, d)| d)
}

/// [`in_sentence`] for dating an event of another sentence: a span's start ("since
/// 2015") does not count.
fn lent_by_sentence(words: &[String], published: Option<(i64, i64, i64)>) -> Option<String> {
    expressions(words, published)
        .into_iter()
        .find(|(i, _)| !after_clause(words, *i) && !since(words, *i))
        .map(|(_, d)| d)
}

/// True when the time expression at word `i` starts a span of time ("since 2015",
/// "until March"): it dates no single event of another sentence.
fn since(words: &[String], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| words.get(p))
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "since" | "until" | "till"))
}

/// The date of the time expression nearest to word `anchor` (the trigger).
#[cfg(test)]
fn nearest(words: &[String], published: Option<(i64, i64, i64)>, anchor: usize) -> Option<String> {
    nearest_outside(words, published, anchor, &[]).map(|(_, d)| d)
}

/// [`nearest`], leaving out words flagged in `foreign` (other clauses: "the ELN, which
/// took up arms in 1964, began talks a year ago").
fn nearest_outside(
    words: &[String],
    published: Option<(i64, i64, i64)>,
    anchor: usize,
    foreign: &[bool],
) -> Option<(usize, String)> {
    expressions(words, published)
        .into_iter()
        .filter(|(i, _)| !foreign.get(*i).copied().unwrap_or(false))
        // "a day after the ELN announced a ceasefire" dates what follows it only.
        .filter(|(i, _)| !(after_clause(words, *i) && anchor <= *i))
        .min_by_key(|(i, _)| (i.abs_diff(anchor), *i < anchor))
}

/// True when the expression at `i` is "N day(s) after/before", which dates the clause
/// that follows it, not the sentence's main clause.
fn after_clause(words: &[String], i: usize) -> bool {
    words
        .get(i)
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "after" | "before"))
}

/// Every time expression of a sentence: (word index, date).
fn expressions(words: &[String], published: Option<(i64, i64, i64)>) -> Vec<(usize, String)> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for (i, w) in lower.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| lower[p].as_str());
        if let Some((y, m, d)) = published {
            let today = days(y, m, d);
            if let Some(k) = WEEKDAYS.iter().position(|x| x == w) {
                // Weekday of the publication day: 1970-01-01 was a Thursday (3).
                let pub_wd = (today + 3).rem_euclid(7);
                let back = (pub_wd - k as i64).rem_euclid(7);
                let (y, m, d) = civil(today - back);
                found.push((i, format!("{y:04}-{m:02}-{d:02}")));
                continue;
            }
            let shift = match (prev, w.as_str()) {
                (_, "yesterday") => Some(1),
                (_, "today") | (Some("this"), "morning") | (Some("this"), "afternoon") => Some(0),
                (Some("last"), "night") | (Some("overnight"), _) => Some(1),
                _ => None,
            };
            if let Some(s) = shift {
                let (y, m, d) = civil(today - s);
                found.push((i, format!("{y:04}-{m:02}-{d:02}")));
                continue;
            }
            // "a year ago", "two weeks ago", "three days ago".
            if w == "ago" && i >= 2 {
                let unit = lower[i - 1].trim_end_matches('s');
                let n = match lower[i - 2].as_str() {
                    "a" | "an" | "one" => Some(1),
                    "two" => Some(2),
                    "three" => Some(3),
                    "four" => Some(4),
                    "five" => Some(5),
                    "six" => Some(6),
                    "ten" => Some(10),
                    x => x.parse::<i64>().ok(),
                };
                let date = n.and_then(|n| match unit {
                    "day" | "week" => {
                        let back = if unit == "week" { 7 * n } else { n };
                        let (y, m, d) = civil(today - back);
                        Some(format!("{y:04}-{m:02}-{d:02}"))
                    }
                    "month" => {
                        let months = y * 12 + (m - 1) - n;
                        Some(format!(
                            "{:04}-{:02}",
                            months.div_euclid(12),
                            months.rem_euclid(12) + 1
                        ))
                    }
                    // ("a year ago": the same month that many years back.)
                    "year" => Some(format!("{:04}-{m:02}", y - n)),
                    _ => None,
                });
                if let Some(date) = date {
                    found.push((i, date));
                    continue;
                }
            }
            // "a day after the ELN announced …" (said of the publication day): the
            // clause after it happened that many days earlier (later for "before").
            if matches!(w.as_str(), "after" | "before") && i >= 2 {
                let unit = lower[i - 1].trim_end_matches('s');
                let n = match lower[i - 2].as_str() {
                    "a" | "one" => Some(1),
                    "two" => Some(2),
                    "three" => Some(3),
                    x => x.parse::<i64>().ok().filter(|n| (1..=30).contains(n)),
                };
                if let (Some(n), "day") = (n, unit) {
                    let shift = if w == "after" { -n } else { n };
                    let (y, m, d) = civil(today + shift);
                    found.push((i, format!("{y:04}-{m:02}-{d:02}")));
                    continue;
                }
            }
            if prev == Some("last") && w == "month" {
                let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                found.push((i, format!("{y:04}-{m:02}")));
                continue;
            }
            if prev == Some("this") && w == "month" {
                found.push((i, format!("{y:04}-{m:02}")));
                continue;
            }
            if prev == Some("last") && w == "year" {
                found.push((i, format!("{:04}", y - 1)));
                continue;
            }
            if prev == Some("this") && w == "year" {
                found.push((i, format!("{y:04}")));
                continue;
            }
            if let Some(mo) = month_of(w) {
                let day = lower
                    .get(i + 1)
                    .and_then(|n| n.trim_end_matches(',').parse::<i64>().ok())
                    .filter(|d| (1..=31).contains(d));
                let year = lower
                    .get(if day.is_some() { i + 2 } else { i + 1 })
                    .and_then(|n| n.parse::<i64>().ok())
                    .filter(|y| (1900..=2100).contains(y));
                let yy = year.unwrap_or(if mo > m { y - 1 } else { y });
                // A bare month name counts only after "in"/"last"/"since" ("in March").
                let date = match day {
                    Some(d) => Some(format!("{yy:04}-{mo:02}-{d:02}")),
                    None if year.is_some()
                        || matches!(
                            prev,
                            Some("in" | "last" | "since" | "early" | "late" | "mid")
                        ) =>
                    {
                        Some(format!("{yy:04}-{mo:02}"))
                    }
                    None => continue,
                };
                found.extend(date.map(|d| (i, d)));
                continue;
            }
        }
        if matches!(prev, Some("in" | "since" | "during")) {
            if let Ok(y) = w.parse::<i64>() {
                if (1900..=2100).contains(&y) {
                    found.push((i, format!("{y:04}")));
                }
            }
        }
    }
    found
}

fn words(article: &Article, span: Span) -> Vec<String> {
    article
        .tokens
        .iter()
        .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
        .map(|t| article.slice(t.span).to_string())
        .collect()
}

/// The tense of an event's verb, as far as dating goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Simple past or no verb: dated by its own words, else its paragraph, else the lead.
    Past,
    /// "is calling on", "says": with no time words, the publication day.
    Present,
    /// "had switched sides": background before the story's events, so never dated by
    /// the paragraph or the lead, only by its own words.
    Pluperfect,
    /// "will take charge from Friday": a weekday is the next one (or the publication
    /// day itself), not the last.
    Future,
}

/// The date of an event stated in sentence `sentence`.
pub fn date_of(article: &Article, sentence: usize) -> Option<String> {
    date_with_tense(article, sentence, false)
}

/// The date of an event stated in sentence `sentence`; `present`: its verb is in the
/// present tense ("the UN is calling on"), so with no time words it happens on the
/// publication day.
pub fn date_with_tense(article: &Article, sentence: usize, present: bool) -> Option<String> {
    date_near(article, sentence, None, present)
}

/// The date of an event stated in sentence `sentence` whose trigger starts at byte
/// `trigger`: the sentence's time expression nearest to the trigger ("Tuesday's bombing
/// was the worst since Jan. 19, when a bomber killed 22" dates the killing Jan. 19).
pub fn date_near(
    article: &Article,
    sentence: usize,
    trigger: Option<usize>,
    present: bool,
) -> Option<String> {
    let tense = if present { Tense::Present } else { Tense::Past };
    date_in_clause(article, sentence, trigger, &[], tense)
}

/// [`date_near`] ignoring time words of other clauses (`foreign`, one flag per word of
/// the sentence).
pub fn date_in_clause(
    article: &Article,
    sentence: usize,
    trigger: Option<usize>,
    foreign: &[bool],
    tense: Tense,
) -> Option<String> {
    clause_date(article, sentence, trigger, foreign, tense, true)
}

/// True when the event's own clause (the words not flagged `foreign`) states a date,
/// as opposed to one taken from the sentences around it or the publication day.
pub fn date_stated_in_clause(
    article: &Article,
    sentence: usize,
    trigger: Option<usize>,
    foreign: &[bool],
) -> bool {
    let published = article.meta.published.as_deref().and_then(parse_day);
    let Some(s) = article.sentences.get(sentence) else {
        return false;
    };
    let words: Vec<String> = article.tokens[s.tokens.clone()]
        .iter()
        .map(|t| article.slice(t.span).to_string())
        .collect();
    match trigger {
        Some(b) => {
            let i = article.tokens[s.tokens.clone()]
                .iter()
                .position(|t| t.span.start >= b)
                .unwrap_or(0);
            nearest_outside(&words, published, i, foreign).is_some()
        }
        None => expressions(&words, published)
            .into_iter()
            .any(|(i, _)| !foreign.get(i).copied().unwrap_or(false)),
    }
}

/// [`date_in_clause`]; `rebase`: an "N days after" expression counts from the main
/// clause's date (false inside that very computation).
fn clause_date(
    article: &Article,
    sentence: usize,
    trigger: Option<usize>,
    foreign: &[bool],
    tense: Tense,
    rebase: bool,
) -> Option<String> {
    let published = article.meta.published.as_deref().and_then(parse_day);
    let s = article.sentences.get(sentence)?;
    let tokens = |k: usize| -> Vec<String> {
        let s = &article.sentences[k];
        article.tokens[s.tokens.clone()]
            .iter()
            .map(|t| article.slice(t.span).to_string())
            .collect()
    };
    let anchor = trigger.map(|b| {
        article.tokens[s.tokens.clone()]
            .iter()
            .position(|t| t.span.start >= b)
            .unwrap_or(0)
    });
    let words_here = tokens(sentence);
    let own = match anchor {
        Some(i) => nearest_outside(&words_here, published, i, foreign),
        None => expressions(&words_here, published)
            .into_iter()
            .find(|(i, _)| !foreign.get(*i).copied().unwrap_or(false)),
    };
    if let Some((i, d)) = own {
        // "will take charge from Friday": the coming Friday.
        let weekday = WEEKDAYS.contains(&words_here[i].to_lowercase().as_str());
        if tense == Tense::Future && weekday {
            if let (Some((y, m, dd)), Some((py, pm, pd))) = (parse_day(&d), published) {
                let day = days(y, m, dd);
                let ahead = if day < days(py, pm, pd) { day + 7 } else { day };
                let (y, m, dd) = civil(ahead);
                return Some(format!("{y:04}-{m:02}-{dd:02}"));
            }
        }
        // "The aid came a day after the US and Russia agreed": a day before the main
        // clause's date (the story's date), not before the publication day.
        if rebase && after_clause(&words_here, i) {
            let all = vec![true; words_here.len()];
            let main = clause_date(article, sentence, None, &all, tense, false);
            if let (Some((y, m, dd)), Some((py, pm, pd)), Some(base)) = (
                parse_day(&d),
                published,
                main.as_deref().and_then(parse_day),
            ) {
                let shift = days(y, m, dd) - days(py, pm, pd);
                let (y, m, dd) = civil(days(base.0, base.1, base.2) + shift);
                return Some(format!("{y:04}-{m:02}-{dd:02}"));
            }
        }
        return Some(d);
    }
    if tense == Tense::Pluperfect {
        return None;
    }
    if tense == Tense::Present {
        if let Some((y, m, d)) = published {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    // (Without a publication day, another sentence lends only a full calendar date: a
    // bare year there dates something else.)
    let lendable = |d: &String| published.is_some() || d.len() == 10;
    for k in (sentence.saturating_sub(2)..sentence).rev() {
        if article.sentences[k].paragraph != s.paragraph {
            break;
        }
        if let Some(d) = lent_by_sentence(&tokens(k), published).filter(lendable) {
            return Some(d);
        }
    }
    // The lead usually dates the story's main event: the first of its first three
    // sentences that has a date, after a scene-setting opening ("Police feared the
    // worst. It was not enough. Gunmen were waiting for them Monday"). A dateline split
    // off as its own segment, or a short aside, does not count.
    article
        .sentences
        .iter()
        .filter(|s| s.tokens.len() >= 6)
        .take(3)
        .find_map(|s| lent_by_sentence(&words(article, s.span), published).filter(lendable))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        // 2018-08-01 was a Wednesday.
        let p = Some((2018, 8, 1));
        assert_eq!(
            in_sentence(&w("most recently on Tuesday ,"), p).as_deref(),
            Some("2018-07-31")
        );
        assert_eq!(
            in_sentence(&w("from Wednesday ."), p).as_deref(),
            Some("2018-08-01")
        );
        assert_eq!(
            in_sentence(&w("killed yesterday"), p).as_deref(),
            Some("2018-07-31")
        );
        assert_eq!(
            in_sentence(&w("attacked last night"), p).as_deref(),
            Some("2018-07-31")
        );
        assert_eq!(
            in_sentence(&w("since last year"), p).as_deref(),
            Some("2017")
        );
        assert_eq!(
            in_sentence(&w("attacks last month"), p).as_deref(),
            Some("2018-07")
        );
        assert_eq!(
            in_sentence(&w("on March 16 ,"), p).as_deref(),
            Some("2018-03-16")
        );
        assert_eq!(
            in_sentence(&w("since Jan. 19 ,"), Some((2006, 2, 21))).as_deref(),
            Some("2006-01-19")
        );
        assert_eq!(
            lent_by_sentence(&w("since Jan. 19 ,"), Some((2006, 2, 21))),
            None
        );
        assert_eq!(
            in_sentence(&w("on December 30"), Some((2019, 1, 2))).as_deref(),
            Some("2018-12-30")
        );
        assert_eq!(in_sentence(&w("in 2017"), None).as_deref(), Some("2017"));
        assert_eq!(
            in_sentence(&w("began talks a year ago"), p).as_deref(),
            Some("2017-08")
        );
        assert_eq!(
            in_sentence(&w("killed two weeks ago"), Some((2024, 3, 5))).as_deref(),
            Some("2024-02-20")
        );
        assert_eq!(
            nearest(&w("which began in 1964 , held talks a year ago"), p, 6).as_deref(),
            Some("2017-08")
        );
        assert_eq!(in_sentence(&w("on Tuesday"), None), None);
        assert_eq!(in_sentence(&w("May said"), p), None);
    }

    #[test]
    fn day_after_dates_the_clause_that_follows() {
        let p = Some((2018, 2, 27));
        let s = w("The attack comes a day after the ELN announced a ceasefire");
        // The announcement (word 7) was the day before; the main clause is not dated.
        assert_eq!(nearest(&s, p, 7).as_deref(), Some("2018-02-26"));
        assert_eq!(nearest(&s, p, 1), None);
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(civil(days(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(civil(days(2000, 1, 1) - 1), (1999, 12, 31));
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(parse_day("2018-08-01"), Some((2018, 8, 1)));
        assert_eq!(parse_day("junk"), None);
    }
}
