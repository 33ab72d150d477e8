// The engine's shapes (types/calculator.d.ts) and the page's readings of them, by their bare
// names in any module's JSDoc: the modules the page loads first would pay for an `@import` line
// in bytes. Types only, global on purpose (no import or export here); nothing is loaded.

type Band = import("../pkg/calculator.js").Band;
type Comparison = import("../pkg/calculator.js").Comparison;
type FrontierPoint = import("../pkg/calculator.js").FrontierPoint;
type MixBands = import("../pkg/calculator.js").MixBands;
type Optimum = import("../pkg/calculator.js").Optimum;
type Outcome = import("../pkg/calculator.js").Outcome;
type ResponseCurves = import("../pkg/calculator.js").ResponseCurves;
type Simulation = import("../pkg/calculator.js").Simulation;
type Swing = import("../pkg/calculator.js").Swing;
type Switch = import("../pkg/calculator.js").Switch;
type Robustness = import("../pkg/calculator.js").Robustness;
type TierOutcome = import("../pkg/calculator.js").TierOutcome;

/** The keys of T whose values are of type V. */
type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];

/** An outcome (of a mix, or with TierOutcome of a tier) the page shows as a number (engine.js's METRICS), and how it is written. */
type Metric<T = Outcome> = [key: KeysOf<T, number | null>, kind: MetricKind];

/** An output the simulation gives a band for (engine.js's BANDED). */
type BandKey = KeysOf<MixBands, Band | null>;

/** The simulation's bands per compared mix, if known for the inputs on screen. */
type Bands = MixBands[] | null;

/** The engine as engine-worker.js calls it: by name, with arguments it passes on unread. */
type EngineByName = Record<string, (...args: unknown[]) => unknown>;
type EngineAsk = import("./messages.js").EngineAsk;
type EngineAnswer = import("./messages.js").EngineAnswer;
/** engine.js's request under way in its worker, and how to answer it. */
type PendingAsk = { key: string; resolve: (answer: EngineAnswer | null) => void };

/**
 * What the page asks on its main thread (app.js's `engine`): answered by the first module,
 * start.js, until calculator.js is there; `compare`'s optimum is then missing unless the build
 * computed it, and `optimize` waits for calculator.js.
 */
type Engine = Pick<typeof import("../pkg/calculator.js"), "presets" | "classify" | "compare" | "optimize">;
type PresetId = import("../pkg/calculator.js").PresetId;
type Objective = import("../pkg/calculator.js").Objective;
/** A scenario as the page reads it from its inputs: the budget is always there. */
type PageScenario = import("../pkg/calculator.js").Scenario & { budget: number };

/** How a metric is written: the name of one of format.js's formatters. */
type MetricKind = "count" | "money" | "percent" | "number" | "roi";
