// What frames the sections: the page's language (sentences and sources' notes, loaded once each;
// the last click wins), its one error line, the tab set, the chart downloads, and what the reader
// typed into the served page before the engine came.
import { $, el } from "../dom.js";
import { errorField, loadNotes } from "../engine.js";
import { addSentences, loadLang, pickLang } from "../i18n.js";

/** The words a person sees next to an input: its label, inside its group's legend if any. */
function visibleName(/** @type {HTMLElement} */ input) {
  const own = document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? input.id;
  const legend = input.closest("fieldset")?.querySelector("legend")?.textContent?.trim();
  return legend ? `${legend} — ${own}` : own;
}

/** Adds or removes one id in an element's aria-describedby list, keeping the others. */
function describedBy(/** @type {Element} */ element, /** @type {string} */ id, /** @type {boolean} */ on) {
  const ids = new Set((element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute("aria-describedby", [...ids].join(" "));
  else element.removeAttribute("aria-describedby");
}

function clearInvalid() {
  for (const input of document.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    describedBy(input, "error", false);
  }
}

/** @param {import("./types.js").ErrorsPage} page */
export function createErrors({ tr, lang, fmt, words, hasResults }) {
  // Counts the errors shown and cleared: one whose words load after a newer one is dropped.
  let latest = 0;
  /** @type {Promise<import("./types.js").WordError | null> | undefined} */
  let wording;

  function render(/** @type {unknown} */ error, /** @type {import("./types.js").WordError | null} */ word) {
    const message = error instanceof Error ? error.message : String(error);
    // The engine names the offending input's path in `field`; inputs carry it in data-field.
    const field = errorField(error) || message.split(" ", 1)[0];
    clearInvalid();
    const input = /** @type {HTMLInputElement | null} */ (document.querySelector(`[data-field="${CSS.escape(field)}"]`));
    const name = input ? `${tr("quote.open")}${visibleName(input)}${tr("quote.close")}` : null;
    const worded = word?.(error, { tr, lang: lang(), fmt, name });
    const sentence = worded?.text ?? message;
    let text = `${tr("error.prefix")} ${sentence}`;
    if (input) {
      input.setAttribute("aria-invalid", "true");
      describedBy(input, "error", true);
      if (!worded?.named) text = `${tr("error.prefix")} ${name}${tr("colon")}${sentence}`;
    }
    const box = $("error");
    box.textContent = text;
    box.hidden = false;
    $("stale").hidden = !hasResults();
  }

  return {
    show(/** @type {unknown} */ error) {
      const shown = ++latest;
      if (!(error instanceof Error && "code" in error)) return render(error, null);
      // An engine error's words load with the first one: a page without one never fetches them.
      wording ??= Promise.all([import("./wording.js"), words()]).then(([module]) => module.wordError, () => null);
      wording.then((word) => shown === latest && render(error, word));
    },
    clear() {
      latest++;
      $("error").hidden = true;
      $("stale").hidden = true;
      clearInvalid();
    },
  };
}

/**
 * @param {{ state: import("./types.js").PageState, tr: import("./types.js").Translate, chosen: () => void,
 *   showError: (error: unknown) => void }} page `chosen`: the language picked is ready, in `state.lang`.
 */
export function createLanguage(page) {
  const { state, tr } = page;
  // The markup is written in English: its sentences are English's, read before any is translated.
  addSentences("en", Object.fromEntries([...document.querySelectorAll("[data-i18n]")].map((node) => [node.getAttribute("data-i18n"), node.textContent ?? ""])));
  /** The sources' notes, `{ id: note }`, per language loaded so far. @type {Partial<Record<import("./types.js").Lang, Record<string, string>>>} */
  const notes = {};
  /** The language the reader asked for last. */
  let wanted = state.lang;
  /** Sets of sentences beside the page's that every language switch must load too. @type {Set<import("../i18n.js").Part>} */
  const parts = new Set();

  /** Loads a language's sentences and the sources' notes in it, once each. @param {import("./types.js").Lang} lang */
  async function use(lang) {
    const [, languageNotes] = await Promise.all([loadLang(lang), loadNotes(lang), ...[...parts].map((part) => loadLang(lang, part))]);
    notes[lang] = languageNotes;
  }

  /** Every `data-i18n` node gets its sentence; a view whose sentences load with it keeps its text until then. */
  function translate() {
    for (const node of document.querySelectorAll("[data-i18n]")) {
      const key = node.getAttribute("data-i18n") ?? "";
      const text = tr(key);
      // Unchanged words keep their node: the page as served is already in English.
      if (text !== key && node.textContent !== text) node.textContent = text;
    }
  }

  return {
    use,
    /** The language buttons, from the language the page starts in. */
    wire() {
      wanted = state.lang;
      for (const button of document.querySelectorAll(".lang-button")) {
        button.addEventListener("click", () => {
          const lang = pickLang(button.getAttribute("data-lang"));
          wanted = lang;
          use(lang).then(() => {
            // Only the last click counts, whichever language finished loading last.
            if (wanted !== lang) return;
            state.lang = lang;
            page.chosen();
          }, page.showError);
        });
      }
    },
    /** A view whose sentences load with it: loads them in the page's language, and in every later one. @param {import("../i18n.js").Part} part */
    async addPart(part) {
      parts.add(part);
      await loadLang(state.lang, part);
      translate();
    },
    translatePage() {
      document.documentElement.lang = state.lang;
      document.title = tr("page.title");
      translate();
      for (const button of document.querySelectorAll(".lang-button")) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === state.lang));
      }
    },
    /** "Source: <linked citation> (year). note" as nodes, for a scheme or an assumption. @param {import("./types.js").Source} source */
    citation(source) {
      const cite = source.url ? el("a", { href: source.url }, [source.text]) : el("span", {}, [source.text]);
      return [`${tr("assumptions.source")}${tr("colon")}`, cite, ` (${source.year}). `, notes[state.lang]?.[source.id] ?? ""];
    },
  };
}

