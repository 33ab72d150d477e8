// What the page and its workers post to each other (engine-worker.js, roster-worker.js). Types
// only: nothing here is loaded by the browser.
import type { Roster, RosterPick, RosterRow, Scenario, SchemeInput } from "../pkg/tiermix.js";

// ---------------------------------------------------------------------------------------------
// engine-worker.js: any of the engine's functions, by name, answered in order.

export interface EngineAsk {
  /** Identifies the inputs the calls are for (the scenario's JSON). */
  key: string;
  calls: [name: string, args: unknown[]][];
  /** The module the page compiled, so the worker neither fetches nor compiles it. */
  module?: WebAssembly.Module;
}

/** Each call's result in the order asked, or why they failed. */
export type EngineAnswer = { key: string; results: unknown[]; error?: undefined } | { key: string; error: string; results?: undefined };

// ---------------------------------------------------------------------------------------------
// roster-worker.js: the worker keeps the rows; the page asks for what it shows.

export type ExportKind = "table" | "choice" | "json";

/** The columns the table sorts by ("tier": in the scheme's order). */
export type SortKey = "handle" | "tier" | "followers" | "engagementRate" | "fee" | "line";

/** A table view: the rows of one tier ("-": below every tier) and flag, sorted, the first `shown`. */
export interface ViewAsk {
  tier: string;
  flag: string;
  sort: { key: SortKey; ascending: boolean };
  shown: number;
}

/** What the candidates tab read last: read again under a new scheme. */
export type RosterSource = { kind: "file"; file: File; name: string } | { kind: "sample" | "paste"; text: string };

/** What the page asks, without the id `send` numbers it with. */
export type RosterAsk =
  | ({ type: "read"; scheme: SchemeInput | undefined } & ({ file: File; text?: undefined } | { text: string; file?: undefined }))
  | { type: "pick"; scenario: Scenario }
  | ({ type: "view" } & ViewAsk)
  | { type: "export"; kind: ExportKind };

export type RosterRequest = RosterAsk & { id: number };

/** What the page is told about a roster: everything but its rows, and at most 500 errors. */
export type RosterSummary = Omit<Roster, "rows"> & { rowCount: number; errorCount: number; tiers: string[] };

/** The pick without its rows (the table marks them) and the positions below every tier. */
export type PickSummary = Omit<RosterPick, "rows" | "belowTiers"> & { chosen: number };

/** A row of the table's current page. */
export type ViewRow = RosterRow & { index: number; chosen: boolean };

export type RosterAnswer = { id: number } & (
  | { type: "progress"; loaded: number; total: number }
  | { type: "parsing" }
  | { type: "read"; roster: RosterSummary; milliseconds: number }
  | { type: "pick"; pick: PickSummary; milliseconds: number }
  | { type: "view"; rows: ViewRow[]; total: number }
  | { type: "export"; kind: ExportKind; blob: Blob }
  | { type: "error"; request: RosterRequest["type"]; message: string }
);
