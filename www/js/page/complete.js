// "Complete my mix": spends what the reader's mix leaves the best way for their goal, keeping
// every count they have as a minimum (the engine's optimiser with per-tier minCount, beside their
// own limits), then makes the answer their mix. Loaded on the button's first press.
import { $, setText } from "../dom.js";

/** @param {import("./types.js").Page} page */
export function completeMix(page) {
  const { state, tr, label } = page;
  const mine = page.comparison?.mixes.find((m) => m.kind === "mix");
  const input = page.input;
  if (!mine || !(input.budget > 0)) return;
  const own = state.limits;
  // What the reader has is kept: a limit of theirs below it gives way to it, never the reverse.
  const limits = Object.fromEntries(mine.tiers.map((row) => {
    const set = own[row.tier] ?? {};
    const kept = { ...set, minCount: Math.max(set.minCount ?? 0, row.influencers) };
    if (set.maxCount !== undefined) kept.maxCount = Math.max(set.maxCount, row.influencers);
    if (set.maxSpend !== undefined) kept.maxSpend = Math.max(set.maxSpend, row.spend);
    return [row.tier, kept];
  }));
  try {
    const best = page.engine.optimize(input, { ...input.goal, limits });
    const f = page.fmt();
    const added = best.tiers.flatMap((row, i) => {
      const more = row.influencers - mine.tiers[i].influencers;
      return more > 0 ? [`+${f.count(more)} ${label(page.tiers()[i])}`] : [];
    });
    const left = tr(`best.left.${best.budgetLeft.reason}`, { amount: f.money(best.budgetLeft.amount) });
    setText($("complete-status"), `${added.length ? tr("complete.added", { changes: added.join(", ") }) : tr("complete.same")} ${left}`.trim());
    // Each tier's share is exactly what its influencers cost: the mix buys the same counts.
    state.shares = Object.fromEntries(best.tiers.map((row) => [row.tier, (row.spend / input.budget) * 100]));
    page.recompute();
  } catch (error) {
    setText($("complete-status"), "");
    page.showError(error);
  }
}
