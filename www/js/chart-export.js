// "Download this chart": the SVG as drawn, with the styles the page's CSS gave it written into
// the file (so it looks the same anywhere), and a PNG of it at twice the size.

/** What CSS may have set on a chart's shapes and text. */
const STYLED = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline"];

/** A standalone SVG document of `root`, styles inlined. @param {SVGSVGElement} root */
export function svgDocument(root) {
  const clone = /** @type {SVGSVGElement} */ (root.cloneNode(true));
  const originals = [root, ...root.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  // As presentation attributes, not a style attribute: the page's CSP forbids inline styles,
  // and every viewer reads these.
  originals.forEach((original, i) => {
    if (original.tagName === "title" || original.tagName === "desc") return;
    const computed = getComputedStyle(original);
    for (const name of STYLED) copies[i].setAttribute(name, computed.getPropertyValue(name));
    copies[i].removeAttribute("class");
  });
  const box = root.viewBox.baseVal;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(box.width || root.clientWidth));
  clone.setAttribute("height", String(box.height || root.clientHeight));
  clone.removeAttribute("tabindex");
  // The page's background, so text drawn in the page's colours stays readable.
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", getComputedStyle(document.body).backgroundColor);
  clone.insertBefore(background, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The chart as a PNG at `scale` times its size. @param {SVGSVGElement} root @returns {Promise<Blob>} */
export async function pngBlob(root, scale = 2) {
  const url = URL.createObjectURL(new Blob([svgDocument(root)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
