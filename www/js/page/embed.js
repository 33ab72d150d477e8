// The Embed dialog: the three ways to put the current scenario in another page. Loaded on the
// first click of "Embed in a page", since few readers ever open it, and built with it, its style
// sheet too. Every snippet is shown as text in a textarea, never inserted as markup.
import { $, el } from "../dom.js";
import { GLOBALS, writeTierValues, writePairs } from "../share.js";
import facts from "../../pkg/facts.js";
import { styleSheet } from "../styles.js";

/** Escapes text for an HTML attribute in a snippet the user will paste elsewhere. */
const attribute = (/** @type {string} */ text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * @param {{ tr: (key: string, values?: Record<string, string>) => string, lang: () => "en" | "fr",
 *   shared: () => Promise<import("../share.js").Shared> }} page `shared` brings the address up to
 *   date and gives the state the link carries.
 */
export function createEmbed(page) {
  /** A `data-i18n` element, so the page's language switch translates it with the rest. */
  const said = (/** @type {string} */ tag, /** @type {string} */ key, /** @type {Record<string, string>} */ attributes = {}) =>
    el(tag, { ...attributes, "data-i18n": key }, [page.tr(key)]);
  const field = (/** @type {string} */ id, /** @type {string} */ key, /** @type {string} */ rows) =>
    el("div", { class: "field" }, [said("label", key, { for: id }), el("textarea", { id, readonly: "", rows })]);
  const close = said("button", "embed.close", { type: "button", id: "embed-close" });
  const dialog = /** @type {HTMLDialogElement} */ (el("dialog", { id: "embed-dialog", class: "embed-dialog", "aria-labelledby": "embed-title" }, [
    said("h2", "embed.title", { id: "embed-title" }),
    said("p", "embed.help", { class: "hint" }),
    field("embed-element", "embed.element", "4"),
    field("embed-iframe", "embed.iframe", "4"),
    field("embed-link", "embed.link", "2"),
    el("div", { class: "actions" }, [close]),
  ]));
  const styled = styleSheet(new URL("../../css/embed-dialog.css", import.meta.url));
  close.addEventListener("click", () => dialog.close());
  $("error").before(dialog);

  async function open() {
    const shared = await page.shared();
    const base = new URL(".", location.href).href;
    const overrides = writeTierValues(shared.overrides);
    const limits = writeTierValues(shared.limits);
    const goal = shared.goal ?? facts.defaults.goal.objective;
    // Each setting the link would carry, under the link's names: only those the scenario uses.
    const settings = {
      budget: String(shared.budget ?? ""),
      currency: shared.currency ?? facts.defaults.currency,
      scheme: shared.scheme ?? facts.defaults.scheme,
      ...(shared.minimums ? { tiers: writePairs(shared.minimums) } : {}),
      mix: writePairs(shared.shares ?? {}),
      goal,
      ...(goal === "blend" && shared.lambda !== undefined ? { lambda: String(shared.lambda) } : {}),
      ...(shared.maxHours === undefined ? {} : { hours: String(shared.maxHours) }),
      ...(limits ? { limits } : {}),
      lang: page.lang(),
      // The campaign's other figures and the assumptions, only those changed.
      ...Object.fromEntries([...GLOBALS].flatMap(([name, id]) => (shared.globals?.[id] === undefined ? [] : [[name, String(shared.globals[id])]]))),
      ...(overrides ? { overrides } : {}),
    };
    const attributes = Object.entries(settings).map(([k, v]) => `${k}="${attribute(v)}"`).join(" ");
    const query = new URLSearchParams(settings).toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
    /** @type {HTMLTextAreaElement} */ ($("embed-element")).value =
      `<script type="module" src="${attribute(`${base}tier-mix.js`)}"></script>\n<tier-mix ${attributes}>\n  <a href="${attribute(location.href)}">${page.tr("widget.open")}</a>\n</tier-mix>`;
    /** @type {HTMLTextAreaElement} */ ($("embed-iframe")).value =
      `<iframe class="tiermix" title="tiermix" sandbox="allow-scripts allow-popups" style="width:100%;height:680px;border:0"\n  src="${attribute(`${base}embed.html?${query}`)}"></iframe>\n` +
      // Optional: sizes the frame to its content (on a phone the calculator is taller than 680 px).
      `<script src="${attribute(`${base}resize.js`)}" defer></script>`;
    /** @type {HTMLTextAreaElement} */ ($("embed-link")).value = location.href;
    await styled;
    dialog.showModal();
  }

  return { open };
}
