// The "Your candidates" tab, loaded with its sentences and styles when first opened: most visitors
// never open it.
import { METRICS } from "../engine.js";
import { styleSheet } from "../styles.js";

/** The outcomes the roster's comparison shows, of the mix's. */
const ROSTER_METRICS = ["influencers", "spend", "reach", "engagements", "conversions", "costPerConversion", "workloadHours"];

/**
 * @param {Page} page
 * @param {(part: "roster") => Promise<void>} addSentences loads a view's sentences, now and with every language
 */
export function createCandidates(page, addSentences) {
  const { state, tr, label } = page;
  /** @type {ReturnType<typeof import("../roster.js").createRoster> | null} */
  let roster = null;

  async function load() {
    if (roster) return;
    const [{ createRoster }] = await Promise.all([import("../roster.js"), addSentences("roster"),
      styleSheet(new URL("../../css/roster.css", import.meta.url))]);
    roster ??= createRoster({
      tr,
      fmt: page.fmt,
      lang: () => state.lang,
      scenario: () => page.input,
      tierLabel: (/** @type {string} */ id) => {
        const tier = page.tiers().find((t) => t.id === id);
        return tier ? label(tier) : id;
      },
      bestTierMix: () => page.comparison?.mixes.find((m) => m.kind === "optimum") ?? null,
      metrics: /** @type {Metric[]} */ (METRICS.filter(([key]) => ROSTER_METRICS.includes(key))),
      formatMetric: page.formatMetric,
    });
    // Built and styled: the panel shows (roster.css).
    document.getElementById("panel-roster")?.removeAttribute("aria-busy");
  }

  return {
    load,
    /** Inputs changed: the candidates tab picks again, if it is loaded. */
    changed: () => roster?.changed(),
    translate: () => roster?.translate(),
  };
}
