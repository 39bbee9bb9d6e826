//! Word lists of the syntax coder: people nouns, times, quantities, modality and
//! clause-linking verbs. Data that steers the rules in `super`, kept apart from them.

/// People nouns the Phoenix agent list lacks, with the sector they default to.
pub(super) const PEOPLE_NOUNS: &[(&str, &str)] = &[
    ("people", "CVL"),
    ("person", "CVL"),
    ("persons", "CVL"),
    ("civilians", "CVL"),
    ("villagers", "CVL"),
    ("residents", "CVL"),
    ("children", "CVL"),
    ("women", "CVL"),
    ("men", "CVL"),
    ("worshippers", "CVL"),
    ("worshipers", "CVL"),
    ("churchgoers", "CVL"),
    ("pilgrims", "CVL"),
    ("shoppers", "CVL"),
    ("motorists", "CVL"),
    ("passengers", "CVL"),
    ("bystanders", "CVL"),
    ("tourists", "CVL"),
    ("families", "CVL"),
    ("farmers", "CVL"),
    ("others", ""),
    ("victims", "CVL"),
    ("hostages", "CVL"),
    ("gunmen", "UAF"),
    ("gunman", "UAF"),
    ("assailants", "UAF"),
    ("attackers", "UAF"),
    ("bomber", "UAF"),
    ("bombers", "UAF"),
    ("militants", "INS"),
    ("fighters", "UAF"),
    ("cadets", "MIL"),
    ("officers", "COP"),
    ("protesters", "OPP"),
    ("demonstrators", "OPP"),
    ("supporters", ""),
    ("members", ""),
    ("leaders", ""),
    ("officials", "GOV"),
    ("administrators", "GOV"),
    ("extremists", "UAF"),
    ("radicals", "UAF"),
    ("separatists", "REB"),
    ("guerrillas", "REB"),
    ("insurgents", "INS"),
    ("jihadists", "INS"),
    ("islamists", "UAF"),
    ("loyalists", ""),
    ("nationalists", ""),
    ("dissidents", "OPP"),
    ("activists", "OPP"),
    ("opponents", "OPP"),
    ("workers", "LAB"),
    ("teachers", "EDU"),
    ("journalists", "MED"),
    ("lawmakers", "LEG"),
    ("politicians", "GOV"),
    ("ministers", "GOV"),
    ("diplomats", "GOV"),
    ("inhabitants", "CVL"),
    ("prisoners", ""),
    ("detainees", ""),
    ("refugees", "REF"),
    ("migrants", "REF"),
    ("settlers", "CVL"),
    ("youths", "CVL"),
    ("elders", "CVL"),
    ("peacekeepers", "IGO"),
    ("observers", ""),
    ("monitors", ""),
    ("inspectors", ""),
    ("mediators", ""),
    ("negotiators", ""),
    ("candidates", ""),
    ("voters", "CVL"),
    ("students", "CVL"),
    ("doctors", "CVL"),
    ("nurses", "CVL"),
    ("medics", "CVL"),
    ("priests", "CVL"),
    ("clerics", "CVL"),
    ("monks", "CVL"),
    ("hackers", "CRM"),
    ("smugglers", "CRM"),
    ("traffickers", "CRM"),
    ("kidnappers", "CRM"),
    ("hostage-takers", "CRM"),
    ("abductors", "CRM"),
    ("pirates", "CRM"),
    ("poachers", "CRM"),
    // Weapons that stand for the forces using them ("Israeli tanks shelled").
    ("tanks", "MIL"),
    ("helicopters", "MIL"),
    ("warplanes", "MIL"),
    ("jets", "MIL"),
    ("aircraft", "MIL"),
    ("drones", "MIL"),
    ("warships", "MIL"),
    ("gunboats", "MIL"),
    ("artillery", "MIL"),
];

