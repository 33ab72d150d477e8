// "Your fees against published benchmarks": per tier of the reader's mix, the engine's fee-only
// cost per 1,000 views and per engagement beside the range published for accounts of that size
// (pkg/benchmarks.js, loaded with this module), each marked in words when outside it. The ranges are shown in the currency they
// are published in: no exchange rate is assumed. Loaded when its panel first opens.
import { $, el, fillTable } from "../dom.js";
import { formatters } from "../format.js";
import published from "../../pkg/benchmarks.js";

/** @param {import("./types.js").Page} page */
export function createBenchmarks(page) {
  const { state, tr, label } = page;
  const { bands, cpe, currency, sources } = published;
  /** The band of an account of `followers`: the last one whose minimum it reaches. */
  const bandOf = (/** @type {number} */ followers) => bands.filter((band) => followers >= band.minFollowers).pop() ?? bands[0];

  $("benchmark-view").replaceChildren(
    el("p", { class: "hint", id: "benchmarks-help" }),
    el("div", { class: "table-scroll", role: "region", "aria-labelledby": "benchmarks-caption", tabindex: "0" }, [
      el("table", { id: "benchmarks-table", class: "numbers" }, [el("caption", { id: "benchmarks-caption" }), el("thead"), el("tbody")]),
    ]),
    el("ul", { id: "benchmark-sources", class: "sources" }),
  );

  function render() {
    const mine = page.comparison?.mixes.find((m) => m.kind === "mix");
    const report = page.report;
    if (!mine || !report) return;
    const f = page.fmt();
    const published = formatters(state.lang, currency).money;
    const range = (/** @type {{ low: number, high: number }} */ r) => tr("benchmarks.range", { low: published(r.low), high: published(r.high) });
    /** A value of the reader's, and in words where it falls against a published range. */
    const marked = (/** @type {number | null} */ value, /** @type {{ low: number, high: number }} */ r) => value === null
      ? tr("metric.none")
      : `${f.money(value)} · ${tr(value < r.low ? "benchmarks.below" : value > r.high ? "benchmarks.above" : "benchmarks.within")}`;
    $("benchmarks-help").textContent = tr("benchmarks.help", { currency });
    fillTable($("benchmarks-table"), tr("benchmarks.caption"),
      [tr("results.tier"), tr("benchmarks.size"), tr("benchmarks.cpm"), tr("benchmarks.cpmRange"), tr("benchmarks.cpe"), tr("benchmarks.cpeRange")],
      mine.tiers.map((row, index) => {
        const followers = report.tiers[index].typicalFollowers.typical;
        const band = bandOf(followers);
        return [label(page.tiers()[index]), tr("benchmarks.band", { band: tr(`benchmarks.${band.id}`), followers: f.count(followers) }),
          marked(row.feePerThousandViews, band.cpm), range(band.cpm), marked(row.feePerEngagement, cpe), range(cpe)];
      }));
    $("benchmark-sources").replaceChildren(...sources.map((source) => el("li", {}, page.citation(source))));
  }

  return { render };
}
