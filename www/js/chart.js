// An accessible SVG bar chart: one row per mix, reach and conversions side by side. Bars are
// labelled in text, so nothing depends on telling colours apart.
//
// Each chart is drawn as a list of elements and written over the one already on screen: a
// keystroke that moves two bars rewrites two attributes and a text, not the whole chart, so the
// browser restyles and repaints only what moved.

const SVG = "http://www.w3.org/2000/svg";

/** @typedef {[name: string, attributes: Record<string, string | number>, text?: string]} Drawn */

/**
 * @param {string} name
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 */
function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Sets an attribute only when it changes: an unchanged write still makes the browser restyle. */
function attribute(/** @type {Element} */ element, /** @type {string} */ key, /** @type {string} */ value) {
  if (element.getAttribute(key) !== value) element.setAttribute(key, value);
}

/**
 * Writes `drawn` over `root`'s children: elements of the same kind in the same place are kept,
 * new ones are added in one append and leftovers removed in one go (a chart turning into its
 * "computing" note and back is then two changes to the tree, not a hundred).
 */
function patch(/** @type {SVGSVGElement} */ root, /** @type {Drawn[]} */ drawn) {
  const children = root.children;
  const kept = Math.min(children.length, drawn.length);
  for (let i = 0; i < kept; i++) {
    const [name, attributes, text] = drawn[i];
    const node = children[i];
    if (node.localName !== name) {
      node.replaceWith(svg(name, attributes, text));
      continue;
    }
    const keys = Object.keys(attributes);
    for (const key of keys) attribute(node, key, String(attributes[key]));
    if (node.attributes.length !== keys.length) {
      for (const { name: key } of [...node.attributes]) if (!(key in attributes)) node.removeAttribute(key);
    }
    const only = node.firstChild;
    if (only instanceof Text && !only.nextSibling) {
      if (only.data !== (text ?? "")) only.data = text ?? "";
    } else if (node.textContent !== (text ?? "")) node.textContent = text ?? "";
  }
  if (children.length > kept) {
    const range = document.createRange();
    if (kept) range.setStartAfter(children[kept - 1]);
    else range.setStart(root, 0);
    range.setEndAfter(/** @type {Element} */ (root.lastElementChild));
    range.deleteContents();
  } else if (drawn.length > kept) {
    root.append(...drawn.slice(kept).map(([name, attributes, text]) => svg(name, attributes, text)));
  }
}

/** Names a chart for assistive technology (role, title and description): its first two elements. */
function frame(/** @type {SVGSVGElement} */ root, /** @type {string} */ title, /** @type {string} */ description) {
  attribute(root, "role", "img");
  const titleId = `${root.id}-title`;
  const descId = `${root.id}-desc`;
  attribute(root, "aria-labelledby", `${titleId} ${descId}`);
  return /** @type {Drawn[]} */ ([["title", { id: titleId }, title], ["desc", { id: descId }, description]]);
}

/**
 * A chart's drawing while its note is shown, by the element on screen. Usually the chart itself,
 * out of the page: the note is a copy of the chart's own element (its id, size and name) swapped
 * in whole, one change to the tree, where taking the chart's hundred elements out one by one was
 * most of a keystroke's work on the trade-off charts. A chart that has the keyboard focus stays
 * where it is and lends its elements instead (a fragment), so that assistive technology is not
 * told of a new element and reads it again.
 * @type {WeakMap<SVGSVGElement, SVGSVGElement | DocumentFragment>}
 */
const parked = new WeakMap();

/** Puts `next` where `shown` is, keeping the keyboard focus on whichever of them is shown. */
function swap(/** @type {SVGSVGElement} */ shown, /** @type {SVGSVGElement} */ next) {
  const focused = document.activeElement === shown;
  shown.replaceWith(next);
  if (focused) next.focus({ preventScroll: true });
  return next;
}

/** A chart with nothing to show says why, in its place and as its name. */
export function drawNote(/** @type {SVGSVGElement} */ root, /** @type {string} */ text) {
  let note = root;
  if (!parked.has(root) && root.childElementCount > 3) {
    if (document.activeElement === root) {
      const range = document.createRange();
      range.selectNodeContents(root);
      parked.set(root, range.extractContents());
    } else {
      note = swap(root, /** @type {SVGSVGElement} */ (root.cloneNode(false)));
      parked.set(note, root);
    }
  }
  const drawn = frame(note, text, "");
  drawn.push(["text", { x: "50%", y: "50%", "text-anchor": "middle", class: "chart-label" }, text]);
  patch(note, drawn);
}

