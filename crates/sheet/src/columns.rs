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
    /// The share of an account's real followers who are in the user's target audience.
    AudienceFit,
}

pub const COLUMNS: [Column; 8] = [
    Column::Handle,
    Column::Followers,
    Column::EngagementRate,
    Column::Engagements,
    Column::Fee,
    Column::Platform,
    Column::Topic,
    Column::AudienceFit,
];

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
            Column::AudienceFit => "audienceFit",
        }
    }
}

/// Every header name, already normalised (see [`normalise`]): the names of each column in the
/// order of [`COLUMNS`], each column's ended by `|`, names within it by a space. One text for one
/// loop: with a list per column, this crate's opt-level unrolled every comparison into 4 KB of
/// wasm, for a row read once per file; and a table of (name, column) pairs spent 12 bytes a name
/// on pointers, lengths and padding.
const NAMES: &str = concat!(
    "handle pseudo pseudonyme username user account compte name nom influencer influenceur influenceuse ",
    "creator createur createurice createrice profile profil instagramhandle tiktokhandle id identifiant|",
    "followers follower abonnes abonne abonnees nbabonnes nombredabonnes followerscount followercount ",
    "nbfollowers subscribers abonnements fans audience audiencesize communaute taillecommunaute ",
    "tailledelacommunaute|",
    "engagementrate er tauxdengagement tauxengagement txengagement txdengagement engagement engagementpct ",
    "avgengagementrate averageengagementrate tauxdengagementmoyen tauxdinteraction tauxinteraction|",
    "engagements avgengagements averageengagements avgengagement averageengagement engagementsmoyens ",
    "engagementmoyen interactions interactionsmoyennes avginteractions averageinteractions nbinteractions ",
    "moyennedinteractions|",
    "fee fees tarif tarifs price prix rate cost cout budget cachet remuneration postfee feeperpost ",
    "tarifparpost prixparpost tarifpost|",
    "platform plateforme network reseau reseausocial socialnetwork channel canal|",
    "topic topics thematique thematiques niche category categorie theme sujet vertical secteur|",
    // Never `audience` alone: tools write that for the follower count (above).
    "audiencefit fit intarget targetshare audiencematch match audiencecible adequation adequationaudience ",
    "partcible cible|",
);

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
    let (name, names) = (name.as_bytes(), NAMES.as_bytes());
    let (mut column, mut start) = (0, 0);
    for (end, &byte) in names.iter().enumerate() {
        if byte == b' ' || byte == b'|' {
            if names.get(start..end) == Some(name) {
                return COLUMNS.get(column).copied();
            }
            column += usize::from(byte == b'|');
            start = end + 1;
        }
    }
    None
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
            ("Audience fit", Column::AudienceFit),
            ("Fit (%)", Column::AudienceFit),
            ("% in target", Column::AudienceFit),
            ("In target", Column::AudienceFit),
            ("Target share", Column::AudienceFit),
            ("Audience match", Column::AudienceFit),
            ("Match", Column::AudienceFit),
            ("% audience cible", Column::AudienceFit),
            ("Audience cible", Column::AudienceFit),
            ("Adéquation", Column::AudienceFit),
            ("Adéquation audience", Column::AudienceFit),
            ("Part cible", Column::AudienceFit),
            ("% cible", Column::AudienceFit),
            ("Part cible (%)", Column::AudienceFit),
        ] {
            assert_eq!(recognise(header), Some(column), "{header}");
        }
        assert_eq!(recognise("Notes"), None);
        assert_eq!(recognise(""), None);
        assert_eq!(recognise("(%)"), None);
    }

    #[test]
    fn every_header_name_is_normalised_and_names_one_column() {
        let names: Vec<(&str, Column)> = NAMES
            .split_terminator('|')
            .zip(COLUMNS)
            .flat_map(|(names, column)| names.split(' ').map(move |name| (name, column)))
            .collect();
        assert_eq!(NAMES.split_terminator('|').count(), COLUMNS.len());
        for (i, &(name, column)) in names.iter().enumerate() {
            assert_eq!(normalise(name), *name);
            assert_eq!(recognise(name), Some(column), "{name}");
            assert!(!name.is_empty(), "an empty name in {column:?}");
            assert!(names.iter().skip(i + 1).all(|(other, _)| *other != name), "{name} twice");
        }
    }

    /// `Audience` alone stays the follower count some tools call it; only a fit's own names
    /// (`audience fit`, `audience cible`) read as the fit.
    #[test]
    fn audience_alone_is_still_the_follower_count() {
        assert_eq!(recognise("Audience"), Some(Column::Followers));
        assert_eq!(recognise("Audience size"), Some(Column::Followers));
        assert_eq!(recognise("Audience fit"), Some(Column::AudienceFit));
        let (layout, unknown) = Layout::from_header(["Pseudo", "Audience", "% audience cible"].into_iter());
        assert_eq!(layout.position(Column::Followers), Some(1));
        assert_eq!(layout.position(Column::AudienceFit), Some(2));
        assert!(unknown.is_empty());
    }

    #[test]
    fn every_column_has_a_header_name_and_its_own_id() {
        for (i, column) in COLUMNS.iter().enumerate() {
            assert_eq!(*column as usize, i, "{column:?} is not at its own position");
            assert!(NAMES.split_terminator('|').nth(i).is_some_and(|names| !names.is_empty()), "{column:?} has no header name");
            assert!(COLUMNS.iter().skip(i + 1).all(|other| other.id() != column.id()), "{} twice", column.id());
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
