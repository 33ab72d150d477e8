// @ts-check
// The "Your candidates" tab: a spreadsheet of real candidates, read, classified and audited by
// the engine in a worker, and the best subset of them for the goal under the budget. Every text
// from the file reaches the page as text (dom.js), never as HTML.
import { $, el, fillRows, save, setText } from "./dom.js";
import { plural } from "./i18n.js";
import { choiceCsv, rosterCsv, rosterJson } from "./roster-export.js";

const PAGE = 100;
const SAMPLE = new URL("../samples/roster.csv", import.meta.url);
const FLAGS = ["lowEngagement", "highEngagement", "duplicate", "belowTiers"];
const SORTABLE = ["handle", "tier", "followers", "engagementRate", "fee", "line"];
const COLUMNS = ["chosen", "handle", "platform", "tier", "followers", "engagementRate", "fee", "flags", "line"];

/**
 * @param {{ tr: (key: string, values?: Record<string, string>) => string, fmt: () => any, lang: () => "en" | "fr",
 *   scenario: () => any, tierLabel: (id: string) => string, bestTierMix: () => any, metrics: [string, string][],
 *   formatMetric: (kind: string, value: number | null) => string }} page
 */
export function createRoster(page) {
  const { tr, fmt } = page;
  /** @type {Worker | null} */
  let worker = null;
  let requestId = 0;
  /** What was read last, to read it again when the scheme changes. @type {{ kind: "sample" | "paste" | "file", text?: string, file?: File, name?: string } | null} */
  let source = null;
  /** @type {any} */
  let roster = null;
  /** @type {any} */
  let pick = null;
  let pickError = "";
  /** Row indices the pick chose. */
  let chosen = new Set();
  let sort = { key: "line", ascending: true };
  let shown = PAGE;
  let pickTimer = 0;
  /** The scheme the roster was read under, to notice a change. */
  let readScheme = "";
  /** The scenario of the last pick asked for: the same one (a language switch) is not picked twice. */
  let pickedFor = "";

  function send(/** @type {any} */ message) {
    if (!worker) {
      worker = new Worker(new URL("./roster-worker.js", import.meta.url), { type: "module" });
      worker.addEventListener("message", receive);
      worker.addEventListener("error", () => status(tr("roster.pickFailed", { message: "worker" })));
    }
    requestId += 1;
    worker.postMessage({ ...message, id: requestId });
  }

  function status(/** @type {string} */ text, /** @type {number | null} */ progress = null) {
    setText($("roster-status"), text);
    const bar = /** @type {HTMLProgressElement} */ ($("roster-progress"));
    bar.hidden = progress === null;
    if (progress !== null) bar.value = progress;
  }

  function read(/** @type {NonNullable<typeof source>} */ from) {
    source = from;
    const scenario = page.scenario();
    readScheme = JSON.stringify(scenario.scheme);
    pickedFor = "";
    status(tr("roster.parsing"), 0);
    send({ type: "read", file: from.file, text: from.text, scheme: scenario.scheme });
  }

  function receive(/** @type {MessageEvent} */ event) {
    const message = event.data;
    if (message.id !== requestId && message.type !== "progress") return;
    const f = fmt();
    if (message.type === "progress") {
      status(tr("roster.reading", { loaded: f.count(message.loaded / 1024) + " KB", total: f.count(message.total / 1024) + " KB" }), message.loaded / Math.max(1, message.total));
    } else if (message.type === "parsing") {
      status(tr("roster.parsing"), 1);
    } else if (message.type === "read") {
      roster = message.roster;
      pick = null;
      chosen = new Set();
      shown = PAGE;
      status("");
      render();
      requestPick();
    } else if (message.type === "pick") {
      pick = message.pick;
      pickError = "";
      chosen = new Set(pick.rows.map((/** @type {any} */ row) => row.index));
      renderPick();
      renderTable();
    } else if (message.type === "error") {
      if (roster) {
        pick = null;
        pickError = message.message;
        chosen = new Set();
        renderPick();
        renderTable();
      } else {
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
    const count = roster.rows.length;
    const errors = roster.errors.length;
    const from = source?.kind === "file" ? `“${source.name}”` : tr(`roster.source.${source?.kind ?? "paste"}`);
    status(tr("roster.summary", {
      rows: `${f.count(count)} ${plural(lang, "roster.candidates", count)}`,
      source: from,
      errors: errors === 0
        ? tr("roster.errorsNone")
        : plural(lang, "roster.errorsSome", errors, { count: `${f.count(errors)} ${plural(lang, "roster.rows", errors)}` }),
    }));
    const columnNames = roster.columns.map((/** @type {any} */ c) => c.header || tr(`roster.column.${c.column}`));
    const notes = [
      tr("roster.columns", { columns: columnNames.join(", ") || tr("roster.none"), ignored: roster.ignoredColumns.join(", ") || tr("roster.none") }),
      ...roster.notes.map((/** @type {string} */ note) => tr(`roster.note.${note}`)),
    ];
    $("roster-notes").replaceChildren(...notes.map((note) => el("li", {}, [note])));
    $("roster-errors").hidden = errors === 0;
    $("roster-error-list").replaceChildren(...roster.errors.slice(0, 500).map((/** @type {any} */ e) =>
      el("li", {}, [e.line > 0 ? tr("roster.errorLine", { line: String(e.line), message: errorText(e) }) : tr("roster.errorFile", { message: errorText(e) })])));
    buildFilters();
    renderPick();
    renderTable();
  }

  /** An error in the reader's language; the engine's English message is the fallback. @param {any} e */
  function errorText(e) {
    if (page.lang() === "en") return e.message;
    const key = `roster.error.${e.code}`;
    const text = e.text ? `${tr("quote.open")}${e.text}${tr("quote.close")}` : "";
    const translated = tr(key, { column: e.column ? tr(`roster.column.${e.column}`) : "", text });
    return translated === key ? e.message : translated.charAt(0).toUpperCase() + translated.slice(1);
  }

  function buildFilters() {
    const tierSelect = /** @type {HTMLSelectElement} */ ($("roster-filter-tier"));
    const flagSelect = /** @type {HTMLSelectElement} */ ($("roster-filter-flag"));
    const keepTier = tierSelect.value;
    const keepFlag = flagSelect.value;
    const tierIds = [...new Set(roster.rows.map((/** @type {any} */ r) => r.tier).filter(Boolean))];
    tierSelect.replaceChildren(
      el("option", { value: "" }, [tr("roster.filterAll")]),
      ...tierIds.map((id) => el("option", { value: String(id) }, [page.tierLabel(String(id))])),
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
      setText(proof, "");
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

  function filtered() {
    const tier = /** @type {HTMLSelectElement} */ ($("roster-filter-tier")).value;
    const flag = /** @type {HTMLSelectElement} */ ($("roster-filter-flag")).value;
    const indices = [];
    for (let i = 0; i < roster.rows.length; i++) {
      const row = roster.rows[i];
      if (tier === "-" ? row.tier !== null : tier !== "" && row.tier !== tier) continue;
      if (flag === "chosen" ? !chosen.has(i) : flag === "flagged" ? row.flags.length === 0 : flag !== "" && !row.flags.includes(flag)) continue;
      indices.push(i);
    }
    const { key, ascending } = sort;
    const value = (/** @type {number} */ i) => (key === "tier" ? roster.rows[i].tierIndex ?? -1 : roster.rows[i][key]);
    indices.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === "string" ? x.localeCompare(y) : x - y;
      return (ascending ? order : -order) || a - b;
    });
    return indices;
  }

  function header() {
    return el("tr", {}, COLUMNS.map((column) => {
      const name = tr(`roster.col.${column}`);
      if (!SORTABLE.includes(column)) return el("th", { scope: "col" }, [name]);
      const active = sort.key === column;
      const button = el("button", { type: "button", class: "sort", "data-sort": column, "aria-label": tr("roster.sortBy", { column: name }) }, [name]);
      return el("th", { scope: "col", "aria-sort": active ? (sort.ascending ? "ascending" : "descending") : "none" }, [button]);
    }));
  }

  function cells(/** @type {any} */ row, /** @type {number} */ index) {
    const f = fmt();
    const estimated = (/** @type {string} */ field) => (row.estimated.includes(field) ? ` ${tr("roster.estimated")}` : "");
    const flags = row.flags.map((/** @type {string} */ flag) => tr(`roster.flag.${flag}`));
    if (row.flags.includes("lowEngagement") || row.flags.includes("highEngagement")) {
      flags.push(tr("roster.band", { low: f.percent(row.expectedEngagement.low), high: f.percent(row.expectedEngagement.high) }));
    }
    return [
      el("td", {}, [chosen.has(index) ? tr("roster.yes") : ""]),
      el("td", { class: "text" }, [row.handle || tr("roster.noHandle")]),
      el("td", { class: "text" }, [row.platform ?? ""]),
      el("td", { class: "text" }, [row.tier ? page.tierLabel(row.tier) : "—"]),
      el("td", {}, [f.count(row.followers)]),
      el("td", {}, [f.percent(row.engagementRate) + estimated("engagementRate")]),
      el("td", {}, [f.money(row.fee) + estimated("fee")]),
      el("td", { class: "text" }, [flags.join(" · ")]),
      el("td", {}, [String(row.line)]),
    ];
  }

  function renderTable() {
    if (!roster) return;
    const table = /** @type {HTMLTableElement} */ ($("roster-table"));
    const indices = filtered();
    const visible = indices.slice(0, shown);
    table.tHead?.replaceChildren(header());
    table.tBodies[0]?.replaceChildren(...visible.map((i) => el("tr", chosen.has(i) ? { class: "chosen" } : {}, cells(roster.rows[i], i))));
    const f = fmt();
    setText($("roster-showing"), tr("roster.showing", { shown: f.count(visible.length), total: f.count(indices.length) }));
    $("roster-more").hidden = visible.length >= indices.length;
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
    chosen = new Set();
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
    const key = button.getAttribute("data-sort") ?? "line";
    sort = { key, ascending: sort.key === key ? !sort.ascending : true };
    renderTable();
    /** @type {HTMLElement | null} */ ($("roster-table").querySelector(`button[data-sort="${key}"]`))?.focus();
  });
  $("roster-more").addEventListener("click", () => {
    shown += PAGE;
    renderTable();
  });
  $("roster-export-table").addEventListener("click", () => roster && save(new Blob([rosterCsv(roster.rows, chosen)], { type: "text/csv;charset=utf-8" }), "tiermix-roster.csv"));
  $("roster-export-choice").addEventListener("click", () => roster && pick && save(new Blob([choiceCsv(pick, roster.rows)], { type: "text/csv;charset=utf-8" }), "tiermix-choice.csv"));
  $("roster-export-json").addEventListener("click", () => roster && save(new Blob([rosterJson(roster, pick)], { type: "application/json" }), "tiermix-roster.json"));

  return {
    /** Inputs changed: pick again (and read again under a new scheme). */
    changed: requestPick,
    /** The language changed: redraw in it. */
    translate: () => {
      if (roster) render();
    },
  };
}
