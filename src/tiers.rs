//! Tier schemes: named presets from the literature and validated custom schemes, and the
//! classification of follower counts into tiers.

use crate::error::{Code, Error, Result};
use crate::input::{self, Object, Value};
use crate::limits::{MAX_FOLLOWERS, MAX_ID_BYTES, MAX_TIERS, TOO_MANY_TIERS};
use crate::sources::{self, Label, Source};
use serde::Serialize;
use std::borrow::Cow;

/// Below this, a tier's "typical" account is taken to have at least this many followers:
/// nobody hires an account with 3 followers.
const TYPICAL_FLOOR: f64 = 100.0;
/// An open top tier is taken to span one decade above its bound.
const OPEN_TOP_SPAN: f64 = 10.0;

pub const DEFAULT_SCHEME: &str = "fr2018";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tier {
    pub id: Cow<'static, str>,
    pub label: Label,
    pub min_followers: u64,
    /// What a hired account of this tier typically has: the geometric middle of its span.
    pub typical_followers: f64,
}

/// An ordered list of tiers with strictly increasing bounds. Only built through
/// [`TierScheme::new`] or the presets, so every scheme in use is valid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierScheme {
    pub id: Cow<'static, str>,
    pub label: Label,
    pub source: Option<&'static Source>,
    pub tiers: Vec<Tier>,
}

/// A tier as the caller describes it, before validation.
#[derive(Debug, Clone)]
pub struct TierSpec {
    pub id: Cow<'static, str>,
    pub label: Option<Label>,
    pub min_followers: u64,
}

impl TierScheme {
    pub fn new(
        id: Cow<'static, str>,
        label: Label,
        source: Option<&'static Source>,
        specs: Vec<TierSpec>,
        path: &str,
    ) -> Result<Self> {
        let tiers_path = input::join(path, "tiers");
        if specs.is_empty() {
            return Err(Error::new(tiers_path, "must list at least one tier"));
        }
        if specs.len() > MAX_TIERS {
            return Err(Error::new(tiers_path, TOO_MANY_TIERS).got_number(specs.len() as f64));
        }
        for (i, spec) in specs.iter().enumerate() {
            let id_path = format!("{tiers_path}[{i}].id");
            validate_id(&id_path, &spec.id)?;
            if specs.iter().take(i).any(|earlier| earlier.id == spec.id) {
                return Err(Error::new(id_path, "is used by two tiers: ids must be unique").got_text(&spec.id));
            }
        }
        for (i, pair) in specs.windows(2).enumerate() {
            if let [lower, upper] = pair {
                if upper.min_followers <= lower.min_followers {
                    return Err(Error::new(
                        format!("{tiers_path}[{}].minFollowers", i + 1),
                        format!(
                            "must be greater than the previous tier's ({}): list tiers from smallest to largest, without duplicate bounds",
                            lower.min_followers
                        ),
                    )
                    .got_number(upper.min_followers as f64));
                }
            }
        }
        let uppers: Vec<Option<u64>> = specs.iter().skip(1).map(|s| Some(s.min_followers)).chain([None]).collect();
        let tiers = specs
            .into_iter()
            .zip(uppers)
            .map(|(spec, upper)| Tier {
                label: spec.label.unwrap_or_else(|| Label::same(spec.id.to_string())),
                typical_followers: typical_followers(spec.min_followers, upper),
                min_followers: spec.min_followers,
                id: spec.id,
            })
            .collect();
        Ok(TierScheme { id, label, source, tiers })
    }

    /// The index of the last tier whose bound `followers` reaches; `None` below every tier.
    pub fn classify(&self, followers: u64) -> Option<usize> {
        self.tiers.iter().rposition(|t| followers >= t.min_followers)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }

    /// The range of follower counts a tier covers: `[min, next tier's min)`, the open top
    /// tier taken to span one decade.
    pub fn span(&self, index: usize) -> Option<(f64, f64)> {
        let tier = self.tiers.get(index)?;
        let upper = self.tiers.get(index + 1).map(|t| t.min_followers);
        Some(span(tier.min_followers, upper))
    }

    pub fn tier_ids(&self) -> String {
        input::listed(&self.tiers.iter().map(|t| t.id.as_ref()).collect::<Vec<_>>())
    }

    /// Reads a scheme argument: absent (the default preset), a preset id, or `{ tiers: [...] }`.
    pub fn from_value(path: &str, value: Option<&Value>) -> Result<Self> {
        match value {
            None | Some(Value::Null) => preset(DEFAULT_SCHEME).ok_or_else(|| Error::new(path, "has no default")),
            Some(Value::Text(id)) => preset(id).ok_or_else(|| {
                Error::new(path, format!("must be a preset id ({}) or {{ tiers: [...] }}", preset_ids())).got_text(id)
            }),
            Some(value @ Value::Object(_)) => custom_from_value(path, value),
            Some(other) => {
                Err(Error::new(path, format!("must be a preset id ({}) or {{ tiers: [...] }}", preset_ids())).got(other.describe()))
            }
        }
    }
}

