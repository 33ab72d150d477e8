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
 * @typedef {{ label: string, highlight: boolean, values: number[], texts: string[] }} Row
 * @param {SVGSVGElement} root
 * @param {{ title: string, description: string, series: string[], rows: Row[], width: number }} chart
 */
export function drawBars(root, chart) {
  const width = Math.max(280, Math.round(chart.width));
  // Side by side where there is room, one series under the other on a phone.
  const columns = width >= 560 ? chart.series.length : 1;
  const gap = 16;
  const labelWidth = Math.min(150, width * 0.3);
  const panelWidth = (width - labelWidth - gap * (columns - 1)) / columns;
  const rowHeight = 30;
  const headHeight = 24;
  const blockHeight = headHeight + rowHeight * chart.rows.length + 8;
  const height = blockHeight * Math.ceil(chart.series.length / columns);
  root.replaceChildren();
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("role", "img");
  const titleId = `${root.id}-title`;
  const descId = `${root.id}-desc`;
  root.setAttribute("aria-labelledby", `${titleId} ${descId}`);
  root.append(svg("title", { id: titleId }, chart.title), svg("desc", { id: descId }, chart.description));

  chart.series.forEach((name, s) => {
    const x0 = labelWidth + (s % columns) * (panelWidth + gap);
    const y0 = Math.floor(s / columns) * blockHeight;
    root.append(svg("text", { x: x0, y: y0 + 14, class: "chart-series" }, name));
    const max = Math.max(...chart.rows.map((r) => r.values[s]), 1e-9);
    chart.rows.forEach((row, r) => {
      const y = y0 + headHeight + r * rowHeight;
      // Leave room after the longest bar for its value.
      const barWidth = Math.max(1, (row.values[s] / max) * (panelWidth - 72));
      root.append(
        svg("rect", { x: x0, y: y + 4, width: barWidth, height: rowHeight - 10, rx: 2,
          class: `chart-bar chart-bar-${s}${row.highlight ? " chart-bar-mine" : ""}` }),
        svg("text", { x: x0 + barWidth + 4, y: y + rowHeight / 2 + 4, class: "chart-value" }, row.texts[s]),
      );
      if (s % columns === 0) {
        root.append(svg("text", { x: 0, y: y + rowHeight / 2 + 4,
          class: row.highlight ? "chart-label chart-label-mine" : "chart-label" }, row.label));
      }
    });
  });
}
