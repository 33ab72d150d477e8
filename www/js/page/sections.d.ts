// Short global names for the sections' JSDoc (jsconfig.json includes this file; the workers'
// project does not, since it names the page's modules). Types only; nothing here is loaded.

/** A simulation, its swings, the switching values and the scenario they were computed for (as JSON). */
type SimulationRun = { key: string; simulation: Simulation; swings: Swing[]; switches: Switch[] };

/** The engine in a worker (engine.js's backgroundEngine): null if a newer request ended this one. */
type EngineWorker = import("./types.js").EngineWorker;

// The page object and its sections, by bare name for app.js.
type Page = import("./types.js").Page;
type PageState = import("./types.js").PageState;
type Sections = import("./types.js").Sections;
type Link = import("./types.js").Link;
type Candidates = import("./types.js").Candidates;
type Thresholds = import("./types.js").Thresholds;
type Limits = import("./types.js").Limits;
type Benchmarks = import("./types.js").Benchmarks;
