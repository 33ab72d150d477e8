// The iframe embed: reads the calculator's settings from its own address and tells the page
// around it how tall it is, in tiermix's own message and in WordPress's embed protocol. It uses
// no storage and never navigates the top page by itself, so it works in sandbox="allow-scripts".
import "../tier-mix.js";
import { GLOBALS } from "./share.js";

// The element's attributes, which are also a share link's names, so `embed.html?` followed by a
// link's fragment shows that link's scenario. The link calls the overrides `o`.
const SETTINGS = ["budget", "currency", "scheme", "tiers", "mix", "goal", "lambda", "hours", "limits", "lang", "theme", "compact", "overrides",
  ...GLOBALS.keys()];
const LINK_NAMES = new Map([["o", "overrides"]]);

const element = /** @type {HTMLElement} */ (document.querySelector("tier-mix"));
const params = new URLSearchParams(location.search);
for (const [short, name] of LINK_NAMES) if (!params.has(name) && params.has(short)) params.set(name, params.get(short) ?? "");
for (const name of SETTINGS) {
  const value = params.get(name);
  // Attributes take text only: nothing from the address is ever parsed as HTML.
  if (value !== null) element.setAttribute(name, value.slice(0, 2000));
}

// WordPress appends "#?secret=…" to an embed's address and listens for its height under it.
// Its secrets are 10 letters and digits (wp_generate_password(10, false)); anything else is
// not WordPress, and is never echoed to the page around the frame.
const hashSecret = new URLSearchParams(location.hash.replace(/^#\??/, "")).get("secret");
const secret = hashSecret !== null && /^[A-Za-z0-9]{10}$/.test(hashSecret) ? hashSecret : null;

// The link to the full calculator opens in the reader's page, never inside this small frame:
// in a WordPress embed through WordPress's own "link" message (its script navigates the page);
// elsewhere at the top, or in a new tab when the frame's sandbox (an opaque origin) may not
// navigate the page around it.
element.shadowRoot?.addEventListener("click", (event) => {
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
  if (!(link instanceof HTMLAnchorElement)) return;
  if (secret) {
    event.preventDefault();
    parent.postMessage({ secret, message: "link", value: link.href }, "*");
    return;
  }
  link.target = self.origin === "null" ? "_blank" : "_top";
  link.rel = "noopener";
});

let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  // Only a number leaves the frame, so any parent may receive it.
  parent.postMessage({ type: "tiermix-height", height }, "*");
  if (secret) parent.postMessage({ secret, message: "height", value: height }, "*");
}
new ResizeObserver(report).observe(document.documentElement);
// WordPress's script says "ready" when it loads after the frame: the height is sent again.
addEventListener("message", (event) => {
  if (secret && event.source === parent && event.data?.message === "ready" && event.data.secret === secret) {
    last = 0;
    report();
  }
});
element.addEventListener("tiermix-change", report);
