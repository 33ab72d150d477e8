//! Every citation tiermix relies on, in one place, so the page can show its work.
//!
//! Where a widely repeated figure could not be traced to its original publisher, the note says
//! so and names what *was* found: an honest "unverified" beats a confident footnote.
//!
//! The notes are prose, not data the model computes with, so the wasm module does not carry
//! them: the build writes them to `www/pkg/sources.json` (`crates/build-data`) and the
//! page loads that file. Nothing in the binding refers to [`NOTES`], so the linker drops it.

use serde::Serialize;
use std::borrow::Cow;

/// Text in both languages the product speaks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub en: Cow<'static, str>,
    pub fr: Cow<'static, str>,
}

impl Label {
    pub const fn fixed(en: &'static str, fr: &'static str) -> Self {
        Label { en: Cow::Borrowed(en), fr: Cow::Borrowed(fr) }
    }

    pub fn same(text: String) -> Self {
        Label { en: Cow::Owned(text.clone()), fr: Cow::Owned(text) }
    }
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Source {
    /// Stable key, also the key of the source's note in [`NOTES`].
    pub id: &'static str,
    /// The citation as it would appear in a footnote.
    pub text: &'static str,
    /// `None` for tiermix's own conventions and assumptions, which have no outside page.
    pub url: Option<&'static str>,
    pub year: u16,
}

impl Source {
    /// Why this number, and how sure we are of it.
    pub fn note(&self) -> Option<&'static Label> {
        NOTES.iter().find(|(id, _)| *id == self.id).map(|(_, note)| note)
    }
}

pub static BRANDNEWSBLOG_2018: Source = Source {
    id: "brandnewsblog_2018",
    text: "French trade press, 2018 (BrandNewsBlog; Getfluence: “Qui est le plus efficace : le nano, le micro ou le macro-influenceur ?”)",
    url: Some("https://blog.getfluence.com/2018/09/04/qui-est-le-plus-efficace-le-nano-le-micro-ou-le-macro-influenceur/"),
    year: 2018,
    };

pub static IMH_RATES: Source = Source {
    id: "imh_rates",
    text: "Influencer Marketing Hub, “Influencer Rates: How Much Do Influencers Really Cost?”",
    url: Some("https://influencermarketinghub.com/influencer-rates/"),
    year: 2021,
};

pub static LATER_FOHR_2021: Source = Source {
    id: "later_fohr_2021",
    text: "Later × Fohr, “The Selling Power of Nano, Micro, Mid, Macro, and Mega Macro Influencers”",
    url: Some("https://www.fohr.co/blog/benchmark-statistics-for-2022-influencer-marketing-trends-in-review"),
    year: 2021,
};

pub static TRAACKR_2023: Source = Source {
    id: "traackr_2023",
    text: "Traackr creator tiers (2023); same scheme in IAB UK, “Creator tiers”",
    url: Some("https://www.iabuk.com/jargon-buster/creator-tiers"),
    year: 2023,
};

pub static HYPEAUDITOR_TIERS: Source = Source {
    id: "hypeauditor_tiers",
    text: "HypeAuditor influencer size tiers (as used by Influent)",
    url: Some("http://influent.online/blog/How-to-determine-what-creator-will-be-the-best-option-for-you"),
    year: 2023,
};

pub static FEE_CURVE: Source = Source {
    id: "fee_curve",
    text: "Influencer Marketing Hub rate card; Upfluence, “How much should you pay influencers?”",
    url: Some("https://www.upfluence.com/influencer-marketing/how-much-should-you-pay-influencers-6-factors-to-consider"),
    year: 2021,
};

pub static REACH_RATE: Source = Source {
    id: "reach_rate",
    text: "Stellar, “What is the Estimated Reach of a post?” (assumption calibrated on it)",
    url: Some("https://intercom.help/stellario/en/articles/2844087-what-is-the-estimated-reach-of-a-post"),
    year: 2022,
};

pub static ENGAGEMENT_RATE: Source = Source {
    id: "engagement_rate",
    text: "Markerly 2016 via Marketing Dive; HypeAuditor 2023; Influencer Marketing Hub 2021 benchmark",
    url: Some("https://www.marketingdive.com/news/brand-marketers-see-higher-engagement-with-micro-influencers-survey/418109/"),
    year: 2021,
};

