// "Limits per tier": the fewest and most influencers and the most money per tier, which the best
// mix and "Complete my mix" keep (the engine's goal.limits). Its fields sit in a collapsed panel,
// so app.js loads this module when the panel first opens or a link brings limits.
import { $, el } from "../dom.js";

/** The limits the page edits, by the engine's names. */
const LIMITS = /** @type {const} */ (["minCount", "maxCount", "maxSpend"]);

/** @param {import("./types.js").Page} page */
export function createLimits(page) {
  const { state, tr, label } = page;

  function build() {
    $("limit-fields").replaceChildren(el("p", { class: "hint" }, [tr("limits.help")]), ...page.tiers().map((tier) =>
      el("fieldset", { class: "assumption" }, [
        el("legend", {}, [label(tier)]),
        el("div", { class: "assumption-tiers" }, LIMITS.map((limit) => {
          const id = `limit-${tier.id}-${limit}`;
          const value = state.limits[tier.id]?.[limit];
          return el("div", { class: "field" }, [
            el("label", { for: id }, [tr(`limits.${limit}`)]),
            el("input", { type: "number", id, min: "0", step: limit === "maxSpend" ? "any" : "1", inputmode: "decimal",
              value: value === undefined ? "" : String(value), "data-tier": tier.id, "data-limit": limit,
              "data-field": `goal.limits.${tier.id}.${limit}` }),
          ]);
        })),
      ])));
  }

  $("limit-fields").addEventListener("input", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const tier = input.dataset.tier ?? "";
    const limit = /** @type {keyof import("../../pkg/calculator.js").TierLimits} */ (input.dataset.limit);
    const own = (state.limits[tier] ??= {});
    // Empty: no limit. A value the engine refuses is sent as typed, so the error names it.
    if (input.value === "") delete own[limit];
    else own[limit] = input.valueAsNumber;
    if (Object.keys(own).length === 0) delete state.limits[tier];
    page.recompute();
  });

  return { build };
}
