// Types of calculator.js, the engine without the roster reader and picker, and of every shape
// the API shares: tiermix.d.ts adds the roster functions to these. Hand-written because the
// binding takes and returns plain JS values, so wasm-bindgen could only say `any`; the Rust
// structs they mirror are serialised with `null` for every missing value, and
// tests/js/types.test.mjs checks these types against the module's real answers.

// ---------------------------------------------------------------------------------------------
// Loading

/** What `init` can load the module from: its address (default: calculator_bg.wasm next to this file) or its bytes. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/** What `initSync` can instantiate at once: the bytes or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instance's raw exports: the functions below wrap them; only `memory` is of use outside. */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/** Fetches (or takes) and instantiates the module; every function below needs it first. */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
/** Instantiates the module from bytes or a compiled module, synchronously (Node, workers). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

// ---------------------------------------------------------------------------------------------
// Inputs

/** The preset tier schemes (`presets()` lists them with their sources); `fr2018` is the default. */
export type PresetId = "fr2018" | "imh" | "later" | "traackr" | "hypeauditor";
/** Text in one language for both, or in each. */
export type LabelInput = string | { en: string; fr: string };

/** A preset's id, or a scheme of your own (at most 12 tiers, bounds strictly increasing). */
export type SchemeInput =
  | PresetId
  | {
      id?: string;
      label?: LabelInput;
      tiers: { id: string; minFollowers: number; label?: LabelInput }[];
    };

/** A tier id (`"nano"`, `"micro"`…) to a value. */
export type PerTier<T> = Record<string, T>;

/** Shares of the budget per tier (each 0…1, sum ≤ 1), or whole numbers of influencers. */
export type MixInput = { shares: PerTier<number> } | { counts: PerTier<number> };

/** Every per-tier assumption a scenario may override. */
export type Quantity =
  | "typicalFollowers"
  | "fee"
  | "reachRate"
  | "engagementRate"
  | "sponsoredFactor"
  | "realShare"
  | "audienceFit"
  | "persuasion"
  | "delivery"
  | "hours"
  | "concentration";

/** The typical value (the range keeps its relative width), or any of the range's bounds. */
export type OverrideInput = number | { low?: number; typical?: number; high?: number };

export type Objective = "reach" | "engagements" | "conversions" | "netValue" | "blend";

export interface TierLimits {
  minCount?: number;
  maxCount?: number;
  minSpend?: number;
  maxSpend?: number;
}

/** What the optimiser aims for (default: most conversions) and the limits it keeps. */
export interface Goal {
  objective?: Objective;
  /** Blend only: the weight of persuasion, 0…1. */
  lambda?: number;
  limits?: PerTier<TierLimits>;
  /** Team hours available. */
  maxHours?: number;
}

/** A campaign to compute; every field is optional and takes its default. */
export interface Scenario {
  /** 0 … 10¹² */
  budget?: number;
  /** A three-letter ISO 4217 code, for display (default "EUR"). */
  currency?: string;
  scheme?: SchemeInput;
  /** Default: the budget split evenly between the tiers. */
  mix?: MixInput;
  /** The target audience, people. */
  audience?: number;
  /** A whole number, 1 … 1000. */
  postsPerInfluencer?: number;
  hourlyCost?: number;
  conversionValue?: number;
  /** Per tier id, or `"*"` for every tier (applied before the tier's own). */
  overrides?: PerTier<Partial<Record<Quantity, OverrideInput>>>;
  /** What `compare`'s optimum, `frontier` and `responseCurves` aim for. */
  goal?: Goal;
}

export interface SimulateOptions {
  /** 1 … 100,000 (default 2,000). */
  draws?: number;
  /** A whole number (default 1): the same seed draws the same worlds. */
  seed?: number;
}

// ---------------------------------------------------------------------------------------------
// Results

/** Text in both languages the calculator speaks. */
export interface Label {
  en: string;
  fr: string;
}