fn validate_id(path: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::new(path, "must not be empty"));
    }
    if id.len() > MAX_ID_BYTES {
        return Err(Error::new(path, format!("must be at most {MAX_ID_BYTES} bytes long")).got_text(id));
    }
    if id == "*" {
        return Err(Error::new(path, "must not be \"*\", which stands for every tier in overrides"));
    }
    Ok(())
}

fn span(min: u64, upper: Option<u64>) -> (f64, f64) {
    let min = min as f64;
    match upper {
        Some(upper) => {
            let upper = upper as f64;
            // The 100-follower floor only applies where the tier reaches above it.
            let low = if upper > TYPICAL_FLOOR { min.max(TYPICAL_FLOOR) } else { min.max(1.0) };
            (low, upper.max(low))
        }
        None => {
            let low = min.max(TYPICAL_FLOOR);
            (low, low * OPEN_TOP_SPAN)
        }
    }
}

fn typical_followers(min: u64, upper: Option<u64>) -> f64 {
    let (low, high) = span(min, upper);
    (low * high).sqrt()
}

fn custom_from_value(path: &str, value: &Value) -> Result<TierScheme> {
    let object = Object::read(path, value)?;
    object.only(&["tiers", "id", "label"])?;
    let tiers_path = input::join(path, "tiers");
    let list = match object.get("tiers") {
        Some(Value::List(list)) => list,
        Some(other) => return Err(Error::new(tiers_path, "must be a list of tiers").got(other.describe())),
        None => return Err(Error::new(tiers_path, "must list at least one tier")),
    };
    if list.len() > MAX_TIERS {
        return Err(Error::new(tiers_path, TOO_MANY_TIERS).got_number(list.len() as f64));
    }
    let specs = list
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let item_path = format!("{tiers_path}[{i}]");
            let tier = Object::read(&item_path, item)?;
            // A tier's typical account is set through `overrides.<tier>.typicalFollowers`, one place.
            tier.only(&["id", "minFollowers", "label"])?;
            let id = tier.text("id")?.ok_or_else(|| Error::new(input::join(&item_path, "id"), "must not be empty"))?;
            let min_path = input::join(&item_path, "minFollowers");
            let min = tier.number("minFollowers")?.ok_or_else(|| Error::new(&min_path, "is required"))?;
            let min_followers = input::whole_in(&min_path, min, 0, MAX_FOLLOWERS)?;
            let label = read_label(&input::join(&item_path, "label"), tier.get("label"))?;
            Ok(TierSpec { id: Cow::Owned(id.to_owned()), label, min_followers })
        })
        .collect::<Result<Vec<_>>>()?;
    let id = object.text("id")?.map_or(Cow::Borrowed("custom"), |s| Cow::Owned(s.to_owned()));
    let label = read_label(&input::join(path, "label"), object.get("label"))?.unwrap_or(Label::fixed("Your tiers", "Vos paliers"));
    TierScheme::new(id, label, None, specs, path)
}

/// A label is either one text for both languages or `{ en, fr }`.
fn read_label(path: &str, value: Option<&Value>) -> Result<Option<Label>> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Text(text)) => Ok(Some(Label::same(text.clone()))),
        Some(value @ Value::Object(_)) => {
            let object = Object::read(path, value)?;
            object.only(&["en", "fr"])?;
            let en = object.text("en")?;
            let fr = object.text("fr")?.or(en);
            match (en.or(fr), fr) {
                (Some(en), Some(fr)) => Ok(Some(Label { en: Cow::Owned(en.to_owned()), fr: Cow::Owned(fr.to_owned()) })),
                _ => Ok(None),
            }
        }
        Some(other) => Err(Error::new(path, "must be text or { en, fr }").got(other.describe())),
    }
}

/// Validates a follower count: a whole number from 0 to [`MAX_FOLLOWERS`].
pub fn followers(path: &str, value: f64) -> Result<u64> {
    input::whole_in(path, value, 0, MAX_FOLLOWERS)
}

/// Reads a follower count from an arbitrary input value.
pub fn followers_from_value(path: &str, value: &Value) -> Result<u64> {
    match value {
        Value::Number(n) => followers(path, *n),
        other => Err(Error::new(path, format!("must be a whole number from 0 to {MAX_FOLLOWERS}"))
            .range(Code::Whole, 0.0, MAX_FOLLOWERS as f64)
            .got(other.describe())),
    }
}

