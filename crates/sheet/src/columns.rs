//! Which column is which: header names as French and English spreadsheets and influencer
//! tools write them, matched without case, accents, punctuation or a unit in brackets.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Column {
    Handle,
    Followers,
    EngagementRate,
    /// Average engagements per post, a count: the rate is derived from it.
    Engagements,
    Fee,
    Platform,
    Topic,
}

pub const COLUMNS: [Column; 7] =
    [Column::Handle, Column::Followers, Column::EngagementRate, Column::Engagements, Column::Fee, Column::Platform, Column::Topic];

impl Column {
    pub fn id(self) -> &'static str {
        match self {
            Column::Handle => "handle",
            Column::Followers => "followers",
            Column::EngagementRate => "engagementRate",
            Column::Engagements => "engagements",
            Column::Fee => "fee",
            Column::Platform => "platform",
            Column::Topic => "topic",
        }
    }
}

/// Every header name, already normalised (see [`normalise`]), with the column it names, in the
/// order of [`COLUMNS`]. One table for one loop: with a list per column, this crate's opt-level
/// unrolled every comparison into 4 KB of wasm, for a row read once per file.
const NAMES: [(&str, Column); 102] = {
    use Column::*;
    [
        ("handle", Handle),
        ("pseudo", Handle),
        ("pseudonyme", Handle),
        ("username", Handle),
        ("user", Handle),
        ("account", Handle),
        ("compte", Handle),
        ("name", Handle),
        ("nom", Handle),
        ("influencer", Handle),
        ("influenceur", Handle),
        ("influenceuse", Handle),
        ("creator", Handle),
        ("createur", Handle),
        ("createurice", Handle),
        ("createrice", Handle),
        ("profile", Handle),
        ("profil", Handle),
        ("instagramhandle", Handle),
        ("tiktokhandle", Handle),
        ("id", Handle),
        ("identifiant", Handle),
        ("followers", Followers),
        ("follower", Followers),
        ("abonnes", Followers),
        ("abonne", Followers),
        ("abonnees", Followers),
        ("nbabonnes", Followers),
        ("nombredabonnes", Followers),
        ("followerscount", Followers),
        ("followercount", Followers),
        ("nbfollowers", Followers),
        ("subscribers", Followers),
        ("abonnements", Followers),
        ("fans", Followers),
        ("audience", Followers),
        ("audiencesize", Followers),
        ("communaute", Followers),
        ("taillecommunaute", Followers),
        ("tailledelacommunaute", Followers),
        ("engagementrate", EngagementRate),
        ("er", EngagementRate),
        ("tauxdengagement", EngagementRate),
        ("tauxengagement", EngagementRate),
        ("txengagement", EngagementRate),
        ("txdengagement", EngagementRate),
        ("engagement", EngagementRate),
        ("engagementpct", EngagementRate),
        ("avgengagementrate", EngagementRate),
        ("averageengagementrate", EngagementRate),
        ("tauxdengagementmoyen", EngagementRate),
        ("tauxdinteraction", EngagementRate),
        ("tauxinteraction", EngagementRate),
        ("engagements", Engagements),
        ("avgengagements", Engagements),
        ("averageengagements", Engagements),
        ("avgengagement", Engagements),
        ("averageengagement", Engagements),
        ("engagementsmoyens", Engagements),
        ("engagementmoyen", Engagements),
        ("interactions", Engagements),
        ("interactionsmoyennes", Engagements),
        ("avginteractions", Engagements),
        ("averageinteractions", Engagements),
        ("nbinteractions", Engagements),
        ("moyennedinteractions", Engagements),
        ("fee", Fee),
        ("fees", Fee),
        ("tarif", Fee),
        ("tarifs", Fee),
        ("price", Fee),
        ("prix", Fee),
        ("rate", Fee),
        ("cost", Fee),
        ("cout", Fee),
        ("budget", Fee),
        ("cachet", Fee),
        ("remuneration", Fee),
        ("postfee", Fee),
        ("feeperpost", Fee),
        ("tarifparpost", Fee),
        ("prixparpost", Fee),
        ("tarifpost", Fee),
        ("platform", Platform),
        ("plateforme", Platform),
        ("network", Platform),
        ("reseau", Platform),
        ("reseausocial", Platform),
        ("socialnetwork", Platform),
        ("channel", Platform),
        ("canal", Platform),
        ("topic", Topic),
        ("topics", Topic),
        ("thematique", Topic),
        ("thematiques", Topic),
        ("niche", Topic),
        ("category", Topic),
        ("categorie", Topic),
        ("theme", Topic),
        ("sujet", Topic),
        ("vertical", Topic),
        ("secteur", Topic),
    ]
};

