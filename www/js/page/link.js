// The scenario's link: reading a shared link into the page's state, and the state the page's
// link carries. Loaded only when the page first has a link to read or write (a link opened, the
// first change, a copy, the Embed dialog), so a page opened without one never waits for it;
// with it, keeping the address on the scenario, "Copy a link" and the Embed dialog (embed.js,
// loaded on its first opening). Nothing from a link is ever inserted as HTML.
import { $, setText } from "../dom.js";
import facts from "../../pkg/facts.js";
import { errorField } from "../engine.js";
import { pickLang } from "../i18n.js";
import { PAGE_GOALS, fractions, quoted, readFragment, writeFragment, writePairs } from "../share.js";

/** @param {import("./types.js").Page} page */
export function createLink(page) {
  const { state, tr, tiers } = page;

  /** The state as the link carries it. @returns {import("../share.js").Shared} */
  function current() {
    const budget = /** @type {HTMLInputElement} */ ($("budget")).valueAsNumber;
    return {
      lang: state.lang,
      budget: Number.isFinite(budget) ? budget : undefined,
      currency: /** @type {HTMLSelectElement} */ ($("currency")).value,
      scheme: state.schemeId,
      minimums: state.customTiers ? Object.fromEntries(state.customTiers.map((t) => [t.id, t.minFollowers])) : undefined,
      shares: Object.fromEntries(tiers().map((t) => [t.id, Math.round((state.shares[t.id] ?? 0) * 100) / 100])),
      goal: state.goal.objective,
      lambda: state.goal.lambda,
      maxHours: Number.isNaN(state.maxHours) ? undefined : state.maxHours,
      globals: state.globals,
      overrides: state.overrides,
      limits: /** @type {Record<string, Record<string, number>>} */ (state.limits),
    };
  }

  /**
   * Applies a link's scenario, then asks the engine about it: every field the engine refuses is
   * put back to its default and named to the user, one at a time, until the scenario is valid.
   */
  function apply(/** @type {ReturnType<typeof readFragment>} */ { shared, rejected }) {
    const presets = page.presets;
    if (shared.lang) state.lang = pickLang(shared.lang);
    if (shared.budget !== undefined) /** @type {HTMLInputElement} */ ($("budget")).value = String(shared.budget);
    const currency = /** @type {HTMLSelectElement} */ ($("currency"));
    if (shared.currency && [...currency.options].some((o) => o.value === shared.currency)) currency.value = shared.currency;
    else if (shared.currency) rejected.push(quoted(`currency=${shared.currency}`));
    const preset = presets.find((p) => p.id === shared.scheme);
    if (preset) state.schemeId = preset.id;
    else if (shared.scheme) rejected.push(quoted(`scheme=${shared.scheme}`));
    page.evenShares();
    if (shared.minimums) {
      const minimums = shared.minimums;
      /** @type {import("./types.js").Tier[]} */
      const base = page.preset().tiers;
      if (Object.keys(minimums).every((id) => base.some((t) => t.id === id))) {
        state.customTiers = base.map((t) => ({ id: t.id, label: t.label, minFollowers: minimums[t.id] ?? t.minFollowers }));
      } else {
        rejected.push(quoted(`tiers=${writePairs(minimums)}`));
      }
    }
    // The engine sees the link's mix as written: a tier the scheme lacks is refused by name.
    const linkedShares = shared.shares;
    let linkedMix = linkedShares ? fractions(linkedShares) : null;
    if (linkedShares) state.shares = Object.fromEntries(tiers().map((t) => [t.id, linkedShares[t.id] ?? 0]));
    // Checked against the page's goals below.
    if (shared.goal) state.goal.objective = /** @type {Objective} */ (shared.goal);
    if (shared.lambda !== undefined) state.goal.lambda = shared.lambda;
    if (shared.maxHours !== undefined) state.maxHours = shared.maxHours;
    // Copies as plain objects (the link's have no prototype), under the keys the link passed.
    if (shared.globals) state.globals = { ...shared.globals };
    if (shared.overrides) state.overrides = structuredClone(shared.overrides);
    if (shared.limits) state.limits = structuredClone(shared.limits);
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        const input = page.readScenario();
        page.engine.compare(linkedMix ? { ...input, mix: { shares: linkedMix } } : input);
        break;
      } catch (error) {
        const field = errorField(error);
        if (!dropField(field)) break;
        if (field.startsWith("mix")) linkedMix = null;
        rejected.push(quoted(field));
      }
    }
    if (!PAGE_GOALS.some((goal) => goal === state.goal.objective)) {
      rejected.push(quoted(`goal=${state.goal.objective}`));
      state.goal.objective = facts.defaults.goal.objective;
    }
    const radio = /** @type {HTMLInputElement | null} */ (document.querySelector(`input[name="goal"][value="${state.goal.objective}"]`));
    if (radio) radio.checked = true;
    $("lambda-field").hidden = state.goal.objective !== "blend";
    /** @type {HTMLInputElement} */ ($("lambda")).value = String(Math.round(state.goal.lambda * 100));
    /** @type {HTMLInputElement} */ ($("max-hours")).value = Number.isNaN(state.maxHours) ? "" : String(state.maxHours);
    if (rejected.length) setText($("share-status"), tr("share.rejected", { fields: refusedList(rejected) }));
  }

  /** The refused parts, quoted in the reader's language; a flood is cut short. */
  function refusedList(/** @type {string[]} */ parts) {
    const unique = [...new Set(parts)];
    return unique.slice(0, 12).map((part) => `${tr("quote.open")}${part}${tr("quote.close")}`).join(", ") + (unique.length > 12 ? ", …" : "");
  }

  /** Puts the part of the state behind an engine field path back to its default. */
  function dropField(/** @type {string} */ field) {
    const [head, second, third] = field.split(".");
    const budget = /** @type {HTMLInputElement} */ ($("budget"));
    if (head === "budget") budget.value = budget.defaultValue;
    else if (head === "currency") /** @type {HTMLSelectElement} */ ($("currency")).selectedIndex = 0;
    else if (head.startsWith("scheme")) state.customTiers = null;
    else if (head === "mix") page.evenShares();
    else if (head === "goal" && second === "limits") {
      // goal.limits.micro.maxCount drops that limit, goal.limits.micro the tier's, goal.limits all of them.
      const [, , , limit] = field.split(".");
      if (third && limit) delete state.limits[third]?.[/** @type {keyof import("../../pkg/calculator.js").TierLimits} */ (limit)];
      if (third && (!limit || Object.keys(state.limits[third] ?? {}).length === 0)) delete state.limits[third];
      if (!third) state.limits = {};
    } else if (head === "goal") {
      state.goal = { ...facts.defaults.goal };
      state.maxHours = NaN;
    } else if (head === "overrides" && second && third) delete state.overrides[second]?.[third.replace(/\W.*$/, "")];
    else if (head === "overrides" && second) delete state.overrides[second.replace(/\s.*$/, "")];
    else if (head === "overrides") state.overrides = {};
    else if (Object.hasOwn(state.globals, head)) delete state.globals[head];
    else return false;
    return true;
  }

  let timer = 0;
  /** @type {ReturnType<typeof import("./embed.js").createEmbed> | undefined} */
  let embed;

  function write() {
    clearTimeout(timer);
    timer = 0;
    history.replaceState(null, "", `#${writeFragment(current())}`);
  }

  /** Writes a link still waiting for the pause, before it is read or the page is left. */
  function flush() {
    if (timer) write();
  }

  return {
    read: (/** @type {string} */ hash) => readFragment(hash),
    apply,
    /**
     * Keeps the address bar's link on the scenario once typing pauses: history.replaceState
     * took a fifth of each keystroke's work, and browsers throttle pages that call it too often.
     */
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(write, 250);
    },
    flush,
    async copy() {
      flush();
      try {
        await navigator.clipboard.writeText(location.href);
        setText($("share-status"), tr("share.copied"));
      } catch {
        setText($("share-status"), tr("share.manual", { url: location.href }));
      }
    },
    async openEmbed() {
      const { createEmbed } = await import("./embed.js");
      embed ??= createEmbed({
        tr,
        lang: () => state.lang,
        shared: async () => {
          flush();
          return current();
        },
      });
      await embed.open();
    },
  };
}