export interface Source {
  /** Also the key of the source's note in pkg/sources.json. */
  id: string;
  /** The citation as a footnote would give it. */
  text: string;
  /** null for tiermix's own conventions, which have no outside page. */
  url: string | null;
  year: number;
}

export interface Tier {
  id: string;
  label: Label;
  minFollowers: number;
  /** What a hired account of this tier typically has. */
  typicalFollowers: number;
}

/** A preset scheme: each comes with its source. */
export type Preset = TierScheme & { source: Source };

export interface TierScheme {
  id: PresetId;
  label: Label;
  source: Source | null;
  tiers: Tier[];
}

/** The tier an account falls in and its index in the scheme; `{ tier: null, index: null }` below every tier. */
export type Classified = { tier: string; index: number } | { tier: null; index: null };

/** An assumption after the scenario's overrides: its range, where it comes from, whether you set it. */
export interface Assumed {
  low: number;
  typical: number;
  high: number;
  source: Source;
  overridden: boolean;
}

export type TierAssumptions = { tier: string } & Record<Quantity, Assumed>;

export interface Assumptions {
  tiers: TierAssumptions[];
  globals: {
    budget: Assumed;
    audience: Assumed;
    postsPerInfluencer: Assumed;
    hourlyCost: Assumed;
    conversionValue: Assumed;
  };
}

export interface TierOutcome {
  tier: string;
  influencers: number;
  /** What one influencer of the tier costs: fees plus the team's time. */
  unitCost: number;
  /** For a mix of shares: the tier's share of the budget (a share below `unitCost` buys none); null otherwise. */
  allotted: number | null;
  spend: number;
  /** What the creators are paid; `feeSpend + teamSpend = spend`. */
  feeSpend: number;
  /** What the team's hours cost: `workloadHours × hourlyCost`. */
  teamSpend: number;
  impressions: number;
  /** This tier's reach on its own: the tiers' audiences overlap. */
  reach: number;
  engagements: number;
  conversions: number;
  workloadHours: number;
  /** The fees alone per 1,000 views as platforms count them (every follower who sees a post); null without views. */
  feePerThousandViews: number | null;
  /** The fees alone per engagement; null without engagements. */
  feePerEngagement: number | null;
}

/** `single` (the whole budget on one tier), `mix` (yours), `optimum`, `roster` (pickRoster's). */
export type OutcomeKind = "single" | "mix" | "optimum" | "roster";

/** A limit that holds an optimum where it is; `tier` is null for the budget and `maxHours`. */
export interface Binding {
  limit: "budget" | "maxHours" | "minCount" | "maxCount" | "minSpend" | "maxSpend";
  tier: string | null;
}

export interface BudgetLeft {
  amount: number;
  reason: "none" | "tooSmall" | "limits" | "maxHours" | "notWorthIt";
}

/** What a mix buys. A ratio whose denominator is zero is null, never NaN or Infinity. */
export interface Outcome {
  label: Label;
  kind: OutcomeKind;
  /** The tier of a single-tier mix, else null. */
  tier: string | null;
  influencers: number;
  spend: number;
  /** What the creators are paid; `feeSpend + teamSpend = spend`. */
  feeSpend: number;
  /** What the team's hours cost. */
  teamSpend: number;
  unspent: number;
  impressions: number;
  reach: number;
  reachShare: number;
  /** People counted in more than one tier's reach. */
  overlap: number;
  frequency: number | null;
  engagements: number;
  conversions: number;
  revenue: number;
  roi: number | null;
  costPerThousandReached: number | null;
  costPerEngagement: number | null;
  costPerConversion: number | null;
  workloadHours: number;
  /** True when a single-tier mix was held at 1,000,000 influencers. */
  capped: boolean;
  tiers: TierOutcome[];
  /** An optimum's: the limits that hold it. */
  binding?: Binding[];
  /** An optimum's: the money it leaves, and why. */
  budgetLeft?: BudgetLeft;
  /** A blend optimum's weight of persuasion. */
  lambda?: number;
  /** An optimum's: false only if the search ran out of work before proving it. */
  exact?: boolean;
  /** An optimum's: how far below the optimum it may be, as a share of a proven upper bound. */
  gap?: number;
}