/// Quantity nouns whose `of` phrase names the people counted ("dozens of students").
pub(super) const QUANTITY_NOUNS: &[&str] = &[
    "dozen",
    "dozens",
    "score",
    "scores",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "number",
    "group",
    "some",
    "many",
    "most",
    "several",
    "all",
    "none",
    "each",
    "both",
    "majority",
    "handful",
    "rest",
];

/// Adverbs that make a clause habitual or generic: not one event.
pub(super) const HABITUAL: &[&str] = &[
    "often",
    "regularly",
    "usually",
    "frequently",
    "routinely",
    "sometimes",
    "always",
    "typically",
    "generally",
    "normally",
];

/// Verbs whose complement has not happened (yet): wanted, planned, asked, promised,
/// refused ("vowed to go after those responsible").
pub(super) const IRREALIS_HEADS: &[&str] = &[
    "want",
    "plan",
    "hope",
    "intend",
    "seek",
    "aim",
    "prepare",
    "propose",
    "consider",
    "wish",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "ask",
    "urge",
    "call",
    "demand",
    "order",
    "agree",
    "refuse",
    "decline",
    "offer",
    "need",
    "try",
    "attempt",
    "plot",
    "encourage",
    "invite",
    "appeal",
    "press",
    "push",
    "request",
    "warn",
    "allow",
    "fail",
    "expect",
];

/// Verbs whose complement of force is a threat ("vowed to fight", "is prepared to
/// impose martial law").
pub(super) const PROMISING_HEADS: &[&str] = &[
    "vow", "swear", "pledge", "promise", "prepare", "warn", "threaten", "ready", "prepared",
];

/// Verbs that announce an act without doing it ("announced a ceasefire").
pub(super) const ANNOUNCING: &[&str] = &[
    "announce", "declare", "offer", "propose", "pledge", "promise", "unveil",
];

/// Words of readiness: cooperation offered under them is an offer, PLOVER's AGREE
/// ("France is ready to contribute troops", "willing to meet").
pub(super) const WILLING: &[&str] = &[
    "ready", "willing", "prepared", "offer", "prepare", "pledge", "promise", "vow",
];

/// Nouns that count events ("a series of suicide attacks", "a wave of arrests").
pub(super) const SERIES_NOUNS: &[&str] = &[
    "series", "wave", "spate", "string", "round", "barrage", "volley", "campaign", "number",
    "flurry", "surge", "rash",
];

/// Verbs that carry an event noun ("held talks", "launched an offensive").
pub(super) const LIGHT_VERBS: &[&str] = &[
    "hold",
    "carry",
    "conduct",
    "launch",
    "stage",
    "mount",
    "begin",
    "start",
    "resume",
    "renew",
    "continue",
    "open",
    "organize",
    "organise",
    "make",
    "wage",
    "engage",
    "participate",
    "join",
    "involve",
    "lead",
    "undertake",
    "step",
    "intensify",
    "escalate",
    "end",
    "sign",
    "reach",
    "announce",
    "declare",
    "impose",
    "give",
    "offer",
    "provide",
    "deliver",
    "issue",
    "lodge",
    "file",
];

/// Verbs of saying, under which `would` reports a `will`.
pub(super) const SAYING: &[&str] = &[
    "say", "announce", "tell", "state", "declare", "confirm", "insist", "add", "report", "warn",
    "claim", "indicate", "signal",
];

/// Verbs that raise their complement's subject ("the strike is believed to have
/// killed 100", "appeared to target").
pub(super) const RAISING: &[&str] = &[
    "believe",
    "say",
    "report",
    "think",
    "expect",
    "appear",
    "seem",
    "understand",
    "know",
    "allege",
    "suspect",
    "estimate",
    "claim",
];

/// Nouns of wrongdoing that stand for the one who did it when condemned or blamed
/// ("condemned the violations by Haftar forces").
pub(super) const OFFENCE_NOUNS: &[&str] = &[
    "violation",
    "crime",
    "abuse",
    "atrocity",
    "act",
    "massacre",
    "incident",
];

