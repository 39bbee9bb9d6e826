//! Word lists: abbreviations that keep their period, words that usually start a
//! sentence, contractions written without an apostrophe, and unit suffixes.
//!
//! Stage: segment (helper). Input: a short word (the caller checks the length).
//! Output: what kind of word it is. Must not: allocate or do IO; lists are
//! `match` statements so lookup costs a few comparisons.

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles and initials ("Mr.", "Capt.", "J."): a name follows, so they end a
    /// sentence only before a clear sentence starter.
    Title,
    /// Abbreviations that often end a sentence ("U.S.", "etc.", "Inc.", "a.m.").
    Other,
    /// "No." and "Nos.": an abbreviation only before a number.
    BeforeNumber,
}

/// The class of a word (without its period) that keeps its period, or `None`.
pub(crate) fn lookup(word: &str) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    let class = match word {
        // Titles and ranks.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Mme" | "Mlle" | "Dr" | "Drs" | "Prof"
        | "Capt" | "Gen" | "Gens" | "Lt" | "Col" | "Maj" | "Sgt" | "Cpl" | "Pvt" | "Pfc"
        | "Adm" | "Cmdr" | "Cdr" | "Cmdt" | "Brig" | "Lieut" | "Gov" | "Govs" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Rev" | "Revs" | "Fr" | "Hon" | "Pres" | "Supt" | "Insp" | "Det"
        | "Amb" | "Atty" | "Sec" | "Secs" | "Msgr" | "Sr" | "Sra" | "Srta" | "St" | "Ste"
        | "Mt" | "Ft" | "Pt" | "Esq" | "Ald" | "Assoc" | "Asst" | "Spc" | "Cpt" | "Ens" | "Wg"
        | "Sqn" | "Ldr" | "Pte" | "Rt" | "Sgts" => Title,
        "No" | "no" | "Nos" | "nos" | "NO" => BeforeNumber,
        // Months (May is a word) and week days.
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "Mon" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat"
        | "Sun" => Other,
        // Companies, people, places.
        "Jr" | "Inc" | "Corp" | "Co" | "Cos" | "Ltd" | "Bros" | "Plc" | "Mfg" | "Intl" | "Dept"
        | "Univ" | "Assn" | "Ave" | "Blvd" | "Rd" | "Hwy" | "Pkwy" | "Sq" | "Apt" | "Bldg"
        | "Ct" | "Ln" | "Fig" | "Figs" | "Vol" | "Vols" | "Ch" | "Attn" | "Tel" | "Ext"
        | "Approx" | "Esp" | "Rs" => Other,
        // US states (AP style) and a few provinces.
        "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Penn" | "Tenn" | "Tex"
        | "Va" | "Vt" | "Wash" | "Wis" | "Wisc" | "Wyo" | "Ont" | "Que" | "Alta" => Other,
        // Lower-case abbreviations.
        "etc" | "vs" | "v" | "approx" | "incl" | "esp" | "dept" | "est" | "misc" | "cf" | "ca"
        | "viz" | "al" | "fig" | "figs" | "vol" | "vols" | "pp" | "ext" | "attn" | "eg" | "ie"
        | "resp" | "abbr" | "ibid" | "max" | "min" | "tel" | "yrs" | "hrs" | "mins" | "secs"
        | "lbs" | "oz" | "sq" | "ft" | "cu" | "govt" => Other,
        _ => return None,
    };
    Some(class)
}

/// True when a word (with no period) that usually starts a sentence: after an
/// abbreviation's period it signals a sentence boundary ("in the U.S. The").
pub(crate) fn is_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "Since"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Yet"
            | "Also"
            | "Then"
            | "Now"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Which"
            | "Last"
            | "Next"
            | "Some"
            | "Many"
            | "Most"
            | "Both"
            | "All"
            | "No"
            | "Not"
            | "Even"
            | "Only"
            | "Such"
            | "Each"
            | "Every"
            | "Among"
            | "For"
            | "From"
            | "With"
            | "By"
            | "Under"
            | "During"
            | "Despite"
            | "Until"
            | "Because"
            | "Let"
            | "Please"
            | "Thanks"
            | "Thank"
            | "Yes"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Do"
            | "Does"
            | "Did"
            | "Can"
            | "Could"
            | "Will"
            | "Would"
            | "Should"
            | "Has"
            | "Have"
            | "Had"
            | "Another"
            | "Instead"
            | "Indeed"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Nonetheless"
            | "Overall"
            | "Finally"
            | "First"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Earlier"
            | "Later"
            | "Again"
            | "Once"
            | "According"
            | "Officials"
            | "Hi"
            | "Hello"
            | "Dear"
            | "Regards"
            | "Sincerely"
            | "Best"
            | "Cheers"
            | "Ok"
            | "OK"
            | "Okay"
            | "See"
            | "Note"
            | "Call"
    )
}