/// Tier index of every count (−1 below every tier); the first bad count is reported by position.
/// A tight loop: ten million counts are allowed, and a path per count cost four times the work.
pub fn classify_many(scheme: &TierScheme, counts: &[f64]) -> Result<Vec<i32>> {
    let mut indices = Vec::with_capacity(counts.len());
    for (i, &n) in counts.iter().enumerate() {
        if !input::is_whole_in(n, 0, MAX_FOLLOWERS) {
            followers(&format!("followers[{i}]"), n)?;
        }
        indices.push(scheme.classify(n as u64).map_or(-1, |t| t as i32));
    }
    Ok(indices)
}

// ---------------------------------------------------------------------------------------------
// Presets

const NANO: Label = Label::fixed("Nano", "Nano");
const MICRO: Label = Label::fixed("Micro", "Micro");
const MID: Label = Label::fixed("Mid-tier", "Intermédiaire");
const MACRO: Label = Label::fixed("Macro", "Macro");
const MEGA: Label = Label::fixed("Mega", "Méga");

struct PresetDef {
    id: &'static str,
    label: Label,
    source: &'static Source,
    tiers: &'static [(&'static str, Label, u64)],
}

static PRESETS: [PresetDef; 5] = [
    PresetDef {
        id: "fr2018",
        label: Label::fixed("3 tiers (French trade press, 2018)", "3 paliers (presse professionnelle, 2018)"),
        source: &sources::BRANDNEWSBLOG_2018,
        tiers: &[("nano", NANO, 0), ("micro", MICRO, 1_000), ("macro", MACRO, 100_001)],
    },
    PresetDef {
        id: "imh",
        label: Label::fixed("5 tiers (Influencer Marketing Hub)", "5 paliers (Influencer Marketing Hub)"),
        source: &sources::IMH_RATES,
        tiers: &[
            ("nano", NANO, 1_000),
            ("micro", MICRO, 10_000),
            ("mid", MID, 50_000),
            ("macro", MACRO, 500_000),
            ("mega", MEGA, 1_000_000),
        ],
    },
    PresetDef {
        id: "later",
        label: Label::fixed("5 tiers (Later × Fohr, 2021)", "5 paliers (Later × Fohr, 2021)"),
        source: &sources::LATER_FOHR_2021,
        tiers: &[
            ("nano", NANO, 0),
            ("micro", MICRO, 10_000),
            ("mid", MID, 100_000),
            ("macro", MACRO, 500_000),
            ("mega", MEGA, 1_000_000),
        ],
    },
    PresetDef {
        id: "traackr",
        label: Label::fixed("6 tiers (Traackr, 2023)", "6 paliers (Traackr, 2023)"),
        source: &sources::TRAACKR_2023,
        tiers: &[
            ("nano", NANO, 1_000),
            ("micro", MICRO, 10_000),
            ("mid", MID, 50_000),
            ("macro", MACRO, 500_000),
            ("mega", MEGA, 1_000_000),
            ("vip", Label::fixed("VIP", "VIP"), 5_000_000),
        ],
    },
    PresetDef {
        id: "hypeauditor",
        label: Label::fixed("5 tiers (HypeAuditor)", "5 paliers (HypeAuditor)"),
        source: &sources::HYPEAUDITOR_TIERS,
        tiers: &[
            ("rookie", Label::fixed("Rookie", "Débutant"), 1_000),
            ("rising", Label::fixed("Rising", "Émergent"), 5_000),
            ("prosumer", Label::fixed("Prosumer", "Confirmé"), 20_000),
            ("maven", Label::fixed("Maven", "Expert"), 100_000),
            ("celebrity", Label::fixed("Celebrity", "Célébrité"), 1_000_000),
        ],
    },
];

pub fn preset_ids() -> String {
    input::listed(&PRESETS.iter().map(|p| p.id).collect::<Vec<_>>())
}

pub fn preset(id: &str) -> Option<TierScheme> {
    let def = PRESETS.iter().find(|p| p.id == id)?;
    let specs = def
        .tiers
        .iter()
        .map(|(id, label, min)| TierSpec { id: Cow::Borrowed(id), label: Some(label.clone()), min_followers: *min })
        .collect();
    // Presets are constants checked by the tests below, so this cannot fail at run time.
    TierScheme::new(Cow::Borrowed(def.id), def.label.clone(), Some(def.source), specs, "").ok()
}