/**
 * @param {{ tiersShown: () => void, rosterShown: () => void }} views what each view needs when it shows
 */
export function wireTabs(views) {
  const tabs = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[role=tab]")]);
  const select = (/** @type {HTMLElement} */ tab) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute("aria-selected", String(on));
      other.tabIndex = on ? 0 : -1;
      $(other.getAttribute("aria-controls") ?? "").hidden = !on;
    }
    if (tab.id === "tab-tiers") views.tiersShown();
    if (tab.id === "tab-roster") views.rosterShown();
  };
  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      const next = tabs[(index + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  }
}

/**
 * Every chart can be saved as SVG or PNG, as drawn (the buttons are translated with the page).
 * @param {{ tr: import("./types.js").Translate, showError: (error: unknown) => void }} page
 */
export function wireChartDownloads({ tr, showError }) {
  for (const figure of document.querySelectorAll("figure.chart")) {
    // Found at each click: while a trade-off chart computes, its note stands in its place.
    const shown = () => /** @type {SVGSVGElement | null} */ (figure.querySelector("svg"));
    if (!shown()) continue;
    // The served page has them already (the build prerenders it): the same buttons are kept.
    if (!figure.querySelector(".chart-download")) {
      figure.append(el("div", { class: "chart-download" }, ["svg", "png"].map((format) =>
        el("button", { type: "button", "data-download": format, "data-i18n": `chart.${format}` }, [tr(`chart.${format}`)]))));
    }
    figure.addEventListener("click", async (event) => {
      const format = /** @type {HTMLElement} */ (event.target).closest("button[data-download]")?.getAttribute("data-download");
      const root = shown();
      if (!format || !root) return;
      const name = `tiermix-${root.id}.${format}`;
      try {
        // Only someone who saves a chart pays for the code that does it.
        const [{ pngBlob, svgDocument }, { save }] = await Promise.all([import("../chart-export.js"), import("../save.js")]);
        save(format === "svg" ? new Blob([svgDocument(root)], { type: "image/svg+xml" }) : await pngBlob(root), name);
      } catch (error) {
        showError(error);
      }
    });
  }
}

/**
 * The controls the reader changed before the engine came: the served page shows the default
 * scenario already, its inputs usable at once (the build prerenders it), but nothing listens to
 * them until the sections exist. Read as `[selector, value, checked]`, the scheme before the rest.
 */
export function changedEarly(/** @type {HTMLElement} */ main) {
  /** @type {[string, string, boolean][]} */
  const changed = [];
  for (const select of /** @type {NodeListOf<HTMLSelectElement>} */ (main.querySelectorAll("select[id]"))) {
    const options = [...select.options];
    if (select.value !== (options.find((option) => option.defaultSelected) ?? options[0])?.value) changed.push([`#${CSS.escape(select.id)}`, select.value, false]);
  }
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (main.querySelectorAll("input[id], input[type=radio]"))) {
    const edited = input.type === "radio" || input.type === "checkbox" ? input.checked !== input.defaultChecked : input.value !== input.defaultValue;
    // Radio buttons are known by their group and value.
    const name = input.id ? `#${CSS.escape(input.id)}` : `input[name="${CSS.escape(input.name)}"][value="${CSS.escape(input.value)}"]`;
    if (edited) changed.push([name, input.value, input.checked]);
  }
  return changed;
}

/** Each early change, made again on the controls as built now, as if typed now: the sections follow it. */
export function replay(/** @type {[string, string, boolean][]} */ changed, /** @type {string} */ focused) {
  for (const [selector, value, checked] of changed) {
    const control = /** @type {HTMLInputElement | null} */ (document.querySelector(selector));
    if (!control) continue;
    if (control.type === "radio" || control.type === "checkbox") {
      if (!checked) continue;
      control.checked = true;
    } else control.value = value;
    control.dispatchEvent(new Event("input", { bubbles: true }));
    control.dispatchEvent(new Event("change", { bubbles: true }));
  }
  // A control drawn again in the same place keeps the reader's focus.
  if (focused && document.activeElement === document.body) document.getElementById(focused)?.focus();
}
