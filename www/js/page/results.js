// What the engine says about the inputs: "Results" (headline, chart, tables, the best mix, with
// the bands certainty.js's simulation gives) and the trade-off charts (one search per point, so
// in a worker).
import { $, fillRows, fillTable, setText } from "../dom.js";
import { plural } from "../i18n.js";
import { drawBars, drawNote, drawXY } from "../chart.js";
import facts from "../../pkg/facts.js";
import { BANDED, METRICS } from "../engine.js";

const SHOWN = /** @type {Metric[]} */ (METRICS);
/** Spend is shown split into what the creators are paid and what the team's time costs. */
const TIER_COLUMNS = /** @type {Metric<TierOutcome>[]} */ ([["influencers", "count"], ["spend", "money"], ["feeSpend", "money"], ["teamSpend", "money"],
  ...METRICS.filter(([key]) => ["reach", "engagements", "conversions", "workloadHours"].includes(key))]);

const columnClass = (/** @type {Outcome} */ m) => (m.kind === "mix" ? "mine" : m.kind === "optimum" ? "best-col" : "");
/** What stands in a column or a bar of the optimum while it is computed. */
const PENDING = "…";

/** @param {Page} page */
export function createResults(page) {
  const { state, tr, label, formatMetric } = page;

  /** "880 (610–1,150)" when a band is known for this mix and metric, else just the value. */
  function withBand(/** @type {MetricKind} */ kind, /** @type {number | null} */ value, /** @type {?Band=} */ band) {
    const text = formatMetric(kind, value);
    if (!band || value === null) return text;
    return tr("certainty.band", { value: text, low: formatMetric(kind, band.p10), high: formatMetric(kind, band.p90) });
  }

  function drawChart(/** @type {Outcome[]} */ mixes, /** @type {Bands} */ bands) {
    const f = page.fmt();
    const rows = mixes.map((m, i) => {
      const band = bands?.[i];
      return {
        label: label(m),
        highlight: m.kind !== "single",
        values: [m.reach, m.conversions],
        texts: [withBand("count", m.reach, band?.reach), withBand("count", m.conversions, band?.conversions)],
        // On a phone the whiskers show the band; the words stay short enough to share a line.
        shortTexts: [f.count(m.reach), f.count(m.conversions)],
        bands: band ? [[band.reach.p10, band.reach.p90], [band.conversions.p10, band.conversions.p90]] : null,
      };
    });
    // The optimum's bar keeps its room while it is computed, so nothing below it moves.
    if (!mixes.some((m) => m.kind === "optimum")) {
      rows.push({ label: tr("best.computing"), highlight: true, values: [0, 0], texts: [PENDING, PENDING], shortTexts: [PENDING, PENDING], bands: null });
    }
    const items = rows.map((r) => `${r.label}: ${tr("results.reachBar")} ${r.texts[0]}, ${tr("results.conversionsBar")} ${r.texts[1]}.`).join(" ");
    drawBars(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("chart"))), {
      title: tr("results.chart"),
      description: tr("results.chartDesc", { items }),
      series: [tr("results.reachBar"), tr("results.conversionsBar")],
      rows,
      width: page.chartWidth,
    });
  }

  function renderBest(/** @type {Outcome} */ mine, /** @type {Optimum | undefined} */ best) {
    const f = page.fmt();
    const use = /** @type {HTMLButtonElement} */ ($("use-best"));
    if (!best) {
      setText($("best-heading"), tr("best.computing"));
      for (const id of ["best-summary", "best-diff", "best-left"]) setText($(id), "");
      use.disabled = true;
      return;
    }
    setText($("best-heading"), tr("best.heading", { label: label(best) }));
    setText($("best-summary"), tr("best.summary", { reach: f.count(best.reach), people: plural(state.lang, "people", best.reach),
      conversions: f.count(best.conversions), spend: f.money(best.spend) }));
    const changes = best.tiers.flatMap((row, i) => {
      const delta = row.influencers - mine.tiers[i].influencers;
      return delta !== 0 ? [`${delta > 0 ? "+" : "−"}${f.count(Math.abs(delta))} ${label(page.tiers()[i])}`] : [];
    });
    setText($("best-diff"), changes.length ? tr("best.diff", { changes: changes.join(", ") }) : tr("best.same"));
    const left = best.budgetLeft;
    const notes = [tr(`best.left.${left.reason}`, { amount: f.money(left.amount) })];
    if (best.exact === false) notes.push(tr("best.approximate"));
    setText($("best-left"), notes.filter(Boolean).join(" "));
    if (use.disabled !== (changes.length === 0)) use.disabled = changes.length === 0;
  }

  function render(/** @type {Comparison} */ comparison, /** @type {Bands} */ bands) {
    const mixes = comparison.mixes;
    const mine = /** @type {Outcome} */ (mixes.find((m) => m.kind === "mix"));
    // Missing while calculator.js loads, unless the build computed it for these inputs (app.js).
    const best = /** @type {Optimum | undefined} */ (mixes.find((m) => m.kind === "optimum"));
    const f = page.fmt();

    const values = { reach: f.count(mine.reach), people: plural(state.lang, "people", mine.reach),
      conversions: f.count(mine.conversions), spend: f.money(mine.spend) };
    const budget = page.input.budget;
    // Money left over is never silent: named once it is more than a hundredth of the budget.
    const left = mine.unspent > budget / 100 ? ` ${tr("results.unspent", { unspent: f.money(mine.unspent), budget: f.money(budget) })}` : "";
    setText($("summary"), (mine.roi === null
      ? tr("results.summaryNoRoi", values)
      : tr("results.summary", { ...values, roi: f.roi(mine.roi) })) + left);

    const table = /** @type {HTMLTableElement} */ ($("compare"));
    const pending = best ? [] : [PENDING];
    const classes = ["", ...mixes.map(columnClass), ...(best ? [] : ["best-col"])];
    fillRows(table.tHead, [[tr("results.metric"), ...mixes.map((m) => label(m) + (m.capped ? " *" : "")), ...(best ? [] : [tr("best.computing")])]],
      classes, "col");
    const capped = mixes.some((m) => m.capped);
    if ($("capped").hidden !== !capped) $("capped").hidden = !capped;
    setText($("capped"), capped ? tr("results.capped", { cap: f.count(facts.limits.maxCount) }) : "");
    fillRows(table.tBodies[0], SHOWN.map(([key, kind]) => [tr(`metric.${key}`), ...mixes.map((m, i) =>
      withBand(kind, m[key], BANDED.has(key) ? bands?.[i]?.[/** @type {BandKey} */ (key)] : null)), ...pending]), classes, "row");

    const tierTable = /** @type {HTMLTableElement} */ ($("tiers"));
    fillRows(tierTable.tHead, [[tr("results.tier"), ...TIER_COLUMNS.map(([key]) => tr(`metric.${key}`))]], [], "col");
    fillRows(tierTable.tBodies[0], mine.tiers.map((row, index) =>
      [label(page.tiers()[index]), ...TIER_COLUMNS.map(([key, kind]) => formatMetric(kind, row[key]))]), [], "row");
    // A tier given money too small for one of its accounts says so, with the price of one.
    setText($("leftovers"), mine.tiers.flatMap((row, index) => row.influencers === 0 && row.allotted
      ? [tr("results.none", { tier: label(page.tiers()[index]), allotted: f.money(row.allotted), cost: f.money(row.unitCost) })] : []).join(" "));
    setText($("overlap"), mine.overlap >= 0.5 ? tr("results.overlap", { overlap: f.count(mine.overlap) }) : "");

    drawChart(mixes, bands);
    renderBest(mine, best);
  }

  /** Takes the best mix as the user's own: each tier's share is exactly what its influencers cost. */
  function useBest() {
    const best = page.comparison?.mixes.find((m) => m.kind === "optimum");
    const budget = /** @type {HTMLInputElement} */ ($("budget")).valueAsNumber;
    if (!best || !(budget > 0)) return;
    state.shares = Object.fromEntries(best.tiers.map((row) => [row.tier, (row.spend / budget) * 100]));
    page.recompute();
  }

  $("use-best").addEventListener("click", useBest);

  return { render, drawChart };
}

