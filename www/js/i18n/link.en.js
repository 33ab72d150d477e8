// @ts-check
// The sentences of the link and the Embed dialog in English, loaded with them (i18n.js).
export default {
  "embed.title": "Put this scenario in a page",
  "embed.help": "The element and the iframe carry the budget, scheme, mix, goal and language; the link carries everything, thresholds and assumptions included.",
  "embed.element": "The element (one script, one tag)",
  "embed.iframe": "The iframe (for editors without scripts; the optional script line fits its height)",
  "embed.link": "The link",
  "embed.close": "Close",
  "share.copied": "Link copied: it reopens this exact scenario.",
  "share.manual": "Copy this link: {url}",
  "share.rejected": "Some parts of the link could not be used and were left at their defaults: {fields}.",
};
