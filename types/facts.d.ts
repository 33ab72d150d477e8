// Types of facts.js, the engine's defaults, ids, units and limits, written by the build from the
// engine itself (src/describe.rs) so a page reads them instead of keeping copies.
// tests/js/types.test.mjs checks the module against these types; tests/js/facts.test.mjs checks
// each fact against what the engine does.
import type { Objective, OutcomeKind, PresetId, Quantity } from "./calculator.js";
import type { RosterRow } from "./tiermix.js";

export type RosterFlag = RosterRow["flags"][number];

/** How a value is written: a share (0…1) and a factor (around 1) are shown as percentages. */
export type Unit = "count" | "money" | "share" | "factor" | "hours" | "shape";

/** The scenario-wide inputs, budget first. */
export type GlobalId = "budget" | "audience" | "postsPerInfluencer" | "hourlyCost" | "conversionValue";

/** An input a scenario may set, with the values it accepts. */
export interface Fact<Id extends string> {
  readonly id: Id;
  readonly unit: Unit;
  readonly min: number;
  readonly max: number;
}

export interface ObjectiveFact {
  readonly id: Objective;
  /** The outcome's measure the objective is judged by (`netValue` is revenue − spend). */
  readonly measure: "reach" | "engagements" | "conversions" | "netValue";
  readonly unit: Unit;
  /** Present (true) only where the goal's `lambda` weighs the objective. */
  readonly usesLambda?: true;
}

export interface Facts {
  /** What an empty scenario means. */
  readonly defaults: {
    readonly budget: number;
    readonly currency: string;
    readonly scheme: PresetId;
    readonly goal: { readonly objective: Objective; readonly lambda: number };
  };
  readonly objectives: readonly ObjectiveFact[];
  /** The per-tier assumptions, in the order of the assumptions report. */
  readonly quantities: readonly Fact<Quantity>[];
  readonly globals: readonly (Fact<GlobalId> & { readonly default: number })[];
  readonly limits: {
    /** Influencers per tier: a mix's count above it is refused, a single-tier mix is held at it. */
    readonly maxCount: number;
    readonly maxTiers: number;
    readonly maxFollowers: number;
    readonly maxIdBytes: number;
    /** Points of a frontier, budgets of `responseCurves`. */
    readonly maxBudgetPoints: number;
    readonly maxDraws: number;
    readonly maxSeed: number;
    readonly maxDepth: number;
    readonly maxRows: number;
  };
  /** What `simulate` draws when its options are absent. */
  readonly simulation: { readonly draws: number; readonly seed: number };
  /** Every `kind` an outcome may have. */
  readonly outcomeKinds: readonly OutcomeKind[];
  /** Every audit flag a roster row may carry (`pickRoster`'s rows, `flags`). */
  readonly rosterFlags: readonly RosterFlag[];
}

/** Frozen, all the way down. */
declare const facts: Facts;
export default facts;
