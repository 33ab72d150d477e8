// The style sheets of the views that load on demand (the candidates tab, the Embed dialog): their
// rules travel with them instead of weighing on every first load.

/** The sheets asked for so far, by address, each settled once it applies. @type {Map<string, Promise<void>>} */
const sheets = new Map();

/**
 * Adds a view's style sheet, once. The view awaits it before it shows, so it never appears
 * unstyled; a sheet that fails to load leaves the view usable, only plainer.
 * @param {URL} url
 */
export function styleSheet(url) {
  let applied = sheets.get(url.href);
  if (!applied) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = url.href;
    applied = new Promise((resolve) => {
      link.addEventListener("load", () => resolve(), { once: true });
      link.addEventListener("error", () => resolve(), { once: true });
    });
    document.head.append(link);
    sheets.set(url.href, applied);
  }
  return applied;
}