/** The chart to draw on, its own elements back: `root`, or the chart its note stands in for. */
function drawable(/** @type {SVGSVGElement} */ root) {
  const chart = parked.get(root);
  if (!chart) return root;
  parked.delete(root);
  if (!(chart instanceof SVGSVGElement)) {
    root.replaceChildren(chart);
    return root;
  }
  return swap(root, chart);
}

/** Draws in CSS pixels: the viewBox matches the drawn size, so text keeps its real size. */
function resize(/** @type {SVGSVGElement} */ root, /** @type {number} */ width, /** @type {number} */ height) {
  attribute(root, "viewBox", `0 0 ${width} ${height}`);
  attribute(root, "width", String(width));
  attribute(root, "height", String(height));
}

/**
 * Horizontal bars, one row per mix and one panel per series. On a wide screen the labels sit in
 * a column sized to the longest one; on a phone each label sits above its bars, so long names
 * ("Intermédiaire uniquement") never run into them.
 *
 * @typedef {{ label: string, highlight: boolean, values: number[], texts: string[], shortTexts?: string[], bands?: number[][] | null }} Row
 * @param {SVGSVGElement} shown the chart, or the note standing in for it
 * @param {{ title: string, description: string, series: string[], rows: Row[], width: number }} chart
 */
export function drawBars(shown, chart) {
  const root = drawable(shown);
  const width = Math.max(280, Math.round(chart.width));
  const drawn = frame(root, chart.title, chart.description);
  const labelClass = (/** @type {Row} */ row) => (row.highlight ? "chart-label chart-label-mine" : "chart-label");

  const longest = Math.max(...chart.rows.map((row) => textWidth(root, labelClass(row), row.label)), 0);
  const wide = width >= 560 && longest + 16 <= width * 0.4;
  const columns = wide ? chart.series.length : 1;
  const gap = 16;
  const labelWidth = wide ? longest + 16 : 0;
  const panelWidth = (width - labelWidth - gap * (columns - 1)) / columns;
  const barHeight = 20;
  const rowHeight = wide ? 30 : 46;
  const barTop = wide ? 5 : 20;
  const headHeight = 24;
  const blockHeight = headHeight + rowHeight * chart.rows.length + 8;
  const height = blockHeight * Math.ceil(chart.series.length / columns);
  resize(root, width, height);

  // On a wide screen the labels come first, in their own column beside the first panel's rows.
  if (wide) {
    chart.rows.forEach((row, r) => {
      drawn.push(["text", { class: labelClass(row), x: "0", y: String(headHeight + r * rowHeight + barTop + 15) }, row.label]);
    });
  }
  // The P10–P90 whiskers come after every bar and value: a keystroke takes them away until the
  // simulation answers for the new inputs, and with them last, every other element keeps its
  // place, so the chart is written over in place instead of rebuilt from the first whisker on.
  /** @type {Drawn[]} */
  const whiskers = [];
  chart.series.forEach((name, s) => {
    const x0 = labelWidth + (s % columns) * (panelWidth + gap);
    const y0 = Math.floor(s / columns) * blockHeight;
    drawn.push(["text", { x: x0, y: y0 + 14, class: "chart-series" }, name]);
    const max = Math.max(...chart.rows.map((r) => Math.max(r.values[s], r.bands?.[s]?.[1] ?? 0)), 1e-9);
    // Room for the value after the bar; on a phone the value sits on the label's line instead,
    // right-aligned, and bars use the width.
    const reserve = wide ? 80 : 8;
    const scale = (/** @type {number} */ v) => (v / max) * (panelWidth - reserve);
    chart.rows.forEach((row, r) => {
      const y = y0 + headHeight + r * rowHeight;
      // Leave room after the longest bar (or its band) for its value.
      const barWidth = Math.max(1, scale(row.values[s]));
      let end = x0 + barWidth;
      drawn.push(["rect", { x: x0, y: y + barTop, width: barWidth, height: barHeight, rx: 2,
        class: `chart-bar chart-bar-${s}${row.highlight ? " chart-bar-mine" : ""}` }]);
      const band = row.bands?.[s];
      if (band) {
        // The P10–P90 band as a whisker across the bar's end.
        const [a, b] = [x0 + scale(band[0]), x0 + scale(band[1])];
        const mid = y + barTop + barHeight / 2;
        whiskers.push(
          ["line", { x1: a, x2: b, y1: mid, y2: mid, class: "chart-band" }],
          ["line", { x1: a, x2: a, y1: mid - 6, y2: mid + 6, class: "chart-band" }],
          ["line", { x1: b, x2: b, y1: mid - 6, y2: mid + 6, class: "chart-band" }],
        );
        end = Math.max(end, b);
      }
      // The whisker shows the band; the words stay short (the description and the table say it).
      const text = (row.shortTexts ?? row.texts)[s];
      drawn.push(wide
        ? ["text", { x: end + 4, y: y + barTop + 15, class: "chart-value" }, text]
        : ["text", { x: x0 + panelWidth, y: y + 14, class: "chart-value", "text-anchor": "end" }, text]);
      if (!wide) drawn.push(["text", { x: x0, y: y + 14, class: labelClass(row) }, row.label]);
    });
  });
  patch(root, [...drawn, ...whiskers]);
}

