//! Every citation tiermix relies on, in one place, so the page can show its work.
//!
//! Where a widely repeated figure could not be traced to its original publisher, the note says
//! so and names what *was* found: an honest "unverified" beats a confident footnote.

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
    /// The citation as it would appear in a footnote.
    pub text: &'static str,
    /// `None` for tiermix's own conventions and assumptions, which have no outside page.
    pub url: Option<&'static str>,
    pub year: u16,
    /// Why this number, and how sure we are of it.
    pub note: Label,
}

pub static BRANDNEWSBLOG_2018: Source = Source {
    text: "French trade press, 2018 (BrandNewsBlog; Getfluence: “Qui est le plus efficace : le nano, le micro ou le macro-influenceur ?”)",
    url: Some("https://blog.getfluence.com/2018/09/04/qui-est-le-plus-efficace-le-nano-le-micro-ou-le-macro-influenceur/"),
    year: 2018,
    note: Label::fixed(
        "Nano < 1,000 followers, micro 1,000–100,000, macro above. The BrandNewsBlog original could not be located; Getfluence (2018) uses the same cut-offs.",
        "Nano < 1 000 abonnés, micro 1 000–100 000, macro au-delà. L'original du BrandNewsBlog est introuvable ; Getfluence (2018) reprend ces seuils.",
    ),
};

pub static IMH_RATES: Source = Source {
    text: "Influencer Marketing Hub, “Influencer Rates: How Much Do Influencers Really Cost?”",
    url: Some("https://influencermarketinghub.com/influencer-rates/"),
    year: 2021,
    note: Label::fixed(
        "Instagram: nano $10–100 a post, micro $100–500, mid $500–5k, macro $5k–10k; “$100 per 10,000 followers”.",
        "Instagram : nano 10–100 $ le post, micro 100–500 $, mid 500–5k $, macro 5k–10k $ ; « 100 $ pour 10 000 abonnés ».",
    ),
};

pub static LATER_FOHR_2021: Source = Source {
    text: "Later × Fohr, “The Selling Power of Nano, Micro, Mid, Macro, and Mega Macro Influencers”",
    url: Some("https://www.fohr.co/blog/benchmark-statistics-for-2022-influencer-marketing-trends-in-review"),
    year: 2021,
    note: Label::fixed(
        "3.5 million Instagram posts; nano 0–10k, micro 10k–100k, mid 100k–500k, macro 500k–1M, mega 1M+.",
        "3,5 millions de posts Instagram ; nano 0–10k, micro 10k–100k, mid 100k–500k, macro 500k–1M, méga 1M+.",
    ),
};

pub static TRAACKR_2023: Source = Source {
    text: "Traackr creator tiers (2023); same scheme in IAB UK, “Creator tiers”",
    url: Some("https://www.iabuk.com/jargon-buster/creator-tiers"),
    year: 2023,
    note: Label::fixed(
        "Traackr's French post could not be located; IAB UK publishes the same cut-offs.",
        "L'article français de Traackr est introuvable ; l'IAB UK publie les mêmes seuils.",
    ),
};

pub static HYPEAUDITOR_TIERS: Source = Source {
    text: "HypeAuditor influencer size tiers (as used by Influent)",
    url: Some("http://influent.online/blog/How-to-determine-what-creator-will-be-the-best-option-for-you"),
    year: 2023,
    note: Label::fixed(
        "Cut-offs 1k / 5k / 20k / 100k / 1M confirmed; the page with the rookie … celebrity names could not be located.",
        "Seuils 1k / 5k / 20k / 100k / 1M confirmés ; la page aux noms rookie … celebrity est introuvable.",
    ),
};

pub static FEE_CURVE: Source = Source {
    text: "Influencer Marketing Hub rate card; Upfluence, “How much should you pay influencers?”",
    url: Some("https://www.upfluence.com/influencer-marketing/how-much-should-you-pay-influencers-6-factors-to-consider"),
    year: 2021,
    note: Label::fixed(
        "max(floor, rate × followers / 1,000): rate 10 (5…20), i.e. “100 per 10,000”; floor 20 (0…50), the gift even a nano expects.",
        "max(plancher, taux × abonnés / 1 000) : taux 10 (5…20), soit « 100 pour 10 000 » ; plancher 20 (0…50), le cadeau qu'attend même un nano.",
    ),
};

pub static REACH_RATE: Source = Source {
    text: "Stellar, “What is the Estimated Reach of a post?” (assumption calibrated on it)",
    url: Some("https://intercom.help/stellario/en/articles/2844087-what-is-the-estimated-reach-of-a-post"),
    year: 2022,
    note: Label::fixed(
        "An assumption: 25% of followers see a post at 10,000 followers, × (f/10,000)^−0.22, within 2–60%. Stellar: 30% on Twitter/Facebook, up to 48% for engaged accounts.",
        "Une hypothèse : 25 % des abonnés voient un post à 10 000 abonnés, × (f/10 000)^−0,22, entre 2 et 60 %. Stellar : 30 % sur Twitter/Facebook, jusqu'à 48 % pour les comptes engagés.",
    ),
};

