// @ts-check
// The widget's own sentences in English (tier-mix.js loads them with the page's): the page never
// shows them. Its link to the calculator is a page sentence, since the Embed dialog writes it too.
export default {
  "widget.title": "Nano, micro or macro? Your budget in reach and persuasion",
  "widget.caption": "Your mix and the best mix for the goal",
  "widget.rejected": "Some settings of this calculator could not be used and were left at their defaults: {fields}.",
  "widget.bought.one": "{share} · {count} influencer",
  "widget.bought.other": "{share} · {count} influencers",
};
