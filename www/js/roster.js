// The "Your candidates" tab: a spreadsheet of real candidates, read, classified and audited by
// the engine in a worker, and the best subset of them for the goal under the budget. The worker
// keeps the rows: this page asks it for the table's current page and for the files to save, so
// no task here grows with the size of the file. Every text from the file reaches the page as
// text (dom.js), never as HTML.
import { $, el, fillRows, setText } from "./dom.js";
import { rosterInput, rosterResult } from "./roster-result.js";
import { save } from "./save.js";
import { plural } from "./i18n.js";
/** @import { Outcome, RowError, Scenario } from "../pkg/tiermix.js" */
/** @import { PickSummary, RosterAnswer, RosterAsk, RosterSource, RosterSummary, SortKey, ViewAsk, ViewRow } from "./messages.js" */
/** @import { Formatters, Lang, Translate } from "./page/types.js" */

const PAGE = 100;
const SAMPLE = new URL("../samples/roster.csv", import.meta.url);
const FLAGS = ["lowEngagement", "highEngagement", "duplicate", "belowTiers"];
const SORTABLE = ["handle", "tier", "followers", "engagementRate", "fee", "line"];
const COLUMNS = ["chosen", "handle", "platform", "tier", "followers", "engagementRate", "fee", "flags", "line"];
/** The table's columns: audience fit, after the rates, only for a file that has it. @param {RosterSummary} read */
const columnsFor = (read) => (read.columns.some((c) => c.column === "audienceFit") ? [...COLUMNS.slice(0, 6), "audienceFit", ...COLUMNS.slice(6)] : COLUMNS);
const EXPORT_NAMES = { table: "tiermix-roster.csv", choice: "tiermix-choice.csv", json: "tiermix-roster.json" };

/**
 * @param {{ tr: Translate, fmt: () => Formatters, lang: () => Lang, scenario: () => Scenario,
 *   tierLabel: (id: string) => string, bestTierMix: () => Outcome | null, metrics: Metric[],
 *   formatMetric: (kind: MetricKind, value: number | null) => string }} page
 */
