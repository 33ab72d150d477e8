// Roster exports: CSV a spreadsheet opens safely, and JSON.
/** @import { Roster, RosterPick, RosterRow } from "../pkg/tiermix.js" */

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, their
 * full-width forms `＝ ＋ － ＠`, which spreadsheets in Japanese, Chinese and Korean read as the
 * same operators, or a tab or carriage return first) is prefixed with `'`, so
 * `=HYPERLINK(...)` from a hostile file stays text; a cell with a comma, quote or line break is
 * quoted.
 * @param {unknown} value
 */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file (with a byte-order mark, so spreadsheets read it as UTF-8). @param {string[]} head @param {unknown[][]} rows */
export function toCsv(head, rows) {
  return `\ufeff${[head, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const COLUMNS = ["line", "handle", "platform", "topic", "followers", "tier", "engagementRate", "engagementRateEstimated", "fee", "feeEstimated", "audienceFit", "flags"];

/** Every candidate as read (an empty audienceFit: the file gave none, so the tier's applied), with whether the pick chose it. @param {RosterRow[]} rows @param {Set<number>} chosen */
export function rosterCsv(rows, chosen) {
  return toCsv([...COLUMNS, "chosen"], rows.map((row, index) => [
    row.line, row.handle, row.platform, row.topic, row.followers, row.tier, row.engagementRate,
    row.estimated.includes("engagementRate"), row.fee, row.estimated.includes("fee"), row.audienceFit, row.flags.join(" "), chosen.has(index),
  ]));
}

/** The chosen candidates with what each costs. @param {RosterPick} pick @param {RosterRow[]} rows */
export function choiceCsv(pick, rows) {
  return toCsv(["line", "handle", "platform", "topic", "tier", "followers", "cost", "hours"], pick.rows.map((chosen) => {
    const row = rows[chosen.index];
    return [chosen.line, chosen.handle, row?.platform, row?.topic, chosen.tier, chosen.followers, chosen.cost, chosen.hours];
  }));
}

/** The whole roster and the pick, as JSON. @param {Roster} roster @param {RosterPick | null} pick */
export function rosterJson(roster, pick) {
  return JSON.stringify({ roster, pick }, null, 2);
}
