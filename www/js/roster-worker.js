// The candidates tab's data lives here, off the page's main thread: a file of 200,000 rows is
// read, picked from, filtered, sorted and exported in this worker, and the page only ever
// receives what it shows (a summary, the rows of the table's current page) or a file to save.
// Handing the page every row would cost it a long freeze just to receive them.
import { loadRosterEngine } from "./engine.js";
import { choiceCsv, rosterCsv, rosterJson } from "./roster-export.js";
/** @import { Roster, RosterPick, RosterRow } from "../pkg/tiermix.js" */
/** @import { RosterAnswer, RosterRequest, ViewAsk } from "./messages.js" */

/** The most errors the page lists; the count says how many there are. */
const ERRORS_SHOWN = 500;
/** Each file the page can ask for, written from the roster read and the pick from it. @type {Record<string, { type: string, write: (roster: Roster, pick: RosterPick | null) => string }>} */
const EXPORTS = {
  table: { type: "text/csv;charset=utf-8", write: (roster) => rosterCsv(roster.rows, chosen) },
  // Asked for only with a pick (see the handler).
  choice: { type: "text/csv;charset=utf-8", write: (roster, pick) => choiceCsv(/** @type {RosterPick} */ (pick), roster.rows) },
  json: { type: "application/json", write: (roster, pick) => rosterJson(roster, pick) },
};

/** @type {Promise<typeof import("../pkg/tiermix.js")>} */
const engine = loadRosterEngine();
/** The last roster read, and the last pick from it. @type {Roster | null} */
let roster = null;
/** @type {RosterPick | null} */
let pick = null;
/** Row indices the pick chose. @type {Set<number>} */
let chosen = new Set();
/** The last table view's filtered and sorted row indices, kept for "show more". */
let view = { key: "", indices: /** @type {number[]} */ ([]) };
/** Bumped by every read and pick: a view computed before either is stale. */
let generation = 0;
const collator = new Intl.Collator();

/** Answers the page in the shapes it reads (`self.postMessage` takes whatever it is given). @param {RosterAnswer} answer */
const reply = (answer) => self.postMessage(answer);

/** Reads a file chunk by chunk, reporting progress, into one byte array. @param {File} file @param {number} id */
async function readBytes(file, id) {
  const bytes = new Uint8Array(file.size);
  let loaded = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read keeps what fits; the rest would be a different file.
    bytes.set(value.subarray(0, bytes.length - loaded), loaded);
    loaded += value.length;
    reply({ id, type: "progress", loaded: Math.min(loaded, file.size), total: file.size });
  }
  return bytes;
}

/** What the page shows about the file: everything but the rows. @param {Roster} parsed */
function summary(parsed) {
  const { rows, errors, ...reading } = parsed;
  const tiers = [...new Set(rows.flatMap((row) => (row.tier ? [row.tier] : [])))];
  return { ...reading, rowCount: rows.length, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), tiers };
}

/**
 * The row indices a table view shows, filtered and sorted; the same view again (more rows of
 * it) reuses them.
 * @param {RosterRow[]} rows @param {ViewAsk} request
 */
function indicesFor(rows, { tier, flag, sort }) {
  const key = JSON.stringify([generation, tier, flag, sort]);
  if (view.key === key) return view.indices;
  const indices = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (tier === "-" ? row.tier !== null : tier !== "" && row.tier !== tier) continue;
    if (flag === "chosen" ? !chosen.has(i) : flag === "flagged" ? row.flags.length === 0 : flag !== "" && !row.flags.some((f) => f === flag)) continue;
    indices.push(i);
  }
  const value = (/** @type {number} */ i) => (sort.key === "tier" ? rows[i].tierIndex ?? -1 : rows[i][sort.key]);
  const direction = sort.ascending ? 1 : -1;
  indices.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // One column: both values are of one type.
    const order = typeof x === "string" ? collator.compare(x, /** @type {string} */ (y)) : x - /** @type {number} */ (y);
    return direction * order || a - b;
  });
  view = { key, indices };
  return indices;
}

self.addEventListener("message", async (/** @type {MessageEvent<RosterRequest>} */ event) => {
  const request = event.data;
  const { id, type } = request;
  try {
    const tiermix = await engine;
    if (request.type === "read") {
      const { file, text, scheme } = request;
      const input = file ? await readBytes(file, id) : text;
      reply({ id, type: "parsing" });
      const started = performance.now();
      roster = tiermix.parseRoster(input, scheme);
      pick = null;
      chosen = new Set();
      generation += 1;
      reply({ id, type: "read", roster: summary(roster), milliseconds: performance.now() - started });
      return;
    }
    if (!roster) throw new Error("no roster has been read yet");
    if (request.type === "pick") {
      const started = performance.now();
      // A pick that fails leaves none: the table and the exports must not show an older one.
      pick = null;
      chosen = new Set();
      generation += 1;
      pick = tiermix.pickRoster(roster, request.scenario, null);
      chosen = new Set(pick.rows.map((row) => row.index));
      generation += 1;
      // The chosen rows reach the page through the table; the positions below every tier not at all.
      const { rows, belowTiers, ...outcome } = pick;
      reply({ id, type: "pick", pick: { ...outcome, chosen: rows.length }, milliseconds: performance.now() - started });
    } else if (request.type === "view") {
      const all = roster.rows;
      const indices = indicesFor(all, request);
      const rows = indices.slice(0, request.shown).map((index) => ({ ...all[index], index, chosen: chosen.has(index) }));
      reply({ id, type: "view", rows, total: indices.length });
    } else if (request.type === "export") {
      const format = EXPORTS[request.kind];
      if (!format || (request.kind === "choice" && !pick)) throw new Error(`nothing to export as ${request.kind}`);
      reply({ id, type: "export", kind: request.kind, blob: new Blob([format.write(roster, pick)], { type: format.type }) });
    }
  } catch (error) {
    reply({ id, type: "error", request: type, message: error instanceof Error ? error.message : String(error) });
  }
});