pub static ENGAGEMENT_RATE: Source = Source {
    text: "Markerly 2016 via Marketing Dive; HypeAuditor 2023; Influencer Marketing Hub 2021 benchmark",
    url: Some("https://www.marketingdive.com/news/brand-marketers-see-higher-engagement-with-micro-influencers-survey/418109/"),
    year: 2021,
    note: Label::fixed(
        "2.5% at 10,000 followers × (f/10,000)^−0.15. Markerly: ~8% under 1k, 1.66% at 1–10M; HypeAuditor: nano 2.78%; IMH: micro 3.86%, mega 1.21%.",
        "2,5 % à 10 000 abonnés × (f/10 000)^−0,15. Markerly : ~8 % sous 1k, 1,66 % à 1–10M ; HypeAuditor : nano 2,78 % ; IMH : micro 3,86 %, méga 1,21 %.",
    ),
};

pub static SPONSORED_FACTOR: Source = Source {
    text: "Mavrck benchmark via Influencer Marketing Hub; Markerly via ZDNet",
    url: Some("https://influencermarketinghub.com/instagram-influencer-generated-content-infographic/"),
    year: 2018,
    note: Label::fixed(
        "50% of normal engagement (20…100%). The quoted “50–80% less” could not be traced; Mavrck: 13–34% less; Markerly: “nearly identical”.",
        "50 % de l'engagement habituel (20…100 %). Le « 50 à 80 % de moins » cité est introuvable ; Mavrck : 13 à 34 % de moins ; Markerly : « presque identique ».",
    ),
};

pub static REAL_SHARE: Source = Source {
    text: "HypeAuditor 2021 via Campaign Asia; CHEQ & University of Baltimore 2019",
    url: Some("https://www.campaignasia.com/article/more-than-half-of-instagram-influencers-engaged-in-fraud/468989"),
    year: 2021,
    note: Label::fixed(
        "75% real people (55…85%). HypeAuditor: only 55% of Instagram accounts are real people; CHEQ: about a quarter of audited followers fraudulent.",
        "75 % de vraies personnes (55…85 %). HypeAuditor : seuls 55 % des comptes Instagram sont réels ; CHEQ : environ un quart des abonnés audités frauduleux.",
    ),
};

pub static PERSUASION: Source = Source {
    text: "Beichert, Bayerl, Goldenberg & Lanz, “Revenue Generation Through Influencer Marketing”, Journal of Marketing 88(4); Leung et al., “Influencer Marketing Effectiveness”, Journal of Marketing",
    url: Some("https://doi.org/10.1177/00222429231217471"),
    year: 2024,
    note: Label::fixed(
        "0.5% of people reached act at 100,000 followers, × (f/100,000)^−γ, γ = ln 4 / ln 1000: nano 4× macro and 2× micro per person (the trade-press claim). Beichert: small accounts earn far more per follower; Leung: size can help. Hence γ 0…0.35, 0.1–1.5%.",
        "0,5 % des personnes touchées agissent à 100 000 abonnés, × (f/100 000)^−γ, γ = ln 4 / ln 1000 : nano 4× macro et 2× micro par personne (l'affirmation de la presse). Beichert : les petits comptes rapportent bien plus par abonné ; Leung : la taille peut aider. D'où γ 0…0,35, 0,1–1,5 %.",
    ),
};

pub static HOURS: Source = Source {
    text: "tiermix assumption (managed-campaign practice)",
    url: None,
    year: 2026,
    note: Label::fixed(
        "max(1, 12 × (f/1,000,000)^0.2) hours per influencer (× 0.5…1.5). The quoted “12 hours per influencer” could not be traced: use your own.",
        "max(1, 12 × (f/1 000 000)^0,2) heures par influenceur (× 0,5…1,5). Les « 12 heures par influenceur » citées sont introuvables : mettez les vôtres.",
    ),
};

pub static CONCENTRATION: Source = Source {
    text: "Ehrenberg, “The Pattern of Consumer Purchases”, Applied Statistics 8(1) (NBD); Goerg, “Estimating reach curves from one data point”, Google",
    url: Some("https://doi.org/10.2307/2985810"),
    year: 1959,
    note: Label::fixed(
        "An assumption: NBD shape k = 0.5 × (f/1,000)^0.25 (× 0.5…2). Small accounts' followers overlap (low k); large accounts reach broadly (high k).",
        "Une hypothèse : forme NBD k = 0,5 × (f/1 000)^0,25 (× 0,5…2). Les abonnés des petits comptes se recoupent (k faible) ; les grands touchent large (k élevé).",
    ),
};

pub static TYPICAL_FOLLOWERS: Source = Source {
    text: "tiermix convention: geometric mean of the tier's bounds",
    url: None,
    year: 2026,
    note: Label::fixed(
        "The tier's geometric middle (lower bound at least 100; an open top tier spans one decade).",
        "Le milieu géométrique du palier (borne basse d'au moins 100 ; un palier ouvert couvre une décade).",
    ),
};

pub static YOUR_INPUT: Source = Source {
    text: "Your input (tiermix default shown until you change it)",
    url: None,
    year: 2026,
    note: Label::fixed(
        "Only you know this figure: replace the default.",
        "Vous seul connaissez ce chiffre : remplacez la valeur par défaut.",
    ),
};
