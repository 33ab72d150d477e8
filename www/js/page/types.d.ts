// The page object every section of the calculator is created with (see app.js), and what the
// sections hand back. Types only: nothing here is loaded by the browser.

export type Lang = "en" | "fr";
export type Translate = (key: string, values?: Record<string, string>) => string;
export type Formatters = ReturnType<typeof import("../format.js").formatters>;
export type EngineWorker = ReturnType<typeof import("../engine.js").backgroundEngine>;
/** How a metric is written (format.js); declared in engine-types.d.ts, where engine.js can see it. */
export type MetricKind = globalThis.MetricKind;

/** A tier as the page edits it: the engine's, without what only a preset knows. */
export type Tier = Pick<import("../../pkg/calculator.js").Tier, "id" | "label" | "minFollowers">;
export type Source = import("../../pkg/calculator.js").Source;

/** What the reader set; everything else the page shows is computed from it. */
export interface PageState {
  lang: Lang;
  schemeId: import("../../pkg/calculator.js").PresetId;
  /** The reader's edited thresholds, or null for the preset's. */
  customTiers: Tier[] | null;
  /** Percent of the budget per tier id. */
  shares: Record<string, number>;
  overrides: Record<string, Record<string, number>>;
  globals: Record<string, number>;
  /** What the best mix aims for: an objective and, for the blend, the weight of persuasion. */
  goal: { objective: import("../../pkg/calculator.js").Objective; lambda: number };
  /** Team hours available, or NaN for no cap. */
  maxHours: number;
  /** The reader's limits per tier id (goal.limits): fewest and most influencers, most spend. */
  limits: Record<string, import("../../pkg/calculator.js").TierLimits>;
}

export type PageScenario = globalThis.PageScenario;

export interface Page {
  state: PageState;
  /** The wasm engine (the calculator build), set by start-up before any section exists. */
  engine: globalThis.Engine;
  presets: import("../../pkg/calculator.js").Preset[];
  /** The scenario read from the inputs at their last change, and its JSON (a cache key). */
  /** Set, like `engine`, before any section exists (app.js starts both as empty objects). */
  input: PageScenario;
  inputKey: string;
  /** What the engine answered for the last valid inputs (still shown while the inputs are invalid). */
  comparison: import("../../pkg/calculator.js").Comparison | null;
  report: import("../../pkg/calculator.js").Assumptions | null;
  /** The charts' width, kept up to date by a ResizeObserver so drawing never forces a layout. */
  chartWidth: number;
  tr: Translate;
  fmt: () => Formatters;
  label: (item: { label: { en: string; fr: string } }) => string;
  preset: () => import("../../pkg/calculator.js").Preset;
  /** The tiers in use: the preset's, or the reader's edited thresholds. */
  tiers: () => Tier[];
  /** Builds the scenario from the inputs now (recompute caches it in `input`). */
  readScenario: () => PageScenario;
  /** Spreads the budget evenly over the tiers in use. */
  evenShares: () => void;
  formatMetric: (kind: MetricKind, value: number | null) => string;
  /** "Source: <linked citation> (year). note" as nodes. */
  citation: (source: Source) => (Node | string)[];
  showError: (error: unknown) => void;
  /** Every input change ends here: computes once and hands the answer to each section. */
  recompute: () => void;
  /** Redraws everything that depends on the language or the scheme. */
  rebuild: () => void;
  /** The engine in a worker of its own, with the module the page compiled. */
  engineWorker: () => EngineWorker;
}

export type Errors = ReturnType<typeof import("./shell.js").createErrors>;
/** What the error line needs: `words` loads the errors' sentences; `hasResults`: older results are on screen (and become stale). */
export interface ErrorsPage {
  tr: Translate;
  lang: () => Lang;
  fmt: () => Formatters;
  words: () => Promise<void>;
  hasResults: () => boolean;
}
export type WordError = typeof import("./wording.js").wordError;
export type Language = ReturnType<typeof import("./shell.js").createLanguage>;
export type Mix = ReturnType<typeof import("./inputs.js").createMix>;
export type Thresholds = ReturnType<typeof import("./thresholds.js").createThresholds>;
export type Limits = ReturnType<typeof import("./limits.js").createLimits>;
export type Benchmarks = ReturnType<typeof import("./benchmarks.js").createBenchmarks>;
export type Assumptions = ReturnType<typeof import("./inputs.js").createAssumptions>;
export type Results = ReturnType<typeof import("./results.js").createResults>;
export type Certainty = ReturnType<typeof import("./certainty.js").createCertainty>;
export type TradeOffs = ReturnType<typeof import("./results.js").createTradeOffs>;
export type Link = ReturnType<typeof import("./link.js").createLink>;
export type Goal = ReturnType<typeof import("./inputs.js").createGoal>;
export type Classify = ReturnType<typeof import("./inputs.js").createClassify>;
export type Candidates = ReturnType<typeof import("./candidates.js").createCandidates>;

/** The sections that need the engine, created once it is loaded (app.js). */
export interface Sections {
  mix: Mix;
  goal: Goal;
  assumptions: Assumptions;
  results: Results;
  certainty: Certainty;
  tradeOffs: TradeOffs;
  classify: Classify;
}