pub static SPONSORED_FACTOR: Source = Source {
    id: "sponsored_factor",
    text: "Mavrck benchmark via Influencer Marketing Hub; Markerly via ZDNet",
    url: Some("https://influencermarketinghub.com/instagram-influencer-generated-content-infographic/"),
    year: 2018,
};

pub static REAL_SHARE: Source = Source {
    id: "real_share",
    text: "HypeAuditor 2021 via Campaign Asia; CHEQ & University of Baltimore 2019; SRF Data 2017",
    url: Some("https://www.campaignasia.com/article/more-than-half-of-instagram-influencers-engaged-in-fraud/468989"),
    year: 2021,
};

pub static AUDIENCE_FIT: Source = Source {
    id: "audience_fit",
    text: "Your figure: the share of an account's real followers who are in your target (its audience report: country, age, interests)",
    url: None,
    year: 2026,
};

pub static DELIVERY: Source = Source {
    id: "delivery",
    text:
        "Later Influence help center, “Performance Forecasting” (undated; read 2026): “0.80 (80%) is the average completion rate”",
    url: Some("https://help-influence.later.com/hc/en-us/articles/20462372068375-Performance-Forecasting"),
    year: 2026,
};

pub static PERSUASION: Source = Source {
    id: "persuasion",
    text: "Beichert, Bayerl, Goldenberg & Lanz, “Revenue Generation Through Influencer Marketing”, Journal of Marketing 88(4); Leung et al., “Influencer Marketing Effectiveness”, Journal of Marketing",
    url: Some("https://doi.org/10.1177/00222429231217471"),
    year: 2024,
    };

pub static HOURS: Source = Source { id: "hours", text: "tiermix estimate (no published time study found)", url: None, year: 2026 };

pub static HOURLY_COST: Source = Source {
    id: "hourly_cost",
    text: "Eurostat, “Hourly labour costs” (2023); US BLS wages and employer costs",
    url: Some("https://ec.europa.eu/eurostat/statistics-explained/index.php?title=Hourly_labour_costs"),
    year: 2023,
};

pub static CONCENTRATION: Source = Source {
    id: "concentration",
    text: "Ehrenberg, “The Pattern of Consumer Purchases”, Applied Statistics 8(1) (NBD); Goerg, “Estimating reach curves from one data point”, Google",
    url: Some("https://doi.org/10.2307/2985810"),
    year: 1959,
    };

pub static TYPICAL_FOLLOWERS: Source =
    Source { id: "typical_followers", text: "tiermix convention: geometric mean of the tier's bounds", url: None, year: 2026 };

pub static YOUR_INPUT: Source =
    Source { id: "your_input", text: "Your input (tiermix default shown until you change it)", url: None, year: 2026 };

