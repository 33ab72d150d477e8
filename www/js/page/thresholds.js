// "Edit tier thresholds": a minimum follower count per tier, read back as the reader's own tiers.
// Its fields sit in a collapsed panel, so app.js loads this module when the panel first opens or
// a link brings edited thresholds.
import { $, el } from "../dom.js";

/** @param {import("./types.js").Page} page @param {() => void} changed the tiers in use changed */
export function createThresholds(page, changed) {
  const { state, tr, label } = page;

  function build() {
    const fields = page.tiers().map((tier, index) =>
      el("div", { class: "field" }, [
        el("label", { for: `min-${tier.id}` }, [tr("thresholds.min", { tier: label(tier) })]),
        el("input", { type: "number", id: `min-${tier.id}`, min: "0", step: "1", inputmode: "numeric",
          value: String(tier.minFollowers), "data-index": String(index), "data-field": `scheme.tiers[${index}].minFollowers` }),
      ]));
    $("threshold-fields").replaceChildren(...fields);
    $("thresholds-status").hidden = state.customTiers === null;
  }

  function read() {
    const base = page.preset().tiers;
    const edited = base.map((/** @type {import("./types.js").Tier} */ tier) => {
      const input = /** @type {HTMLInputElement} */ ($(`min-${tier.id}`));
      return { id: tier.id, label: tier.label, minFollowers: input.value === "" ? NaN : input.valueAsNumber };
    });
    const same = edited.every((/** @type {import("./types.js").Tier} */ tier, /** @type {number} */ i) => tier.minFollowers === base[i].minFollowers);
    state.customTiers = same ? null : edited;
    $("thresholds-status").hidden = same;
  }

  $("threshold-fields").addEventListener("input", () => { read(); changed(); });
  $("thresholds-reset").addEventListener("click", () => {
    state.customTiers = null;
    build();
    changed();
  });

  return { build };
}
