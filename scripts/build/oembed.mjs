// Writes www/oembed.json, the static oEmbed answer for the calculator, for the address it will
// be published at (PUBLIC_URL, default the local `make serve` address). Consumers that find the
// discovery <link> in the pages get an iframe of embed.html. Its markup follows WordPress's
// embed conventions (class wp-embedded-content, a blockquote fallback) so that WordPress, which
// keeps only such iframes from sites it does not know, embeds it and sizes it through the
// "#?secret=" protocol embed.html speaks.
import { writeFileSync } from "node:fs";

const base = new URL(process.env.PUBLIC_URL || "http://127.0.0.1:8080/");
if (!base.pathname.endsWith("/")) base.pathname += "/";
const escape = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const calculator = base.href;
const embed = new URL("embed.html", base).href;
const title = "tiermix — nano, micro or macro influencers?";
const answer = {
  version: "1.0",
  type: "rich",
  provider_name: "tiermix",
  provider_url: calculator,
  title,
  // The widest the calculator lays itself out; the frame itself takes its column's width
  // (width="100%", which WordPress keeps), from a phone to a wide theme, and its height from
  // the frame's own report.
  width: 720,
  height: 680,
  html:
    `<blockquote class="wp-embedded-content"><a href="${escape(calculator)}">${escape(title)}</a></blockquote>` +
    `<iframe class="wp-embedded-content" sandbox="allow-scripts allow-popups" security="restricted" title="${escape(title)}" ` +
    `src="${escape(embed)}" width="100%" height="680" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`,
};
writeFileSync(new URL("../../www/oembed.json", import.meta.url), `${JSON.stringify(answer, null, 2)}\n`);
console.log(`www/oembed.json written for ${calculator}`);