/** Measured label widths: measuring forces a layout, which a keystroke should pay for once per label. @type {Record<string, number>} */
const widths = {};

/** A label's drawn width, measured once on a text element that leaves the chart at once. */
function textWidth(/** @type {SVGSVGElement} */ root, /** @type {string} */ className, /** @type {string} */ label) {
  const key = `${className}|${label}`;
  if (widths[key] === undefined) {
    const text = /** @type {SVGTextElement} */ (svg("text", { class: className }, label));
    root.append(text);
    widths[key] = text.getComputedTextLength();
    text.remove();
  }
  return widths[key];
}

/**
 * An element to draw.
 * @param {string} name @param {Record<string, string | number>} attributes @param {string} [text]
 * @returns {Drawn}
 */
const node = (name, attributes, text) => [name, attributes, text];

/** Dash patterns that tell lines apart without colour. */
const DASHES = ["", "7 4", "2 3", "10 3 2 3", "1 5", "12 6"];

/**
 * A line and point chart with axes: lines for curves (told apart by dash pattern and a legend),
 * labelled markers for single plans, and an optional vertical marker.
 *
 * @typedef {{ label: string, points: number[][], kind: "line" | "point", emphasis?: boolean }} Series
 * @param {SVGSVGElement} shown the chart, or the note standing in for it
 * @param {{ title: string, description: string, width: number, x: { label: string, format: (n: number) => string },
 *   y: { label: string, format: (n: number) => string }, series: Series[], marker?: { x: number, label: string } }} chart
 */
