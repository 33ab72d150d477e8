// Just enough of a DOM, in Node, for the page's own rendering code to run at build time on the
// page's own markup (prerender.mjs): parsing that markup (well-formed, written by us), the
// element methods the page's modules call, simple selectors, and serializing the result back.
// Not a general HTML parser: it refuses what it does not know rather than guess.

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const BOOLEAN = new Set(["hidden", "disabled", "checked", "selected", "open", "inert", "multiple", "required", "readonly", "crossorigin"]);
const SVG_NS = "http://www.w3.org/2000/svg";
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

const decode = (/** @type {string} */ text) => text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
  if (name[0] === "#") return String.fromCodePoint(name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
  if (!(name in ENTITIES)) throw new Error(`mini-dom: unknown entity ${whole}`);
  return ENTITIES[name];
});
const escapeText = (/** @type {string} */ text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
const escapeAttribute = (/** @type {string} */ text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\u00a0/g, "&nbsp;");

class Node {
  constructor() {
    /** @type {Element | null} */
    this.parentNode = null;
    /** @type {Node[]} */
    this.childNodes = [];
  }
  get parentElement() { return this.parentNode instanceof Element ? this.parentNode : null; }
  get textContent() { return this.childNodes.map((child) => child.textContent).join(""); }
  set textContent(value) { this.replaceChildren(...(String(value) === "" ? [] : [String(value)])); }
  /** @param {(Node | string)[]} nodes */
  append(...nodes) {
    for (const node of nodes) {
      const child = typeof node === "string" ? new Text(node) : node;
      child.remove();
      child.parentNode = /** @type {any} */ (this);
      this.childNodes.push(child);
    }
  }
  appendChild(node) { this.append(node); return node; }
  /** @param {(Node | string)[]} nodes */
  before(...nodes) {
    const parent = this.parentNode;
    if (!parent) return;
    for (const node of nodes) {
      const child = typeof node === "string" ? new Text(node) : node;
      child.remove();
      parent.childNodes.splice(parent.childNodes.indexOf(this), 0, child);
      child.parentNode = parent;
    }
  }
  replaceChildren(...nodes) {
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }
  remove() {
    const parent = this.parentNode;
    if (!parent) return;
    parent.childNodes.splice(parent.childNodes.indexOf(this), 1);
    this.parentNode = null;
  }
  replaceWith(node) {
    const parent = this.parentNode;
    if (!parent) return;
    const fresh = typeof node === "string" ? new Text(node) : node;
    fresh.remove();
    parent.childNodes.splice(parent.childNodes.indexOf(this), 1, fresh);
    fresh.parentNode = parent;
    this.parentNode = null;
  }
  /** Merges adjacent texts and drops empty ones, below this node, as the DOM's normalize() does. */
  normalize() {
    /** @type {Node[]} */
    const kept = [];
    for (const child of this.childNodes) {
      const previous = kept.at(-1);
      if (child instanceof Text) {
        if (child.data === "") child.parentNode = null;
        else if (previous instanceof Text) {
          previous.data += child.data;
          child.parentNode = null;
        } else kept.push(child);
      } else {
        child.normalize();
        kept.push(child);
      }
    }
    this.childNodes = kept;
  }
  /** The same kind of node with the same name, attributes and, recursively, children. @param {Node | null} other */
  isEqualNode(other) {
    if (!other || other.constructor !== this.constructor) return false;
    if (this instanceof Text || this instanceof Comment) return this.data === /** @type {Text} */ (other).data;
    if (this instanceof Element) {
      const that = /** @type {Element} */ (other);
      if (this.localName !== that.localName || this.namespaceURI !== that.namespaceURI || this.attributes.size !== that.attributes.size) return false;
      for (const [name, value] of this.attributes) if (that.getAttribute(name) !== value) return false;
    }
    return this.childNodes.length === other.childNodes.length && this.childNodes.every((child, i) => child.isEqualNode(other.childNodes[i]));
  }
  get children() { return /** @type {Element[]} */ (this.childNodes.filter((child) => child instanceof Element)); }
  get firstElementChild() { return this.children[0] ?? null; }
  /** Every element below, in document order. @returns {Element[]} */
  descendants() {
    return this.children.flatMap((child) => [child, ...child.descendants()]);
  }
  querySelectorAll(/** @type {string} */ selector) {
    const alternatives = selector.split(",").map((s) => s.trim());
    return this.descendants().filter((element) => alternatives.some((one) => element.matches(one, this)));
  }
  querySelector(/** @type {string} */ selector) { return this.querySelectorAll(selector)[0] ?? null; }
  getElementById(/** @type {string} */ id) { return this.descendants().find((element) => element.getAttribute("id") === id) ?? null; }
  addEventListener() {}
  removeEventListener() {}
  dispatchEvent() { return true; }
}

class Text extends Node {
  constructor(/** @type {string} */ data) {
    super();
    this.data = data;
  }
  get textContent() { return this.data; }
  set textContent(value) { this.data = String(value); }
  serialize(/** @type {boolean} */ raw) { return raw ? this.data : escapeText(this.data); }
}

class Comment extends Node {
  constructor(/** @type {string} */ data) {
    super();
    this.data = data;
  }
  get textContent() { return ""; }
  serialize() { return `<!--${this.data}-->`; }
}

/** One compound selector (`input[name="goal"]`, `.lang-button`, `th:last-child`) against one element. */
function matchesCompound(/** @type {Element} */ element, /** @type {string} */ compound) {
  const tag = /^([a-z][\w-]*|\*)/i.exec(compound)?.[0];
  if (tag && tag !== "*" && element.localName !== tag) return false;
  const pattern = /#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:=("[^"]*"|'[^']*'|[^\]]*))?\]|:([\w-]+)/y;
  let index = tag?.length ?? 0;
  while (index < compound.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(compound);
    if (!match) throw new Error(`mini-dom: selector not understood: ${compound}`);
    const [whole, id, className, attribute, value, pseudo] = match;
    if (id && element.getAttribute("id") !== id) return false;
    if (className && !element.classList.contains(className)) return false;
    if (attribute) {
      const actual = element.getAttribute(attribute);
      if (actual === null) return false;
      if (value !== undefined && actual !== value.replace(/^["']|["']$/g, "")) return false;
    }
    if (pseudo && pseudo !== "last-child") throw new Error(`mini-dom: pseudo-class not understood: ${pseudo}`);
    if (pseudo === "last-child" && element.parentNode?.children.at(-1) !== element) return false;
    index += whole.length;
  }
  return true;
}

class Element extends Node {
  constructor(/** @type {string} */ name, /** @type {string | null} */ namespace = null) {
    super();
    this.localName = namespace === SVG_NS ? name : name.toLowerCase();
    this.namespaceURI = namespace;
    /** @type {Map<string, string>} */
    this.attributes = new Map();
    /** The shadow root declared or attached, serialized as a declarative one. @type {ShadowRoot | null} */
    this.shadowRoot = null;
  }
  /** Only the shallow copy the page uses: the element with its attributes, without children. */
  cloneNode(/** @type {boolean} */ deep = false) {
    if (deep) throw new Error("mini-dom: deep cloneNode is not supported");
    const copy = new Element(this.localName, this.namespaceURI);
    for (const [name, value] of this.attributes) copy.attributes.set(name, value);
    return copy;
  }
  get tagName() { return this.namespaceURI === SVG_NS ? this.localName : this.localName.toUpperCase(); }
  getAttribute(/** @type {string} */ name) { return this.attributes.get(name) ?? null; }
  setAttribute(/** @type {string} */ name, /** @type {unknown} */ value) { this.attributes.set(name, String(value)); }
  removeAttribute(/** @type {string} */ name) { this.attributes.delete(name); }
  hasAttribute(/** @type {string} */ name) { return this.attributes.has(name); }
  toggleAttribute(/** @type {string} */ name, /** @type {boolean} */ force) {
    const on = force ?? !this.hasAttribute(name);
    if (on) this.setAttribute(name, "");
    else this.removeAttribute(name);
    return on;
  }
  get id() { return this.getAttribute("id") ?? ""; }
  set id(value) { this.setAttribute("id", value); }
  get className() { return this.getAttribute("class") ?? ""; }
  set className(value) { this.setAttribute("class", value); }
  get classList() {
    const names = () => this.className.split(/\s+/).filter(Boolean);
    const write = (/** @type {string[]} */ list) => (list.length ? this.setAttribute("class", list.join(" ")) : this.removeAttribute("class"));
    return {
      contains: (/** @type {string} */ name) => names().includes(name),
      add: (/** @type {string[]} */ ...added) => write([...new Set([...names(), ...added])]),
      remove: (/** @type {string[]} */ ...removed) => write(names().filter((name) => !removed.includes(name))),
      toggle: (/** @type {string} */ name, /** @type {boolean=} */ force) => {
        const on = force ?? !names().includes(name);
        write(on ? [...new Set([...names(), name])] : names().filter((other) => other !== name));
        return on;
      },
    };
  }
  get dataset() {
    const kebab = (/** @type {string} */ key) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return new Proxy({}, {
      get: (_, key) => (typeof key === "string" ? this.getAttribute(kebab(key)) ?? undefined : undefined),
      set: (_, key, value) => { this.setAttribute(kebab(String(key)), value); return true; },
    });
  }
  // Properties that reflect attributes: what the served markup must say for the controls to show it.
  get hidden() { return this.hasAttribute("hidden"); }
  set hidden(value) { this.toggleAttribute("hidden", Boolean(value)); }
  get disabled() { return this.hasAttribute("disabled"); }
  set disabled(value) { this.toggleAttribute("disabled", Boolean(value)); }
  get checked() { return this.hasAttribute("checked"); }
  set checked(value) { this.toggleAttribute("checked", Boolean(value)); }
  get open() { return this.hasAttribute("open"); }
  set open(value) { this.toggleAttribute("open", Boolean(value)); }
  get href() { return this.getAttribute("href") ?? ""; }
  set href(value) { this.setAttribute("href", value); }
  get lang() { return this.getAttribute("lang") ?? ""; }
  set lang(value) { this.setAttribute("lang", value); }
  get target() { return this.getAttribute("target") ?? ""; }
  set target(value) { this.setAttribute("target", value); }
  get rel() { return this.getAttribute("rel") ?? ""; }
  set rel(value) { this.setAttribute("rel", value); }
  set tabIndex(value) { this.setAttribute("tabindex", value); }
  get tabIndex() { return Number(this.getAttribute("tabindex") ?? -1); }
  get value() {
    if (this.localName === "select") {
      const options = this.querySelectorAll("option");
      const chosen = options.find((option) => option.hasAttribute("selected")) ?? options[0];
      return chosen ? chosen.getAttribute("value") ?? chosen.textContent : "";
    }
    return this.getAttribute("value") ?? (this.localName === "option" ? this.textContent : "");
  }
  // Nothing is typed at build time: what a control shows is what its markup says.
  get defaultValue() { return this.getAttribute("value") ?? ""; }
  get defaultChecked() { return this.checked; }
  get selected() { return this.hasAttribute("selected"); }
  get defaultSelected() { return this.selected; }
  get options() { return this.querySelectorAll("option"); }
  set value(value) {
    if (this.localName === "select") {
      for (const option of this.querySelectorAll("option")) option.toggleAttribute("selected", (option.getAttribute("value") ?? option.textContent) === value);
      return;
    }
    this.setAttribute("value", value);
  }
  get valueAsNumber() { return this.value === "" ? NaN : Number(this.value); }
  matches(/** @type {string} */ selector, /** @type {Node=} */ scope) {
    const parts = selector.trim().split(/\s+/);
    if (!matchesCompound(this, /** @type {string} */ (parts.at(-1)))) return false;
    /** @type {Node | null} */
    let ancestor = this.parentNode;
    for (let i = parts.length - 2; i >= 0; i--) {
      while (ancestor && ancestor !== scope && !(ancestor instanceof Element && matchesCompound(ancestor, parts[i]))) ancestor = ancestor.parentNode;
      if (!ancestor || ancestor === scope) return false;
      ancestor = ancestor.parentNode;
    }
    return true;
  }
  closest(/** @type {string} */ selector) {
    /** @type {Node | null} */
    let node = this;
    while (node instanceof Element) {
      if (node.matches(selector)) return node;
      node = node.parentNode;
    }
    return null;
  }
  attachShadow() {
    this.shadowRoot = new ShadowRoot(this);
    return this.shadowRoot;
  }
  // Tables, as the page's fillRows uses them.
  get tHead() { return this.children.find((child) => child.localName === "thead") ?? null; }
  get tBodies() { return this.children.filter((child) => child.localName === "tbody"); }
  get caption() { return this.children.find((child) => child.localName === "caption") ?? null; }
  get rows() {
    return this.localName === "table" ? this.children.flatMap((section) => section.children.filter((row) => row.localName === "tr"))
      : this.children.filter((row) => row.localName === "tr");
  }
  get cells() { return this.children.filter((cell) => cell.localName === "td" || cell.localName === "th"); }
  deleteRow(/** @type {number} */ index) { this.rows.at(index)?.remove(); }
  serialize(/** @type {boolean=} */ _raw) {
    const attributes = [...this.attributes].map(([name, value]) =>
      (value === "" && BOOLEAN.has(name) ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join("");
    const open = `<${this.localName}${attributes}>`;
    if (VOID.has(this.localName) && this.namespaceURI !== SVG_NS) return open;
    const shadow = this.shadowRoot
      ? `<template shadowrootmode="open">${this.shadowRoot.childNodes.map((child) => child.serialize(false)).join("")}</template>` : "";
    const raw = this.localName === "script" || this.localName === "style";
    return `${open}${shadow}${this.childNodes.map((child) => child.serialize(raw)).join("")}</${this.localName}>`;
  }
  get outerHTML() { return this.serialize(); }
  get innerHTML() { return this.childNodes.map((child) => child.serialize(false)).join(""); }
}

class ShadowRoot extends Node {
  constructor(/** @type {Element} */ host) {
    super();
    this.host = host;
    /** @type {Element | null} */
    this.activeElement = null;
  }
}

/** A parsed page: `document`, its elements, and its markup written back. */
export class Document extends Node {
  constructor(/** @type {string} */ markup) {
    super();
    /** What precedes the root element (the doctype), kept as written. */
    this.prologue = "";
    /** @type {Element | null} */
    this.activeElement = null;
    parse(this, markup);
    this.activeElement = this.body;
  }
  get documentElement() { return /** @type {Element} */ (this.children[0]); }
  get body() { return this.querySelector("body"); }
  get title() { return this.querySelector("title")?.textContent ?? ""; }
  set title(value) { const title = this.querySelector("title"); if (title) title.textContent = value; }
  createElement(/** @type {string} */ name) { return new Element(name); }
  createElementNS(/** @type {string} */ namespace, /** @type {string} */ name) { return new Element(name, namespace); }
  createTextNode(/** @type {string} */ data) { return new Text(data); }
  serialize() { return this.prologue + this.childNodes.map((child) => child.serialize(false)).join(""); }
}

/** Our own markup into nodes: elements, text, comments; a doctype before the root. */
function parse(/** @type {Document} */ document, /** @type {string} */ markup) {
  const token = /<!--([\s\S]*?)-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|([^<]+)/gy;
  /** @type {Node} */
  let current = document;
  let position = 0;
  while (position < markup.length) {
    token.lastIndex = position;
    const match = token.exec(markup);
    if (!match) throw new Error(`mini-dom: cannot read the markup at ${JSON.stringify(markup.slice(position, position + 40))}`);
    const [whole, comment, closing, opening, attributes, selfClosing, text] = match;
    position += whole.length;
    if (comment !== undefined) current.append(new Comment(comment));
    else if (whole.toLowerCase().startsWith("<!doctype")) document.prologue += whole;
    else if (closing) {
      if (!(current instanceof Element) || current.localName !== closing.toLowerCase() && current.localName !== closing) {
        throw new Error(`mini-dom: </${closing}> closes <${current instanceof Element ? current.localName : "#document"}>`);
      }
      current = /** @type {Node} */ (current.parentNode);
    } else if (opening) {
      const inSvg = opening === "svg" || (current instanceof Element && current.namespaceURI === SVG_NS);
      const element = new Element(opening, inSvg ? SVG_NS : null);
      for (const [, name, , double, single, bare] of (attributes ?? "").matchAll(/([^\s"'>/=]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
        element.setAttribute(name, decode(double ?? single ?? bare ?? ""));
      }
      current.append(element);
      if (!VOID.has(element.localName) && !selfClosing) current = element;
    } else if (text !== undefined) {
      if (current === document) {
        if (text.trim()) throw new Error("mini-dom: text outside the root element");
        if (document.childNodes.length === 0) document.prologue += text;
        else document.append(new Text(text));
      } else current.append(new Text(current instanceof Element && ["script", "style"].includes(current.localName) ? text : decode(text)));
    }
  }
  if (current !== document) throw new Error("mini-dom: the markup ends inside an element");
}

export { Element, ShadowRoot, Text };
