// Building DOM from data: attributes and text only, so nothing passed in is ever parsed as HTML.

/** The page's element with this id. @param {string} id */
export const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * Live regions announce every change of their text: change it only when it really changes. A
 * lone text node is rewritten in place, which costs the browser less than a new node.
 */
export function setText(/** @type {Element} */ node, /** @type {string} */ text) {
  const only = node.firstChild;
  if (only instanceof Text && !only.nextSibling) {
    if (only.data !== text) only.data = text;
  } else if (node.textContent !== text) node.textContent = text;
}

/**
 * Gives a node these children unless it already holds the same ones: the served page's
 * prerendered nodes then stay, so the engine's takeover neither moves the layout nor paints
 * them again (a new node would be a new largest-contentful-paint candidate), and a value
 * typed before the engine arrived stays in its field.
 */
export function replaceChildrenIfChanged(/** @type {Element} */ node, /** @type {(Node | string)[]} */ children) {
  const next = /** @type {Element} */ (node.cloneNode(false));
  next.append(...children);
  // Parsed markup holds one text node where code appended several strings.
  next.normalize();
  if (!next.isEqualNode(node)) node.replaceChildren(...next.childNodes);
}

/** @param {string} tag @param {Record<string, string>} [attributes] @param {(Node | string)[]} [children] */
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

/** The rows a table section held before it was emptied. @type {WeakMap<HTMLTableSectionElement, HTMLTableRowElement[]>} */
const spare = new WeakMap();

/**
 * Writes a table section in place, creating or removing rows and cells only when its shape
 * changes: a keystroke then rewrites a few texts instead of rebuilding the table. In body rows
 * the first cell is the row's header.
 */
export function fillRows(/** @type {HTMLTableSectionElement | null} */ section, /** @type {string[][]} */ rows,
  /** @type {string[]} */ classes, /** @type {"row" | "col"} */ scope) {
  if (!section) return;
  // Emptied in one change (a table waiting for its answer), its rows kept aside to be written
  // over when the answer comes; else trimmed row by row from the end.
  if (!rows.length) {
    if (section.rows.length) {
      spare.set(section, [...section.rows]);
      section.replaceChildren();
    }
    return;
  }
  while (section.rows.length > rows.length) section.deleteRow(-1);
  const kept = spare.get(section) ?? [];
  spare.delete(section);
  rows.forEach((texts, r) => {
    let row = section.rows[r];
    if (!row || row.cells.length !== texts.length) {
      const header = (/** @type {number} */ i) => scope === "col" || i === 0;
      const fresh = kept[r]?.cells.length === texts.length ? kept[r]
        : /** @type {HTMLTableRowElement} */ (el("tr", {}, texts.map((_, i) => el(header(i) ? "th" : "td", header(i) ? { scope } : {}))));
      if (row) row.replaceWith(fresh);
      else section.append(fresh);
      row = fresh;
    }
    texts.forEach((text, i) => {
      const cell = row.cells[i];
      setText(cell, text);
      if (cell.className !== (classes[i] ?? "")) cell.className = classes[i] ?? "";
    });
  });
}

export function fillTable(/** @type {HTMLElement} */ table, /** @type {string} */ caption, /** @type {string[]} */ head, /** @type {string[][]} */ rows) {
  const t = /** @type {HTMLTableElement} */ (table);
  if (t.caption) setText(t.caption, caption);
  fillRows(t.tHead, head.length ? [head] : [], [], "col");
  fillRows(t.tBodies[0], rows, [], "row");
}
