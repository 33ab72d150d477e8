// @ts-check
// The sentences of "Limits per tier", the benchmarks and "Complete my mix" in English, loaded
// with them (i18n.js).
export default {
  "limits.help": "Leave a field empty for no limit. The best mix and Complete my mix keep these limits.",
  "limits.minCount": "At least (influencers)",
  "limits.maxCount": "At most (influencers)",
  "limits.maxSpend": "At most (spend)",
  "complete.added": "Completed: {changes}.",
  "complete.same": "Nothing more fits your goal and limits.",
  "benchmarks.help": "Creators' fees alone (without your team's time) per 1,000 views, as platforms count views (every follower who sees a post), and per engagement, beside published ranges for Instagram. The per-size cost-per-1,000 ranges come from secondary blog compilations whose methods are not shown; cost per engagement is published for all sizes together. Ranges are in {currency} as published, not converted into your currency.",
  "benchmarks.caption": "Your fees per 1,000 views and per engagement against published ranges",
  "benchmarks.size": "Size (typical account)",
  "benchmarks.band": "{followers} followers: {band}",
  "benchmarks.cpm": "Your fees per 1,000 views",
  "benchmarks.cpmRange": "Published range for this size",
  "benchmarks.cpe": "Your fees per engagement",
  "benchmarks.cpeRange": "Published range, all sizes",
  "benchmarks.range": "{low} – {high}",
  "benchmarks.below": "below the range",
  "benchmarks.above": "above the range",
  "benchmarks.within": "within the range",
  "benchmarks.nano": "Nano (under 10k)",
  "benchmarks.micro": "Micro (10k–100k)",
  "benchmarks.mid": "Mid (100k–500k)",
  "benchmarks.macro": "Macro (500k–1M)",
  "benchmarks.mega": "Mega (1M and more)",
};