pub fn presets() -> Vec<TierScheme> {
    PRESETS.iter().filter_map(|p| preset(p.id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> TierScheme {
        preset("fr2018").unwrap()
    }

    fn spec(id: &'static str, min: u64) -> TierSpec {
        TierSpec { id: Cow::Borrowed(id), label: None, min_followers: min }
    }

    fn custom(specs: Vec<TierSpec>) -> Result<TierScheme> {
        TierScheme::new(Cow::Borrowed("custom"), Label::fixed("c", "c"), None, specs, "scheme")
    }

    #[test]
    fn every_preset_is_valid() {
        assert_eq!(presets().len(), PRESETS.len());
    }

    #[test]
    fn fr2018_edges_fall_in_the_right_tier() {
        let s = fr();
        let tier = |n| s.classify(n).map(|i| s.tiers[i].id.to_string());
        assert_eq!(tier(0).as_deref(), Some("nano"));
        assert_eq!(tier(999).as_deref(), Some("nano"));
        assert_eq!(tier(1_000).as_deref(), Some("micro"));
        assert_eq!(tier(100_000).as_deref(), Some("micro"));
        assert_eq!(tier(100_001).as_deref(), Some("macro"));
        assert_eq!(tier(MAX_FOLLOWERS).as_deref(), Some("macro"));
    }

    #[test]
    fn below_first_bound_is_unclassified() {
        let s = preset("imh").unwrap();
        assert_eq!(s.classify(999), None);
        assert_eq!(s.classify(1_000), Some(0));
    }

    #[test]
    fn fr2018_typical_followers_are_geometric_middles() {
        let t: Vec<f64> = fr().tiers.iter().map(|t| t.typical_followers).collect();
        assert!((t[0] - 316.227_766).abs() < 1e-3, "nano {}", t[0]);
        assert!((t[1] - 10_000.05).abs() < 1e-2, "micro {}", t[1]);
        assert!((t[2] - 316_230.928).abs() < 1e-2, "macro {}", t[2]);
    }

    #[test]
    fn unsorted_bounds_are_rejected_naming_the_tier() {
        let e = custom(vec![spec("a", 0), spec("b", 5_000), spec("c", 1_000)]).unwrap_err();
        assert_eq!(e.field, "scheme.tiers[2].minFollowers");
        assert!(e.problem.contains("greater than the previous tier's (5000)"));
    }

    #[test]
    fn duplicate_bounds_are_rejected() {
        let e = custom(vec![spec("a", 0), spec("b", 0)]).unwrap_err();
        assert_eq!(e.field, "scheme.tiers[1].minFollowers");
    }

    #[test]
    fn empty_duplicate_and_reserved_ids_are_rejected() {
        assert_eq!(custom(vec![spec(" ", 0)]).unwrap_err().field, "scheme.tiers[0].id");
        assert!(custom(vec![spec("a", 0), spec("a", 9)]).unwrap_err().problem.contains("unique"));
        assert!(custom(vec![spec("*", 0)]).is_err());
    }

    #[test]
    fn a_scheme_needs_tiers_but_not_too_many() {
        assert_eq!(custom(vec![]).unwrap_err().problem, "must list at least one tier");
        let many = (0..13).map(|i| TierSpec { id: Cow::Owned(format!("t{i}")), label: None, min_followers: i }).collect();
        let e = custom(many).unwrap_err();
        assert_eq!(e.problem, format!("may list at most {MAX_TIERS} tiers"));
        assert_eq!(e.problem, TOO_MANY_TIERS);
    }

    #[test]
    fn tiny_custom_tiers_keep_typicals_inside_their_span() {
        let s = custom(vec![spec("a", 0), spec("b", 50), spec("c", 60)]).unwrap();
        for (i, t) in s.tiers.iter().enumerate() {
            let (low, high) = s.span(i).unwrap();
            assert!(t.typical_followers >= low && t.typical_followers <= high, "{t:?}");
            assert!(t.typical_followers > 0.0);
        }
    }

    #[test]
    fn unknown_preset_lists_the_known_ones() {
        let e = TierScheme::from_value("scheme", Some(&Value::Text("nope".into()))).unwrap_err();
        assert!(e.to_string().contains("fr2018, imh, later, traackr, hypeauditor"), "{e}");
    }

    #[test]
    fn bad_follower_counts_are_rejected() {
        for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, 1e11] {
            assert!(followers("followers", bad).is_err(), "{bad}");
        }
        let e = classify_many(&fr(), &[10.0, -3.0]).unwrap_err();
        assert_eq!(e.field, "followers[1]");
        for (bad, at) in [(1.5, 2), (f64::NAN, 0), (1e10 + 1.0, 3)] {
            let mut counts = vec![5000.0; 4];
            counts[at] = bad;
            assert_eq!(classify_many(&fr(), &counts).unwrap_err().field, format!("followers[{at}]"), "{bad}");
        }
    }

    #[test]
    fn classify_many_agrees_with_classify_count_by_count() {
        let scheme = preset("imh").unwrap();
        let counts: Vec<f64> = (0..2000u64).map(|i| (i * i * 997 % 2_000_000) as f64).chain([0.0, MAX_FOLLOWERS as f64]).collect();
        let many = classify_many(&scheme, &counts).unwrap();
        for (&count, &index) in counts.iter().zip(&many) {
            assert_eq!(index, scheme.classify(count as u64).map_or(-1, |t| t as i32), "{count}");
        }
    }
}
