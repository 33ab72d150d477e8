// @ts-check
// Building DOM from data: attributes and text only, so nothing passed in is ever parsed as HTML;
// and handing the user a file.

/** @param {string} tag @param {Record<string, string>} [attributes] @param {(Node | string)[]} [children] */
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

/** Offers `blob` to the user as a file called `name`. @param {Blob} blob @param {string} name */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download before it returns; the delay is for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