/// Every source's note, by source id.
pub static NOTES: [(&str, Label); 18] = [
    (
        "brandnewsblog_2018",
        Label::fixed(
            "Nano < 1,000 followers, micro 1,000–100,000, macro above. The BrandNewsBlog original could not be located; Getfluence (2018) uses the same cut-offs.",
            "Nano < 1 000 abonnés, micro 1 000–100 000, macro au-delà. L'original du BrandNewsBlog est introuvable ; Getfluence (2018) reprend ces seuils.",
        ),
    ),
    (
        "imh_rates",
        Label::fixed(
            "Instagram: nano $10–100 a post, micro $100–500, mid $500–5k, macro $5k–10k; “$100 per 10,000 followers”.",
            "Instagram : nano 10–100 $ le post, micro 100–500 $, mid 500–5k $, macro 5k–10k $ ; « 100 $ pour 10 000 abonnés ».",
        ),
    ),
    (
        "later_fohr_2021",
        Label::fixed(
            "3.5 million Instagram posts; nano 0–10k, micro 10k–100k, mid 100k–500k, macro 500k–1M, mega 1M+.",
            "3,5 millions de posts Instagram ; nano 0–10k, micro 10k–100k, mid 100k–500k, macro 500k–1M, méga 1M+.",
        ),
    ),
    (
        "traackr_2023",
        Label::fixed(
            "Traackr's French post could not be located; IAB UK publishes the same cut-offs.",
            "L'article français de Traackr est introuvable ; l'IAB UK publie les mêmes seuils.",
        ),
    ),
    (
        "hypeauditor_tiers",
        Label::fixed(
            "Cut-offs 1k / 5k / 20k / 100k / 1M confirmed; the page with the rookie … celebrity names could not be located.",
            "Seuils 1k / 5k / 20k / 100k / 1M confirmés ; la page aux noms rookie … celebrity est introuvable.",
        ),
    ),
    (
        "fee_curve",
        Label::fixed(
            "max(floor, rate × followers / 1,000): rate 10 (5…20), i.e. “100 per 10,000”; floor 20 (0…50), the gift even a nano expects.",
            "max(plancher, taux × abonnés / 1 000) : taux 10 (5…20), soit « 100 pour 10 000 » ; plancher 20 (0…50), le cadeau qu'attend même un nano.",
        ),
    ),
    (
        "reach_rate",
        Label::fixed(
            "An assumption: 25% of followers see a post at 10,000 followers, × (f/10,000)^−0.22, within 2–60%. Stellar: 30% on Twitter/Facebook, up to 48% for engaged accounts.",
            "Une hypothèse : 25 % des abonnés voient un post à 10 000 abonnés, × (f/10 000)^−0,22, entre 2 et 60 %. Stellar : 30 % sur Twitter/Facebook, jusqu'à 48 % pour les comptes engagés.",
        ),
    ),
    (
        "engagement_rate",
        Label::fixed(
            "2.5% at 10,000 followers × (f/10,000)^−0.15. Markerly: ~8% under 1k, 1.66% at 1–10M; HypeAuditor: nano 2.78%; IMH: micro 3.86%, mega 1.21%.",
            "2,5 % à 10 000 abonnés × (f/10 000)^−0,15. Markerly : ~8 % sous 1k, 1,66 % à 1–10M ; HypeAuditor : nano 2,78 % ; IMH : micro 3,86 %, méga 1,21 %.",
        ),
    ),
    (
        "sponsored_factor",
        Label::fixed(
            "50% of normal engagement (20…100%). The quoted “50–80% less” could not be traced; Mavrck: 13–34% less; Markerly: “nearly identical”.",
            "50 % de l'engagement habituel (20…100 %). Le « 50 à 80 % de moins » cité est introuvable ; Mavrck : 13 à 34 % de moins ; Markerly : « presque identique ».",
        ),
    ),
    (
        "real_share",
        Label::fixed(
            "75% real people (55…85%), the same for every size: audits disagree on whether fake followers rise or fall with size (SRF Data's open study found no link), and the per-size “fraud” rates (HypeAuditor: 42% of 1k–5k accounts, 66% of 1M+) count accounts, not followers. CHEQ: 15–25% of followers fake.",
            "75 % de vraies personnes (55…85 %), quelle que soit la taille : les audits divergent sur le sens du lien entre faux abonnés et taille (l'étude ouverte de SRF Data n'en trouve aucun), et les taux de « fraude » par taille (HypeAuditor : 42 % des comptes de 1k–5k, 66 % des 1M+) comptent des comptes, pas des abonnés. CHEQ : 15 à 25 % de faux abonnés.",
        ),
    ),
    (
        "audience_fit",
        Label::fixed(
            "100% counts every real follower as a prospect, which overstates reach in a niche. A general account of 300,000 followers may hold a few percent of a narrow target; a specialist's community far more.",
            "100 % compte chaque vrai abonné comme un prospect, ce qui surestime la portée dans une niche. Un compte généraliste de 300 000 abonnés peut n'en compter que quelques pour cent ; la communauté d'un spécialiste bien plus.",
        ),
    ),
    (
        "delivery",
        Label::fixed(
            "80% of hired creators post as agreed (60…95%): Later's platform average; paid, contracted deals do better (Cohley: under 5% ghosting), unpaid gifting worse. Fees and team hours count for every creator hired (the budget must cover all; the team works with all); those who do not post bring no reach. If you pay on publication, your fees come out lower than shown.",
            "80 % des créateurs engagés publient comme convenu (60…95 %) : la moyenne de la plateforme Later ; les contrats rémunérés font mieux (Cohley : moins de 5 % de défections), le simple envoi de produits moins bien. Cachets et heures comptent pour chaque créateur engagé (le budget doit les couvrir tous ; l'équipe travaille avec tous) ; ceux qui ne publient pas n'apportent aucune portée. Si vous payez à la publication, vos cachets seront inférieurs à ceux affichés.",
        ),
    ),
    (
        "persuasion",
        Label::fixed(
            "0.5% of people reached act at 100,000 followers, × (f/100,000)^−γ, γ = ln 4 / ln 1000: nano 4× macro and 2× micro per person (the trade-press claim). Beichert: small accounts earn far more per follower; Leung: size can help. Hence γ 0…0.35, 0.1–1.5%.",
            "0,5 % des personnes touchées agissent à 100 000 abonnés, × (f/100 000)^−γ, γ = ln 4 / ln 1000 : nano 4× macro et 2× micro par personne (l'affirmation de la presse). Beichert : les petits comptes rapportent bien plus par abonné ; Leung : la taille peut aider. D'où γ 0…0,35, 0,1–1,5 %.",
        ),
    ),
    (
        "hours",
        Label::fixed(
            "max(1, 12 × (f/1,000,000)^0.2) hours per influencer (× 0.5…2). Staff hours per creator are an estimate, not a measurement: no published time study could be found. The curve (≈2.4 h for a 316-follower nano, ≈4.8 h at 10,000, ≈12 h at 1M followers) follows platforms' “several hours per creator” descriptions and the extra contract and agent work for large accounts (e.g. Matchmade; Revelation agency); the quoted “12 hours per influencer” (Fast Company) could not be traced. Replace it with your own time logs.",
            "max(1, 12 × (f/1 000 000)^0,2) heures par influenceur (× 0,5…2). Les heures de l'équipe par créateur sont une estimation, pas une mesure : aucune étude de temps publiée n'a été trouvée. La courbe (≈2,4 h pour un nano de 316 abonnés, ≈4,8 h à 10 000, ≈12 h à 1M d'abonnés) suit les descriptions des plateformes (« plusieurs heures par créateur ») et le surcroît de travail de contrat et d'agent des grands comptes (p. ex. Matchmade ; l'agence Revelation) ; les « 12 heures par influenceur » citées (Fast Company) sont introuvables. Remplacez-la par vos propres relevés de temps.",
        ),
    ),
    (
        "hourly_cost",
        Label::fixed(
            "50/h approximates the employer cost (salary plus social charges) of a marketing coordinator: €42.2/h on average in France in 2023 (Eurostat, “Hourly labour costs”); a US PR/social specialist's $30.20/h median wage (BLS, May 2020) is ≈ $44/h with benefits (BLS employer cost survey: wages ≈ 69% of cost). Put in your own team's cost.",
            "50/h approche le coût employeur (salaire et charges sociales) d'un chargé de marketing : 42,2 €/h en moyenne en France en 2023 (Eurostat, « Hourly labour costs ») ; le salaire médian de 30,20 $/h d'un spécialiste RP/réseaux sociaux aux États-Unis (BLS, mai 2020) fait ≈ 44 $/h avec les avantages (enquête du BLS sur le coût employeur : le salaire ≈ 69 % du coût). Mettez le coût de votre équipe.",
        ),
    ),
    (
        "concentration",
        Label::fixed(
            "An assumption: NBD shape k = 0.5 × (f/1,000)^0.25 (× 0.5…2). Small accounts' followers overlap (low k); large accounts reach broadly (high k).",
            "Une hypothèse : forme NBD k = 0,5 × (f/1 000)^0,25 (× 0,5…2). Les abonnés des petits comptes se recoupent (k faible) ; les grands touchent large (k élevé).",
        ),
    ),
    (
        "typical_followers",
        Label::fixed(
            "The tier's geometric middle (lower bound at least 100; an open top tier spans one decade).",
            "Le milieu géométrique du palier (borne basse d'au moins 100 ; un palier ouvert couvre une décade).",
        ),
    ),
    (
        "your_input",
        Label::fixed(
            "Only you know this figure: replace the default.",
            "Vous seul connaissez ce chiffre : remplacez la valeur par défaut.",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_belongs_to_one_source_and_says_something_in_both_languages() {
        for (i, (id, note)) in NOTES.iter().enumerate() {
            assert!(!note.en.is_empty() && !note.fr.is_empty(), "{id}");
            assert!(NOTES.iter().skip(i + 1).all(|(other, _)| other != id), "{id} twice");
        }
    }
}
