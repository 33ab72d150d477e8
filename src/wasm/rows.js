// Roster rows across the wasm boundary, a column at a time.
//
// A roster can hold 200,000 rows. Converting them one field at a time through the binding
// costs about ten times the parsing itself, so the module hands over typed arrays and one
// string of all the text, and these two functions build or read the plain row objects of the
// API in a single JavaScript loop. Nothing here computes: values are copied, not derived.

// Rows share their `estimated` and `flags` lists: every possible one of a set of marks, frozen,
// made once per call, instead of two new arrays per row for the garbage collector. The module
// names the marks in bit order (bit i is names[i]; roster/marks.rs): estimated values in the
// low bits of `marks`, flags above them.
const everyList = (names) =>
  Array.from({ length: 1 << names.length }, (_, m) => Object.freeze(names.filter((_, i) => m & (1 << i))));

/// Builds `roster.rows` from columns. `ends` holds, per row, where its handle, platform and
/// topic end in `texts` (each starts where the previous one ended); a platform or topic is
/// usually an index into `labels` instead (−1: none; −2: its own text).
export function attachRows(roster, c) {
  const { line, followers, tier, fee, rate, fit, low, high, marks, platform, topic, labels, texts, ends, tierIds } = c;
  const estimatedLists = everyList(c.estimatedNames);
  const flagLists = everyList(c.flagNames);
  const shift = c.estimatedNames.length;
  const estimatedBits = (1 << shift) - 1;
  const rows = new Array(line.length);
  let start = 0;
  const text = (label, from, to) => (label >= 0 ? labels[label] : label === -1 ? null : texts.slice(from, to));
  for (let i = 0; i < rows.length; i++) {
    const m = marks[i];
    const handleEnd = ends[3 * i];
    const platformEnd = ends[3 * i + 1];
    const topicEnd = ends[3 * i + 2];
    const t = tier[i];
    rows[i] = {
      line: line[i],
      handle: texts.slice(start, handleEnd),
      platform: text(platform[i], handleEnd, platformEnd),
      topic: text(topic[i], platformEnd, topicEnd),
      followers: followers[i],
      tier: t < 0 ? null : tierIds[t],
      tierIndex: t < 0 ? null : t,
      fee: fee[i],
      engagementRate: rate[i],
      // NaN: the file gives none, and the tier's applies.
      audienceFit: Number.isNaN(fit[i]) ? null : fit[i],
      estimated: estimatedLists[m & estimatedBits],
      expectedEngagement: { low: low[i], high: high[i] },
      flags: flagLists[m >> shift],
    };
    start = topicEnd;
  }
  roster.rows = rows;
  return roster;
}

// Reading the caller's rows can run the caller's code (a getter, a Proxy trap, a revoked
// Proxy). What it throws is caught here and handed back with the path being read, so the module
// reports the field instead of letting the exception unwind through it.
const failure = (thrown, path) => ({ failed: true, thrown, path });
const rowPath = (base, i, key) => (i < 0 ? base : `${base}[${i}]${key && "." + key}`);

/// Reads the rows `pickRoster` needs into columns. A value of the wrong type becomes `-Infinity`
/// (absent values `NaN`), which the module reports with the row's path. Each list's length is
/// read once and checked against its limit (`maxRows`, and as many `estimated` names as the
/// module knows, `estimatedNames` in bit order) before anything is
/// allocated or read: a sparse list of 2³² − 1 rows, or a Proxy whose length grows as it is
/// read, costs no more than its limit. A longer list comes back as `{ path, length, limit }`.
export function rosterColumns(roster, maxRows, estimatedNames) {
  const maxEstimated = estimatedNames.length;
  let base = "roster";
  let i = -1;
  let key = "";
  try {
    const list = Array.isArray(roster);
    if (!list) base = "roster.rows";
    const rows = list ? roster : roster && roster.rows;
    if (!Array.isArray(rows)) return null;
    const n = rows.length;
    if (!(n <= maxRows)) return { path: base, length: n, limit: maxRows };
    const followers = new Float64Array(n);
    const fee = new Float64Array(n);
    const rate = new Float64Array(n);
    const fit = new Float64Array(n);
    const line = new Float64Array(n);
    const estimated = new Uint8Array(n);
    const read = (value) => (typeof value === "number" ? value : value == null ? NaN : -Infinity);
    for (i = 0; i < n; i++) {
      key = "";
      const row = rows[i];
      if (row === null || typeof row !== "object") {
        followers[i] = -Infinity;
        fee[i] = rate[i] = fit[i] = line[i] = NaN;
        continue;
      }
      key = "followers";
      followers[i] = read(row.followers);
      key = "fee";
      fee[i] = read(row.fee);
      key = "engagementRate";
      rate[i] = read(row.engagementRate);
      key = "audienceFit";
      fit[i] = read(row.audienceFit);
      key = "line";
      line[i] = read(row.line);
      key = "estimated";
      const e = row.estimated;
      if (Array.isArray(e)) {
        const m = e.length;
        if (!(m <= maxEstimated)) return { path: rowPath(base, i, key), length: m, limit: maxEstimated };
        for (let k = 0; k < m; k++) {
          const name = e[k];
          const bit = estimatedNames.indexOf(name);
          if (bit >= 0) estimated[i] |= 1 << bit;
        }
      }
    }
    return { path: base, followers, fee, rate, fit, line, estimated };
  } catch (thrown) {
    return failure(thrown, rowPath(base, i, key));
  }
}

/// Copies each chosen row's handle from the roster it was picked from.
export function attachHandles(picked, roster) {
  let base = "roster";
  let i = -1;
  try {
    const list = Array.isArray(roster);
    if (!list) base = "roster.rows";
    const rows = list ? roster : roster.rows;
    for (const row of picked.rows) {
      i = row.index;
      const handle = rows[i] && rows[i].handle;
      row.handle = typeof handle === "string" ? handle : "";
    }
    return picked;
  } catch (thrown) {
    return failure(thrown, rowPath(base, i, "handle"));
  }
}

const encoder = new TextEncoder();

/**
 * Writes `text` from UTF-16 unit `from` on as UTF-8 straight into the module's memory at `at`
 * (at most `room` bytes) and returns `[units read, bytes written]`. encodeInto into memory
 * takes a fifth of the time of encode() and a copy (4.4 MB: 4.6 ms against 21 ms + 3 ms).
 */
export function encodeInto(text, memory, at, room, from) {
  const { read, written } = encoder.encodeInto(from ? text.substring(from) : text, new Uint8Array(memory.buffer, at, room));
  return [read, written];
}
