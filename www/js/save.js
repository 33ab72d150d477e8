// Handing the user a file: loaded only by what saves one (chart downloads, the candidates tab).
import { el } from "./dom.js";

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