/** The optimum for a goal: an Outcome that always says what binds it and how sure it is. */
export interface Optimum extends Outcome {
  kind: "optimum";
  tier: null;
  binding: Binding[];
  budgetLeft: BudgetLeft;
  exact: boolean;
  gap: number;
}

/** An optimum along the frontier: its λ and how sure it is (limits and budget left are `optimize`'s to tell). */
export interface FrontierPoint extends Outcome {
  kind: "optimum";
  tier: null;
  lambda: number;
  exact: boolean;
  gap: number;
}

export interface Comparison {
  /** One single-tier mix per tier, the scenario's mix, then the optimum for `scenario.goal`. */
  mixes: Outcome[];
}

export interface Curve {
  label: Label;
  kind: "single" | "optimum";
  tier: string | null;
  reach: number[];
  conversions: number[];
  /** The optimum's: true if every budget is proven optimal. */
  exact?: boolean;
  /** The optimum's: the largest gap among its points. */
  gap?: number;
}

export interface ResponseCurves {
  budgets: number[];
  curves: Curve[];
}

/** P10, P50 and P90 of one output over the simulated worlds. */
export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export interface MixBands {
  label: Label;
  kind: "single" | "mix" | "optimum";
  tier: string | null;
  spend: Band;
  reach: Band;
  engagements: Band;
  conversions: Band;
  /** The goal's own measure (`beats.measure`). */
  goal: Band;
  /** null when some world spends nothing. */
  roi: Band | null;
  /** null when some world converts nobody. */
  costPerConversion: Band | null;
}

export interface Simulation {
  draws: number;
  seed: number;
  /** Every mix of `compare`, in the same order. */
  mixes: MixBands[];
  /**
   * `beats.conversions[i][j]`: the share of worlds where mix i does better than mix j (ties count
   * half); `beats.goal` the same on the goal's own measure, named by `beats.measure`.
   */
  beats: { conversions: number[][]; reach: number[][]; goal: number[][]; measure: Measure };
  /** The best mix re-planned in a sample of the worlds. */
  robustness: Robustness;
}

/** What a goal judges mixes by; `blend` is the blend's score. */
export type Measure = "reach" | "engagements" | "conversions" | "netValue" | "blend";

export interface Robustness {
  /** Worlds re-planned (200, or every draw when fewer). */
  worlds: number;
  /** Per compared mix, in `mixes`' order: the share of those worlds where it is the best of them on the goal's measure, or ties with it. */
  best: { label: Label; kind: "single" | "mix" | "optimum"; tier: string | null; share: number }[];
  /** Per tier: its share of the re-planned budget, and how often it gets at least as much as any other tier. */
  tiers: { tier: string; p10: number; p50: number; p90: number; leading: number }[];
  /** What re-planning gains over the typical world's best mix, relative to the re-planned value. */
  shortfall: Band;
}

export interface Effect {
  reach: number;
  engagements: number;
  conversions: number;
  netValue: number;
  /** The goal's own measure. */
  goal: number;
}

/** One assumption's switching value: past it, `against` beats the best mix on `measure`. */
export interface Switch {
  against: { label: Label; kind: "single" | "mix"; tier: string | null };
  /** A Quantity, `persuasionGamma`, `hourlyCost` or `conversionValue`. */
  quantity: Quantity | "persuasionGamma" | "hourlyCost" | "conversionValue";
  /** The tier whose value changes; null for every tier at once (`typical` 1, `value` a factor) and for campaign-wide figures. */
  tier: string | null;
  typical: number;
  /** Where the two tie; null when no value from a hundredth to a hundred times the typical one does. */
  value: number | null;
  measure: Measure;
  /** For `persuasionGamma`: how many times as many of the people they reach the smallest typical accounts persuade as the largest. */
  ratio?: { typical: number; value: number | null };
}