/// Lower-case ASCII letters and digits only, accents folded, a trailing `(…)` or `[…]` unit
/// dropped: `Taux d'engagement (%)` → `tauxdengagement`.
pub fn normalise(header: &str) -> String {
    let cut = header.find(['(', '[']).unwrap_or(header.len());
    let head = header.get(..cut).unwrap_or(header);
    let head = if head.trim().is_empty() { header } else { head };
    head.chars().filter_map(fold).collect()
}

/// A letter without its accent, lower-cased; `None` for what is not a letter or a digit.
fn fold(c: char) -> Option<char> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
        'œ' | 'Œ' => 'o',
        c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
        _ => return None,
    };
    Some(folded)
}

/// The column a header names, if any. `%` in the header says the rate is in percent.
pub fn recognise(header: &str) -> Option<Column> {
    let name = normalise(header);
    if name.is_empty() {
        return None;
    }
    NAMES.iter().find(|(known, _)| *known == name).map(|&(_, column)| column)
}

/// Where each known column sits in a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    positions: [Option<usize>; COLUMNS.len()],
}

impl Layout {
    /// Reads a header row. The first column that claims a name wins; a later duplicate is ignored
    /// and reported by the caller.
    pub fn from_header<'a>(headers: impl Iterator<Item = &'a str>) -> (Layout, Vec<(usize, &'a str)>) {
        let mut layout = Layout::default();
        let mut unknown = Vec::new();
        for (index, header) in headers.enumerate() {
            match recognise(header) {
                Some(column) => {
                    if let Some(slot) = layout.positions.get_mut(column as usize) {
                        if slot.is_none() {
                            *slot = Some(index);
                            continue;
                        }
                    }
                    unknown.push((index, header));
                }
                None => unknown.push((index, header)),
            }
        }
        (layout, unknown)
    }

    /// A file without a header row: handle, then followers.
    pub fn headerless() -> Layout {
        let mut layout = Layout::default();
        let [handle, followers, ..] = &mut layout.positions;
        *handle = Some(0);
        *followers = Some(1);
        layout
    }

    pub fn position(&self, column: Column) -> Option<usize> {
        self.positions.get(column as usize).copied().flatten()
    }

    pub fn has(&self, column: Column) -> bool {
        self.position(column).is_some()
    }

    pub fn recognised(&self) -> usize {
        self.positions.iter().flatten().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_headers() {
        for (header, column) in [
            ("Handle", Column::Handle),
            ("Pseudo", Column::Handle),
            ("@ Username", Column::Handle),
            ("Followers", Column::Followers),
            ("Abonnés", Column::Followers),
            ("Nb. abonnés", Column::Followers),
            ("Nombre d'abonnés", Column::Followers),
            ("Engagement rate (%)", Column::EngagementRate),
            ("Taux d'engagement", Column::EngagementRate),
            ("TAUX D’ENGAGEMENT (%)", Column::EngagementRate),
            ("ER", Column::EngagementRate),
            ("Avg. engagements", Column::Engagements),
            ("Interactions moyennes", Column::Engagements),
            ("Fee (€)", Column::Fee),
            ("Tarif", Column::Fee),
            ("Coût", Column::Fee),
            ("Platform", Column::Platform),
            ("Plateforme", Column::Platform),
            ("Réseau social", Column::Platform),
            ("Topic", Column::Topic),
            ("Thématique", Column::Topic),
            ("Catégorie", Column::Topic),
        ] {
            assert_eq!(recognise(header), Some(column), "{header}");
        }
        assert_eq!(recognise("Notes"), None);
        assert_eq!(recognise(""), None);
        assert_eq!(recognise("(%)"), None);
    }

    #[test]
    fn every_header_name_is_normalised_and_names_one_column() {
        for (i, (name, column)) in NAMES.iter().enumerate() {
            assert_eq!(normalise(name), *name);
            assert_eq!(recognise(name), Some(*column), "{name}");
            assert!(NAMES.iter().skip(i + 1).all(|(other, _)| other != name), "{name} twice");
        }
    }

    #[test]
    fn the_first_of_two_matching_columns_wins() {
        let (layout, unknown) = Layout::from_header(["Pseudo", "Nom", "Abonnés"].into_iter());
        assert_eq!(layout.position(Column::Handle), Some(0));
        assert_eq!(layout.position(Column::Followers), Some(2));
        assert_eq!(unknown, vec![(1, "Nom")]);
    }
}
