// "How sure are we?": the simulation's bands and "beats" sentences, the sensitivity chart, how
// robust the best mix is and what would have to be true for another mix to win. The engine
// computes all of it in a worker once the inputs settle; this module chooses, orders and words.
import { $, el, fillTable, setText } from "../dom.js";
import { drawTornado } from "../chart.js";
import facts from "../../pkg/facts.js";
import { unitOf } from "../engine.js";

/**
 * The assumptions a switching value is worded for, in the order a planner weighs them first:
 * among equally decisive values (several scale the same tier's reach alike), the first wins.
 */
const FAMILIES = ["fee", "hours", "audienceFit", "persuasionGamma", "persuasion", "reachRate", "realShare", "delivery",
  "hourlyCost", "conversionValue", "engagementRate", "sponsoredFactor", "concentration"];
/** At most this many "what would have to be true" sentences: the most decisive ones. */
const MOST = 4;

/**
 * @param {Page} page
 * @param {() => void} bandsChanged the bands for the inputs on screen came or went
 */
export function createCertainty(page, bandsChanged) {
  const { tr, label } = page;
  /** @type {EngineWorker | null} */
  let simulator = null;
  let timer = 0;
  /** The latest simulation. @type {SimulationRun | null} */
  let last = null;

  const current = () => (last && last.key === page.inputKey ? last : null);

  const done = (/** @type {number} */ draws) => setText($("certainty-status"), tr("certainty.done", { draws: page.fmt().count(draws) }));

  /** The inputs a drawing after the next paint is for, or null when none is pending. @type {string | null} */
  let following = null;

  /**
   * Follows new inputs at once: what belongs to other inputs goes in the keystroke's own task.
   * A simulation already run for them (a figure typed back) is drawn once the frame with the new
   * numbers is painted, so that frame carries only what the reader is looking at, and keys typed
   * in a burst draw it once, for the last inputs.
   */
  function follow() {
    schedule();
    if (!current()) return clear();
    const pending = following !== null;
    following = page.inputKey;
    if (!pending) requestAnimationFrame(() => setTimeout(() => {
      const key = following;
      following = null;
      if (key === page.inputKey) render();
    }));
  }

  function clear() {
    following = null;
    // Each keystroke lands here until the simulation answers: what is already empty stays untouched.
    for (const id of ["certainty-sentences", "tornado", "robust", "robust-sentences", "switch-sentences"]) {
      if ($(id).firstChild) $(id).replaceChildren();
    }
    for (const id of ["tornado-table", "robust-table"]) fillTable($(id), "", [], []);
  }

  function receive(/** @type {EngineAnswer | null} */ answer) {
    // None: a simulation for newer inputs replaced this one.
    if (!answer) return;
    if (answer.error) {
      // No bands rather than wrong ones: say so and clear what belonged to older inputs.
      last = null;
      setText($("certainty-status"), tr("certainty.failed"));
      clear();
      bandsChanged();
      return;
    }
    const [simulation, swings, switches] = /** @type {[Simulation, Swing[], Switch[]]} */ (answer.results);
    last = { key: answer.key, simulation, swings, switches };
    done(simulation.draws);
    bandsChanged();
    render();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const sim = current();
      if (sim) {
        done(sim.simulation.draws);
        return;
      }
      setText($("certainty-status"), tr("certainty.running", { draws: page.fmt().count(facts.simulation.draws) }));
      const input = page.input;
      // Started only now, after the first result, with the module the page already compiled.
      simulator ??= page.engineWorker();
      simulator(page.inputKey, [["simulate", [input, facts.simulation]], ["sensitivity", [input]], ["switchingValues", [input]]])
        .then(receive);
    }, 250);
  }

  /** A tier's name, by id. */
  const tierName = (/** @type {string | null} */ id) => {
    const tier = page.tiers().find((t) => t.id === id);
    return tier ? label(tier) : "";
  };

  /** A live region's items, replaced only when the words change. */
  function fillList(/** @type {string} */ id, /** @type {string[]} */ sentences) {
    const list = $(id);
    if ([...list.children].map((li) => li.textContent).join("|") !== sentences.join("|")) {
      list.replaceChildren(...sentences.map((text) => el("li", {}, [text])));
    }
  }

  function render() {
    const sim = current();
    const comparison = page.comparison;
    // Without the optimum (calculator.js still loading), its sentences wait for it.
    if (!sim || !comparison || !comparison.mixes.some((m) => m.kind === "optimum")) {
      clear();
      return;
    }
    const f = page.fmt();
    const mixes = comparison.mixes;
    const { goal: beats, measure } = sim.simulation.beats;
    const on = tr(`measure.${measure}`);
    const plan = (/** @type {Outcome} */ m) => m.tiers.map((t) => t.influencers).join(",");
    const mine = mixes.findIndex((m) => m.kind === "mix");
    const best = mixes.findIndex((m) => m.kind === "optimum");
    // The best mix by the single-tier mix it is, when it is one: "Micro only", not "Best for…".
    const bestName = label(mixes.find((m) => m.kind === "single" && plan(m) === plan(mixes[best])) ?? mixes[best]);

    const sentence = (/** @type {number} */ i, /** @type {number} */ j) =>
      tr("certainty.beats", { first: label(mixes[i]), second: label(mixes[j]), measure: on, share: f.share(beats[i][j]) });
    const singles = mixes.flatMap((m, i) => (m.kind === "single" ? [i] : []))
      .sort((a, b) => sim.simulation.mixes[b].goal.p50 - sim.simulation.mixes[a].goal.p50);
    const sentences = [];
    if (singles.length > 1) sentences.push(sentence(singles[0], singles[1]));
    if (plan(mixes[mine]) !== plan(mixes[best])) sentences.push(sentence(best, mine));
    fillList("certainty-sentences", sentences);

    const kind = measure === "netValue" ? "money" : measure === "blend" ? "number" : "count";
    // The centre: your mix with every assumption typical, as the engine measures it for the goal.
    const typical = sim.swings[0]?.typical.goal;
    const rows = sim.swings
      .map((w) => ({ label: tr(`q.${w.quantity}`), low: w.low.goal, high: w.high.goal }))
      .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))
      .map((r) => ({ ...r, lowText: page.formatMetric(kind, r.low), highText: page.formatMetric(kind, r.high) }));
    drawTornado(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("tornado"))), {
      title: tr("tornado.title", { measure: on }),
      description: tr("tornado.desc", { items: rows.map((r) => tr("tornado.item", { quantity: r.label, low: r.lowText, high: r.highText })).join("; ") }),
      width: page.chartWidth,
      centre: typical,
      rows,
    });
    fillTable($("tornado-table"), tr("tornado.caption", { measure: on }), [tr("tornado.assumption"), tr("tornado.low"), tr("tornado.high")],
      rows.map((r) => [r.label, r.lowText, r.highText]));

    renderRobustness(sim.simulation.robustness, bestName);
    fillList("switch-sentences", switchSentences(sim.switches, bestName, on));
  }

  /** How the best plan changes when re-planned world by world: one sentence, a chart and its table. */
  function renderRobustness(/** @type {Robustness} */ robust, /** @type {string} */ bestName) {
    const f = page.fmt();
    const leaders = robust.tiers.filter((t) => t.leading > 0).sort((a, b) => b.leading - a.leading);
    const top = leaders[0] ?? robust.tiers[0];
    const kept = robust.best.find((b) => b.kind === "optimum")?.share ?? 0;
    fillList("robust-sentences", top ? [
      tr("robust.plan", { worlds: f.count(robust.worlds), low: f.share(top.p10), high: f.share(top.p90), tier: tierName(top.tier),
        share: f.share(top.leading), others: leaders.slice(1).map((t) => tr("robust.other", { tier: tierName(t.tier), share: f.share(t.leading) })).join("") }),
      tr("robust.kept", { label: bestName, share: f.share(kept) }),
    ] : []);
    const rows = robust.tiers.map((t) => ({ label: tierName(t.tier), low: t.p10, high: t.p90, mark: t.p50, lowText: f.share(t.p10), highText: f.share(t.p90) }));
    drawTornado(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("robust"))), {
      title: tr("robust.title"),
      description: tr("robust.desc", { items: robust.tiers.map((t) => tr("robust.item", { tier: tierName(t.tier), low: f.share(t.p10),
        median: f.share(t.p50), high: f.share(t.p90) })).join("; ") }),
      width: page.chartWidth,
      min: 0,
      max: 1,
      rows,
    });
    fillTable($("robust-table"), tr("robust.title"), [tr("results.tier"), tr("robust.low"), tr("robust.median"), tr("robust.high"), tr("robust.leads")],
      robust.tiers.map((t) => [tierName(t.tier), f.share(t.p10), f.share(t.p50), f.share(t.p90), f.share(t.leading)]));
  }

  /**
   * The most decisive switching values, worded: those nearest the typical value (by ratio, to
   * 1%), at most one per runner-up and per assumption first, then the nearest of the other
   * assumptions. Values as near for the same runner-up are one lever seen twice (a tier's fit,
   * real share and reach per post scale its audience alike): only the first is said.
   */
  function switchSentences(/** @type {Switch[]} */ switches, /** @type {string} */ bestName, /** @type {string} */ on) {
    const ranked = switches
      .filter((s) => s.value !== null && FAMILIES.includes(s.quantity))
      .map((s) => ({ s, far: Math.round(Math.abs(Math.log(/** @type {number} */ (s.value) / s.typical)) * 100) }))
      .sort((a, b) => a.far - b.far || FAMILIES.indexOf(a.s.quantity) - FAMILIES.indexOf(b.s.quantity));
    if (!ranked.length) return [tr("switch.none")];
    /** @type {typeof ranked} */
    const chosen = [];
    const rival = (/** @type {Switch} */ s) => `${s.against.kind} ${s.against.tier}`;
    const take = (/** @type {(x: typeof ranked[number]) => boolean} */ fits) => {
      for (const x of ranked) if (chosen.length < MOST && !chosen.some((c) => c.s.quantity === x.s.quantity) && fits(x)) chosen.push(x);
    };
    take((x) => !chosen.some((c) => rival(c.s) === rival(x.s)));
    take((x) => !chosen.some((c) => rival(c.s) === rival(x.s) && c.far === x.far));
    return chosen.sort((a, b) => a.far - b.far).map(({ s }) => tr("switch.sentence", { against: label(s.against), best: bestName, measure: on,
      ...worded(s) }));
  }

  /** A switching value's condition and what the reader assumes, in words. */
  function worded(/** @type {Switch} */ s) {
    const f = page.fmt();
    const value = /** @type {number} */ (s.value);
    if (s.ratio) {
      const tiers = page.tiers();
      return { condition: tr("switch.persuasionGamma", { small: label(tiers[0]), large: label(tiers[tiers.length - 1]),
        value: f.number(/** @type {number} */ (s.ratio.value)) }), typical: tr("switch.assumed", { typical: tr("switch.times", { value: f.number(s.ratio.typical) }) }) };
    }
    // Every tier's value at once: the engine gives a factor on each.
    if (s.tier === null && s.quantity !== "hourlyCost" && s.quantity !== "conversionValue") {
      return { condition: tr("switch.all", { what: tr(`switch.all.${s.quantity}`), factor: f.number(value) }), typical: "" };
    }
    const unit = unitOf(s.quantity);
    const say = (/** @type {number} */ n) => (unit === "money" ? f.money(n) : unit === "hours" ? tr("switch.hours", { value: f.number(n) })
      : unit === "share" || unit === "factor" ? f.percent(n) : f.number(n));
    return { condition: tr(`switch.q.${s.quantity}`, { tier: tierName(s.tier), dir: tr(value > s.typical ? "switch.more" : "switch.less"), value: say(value) }),
      typical: tr("switch.assumed", { typical: say(s.typical) }) };
  }

  return {
    schedule,
    render,
    clear,
    follow,
    /** The simulation's bands per mix, if it was run for exactly the inputs on screen. */
    bands: () => current()?.simulation.mixes ?? null,
  };
}
