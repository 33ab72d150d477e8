// Types of tiermix.js, the whole API: calculator.js's functions (and every shape they share,
// see calculator.d.ts) plus the roster reader and picker.
import type { Goal, InitInput, InitOutput, Objective, Outcome, Scenario, SchemeInput, SyncInitInput } from "./calculator.js";

export * from "./calculator.js";

/** Fetches (or takes) and instantiates the module (default: tiermix_bg.wasm next to this file). */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
/** Instantiates the module from bytes or a compiled module, synchronously (Node, workers). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

// ---------------------------------------------------------------------------------------------
// Rosters

/** A column tiermix recognises in a roster file. */
export type RosterColumn = "handle" | "followers" | "engagementRate" | "engagements" | "fee" | "platform" | "topic" | "audienceFit";

/** One candidate, as read from the file and completed from the curves. */
export interface RosterRow {
  line: number;
  handle: string;
  platform: string | null;
  topic: string | null;
  followers: number;
  /** null below every tier of the scheme. */
  tier: string | null;
  tierIndex: number | null;
  /** Fee per sponsored post. */
  fee: number;
  /** Engagements per follower per post, as a share (0.034 for 3.4 %). */
  engagementRate: number;
  /**
   * The share of its real followers in your target audience (0.35 for 35 %), as the file gives
   * it; null when it does not: `pickRoster` then uses the tier's `audienceFit`, overrides included.
   */
  audienceFit: number | null;
  /** Which values came from the curves rather than the file (shared and frozen: copy to change). */
  estimated: readonly ("engagementRate" | "fee")[];
  /** The engagement rate the curve expects for an account of this size. */
  expectedEngagement: { low: number; high: number };
  /** Shared and frozen, like `estimated`. */
  flags: readonly ("belowTiers" | "lowEngagement" | "highEngagement" | "duplicate")[];
}

/** Why a row, or the file, could not be read: stable, for a page to word in its reader's language. */
export type RowErrorCode =
  | "empty"
  | "noRows"
  | "noFollowersColumn"
  | "tooManyRows"
  | "fieldCount"
  | "unclosedQuote"
  | "missingFollowers"
  | "notANumber"
  | "negative"
  | "percent"
  | "outOfRange";

/** A row or the file could not be read, with the line it was found on; `message` is in English. */
export interface RowError {
  line: number;
  /** The column at fault, when one cell is. */
  column: RosterColumn | null;
  code: RowErrorCode;
  /** The offending cell, shortened. */
  text: string | null;
  message: string;
}

export interface Roster {
  rows: RosterRow[];
  errors: RowError[];
  delimiter: "," | ";" | "\t";
  /** Each recognised column and the header it was read from. */
  columns: { column: RosterColumn; header: string }[];
  /** Headers tiermix does not use, as written. */
  ignoredColumns: string[];
  /** How the file was read, for the page to explain. */
  /** `percentAssumed`, `fitPercentAssumed`: that column's numbers without `%` read as percentages, as some exceed 1. */
  notes: ("headerless" | "windows1252" | "percentAssumed" | "fitPercentAssumed")[];
  blankLines: number;
}

/**
 * A row `pickRoster` takes: a parsed row, possibly edited, or a row of your own. Only
 * `followers` is required; a fee or engagement rate that is absent, or listed in `estimated`,
 * is estimated again from the curves; an absent (or null) `audienceFit` is the tier's; `handle` is
 * copied to the chosen rows.
 */
export type RosterCandidate = Pick<RosterRow, "followers"> & Partial<RosterRow>;

/** One chosen candidate; `index` is its position in the roster passed in. */
export interface Chosen {
  index: number;
  line: number;
  handle: string;
  tier: string;
  followers: number;
  /** Fees for every post plus the team's time. */
  cost: number;
  hours: number;
}

export interface RosterPick {
  rows: Chosen[];
  /** The chosen rows' outcome (`kind: "roster"`). */
  outcome: Outcome;
  objective: Objective;
  /** The objective's value for the chosen rows. */
  value: number;
  /** No subset can score more (proven); equal to `value` when `exact`. */
  upperBound: number;
  /** How far from the optimum the pick can be, at most: 0 when `exact`. */
  gap: number;
  exact: boolean;
  /** Candidates that could be picked (those below every tier cannot). */
  candidates: number;
  /** Positions of the candidates below every tier. */
  belowTiers: number[];
}

/** Reads a roster from its text or its bytes; never throws for the file's content. */
export function parseRoster(text: string | Uint8Array, scheme?: SchemeInput | null): Roster;
/** The best subset of a roster (a parseRoster result or its rows) under `scenario.budget`. */
export function pickRoster(
  roster: Roster | { rows: readonly RosterCandidate[] } | readonly RosterCandidate[],
  scenario: Scenario,
  goal?: Goal | null,
): RosterPick;