/// Verbs of an `acl` on an event noun that name its perpetrator ("an attack blamed on
/// the ELN", "an airstrike carried out by the military").
pub(super) const PERPETRATOR_VERBS: &[&str] = &[
    "blame",
    "carry",
    "claim",
    "conduct",
    "launch",
    "stage",
    "perpetrate",
    "commit",
    "attribute",
];

/// Words that cancel an event when they modify its trigger.
pub(super) const NEGATION: &[&str] = &["not", "never", "n't", "no"];

/// A people's language and culture: a demonym on them names no actor ("the use of the
/// Russian language", "Kurdish music").
pub(super) const CULTURE_NOUNS: &[&str] = &[
    "language",
    "dialect",
    "alphabet",
    "script",
    "literature",
    "music",
    "cuisine",
    "folklore",
    "heritage",
];

/// Accidents and disasters: deaths told with them and nobody doing them are no attack.
pub(super) const ACCIDENT_WORDS: &[&str] = &[
    "accident",
    "crash",
    "collision",
    "collapse",
    "derailment",
    "earthquake",
    "quake",
    "flood",
    "flooding",
    "landslide",
    "mudslide",
    "avalanche",
    "storm",
    "tornado",
    "hurricane",
    "cyclone",
    "typhoon",
    "tsunami",
    "lightning",
    "stampede",
    "blaze",
    "wildfire",
];

/// Things whose fall is an accident ("when a tree fell on a wedding party").
pub(super) const FALLING_THINGS: &[&str] = &[
    "tree", "wall", "roof", "building", "bridge", "crane", "rock", "boulder", "ceiling",
];

/// People attached to someone without being them: "supporters of the opposition
/// leader" are their own actor (members and fighters of a group stand for it).
pub(super) const FOLLOWER_NOUNS: &[&str] = &[
    "supporter",
    "follower",
    "sympathizer",
    "sympathiser",
    "loyalist",
    "relative",
    "family",
    "fan",
    "opponent",
    "critic",
    "victim",
];

/// Weapons and devices: the means of an attack, never its target or doer.
pub(super) const INSTRUMENT_NOUNS: &[&str] = &[
    "bomb",
    "device",
    "explosive",
    "ied",
    "mine",
    "landmine",
    "vest",
    "grenade",
    "rocket",
    "missile",
    "shell",
    "mortar",
    "bullet",
    "weapon",
    "gun",
    "rifle",
    "drone",
    "munition",
    "ammunition",
    "projectile",
    "charge",
    "booby-trap",
    "car-bomb",
];

/// Vehicles and posts that stand for the people who own them when a people noun
/// modifies them: "the state police convoy was ambushed" attacks the police.
pub(super) const OWNED_THINGS: &[&str] = &[
    "convoy",
    "vehicle",
    "patrol",
    "truck",
    "checkpoint",
    "post",
    "outpost",
    "base",
    "barracks",
    "station",
    "headquarters",
    "camp",
    "position",
    "office",
];

/// Verbs of a rising or falling count ("kidnappings have risen", "attacks declined"): their
/// event-noun subject is a trend.
pub(super) const TREND_VERBS: &[&str] = &[
    "jump",
    "rise",
    "increase",
    "surge",
    "soar",
    "spike",
    "climb",
    "grow",
    "double",
    "triple",
    "decline",
    "decrease",
    "drop",
    "fall",
    "fluctuate",
    "subside",
    "ease",
    "abate",
    "slow",
];

/// Nouns of places and positions: what is seized or captured there is ground, not
/// people ("captured two villages").
pub(super) const PLACE_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "area",
    "territory",
    "base",
    "position",
    "airport",
    "district",
    "region",
    "post",
    "checkpoint",
    "hill",
    "outpost",
    "settlement",
    "neighborhood",
    "neighbourhood",
    "province",
    "port",
    "building",
    "compound",
    "headquarters",
    "bridge",
    "road",
    "highway",
    "crossing",
    "oilfield",
    "field",
];
