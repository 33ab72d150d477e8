//! Small sets of named marks on a row — which values were estimated, which audit flags it
//! carries — kept as bits: a roster has up to 200,000 rows, and a list per row per set would
//! be two allocations each. They serialise as lists of names, in a fixed order.

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// A set of marks out of a fixed list of names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks<const SET: u8>(pub u8);

pub const ESTIMATED: u8 = 0;
pub const FLAGS: u8 = 1;

/// Values of a row that came from the curves rather than the file.
pub type Estimated = Marks<ESTIMATED>;
/// Audit marks: `belowTiers`, `lowEngagement` (possible inactive or bought audience),
/// `highEngagement` (possible engagement pods), `duplicate` (an earlier line has the handle).
pub type Flags = Marks<FLAGS>;

impl<const SET: u8> Marks<SET> {
    /// The names, in bit order: bit `i` is `names()[i]`.
    pub const fn names() -> &'static [&'static str] {
        match SET {
            ESTIMATED => &["engagementRate", "fee"],
            _ => &["belowTiers", "lowEngagement", "highEngagement", "duplicate"],
        }
    }

    /// The mark named `names()[index]`: for code that sets marks by the thousand, where
    /// looking a name up each time costs more than the rest of a row's audit.
    pub const fn at(index: usize) -> Self {
        Marks(1 << index)
    }

    pub fn add(&mut self, marks: Self) {
        self.0 |= marks.0;
    }

    /// Whether every mark of `marks` is set.
    pub fn has(&self, marks: Self) -> bool {
        self.0 & marks.0 == marks.0
    }

    fn bit(name: &str) -> u8 {
        Self::names().iter().position(|n| *n == name).map_or(0, |i| 1 << i)
    }

    pub fn insert(&mut self, name: &str) {
        self.0 |= Self::bit(name);
    }

    pub fn contains(&self, name: &str) -> bool {
        let bit = Self::bit(name);
        bit != 0 && self.0 & bit != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn names_set(&self) -> impl Iterator<Item = &'static str> + '_ {
        Self::names().iter().enumerate().filter(move |(i, _)| self.0 & (1 << i) != 0).map(|(_, n)| *n)
    }

    pub fn to_vec(&self) -> Vec<&'static str> {
        self.names_set().collect()
    }
}

impl Estimated {
    pub const ENGAGEMENT_RATE: Self = Self::at(0);
    pub const FEE: Self = Self::at(1);
}

impl Flags {
    pub const BELOW_TIERS: Self = Self::at(0);
    pub const LOW_ENGAGEMENT: Self = Self::at(1);
    pub const HIGH_ENGAGEMENT: Self = Self::at(2);
    pub const DUPLICATE: Self = Self::at(3);
}

impl<const SET: u8> Serialize for Marks<SET> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.count_ones() as usize))?;
        for name in self.names_set() {
            seq.serialize_element(name)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_keep_their_order_whatever_the_insertion_order() {
        let mut flags = Flags::default();
        flags.insert("duplicate");
        flags.insert("belowTiers");
        flags.insert("unknown");
        assert_eq!(flags.to_vec(), ["belowTiers", "duplicate"]);
        assert!(flags.contains("duplicate") && !flags.contains("lowEngagement") && !flags.contains("unknown"));
        assert!(Estimated::default().is_empty());
        // The constants are the names they stand for.
        let named = |marks: &[(Flags, &str)]| marks.iter().all(|(mark, name)| mark.to_vec() == [*name]);
        assert!(named(&[
            (Flags::BELOW_TIERS, "belowTiers"),
            (Flags::LOW_ENGAGEMENT, "lowEngagement"),
            (Flags::HIGH_ENGAGEMENT, "highEngagement"),
            (Flags::DUPLICATE, "duplicate"),
        ]));
        assert_eq!((Estimated::ENGAGEMENT_RATE.to_vec(), Estimated::FEE.to_vec()), (vec!["engagementRate"], vec!["fee"]));
        assert!(flags.has(Flags::DUPLICATE) && flags.has(Flags::BELOW_TIERS) && !flags.has(Flags::LOW_ENGAGEMENT));
    }
}