/** The scenario's mix with one assumption at each end of its range. */
export interface Swing {
  /** A Quantity, or `persuasionGamma`, the steepness of persuasion with size. */
  quantity: Quantity | "persuasionGamma";
  low: Effect;
  high: Effect;
  /** Every assumption typical: the centre the swings are measured from. */
  typical: Effect;
}

/**
 * What an error is, stable across releases, for a page to word in its reader's language. A range
 * code names what the value must be, from `min` to `max` (`amountAtLeast`, `hoursAtLeast`: at
 * least `min`): `number` a finite number, `amount`, `share` (0…1), `factor` (around 1),
 * `followers`, `people`, `hours`, `shape`, `weight`, `whole` a whole number. The others:
 * `notNumber`, `notText`, `notObject`, `unknownField`, and `invalid` for every other problem
 * (the message says which).
 */
export type ErrorCode =
  | "invalid"
  | "notNumber"
  | "notText"
  | "notObject"
  | "unknownField"
  | RangeCode;
export type RangeCode =
  | "number"
  | "amount"
  | "share"
  | "factor"
  | "followers"
  | "people"
  | "hours"
  | "shape"
  | "weight"
  | "amountAtLeast"
  | "hoursAtLeast"
  | "whole";

/**
 * What every function throws: a JS `Error` whose message names the field, what it must be and
 * what it got (in English), with the field's path on its own in `field` (`"mix.shares.giga"`;
 * "" when the error concerns no one field), what is wrong in `code`, and the numbers a page
 * needs to say it in another language.
 */
export interface EngineError extends Error {
  field: string;
  code: ErrorCode;
  /** A range code's bounds. */
  min?: number;
  max?: number;
  /** What the field got: the number, or as the message says it (`"abc"` quoted, or `an object`). */
  got?: number | string;
}

// ---------------------------------------------------------------------------------------------
// Functions (each throws an EngineError for an input it refuses)

/** Every preset tier scheme with its source. */
export function presets(): Preset[];
/** The tier of one follower count under `scheme` (default "fr2018"). */
export function classify(followers: number, scheme?: SchemeInput | null): Classified;
/** The tier index of each count, −1 below every tier: up to 10,000,000 in a Float64Array, 200,000 in a list. */
export function classifyMany(followers: Float64Array | readonly number[], scheme?: SchemeInput | null): Int32Array;
/** Every assumption of the scenario after its overrides, with its range and source. */
export function assumptions(scenario: Scenario): Assumptions;
/** The outcome of `scenario.mix`. */
export function evaluate(scenario: Scenario): Outcome;
/** Every single-tier mix, the scenario's mix and the optimum, side by side. */
export function compare(scenario: Scenario): Comparison;
/** The best whole-influencer mix for `goal` (default: `scenario.goal`). */
export function optimize(scenario: Scenario, goal?: Goal | null): Optimum;
/** The optimum from λ = 0 (reach) to λ = 1 (persuasion), `points` of them (2…201, default 21). */
export function frontier(scenario: Scenario, points?: number | null): FrontierPoint[];
/** Reach and conversions at each budget (1…201 of them), per single-tier mix and for the optimum. */
export function responseCurves(scenario: Scenario, budgets: readonly number[]): ResponseCurves;
/** P10 / P50 / P90 of every output of every compared mix over seeded worlds, and who beats whom. */
export function simulate(scenario: Scenario, options?: SimulateOptions | null): Simulation;
/** Each assumption alone at its low and high bound, for the scenario's mix. */
export function sensitivity(scenario: Scenario): Swing[];
/** For the best mix against each runner-up, each assumption's value at which the two tie on the goal's measure. */
export function switchingValues(scenario: Scenario): Switch[];