export function createRoster(page) {
  const { tr, fmt } = page;
  $("panel-roster").append(...rosterInput(tr), rosterResult(tr));
  /** @type {Worker | null} */
  let worker = null;
  let lastId = 0;
  /** The last request of each kind: an answer to an older one, or to anything asked before the
   *  last read, is stale. @type {Record<RosterAsk["type"], number>} */
  const latest = { read: 0, pick: 0, view: 0, export: 0 };
  /** What was read last, to read it again when the scheme changes. @type {RosterSource | null} */
  let source = null;
  /** What the worker read, without its rows. @type {RosterSummary | null} */
  let roster = null;
  /** The pick's outcome, without its rows. @type {PickSummary | null} */
  let pick = null;
  let pickError = "";
  /** A pick was asked for and has not answered yet. */
  let picking = false;
  /** @type {ViewAsk["sort"]} */
  let sort = { key: "line", ascending: true };
  let shown = PAGE;
  let pickTimer = 0;
  /** The scheme the roster was read under, to notice a change. */
  let readScheme = "";
  /** The scenario of the last pick asked for: the same one (a language switch) is not picked twice. */
  let pickedFor = "";

  function send(/** @type {RosterAsk} */ message) {
    if (!worker) {
      worker = new Worker(new URL("./roster-worker.js", import.meta.url), { type: "module" });
      worker.addEventListener("message", receive);
      worker.addEventListener("error", () => status(tr("roster.pickFailed", { message: "worker" })));
    }
    lastId += 1;
    latest[message.type] = lastId;
    worker.postMessage({ ...message, id: lastId });
  }

  /** Whether an answer is to the newest request of its kind, made since the last read. @param {RosterAnswer} message */
  function current(message) {
    const kind = message.type === "progress" || message.type === "parsing" ? "read" : message.type === "error" ? message.request : message.type;
    return message.id === latest[kind] && message.id >= latest.read;
  }

  function status(/** @type {string} */ text, /** @type {number | null} */ progress = null) {
    setText($("roster-status"), text);
    const bar = /** @type {HTMLProgressElement} */ ($("roster-progress"));
    bar.hidden = progress === null;
    if (progress !== null) bar.value = progress;
  }

  function read(/** @type {RosterSource} */ from) {
    source = from;
    const scenario = page.scenario();
    readScheme = JSON.stringify(scenario.scheme);
    pickedFor = "";
    status(tr("roster.parsing"), 0);
    send({ type: "read", scheme: scenario.scheme, ...(from.kind === "file" ? { file: from.file } : { text: from.text }) });
  }

  function receive(/** @type {MessageEvent<RosterAnswer>} */ event) {
    const message = event.data;
    if (!current(message)) return;
    const f = fmt();
    if (message.type === "progress") {
      status(tr("roster.reading", { loaded: f.count(message.loaded / 1024) + " KB", total: f.count(message.total / 1024) + " KB" }), message.loaded / Math.max(1, message.total));
    } else if (message.type === "parsing") {
      status(tr("roster.parsing"), 1);
    } else if (message.type === "read") {
      roster = message.roster;
      pick = null;
      picking = false;
      shown = PAGE;
      status("");
      render();
      requestPick();
    } else if (message.type === "pick") {
      pick = message.pick;
      pickError = "";
      picking = false;
      // The summary shows with the table that marks the chosen rows (see showTable).
      renderTable();
    } else if (message.type === "view") {
      showTable(message);
    } else if (message.type === "export") {
      save(message.blob, EXPORT_NAMES[message.kind]);
    } else if (message.type === "error") {
      if (message.request === "read") {
        status(message.message);
      } else if (message.request === "pick") {
        pick = null;
        pickError = message.message;
        picking = false;
        renderTable();
      } else {
        $("roster-table").removeAttribute("aria-busy");
        status(message.message);
      }
    }
  }

  function requestPick() {
    if (!roster) return;
    clearTimeout(pickTimer);
    pickTimer = window.setTimeout(() => {
      const scenario = page.scenario();
      // A new scheme moves candidates between tiers: read the file again under it.
      if (JSON.stringify(scenario.scheme) !== readScheme && source) {
        read(source);
        return;
      }
      const key = JSON.stringify(scenario);
      if (key === pickedFor) return;
      pickedFor = key;
      picking = true;
      setText($("roster-pick-proof"), tr("roster.picking"));
      send({ type: "pick", scenario });
    }, 150);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  function render() {
    $("roster-result").hidden = !roster;
    if (!roster) return;
    const f = fmt();
    const lang = page.lang();
    const count = roster.rowCount;
    const errors = roster.errorCount;
    const from = source?.kind === "file" ? `“${source.name}”` : tr(`roster.source.${source?.kind ?? "paste"}`);
    status(tr("roster.summary", {
      rows: `${f.count(count)} ${plural(lang, "roster.candidates", count)}`,
      source: from,
      errors: errors === 0
        ? tr("roster.errorsNone")
        : plural(lang, "roster.errorsSome", errors, { count: `${f.count(errors)} ${plural(lang, "roster.rows", errors)}` }),
    }));
    const columnNames = roster.columns.map((c) => c.header || tr(`roster.column.${c.column}`));
    const notes = [
      tr("roster.columns", { columns: columnNames.join(", ") || tr("roster.none"), ignored: roster.ignoredColumns.join(", ") || tr("roster.none") }),
      ...roster.notes.map((note) => tr(`roster.note.${note}`)),
    ];
    $("roster-notes").replaceChildren(...notes.map((note) => el("li", {}, [note])));
    $("roster-errors").hidden = errors === 0;
    $("roster-error-list").replaceChildren(...roster.errors.map((e) =>
      el("li", {}, [e.line > 0 ? tr("roster.errorLine", { line: String(e.line), message: errorText(e) }) : tr("roster.errorFile", { message: errorText(e) })])));
    buildFilters(roster.tiers);
    renderTable();
  }

  /** An error in the reader's language; the engine's English message is the fallback. @param {RowError} e */
  function errorText(e) {
    if (page.lang() === "en") return e.message;
    const key = `roster.error.${e.code}`;
    const text = e.text ? `${tr("quote.open")}${e.text}${tr("quote.close")}` : "";
    const values = { column: e.column ? tr(`roster.column.${e.column}`) : "", text };
    // A column may word a code its own way (a fit over 100 %), else the code's wording serves.
    const own = e.column ? tr(`${key}.${e.column}`, values) : "";
    const translated = own && own !== `${key}.${e.column}` ? own : tr(key, values);
    return translated === key ? e.message : translated.charAt(0).toUpperCase() + translated.slice(1);
  }

  function buildFilters(/** @type {string[]} */ tiers) {
    const tierSelect = /** @type {HTMLSelectElement} */ ($("roster-filter-tier"));
    const flagSelect = /** @type {HTMLSelectElement} */ ($("roster-filter-flag"));
    const keepTier = tierSelect.value;
    const keepFlag = flagSelect.value;
    tierSelect.replaceChildren(
      el("option", { value: "" }, [tr("roster.filterAll")]),
      ...tiers.map((id) => el("option", { value: id }, [page.tierLabel(id)])),
      el("option", { value: "-" }, [tr("roster.filterBelow")]),
    );
    flagSelect.replaceChildren(
      el("option", { value: "" }, [tr("roster.filterAll")]),
      el("option", { value: "chosen" }, [tr("roster.filterChosen")]),
      el("option", { value: "flagged" }, [tr("roster.filterFlagged")]),
      ...FLAGS.map((flag) => el("option", { value: flag }, [tr(`roster.flag.${flag}`)])),
    );
    tierSelect.value = [...tierSelect.options].some((o) => o.value === keepTier) ? keepTier : "";
    flagSelect.value = [...flagSelect.options].some((o) => o.value === keepFlag) ? keepFlag : "";
  }

  function renderPick() {
    const f = fmt();
    const best = page.bestTierMix();
    const summary = $("roster-pick-summary");
    const proof = $("roster-pick-proof");
    const table = /** @type {HTMLTableElement} */ ($("roster-compare"));
    if (!pick) {
      setText(summary, pickError ? tr("roster.pickFailed", { message: pickError }) : "");
      setText(proof, picking ? tr("roster.picking") : "");
      fillRows(table.tHead, [], [], "col");
      fillRows(table.tBodies[0], [], [], "row");
      return;
    }
    const o = pick.outcome;
    setText(summary, o.influencers === 0 ? tr("roster.pickNone") : tr("roster.pickSummary", {
      count: `${f.count(o.influencers)} ${plural(page.lang(), "roster.candidates", o.influencers)}`,
      spend: f.money(o.spend),
      reach: f.count(o.reach),
      conversions: f.count(o.conversions),
    }));
    setText(proof, pick.exact ? tr("roster.exact") : tr("roster.gap", { gap: f.percent(pick.gap) }));
    fillRows(table.tHead, [[tr("roster.compareMetric"), tr("roster.compareTiers"), tr("roster.compareRoster")]], [], "col");
    fillRows(table.tBodies[0], page.metrics.map(([key, kind]) => [
      tr(`metric.${key}`),
      best ? page.formatMetric(kind, best[key]) : "—",
      page.formatMetric(kind, o[key]),
    ]), ["", "", "best-col"], "row");
  }

  function header(/** @type {RosterSummary} */ read) {
    return el("tr", {}, columnsFor(read).map((column) => {
      const name = tr(`roster.col.${column}`);
      if (!SORTABLE.includes(column)) return el("th", { scope: "col" }, [name]);
      const active = sort.key === column;
      const button = el("button", { type: "button", class: "sort", "data-sort": column, "aria-label": tr("roster.sortBy", { column: name }) }, [name]);
      return el("th", { scope: "col", "aria-sort": active ? (sort.ascending ? "ascending" : "descending") : "none" }, [button]);
    }));
  }

  function cells(/** @type {ViewRow} */ row, /** @type {boolean} */ fit) {
    const f = fmt();
    const estimated = (/** @type {"engagementRate" | "fee"} */ field) => (row.estimated.includes(field) ? ` ${tr("roster.estimated")}` : "");
    const flags = row.flags.map((flag) => tr(`roster.flag.${flag}`));
    if (row.flags.includes("lowEngagement") || row.flags.includes("highEngagement")) {
      flags.push(tr("roster.band", { low: f.percent(row.expectedEngagement.low), high: f.percent(row.expectedEngagement.high) }));
    }
    return [
      el("td", {}, [row.chosen ? tr("roster.yes") : ""]),
      el("td", { class: "text" }, [row.handle || tr("roster.noHandle")]),
      el("td", { class: "text" }, [row.platform ?? ""]),
      el("td", { class: "text" }, [row.tier ? page.tierLabel(row.tier) : "—"]),
      el("td", {}, [f.count(row.followers)]),
      el("td", {}, [f.percent(row.engagementRate) + estimated("engagementRate")]),
      ...(fit ? [el("td", {}, [row.audienceFit === null ? tr("roster.fitTier") : f.percent(row.audienceFit)])] : []),
      el("td", {}, [f.money(row.fee) + estimated("fee")]),
      el("td", { class: "text" }, [flags.join(" · ")]),
      el("td", {}, [String(row.line)]),
    ];
  }

  /** Asks the worker for the rows the table shows; the header follows the sort at once. */
  function renderTable() {
    if (!roster) return;
    const table = /** @type {HTMLTableElement} */ ($("roster-table"));
    table.tHead?.replaceChildren(header(roster));
    table.setAttribute("aria-busy", "true");
    const tier = /** @type {HTMLSelectElement} */ ($("roster-filter-tier")).value;
    const flag = /** @type {HTMLSelectElement} */ ($("roster-filter-flag")).value;
    send({ type: "view", tier, flag, sort, shown });
  }

  /** The rows of the table's current page, with the pick they were marked by. @param {{ rows: ViewRow[], total: number }} view */
  function showTable({ rows, total }) {
    const table = /** @type {HTMLTableElement} */ ($("roster-table"));
    const fit = roster ? columnsFor(roster).includes("audienceFit") : false;
    table.tBodies[0]?.replaceChildren(...rows.map((row) => el("tr", row.chosen ? { class: "chosen" } : {}, cells(row, fit))));
    table.removeAttribute("aria-busy");
    const f = fmt();
    setText($("roster-showing"), tr("roster.showing", { shown: f.count(rows.length), total: f.count(total) }));
    $("roster-more").hidden = rows.length >= total;
    renderPick();
  }

  // ------------------------------------------------------------------------------------------
  // Wiring

  function readFile(/** @type {File | undefined} */ file) {
    if (file) read({ kind: "file", file, name: file.name });
  }

  $("roster-sample").addEventListener("click", async () => {
    const response = await fetch(SAMPLE);
    const text = await response.text();
    /** @type {HTMLTextAreaElement} */ ($("roster-text")).value = text;
    read({ kind: "sample", text });
  });
  $("roster-file").addEventListener("change", (event) => readFile(/** @type {HTMLInputElement} */ (event.target).files?.[0]));
  $("roster-read").addEventListener("click", () => {
    const text = /** @type {HTMLTextAreaElement} */ ($("roster-text")).value;
    if (text.trim()) read({ kind: "paste", text });
  });
  $("roster-clear").addEventListener("click", () => {
    /** @type {HTMLTextAreaElement} */ ($("roster-text")).value = "";
    roster = pick = source = null;
    // Whatever the worker still sends about the old roster is stale.
    latest.read = ++lastId;
    status("");
    render();
  });
  const drop = $("roster-drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("dragging");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dragging");
    readFile(event.dataTransfer?.files?.[0]);
  });
  for (const id of ["roster-filter-tier", "roster-filter-flag"]) {
    $(id).addEventListener("change", () => {
      shown = PAGE;
      renderTable();
    });
  }
  $("roster-table").addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-sort]");
    if (!button) return;
    // The header's buttons are made from SORTABLE.
    const key = /** @type {SortKey} */ (button.getAttribute("data-sort") ?? "line");
    sort = { key, ascending: sort.key === key ? !sort.ascending : true };
    renderTable();
    /** @type {HTMLElement | null} */ ($("roster-table").querySelector(`button[data-sort="${key}"]`))?.focus();
  });
  $("roster-more").addEventListener("click", () => {
    shown += PAGE;
    renderTable();
  });
  // The worker writes the files: a 200,000-row JSON export is a second of work.
  $("roster-export-table").addEventListener("click", () => roster && send({ type: "export", kind: "table" }));
  $("roster-export-choice").addEventListener("click", () => roster && pick && send({ type: "export", kind: "choice" }));
  $("roster-export-json").addEventListener("click", () => roster && send({ type: "export", kind: "json" }));

  return {
    /** Inputs changed: pick again (and read again under a new scheme). */
    changed: requestPick,
    /** The language changed: redraw in it. */
    translate: () => {
      if (roster) render();
    },
  };
}