/** The response curves' budgets, as multiples of the reader's; the fifth is the budget itself. */
const BUDGET_STEPS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
const FRONTIER_POINTS = 21;

/** @param {Page} page */
export function createTradeOffs(page) {
  const { tr, label } = page;
  let timer = 0;
  /** @type {EngineWorker | null} */
  let worker = null;
  /** The last answer drawn: `{ key, results: [frontier, curves] }`. @type {EngineAnswer | null} */
  let answer = null;
  /** What the charts and tables say instead of an answer ("" while they show one). */
  let noted = "";

  /** Charts and tables say why they are empty: still computing, or failed. */
  function empty(/** @type {string} */ message, /** @type {boolean} */ busy) {
    const section = $("frontier").closest("section");
    if (section && section.getAttribute("aria-busy") !== String(busy)) section.setAttribute("aria-busy", String(busy));
    // Typing faster than the charts answer: they already say so (drawing the note is about a
    // tenth of a keystroke's work at 4× CPU).
    if (noted === message) return;
    noted = message;
    for (const id of ["frontier", "curves-reach", "curves"]) drawNote(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($(id))), message);
    for (const id of ["frontier", "curves"]) fillTable($(`${id}-table`), `${tr(`${id}.caption`)}${tr("colon")}${message}`, [], []);
  }

  function schedule() {
    clearTimeout(timer);
    // Numbers for other inputs go at once, not when the answer comes.
    if (answer?.key !== page.inputKey) empty(tr("tradeOffs.computing"), true);
    timer = setTimeout(draw, 120);
  }

  function draw() {
    const comparison = page.comparison;
    // Hidden behind the roster tab, the charts wait: selecting the tier tab draws them.
    if (!comparison || $("panel-tiers").hidden) return;
    const input = page.input;
    if (answer?.key !== page.inputKey) {
      worker ??= page.engineWorker();
      worker(page.inputKey, [["frontier", [input, FRONTIER_POINTS]], ["responseCurves", [input, BUDGET_STEPS.map((k) => k * input.budget)]]])
        .then((reply) => {
          // Dropped if the inputs on screen changed since (null: a newer request replaced it).
          if (reply?.key !== page.inputKey) return;
          if (reply.error) empty(tr("tradeOffs.failed"), false);
          else {
            answer = reply;
            draw();
          }
        });
      return;
    }
    const started = performance.now();
    const [frontier, curves] = /** @type {[FrontierPoint[], ResponseCurves]} */ (answer.results);
    const f = page.fmt();
    const mixes = comparison.mixes;
    const items = mixes.map((m) => `${label(m)}: ${tr("results.reachBar")} ${f.count(m.reach)}, ${tr("results.conversionsBar")} ${f.count(m.conversions)}.`).join(" ");
    drawXY(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($("frontier"))), {
      title: tr("frontier.title"),
      description: tr("frontier.desc", { items }),
      width: page.chartWidth,
      x: { label: tr("results.reachBar"), format: f.compact },
      y: { label: tr("results.conversionsBar"), format: f.compact },
      series: [
        { label: tr("frontier.line"), kind: "line", points: frontier.map((o) => [o.reach, o.conversions]) },
        ...mixes.map((m) => ({ label: label(m), kind: /** @type {const} */ ("point"), emphasis: m.kind !== "single", points: [[m.reach, m.conversions]] })),
      ],
    });
    fillTable($("frontier-table"), tr("frontier.caption"),
      [tr("frontier.weight"), tr("results.reachBar"), tr("results.conversionsBar"), tr("metric.spend"), ...page.tiers().map(label)],
      frontier.map((o) => [f.percent(o.lambda), f.count(o.reach), f.count(o.conversions), f.money(o.spend),
        ...o.tiers.map((t) => f.count(t.influencers))]));

    const atBudget = curves.curves.map((c) => `${label(c)} ${tr("curves.atBudget", { budget: f.money(input.budget),
      reach: f.count(c.reach[4]), conversions: f.count(c.conversions[4]) })}.`).join(" ");
    for (const [id, key, axis] of /** @type {const} */ ([["curves-reach", "reach", "results.reachBar"], ["curves", "conversions", "results.conversionsBar"]])) {
      drawXY(/** @type {SVGSVGElement} */ (/** @type {unknown} */ ($(id))), {
        title: `${tr("curves.title")} — ${tr(axis)}`,
        description: tr("curves.desc", { budget: f.money(input.budget), items: atBudget }),
        width: page.chartWidth,
        x: { label: tr("curves.budget"), format: f.compactMoney },
        y: { label: tr(axis), format: f.compact },
        series: curves.curves.map((c) => ({ label: label(c), kind: /** @type {const} */ ("line"), emphasis: c.kind === "optimum",
          points: curves.budgets.map((b, i) => [b, c[key][i]]) })),
        marker: { x: input.budget, label: f.compactMoney(input.budget) },
      });
    }
    fillTable($("curves-table"), tr("curves.caption"),
      [tr("curves.budget"), ...curves.curves.flatMap((c) => [`${label(c)} — ${tr("results.reachBar")}`, `${label(c)} — ${tr("results.conversionsBar")}`])],
      curves.budgets.map((b, i) => [f.money(b),
        ...curves.curves.flatMap((c) => [f.count(c.reach[i]), f.count(c.conversions[i])])]));
    noted = "";
    $("frontier").closest("section")?.setAttribute("aria-busy", "false");
    performance.measure("tiermix:trade-offs", { start: started });
  }

  return { schedule, empty };
}
