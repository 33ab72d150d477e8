// @ts-check
// The Embed dialog: the three ways to put the current scenario in another page. Loaded on the
// first click of "Embed in a page", since few readers ever open it. Every snippet is shown as
// text in a textarea, never inserted as markup.
import { $ } from "../dom.js";

/** Escapes text for an HTML attribute in a snippet the user will paste elsewhere. */
const attribute = (/** @type {string} */ text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * @param {{ tr: (key: string, values?: Record<string, string>) => string, lang: () => "en" | "fr",
 *   shared: () => Promise<import("../share.js").Shared> }} page `shared` brings the address up to
 *   date and gives the state the link carries.
 */
export function createEmbed(page) {
  const dialog = /** @type {HTMLDialogElement} */ ($("embed-dialog"));
  $("embed-close").addEventListener("click", () => dialog.close());

  async function open() {
    const shared = await page.shared();
    const base = new URL(".", location.href).href;
    const settings = {
      budget: String(shared.budget ?? ""),
      currency: shared.currency ?? "EUR",
      scheme: shared.scheme ?? "fr2018",
      mix: Object.entries(shared.shares ?? {}).map(([id, v]) => `${id}:${v}`).join(","),
      goal: shared.goal ?? "conversions",
      lang: page.lang(),
    };
    const attributes = Object.entries(settings).map(([k, v]) => `${k}="${attribute(v)}"`).join(" ");
    const query = new URLSearchParams(settings).toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
    /** @type {HTMLTextAreaElement} */ ($("embed-element")).value =
      `<script type="module" src="${attribute(`${base}tier-mix.js`)}"></script>\n<tier-mix ${attributes}>\n  <a href="${attribute(location.href)}">${page.tr("widget.open")}</a>\n</tier-mix>`;
    /** @type {HTMLTextAreaElement} */ ($("embed-iframe")).value =
      `<iframe class="tiermix" title="tiermix" sandbox="allow-scripts allow-popups" style="width:100%;height:640px;border:0"\n  src="${attribute(`${base}embed.html?${query}`)}"></iframe>`;
    /** @type {HTMLTextAreaElement} */ ($("embed-link")).value = location.href;
    dialog.showModal();
  }

  return { open };
}
