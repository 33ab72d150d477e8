// @ts-check
// Building DOM from data: attributes and text only, so nothing passed in is ever parsed as HTML.

/** @param {string} tag @param {Record<string, string>} [attributes] @param {(Node | string)[]} [children] */
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}
