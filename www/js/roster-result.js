// The candidates tab's markup, its inputs and its results (hidden until a roster is read): built
// with the tab's code rather than sent with every page, since most visitors never open it.
import { el } from "./dom.js";

/** A `data-i18n` element, so the page's language switch translates it with the rest. */
const said = (/** @type {string} */ tag, /** @type {string} */ key, /** @type {import("./page/types.js").Translate} */ tr,
  /** @type {Record<string, string>} */ attributes = {}) => el(tag, { ...attributes, "data-i18n": key }, [tr(key)]);

const scrollingTable = (/** @type {string} */ id, /** @type {string} */ className, /** @type {Node} */ caption) =>
  el("div", { class: "table-scroll", role: "region", "aria-labelledby": `${id}-caption`, tabindex: "0" }, [
    el("table", { id, class: className }, [caption, el("thead"), el("tbody")]),
  ]);

/** The tab's heading and its ways in: the sample, a file, a pasted or dropped table. @param {import("./page/types.js").Translate} tr */
export function rosterInput(tr) {
  return [
    said("h2", "roster.heading", tr, { id: "roster-heading" }),
    said("p", "roster.help", tr, { class: "hint" }),
    el("div", { class: "roster-input" }, [
      el("div", { class: "actions" }, [
        said("button", "roster.sample", tr, { type: "button", id: "roster-sample" }),
        el("label", { class: "file-button" }, [
          said("span", "roster.file", tr),
          el("input", { id: "roster-file", type: "file", accept: ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" }),
        ]),
      ]),
      el("div", { class: "field roster-drop", id: "roster-drop" }, [
        said("label", "roster.paste", tr, { for: "roster-text" }),
        el("textarea", { id: "roster-text", rows: "5", spellcheck: "false", autocomplete: "off" }),
      ]),
      el("div", { class: "actions" }, [
        said("button", "roster.read", tr, { type: "button", id: "roster-read" }),
        said("button", "roster.clear", tr, { type: "button", id: "roster-clear" }),
      ]),
      el("progress", { id: "roster-progress", max: "1", value: "0", hidden: "", "aria-labelledby": "roster-status" }),
      el("p", { id: "roster-status", class: "hint", role: "status" }),
    ]),
  ];
}

/** `#roster-result`, as the tab's code expects to find it. @param {import("./page/types.js").Translate} tr */
export function rosterResult(tr) {
  const filter = (/** @type {string} */ id, /** @type {string} */ key) =>
    el("div", { class: "field" }, [said("label", key, tr, { for: id }), el("select", { id })]);
  return el("div", { id: "roster-result", hidden: "" }, [
    el("ul", { id: "roster-notes", class: "hint" }),
    el("details", { id: "roster-errors", class: "roster-errors", hidden: "" }, [
      said("summary", "roster.errorsHeading", tr),
      el("ol", { id: "roster-error-list" }),
    ]),
    said("h3", "roster.pickHeading", tr, { id: "roster-pick-heading" }),
    el("p", { id: "roster-pick-summary", "aria-live": "polite" }),
    el("p", { id: "roster-pick-proof", class: "hint" }),
    scrollingTable("roster-compare", "numbers", said("caption", "roster.compareCaption", tr, { id: "roster-compare-caption" })),
    el("div", { class: "roster-filters fields" }, [filter("roster-filter-tier", "roster.filterTier"), filter("roster-filter-flag", "roster.filterFlag")]),
    scrollingTable("roster-table", "numbers roster-table", said("caption", "roster.tableCaption", tr, { id: "roster-table-caption" })),
    el("p", { id: "roster-showing", class: "hint", "aria-live": "polite" }),
    said("button", "roster.more", tr, { type: "button", id: "roster-more", hidden: "" }),
    el("div", { class: "actions roster-export", role: "group", "aria-labelledby": "roster-export-label" }, [
      said("span", "roster.export", tr, { id: "roster-export-label" }),
      said("button", "roster.exportTable", tr, { type: "button", id: "roster-export-table" }),
      said("button", "roster.exportChoice", tr, { type: "button", id: "roster-export-choice" }),
      said("button", "roster.exportJson", tr, { type: "button", id: "roster-export-json" }),
    ]),
  ]);
}
