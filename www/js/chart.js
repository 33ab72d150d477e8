// @ts-check
// An accessible SVG bar chart: one row per mix, reach and conversions side by side. Bars are
// labelled in text, so nothing depends on telling colours apart.

const SVG = "http://www.w3.org/2000/svg";

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

/**
 * Horizontal bars, one row per mix and one panel per series. On a wide screen the labels sit in
 * a column sized to the longest one; on a phone each label sits above its bars, so long names
 * ("Intermédiaire uniquement") never run into them.
 *
 * @typedef {{ label: string, highlight: boolean, values: number[], texts: string[] }} Row
 * @param {SVGSVGElement} root
 * @param {{ title: string, description: string, series: string[], rows: Row[], width: number }} chart
 */
export function drawBars(root, chart) {
  const width = Math.max(280, Math.round(chart.width));
  root.replaceChildren();
  root.setAttribute("role", "img");
  const titleId = `${root.id}-title`;
  const descId = `${root.id}-desc`;
  root.setAttribute("aria-labelledby", `${titleId} ${descId}`);
  root.append(svg("title", { id: titleId }, chart.title), svg("desc", { id: descId }, chart.description));

  const labels = chart.rows.map((row) => {
    const text = svg("text", { class: row.highlight ? "chart-label chart-label-mine" : "chart-label" }, row.label);
    root.append(text);
    return text;
  });
  const longest = Math.max(...labels.map((text) => text.getComputedTextLength()), 0);
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
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));

  chart.series.forEach((name, s) => {
    const x0 = labelWidth + (s % columns) * (panelWidth + gap);
    const y0 = Math.floor(s / columns) * blockHeight;
    root.append(svg("text", { x: x0, y: y0 + 14, class: "chart-series" }, name));
    const max = Math.max(...chart.rows.map((r) => r.values[s]), 1e-9);
    chart.rows.forEach((row, r) => {
      const y = y0 + headHeight + r * rowHeight;
      // Leave room after the longest bar for its value.
      const barWidth = Math.max(1, (row.values[s] / max) * (panelWidth - 80));
      root.append(
        svg("rect", { x: x0, y: y + barTop, width: barWidth, height: barHeight, rx: 2,
          class: `chart-bar chart-bar-${s}${row.highlight ? " chart-bar-mine" : ""}` }),
        svg("text", { x: x0 + barWidth + 4, y: y + barTop + 15, class: "chart-value" }, row.texts[s]),
      );
      if (!wide) {
        root.append(svg("text", { x: x0, y: y + 14, class: row.highlight ? "chart-label chart-label-mine" : "chart-label" }, row.label));
      } else if (s === 0) {
        labels[r].setAttribute("x", "0");
        labels[r].setAttribute("y", String(y + barTop + 15));
      }
    });
  });
  if (!wide) for (const text of labels) text.remove();
}