/// True for the few words that start a sentence and never a name: after a
/// title or initial ("St.", "Dr.", "B.") only these signal a boundary, so
/// "Dr. Who" and "Gen. Will Smith" stay whole.
pub(crate) fn is_strong_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "But"
            | "In"
            | "On"
            | "At"
            | "After"
            | "When"
            | "While"
            | "However"
    )
}

/// Split point of a contraction written without an apostrophe ("cannot" →
/// "can" + "not", "dont" → "do" + "nt"), compared ASCII case-insensitively.
pub(crate) fn fused_split(word: &str) -> Option<usize> {
    if word == "Im" || word == "im" {
        return Some(1);
    }
    if word.len() > 8 || word.len() < 4 {
        return None;
    }
    let mut buf = [0u8; 8];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let at = match &*lower {
        b"cannot" | b"gonna" | b"wanna" | b"gotta" | b"outta" => 3,
        b"dont" | b"cant" | b"wont" | b"isnt" | b"aint" | b"arnt" => 2,
        b"didnt" | b"wasnt" | b"arent" | b"hasnt" | b"hadnt" => 3,
        b"doesnt" | b"werent" | b"havent" => 4,
        b"couldnt" | b"wouldnt" => 5,
        b"shouldnt" => 6,
        _ => return None,
    };
    Some(at)
}

/// True for unit suffixes that are split from a number written before them
/// ("5pm" → "5" + "pm", "65k", "35mm"); ordinals and decades ("17th", "1970s")
/// stay whole.
pub(crate) fn is_unit(suffix: &str) -> bool {
    if suffix.len() > 3 {
        return false;
    }
    let mut buf = [0u8; 3];
    let lower = &mut buf[..suffix.len()];
    lower.copy_from_slice(suffix.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"am"
            | b"pm"
            | b"k"
            | b"m"
            | b"b"
            | b"bn"
            | b"mm"
            | b"cm"
            | b"km"
            | b"kg"
            | b"mg"
            | b"g"
            | b"lb"
            | b"lbs"
            | b"ft"
            | b"mi"
            | b"ml"
            | b"mph"
            | b"kph"
            | b"gb"
            | b"mb"
            | b"kb"
            | b"tb"
            | b"ghz"
            | b"mhz"
            | b"hz"
            | b"kw"
            | b"mw"
    )
}

/// True for the lower-case top-level domains that mark "name.com"-style words as URLs.
pub(crate) fn is_tld(seg: &str) -> bool {
    if seg.len() > 4 || seg.len() < 2 {
        return false;
    }
    let mut buf = [0u8; 4];
    let lower = &mut buf[..seg.len()];
    lower.copy_from_slice(seg.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"com"
            | b"org"
            | b"net"
            | b"edu"
            | b"gov"
            | b"mil"
            | b"int"
            | b"io"
            | b"info"
            | b"biz"
            | b"uk"
            | b"de"
            | b"fr"
            | b"ru"
            | b"cn"
            | b"jp"
            | b"in"
            | b"af"
            | b"pk"
            | b"ir"
            | b"iq"
            | b"sy"
            | b"tv"
            | b"us"
            | b"ca"
            | b"au"
            | b"eu"
            | b"ly"
            | b"me"
            | b"htm"
            | b"html"
            | b"php"
            | b"asp"
            | b"pdf"
            | b"doc"
            | b"xls"
    )
}

/// True for lower-case words that rarely end a line in running text (a line
/// break after them is a wrap, not a boundary).
pub(crate) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "that"
            | "as"
            | "but"
            | "is"
            | "was"
            | "are"
            | "were"
            | "his"
            | "her"
            | "their"
            | "its"
    )
}
