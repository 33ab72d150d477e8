// Roster rows across the wasm boundary, a column at a time.
//
// A roster can hold 200,000 rows. Converting them one field at a time through the binding
// costs about ten times the parsing itself, so the module hands over records of numbers, the
// labels and one string of all the handles, and these functions build or read the plain row
// objects of the API in a single JavaScript loop. Nothing here computes: values are copied,
// not derived.

// Rows share their `estimated` and `flags` lists: every possible one of a set of marks, frozen,
// made once per call, instead of two new arrays per row for the garbage collector. The module
// names the marks in bit order (bit i is names[i]; roster/marks.rs): estimated values in the
// low bits of `marks`, flags above them.
const everyList = (names) =>
  Array.from({ length: 1 << names.length }, (_, m) => Object.freeze(names.filter((_, i) => m & (1 << i))));

/**
 * In a row's whole numbers, read as signed (the module writes u32::MAX; every other value is
 * below 2³¹): no tier, no platform or topic. Signed, so that every value read fits V8's small
 * integers: read as unsigned, the call took 3–15% longer in Chromium (measured side by side).
 */
const NONE = -1;

/// Builds `roster.rows` from two records per row: `whole` holds 7 numbers a row (line, tier
/// index, marks, platform and topic as indices into `labels`, and where its handle starts and
/// ends in `handles`), `fractional` 6 (followers, fee, engagement rate, audience fit, and the
/// expected engagement's low and high).
export function attachRows(roster, c) {
  const { labels, handles, tierIds } = c;
  // Views of the module's memory, where the module keeps both records until this returns.
  const whole = new Int32Array(c.memory.buffer, c.wholeAt, c.rows * 7);
  const fractional = new Float64Array(c.memory.buffer, c.fractionalAt, c.rows * 6);
  const estimatedLists = everyList(c.estimatedNames);
  const flagLists = everyList(c.flagNames);
  const shift = c.estimatedNames.length;
  const estimatedBits = (1 << shift) - 1;
  const rows = new Array(c.rows);
  // Each label read in the loop itself, not through a shared arrow function: with one, the
  // call took 10–15% more time in Chromium (measured side by side).
  for (let i = 0, w = 0, f = 0; i < rows.length; i++, w += 7, f += 6) {
    const m = whole[w + 2];
    const platform = whole[w + 3];
    const topic = whole[w + 4];
    const t = whole[w + 1];
    const fit = fractional[f + 3];
    rows[i] = {
      line: whole[w],
      handle: handles.slice(whole[w + 5], whole[w + 6]),
      platform: platform === NONE ? null : labels[platform],
      topic: topic === NONE ? null : labels[topic],
      followers: fractional[f],
      tier: t === NONE ? null : tierIds[t],
      tierIndex: t === NONE ? null : t,
      fee: fractional[f + 1],
      engagementRate: fractional[f + 2],
      // NaN: the file gives none, and the tier's applies.
      audienceFit: fit !== fit ? null : fit,
      estimated: estimatedLists[m & estimatedBits],
      expectedEngagement: { low: fractional[f + 4], high: fractional[f + 5] },
      flags: flagLists[m >> shift],
    };
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