export function drawXY(shown, chart) {
  const root = drawable(shown);
  const width = Math.max(280, Math.round(chart.width));
  const lines = chart.series.filter((s) => s.kind === "line");
  const margin = { left: 64, right: 16, top: 16, bottom: 44 };
  const plotHeight = Math.round(Math.min(320, width * 0.6));
  const legendTop = margin.top + plotHeight + margin.bottom;
  const height = legendTop + lines.length * 20 + 4;
  const drawn = frame(root, chart.title, chart.description);
  resize(root, width, height);

  const all = chart.series.flatMap((s) => s.points);
  const stepX = niceStep(Math.max(...all.map((p) => p[0]), chart.marker?.x ?? 0, 1e-9));
  const stepY = niceStep(Math.max(...all.map((p) => p[1]), 1e-9));
  const ticksX = Math.ceil(Math.max(...all.map((p) => p[0]), chart.marker?.x ?? 0, 1e-9) / stepX);
  const ticksY = Math.ceil(Math.max(...all.map((p) => p[1]), 1e-9) / stepY);
  const maxX = stepX * ticksX;
  const maxY = stepY * ticksY;
  const plotWidth = width - margin.left - margin.right;
  const sx = (/** @type {number} */ x) => margin.left + (x / maxX) * plotWidth;
  const sy = (/** @type {number} */ y) => margin.top + plotHeight - (y / maxY) * plotHeight;

  for (let i = 0; i <= ticksY; i++) {
    const y = stepY * i;
    drawn.push(
      node("line", { x1: margin.left, x2: width - margin.right, y1: sy(y), y2: sy(y), class: "xy-grid" }),
      node("text", { x: margin.left - 6, y: sy(y) + 4, class: "xy-tick xy-tick-y" }, chart.y.format(y)),
    );
  }
  for (let i = 0; i <= ticksX; i++) {
    const x = stepX * i;
    drawn.push(node("text", { x: sx(x), y: margin.top + plotHeight + 16, class: "xy-tick xy-tick-x" }, chart.x.format(x)));
  }
  drawn.push(
    node("text", { x: margin.left + plotWidth / 2, y: margin.top + plotHeight + 36, class: "xy-axis" }, chart.x.label),
    node("text", { x: 12, y: margin.top + plotHeight / 2, class: "xy-axis",
      transform: `rotate(-90 12 ${margin.top + plotHeight / 2})` }, chart.y.label),
  );
  if (chart.marker) {
    const x = sx(chart.marker.x);
    drawn.push(
      node("line", { x1: x, x2: x, y1: margin.top, y2: margin.top + plotHeight, class: "xy-marker" }),
      node("text", { x: x + 4, y: margin.top + 12, class: "xy-tick" }, chart.marker.label),
    );
  }
  lines.forEach((series, i) => {
    const path = series.points.map((p, j) => `${j ? "L" : "M"}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join("");
    const dash = DASHES[i % DASHES.length];
    drawn.push(node("path", { d: path, class: `xy-line${series.emphasis ? " xy-line-emphasis" : ""}`, "stroke-dasharray": dash }));
    const y = legendTop + i * 20 + 10;
    drawn.push(
      node("line", { x1: margin.left, x2: margin.left + 36, y1: y, y2: y,
        class: `xy-line${series.emphasis ? " xy-line-emphasis" : ""}`, "stroke-dasharray": dash }),
      node("text", { x: margin.left + 44, y: y + 4, class: "chart-label" }, series.label),
    );
  });
  chart.series.filter((s) => s.kind === "point").forEach((series, i) => {
    const [x, y] = series.points[0];
    const px = sx(x);
    const py = sy(y);
    drawn.push(series.emphasis
      ? node("rect", { x: px - 6, y: py - 6, width: 12, height: 12, class: "xy-point xy-point-emphasis" })
      : node("circle", { cx: px, cy: py, r: 5, class: "xy-point" }));
    // Labels alternate above and below, and flip left near the right edge.
    const right = px < width - 130;
    drawn.push(node("text", { x: right ? px + 9 : px - 9, y: py + (i % 2 ? 16 : -8),
      class: `chart-label${series.emphasis ? " chart-label-mine" : ""}`, "text-anchor": right ? "start" : "end" }, series.label));
  });
  patch(root, drawn);
}

/** A round tick step (1, 2 or 5 × 10^k) giving three to five ticks up to `max`. */
function niceStep(/** @type {number} */ max) {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/**
 * A tornado chart: one bar per assumption from its low-value result to its high-value result,
 * around a line at the typical result (if given). Values are written at both ends of each bar.
 * Also a range chart: each row's own `mark` (a median) instead of a shared centre, on a fixed
 * scale from `min` to `max`.
 *
 * @param {SVGSVGElement} shown the chart, or the note standing in for it
 * @param {{ title: string, description: string, width: number, centre?: number, min?: number, max?: number,
 *   rows: { label: string, low: number, high: number, lowText: string, highText: string, mark?: number }[] }} chart
 */
export function drawTornado(shown, chart) {
  const root = drawable(shown);
  const width = Math.max(280, Math.round(chart.width));
  const narrow = width < 560;
  const labelWidth = narrow ? 0 : Math.min(260, width * 0.36);
  const rowHeight = narrow ? 46 : 28;
  const barTop = narrow ? 20 : 4;
  const height = chart.rows.length * rowHeight + 8;
  const drawn = frame(root, chart.title, chart.description);
  resize(root, width, height);
  const values = chart.rows.flatMap((r) => [r.low, r.high]).concat(chart.centre ?? []);
  const min = chart.min ?? Math.min(...values);
  const max = chart.max ?? Math.max(...values);
  const span = max - min || 1;
  // Room on both sides for the values written beyond the bars.
  const left = labelWidth + 70;
  const plot = width - left - 70;
  const sx = (/** @type {number} */ v) => left + ((v - min) / span) * plot;
  chart.rows.forEach((row, i) => {
    const y = i * rowHeight;
    const a = sx(Math.min(row.low, row.high));
    const b = sx(Math.max(row.low, row.high));
    drawn.push(
      node("text", { x: 0, y: narrow ? y + 14 : y + barTop + 15, class: "chart-label" }, row.label),
      node("rect", { x: a, y: y + barTop, width: Math.max(1, b - a), height: 20, rx: 2, class: "chart-bar chart-bar-0" }),
      node("text", { x: sx(row.low) + (row.low <= row.high ? -4 : 4), y: y + barTop + 15, class: "chart-value",
        "text-anchor": row.low <= row.high ? "end" : "start" }, row.lowText),
      node("text", { x: sx(row.high) + (row.high >= row.low ? 4 : -4), y: y + barTop + 15, class: "chart-value",
        "text-anchor": row.high >= row.low ? "start" : "end" }, row.highText),
    );
  });
  // The typical result (or the row's median), marked on each bar's row only, so it never crosses a label.
  chart.rows.forEach((row, i) => {
    const at = row.mark ?? chart.centre;
    if (at === undefined) return;
    const y = i * rowHeight + barTop;
    drawn.push(node("line", { x1: sx(at), x2: sx(at), y1: y - 3, y2: y + 23, class: row.mark === undefined ? "xy-marker" : "chart-median" }));
  });
  patch(root, drawn);
}
