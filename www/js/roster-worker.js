// @ts-check
// The candidates tab's data lives here, off the page's main thread: a file of 200,000 rows is
// read, picked from, filtered, sorted and exported in this worker, and the page only ever
// receives what it shows (a summary, the rows of the table's current page) or a file to save.
// Handing the page every row would cost it a long freeze just to receive them.
import { loadRosterEngine } from "./engine.js";
import { choiceCsv, rosterCsv, rosterJson } from "./roster-export.js";

/** The most errors the page lists; the count says how many there are. */
const ERRORS_SHOWN = 500;
const EXPORTS = {
  table: { type: "text/csv;charset=utf-8", write: () => rosterCsv(roster.rows, chosen) },
  choice: { type: "text/csv;charset=utf-8", write: () => choiceCsv(pick, roster.rows) },
  json: { type: "application/json", write: () => rosterJson(roster, pick) },
};

const engine = loadRosterEngine();
/** The last roster read, and the last pick from it. @type {any} */
let roster = null;
/** @type {any} */
let pick = null;
/** Row indices the pick chose. */
let chosen = new Set();
/** The last table view's filtered and sorted row indices, kept for "show more". */
let view = { key: "", indices: /** @type {number[]} */ ([]) };
/** Bumped by every read and pick: a view computed before either is stale. */
let generation = 0;
const collator = new Intl.Collator();

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
    self.postMessage({ id, type: "progress", loaded: Math.min(loaded, file.size), total: file.size });
  }
  return bytes;
}

/** What the page shows about the file: everything but the rows. */
function summary() {
  const { rows, errors, ...reading } = roster;
  const tiers = [...new Set(rows.map((/** @type {any} */ row) => row.tier).filter(Boolean))];
  return { ...reading, rowCount: rows.length, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), tiers };
}

/**
 * The row indices a table view shows, filtered and sorted; the same view again (more rows of
 * it) reuses them.
 * @param {{ tier: string, flag: string, sort: { key: string, ascending: boolean } }} request
 */
function indicesFor({ tier, flag, sort }) {
  const key = JSON.stringify([generation, tier, flag, sort]);
  if (view.key === key) return view.indices;
  const rows = roster.rows;
  const indices = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (tier === "-" ? row.tier !== null : tier !== "" && row.tier !== tier) continue;
    if (flag === "chosen" ? !chosen.has(i) : flag === "flagged" ? row.flags.length === 0 : flag !== "" && !row.flags.includes(flag)) continue;
    indices.push(i);
  }
  const value = (/** @type {number} */ i) => (sort.key === "tier" ? rows[i].tierIndex ?? -1 : rows[i][sort.key]);
  const direction = sort.ascending ? 1 : -1;
  indices.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === "string" ? collator.compare(x, y) : x - y;
    return direction * order || a - b;
  });
  view = { key, indices };
  return indices;
}

self.addEventListener("message", async (event) => {
  const { id, type } = event.data;
  try {
    const tiermix = await engine;
    if (type === "read") {
      const { file, text, scheme } = event.data;
      const input = file ? await readBytes(file, id) : text;
      self.postMessage({ id, type: "parsing" });
      const started = performance.now();
      roster = tiermix.parseRoster(input, scheme);
      pick = null;
      chosen = new Set();
      generation += 1;
      self.postMessage({ id, type: "read", roster: summary(), milliseconds: performance.now() - started });
      return;
    }
    if (!roster) throw new Error("no roster has been read yet");
    if (type === "pick") {
      const started = performance.now();
      // A pick that fails leaves none: the table and the exports must not show an older one.
      pick = null;
      chosen = new Set();
      generation += 1;
      pick = tiermix.pickRoster(roster, event.data.scenario, null);
      chosen = new Set(pick.rows.map((/** @type {any} */ row) => row.index));
      generation += 1;
      // The chosen rows reach the page through the table; the positions below every tier not at all.
      const { rows, belowTiers, ...outcome } = pick;
      self.postMessage({ id, type: "pick", pick: { ...outcome, chosen: rows.length }, milliseconds: performance.now() - started });
    } else if (type === "view") {
      const indices = indicesFor(event.data);
      const rows = indices.slice(0, event.data.shown).map((index) => ({ ...roster.rows[index], index, chosen: chosen.has(index) }));
      self.postMessage({ id, type: "view", rows, total: indices.length });
    } else if (type === "export") {
      const format = EXPORTS[/** @type {keyof typeof EXPORTS} */ (event.data.kind)];
      if (!format || (event.data.kind === "choice" && !pick)) throw new Error(`nothing to export as ${event.data.kind}`);
      self.postMessage({ id, type: "export", kind: event.data.kind, blob: new Blob([format.write()], { type: format.type }) });
    }
  } catch (error) {
    self.postMessage({ id, type: "error", request: type, message: error instanceof Error ? error.message : String(error) });
  }
});
