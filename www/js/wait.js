// The served page arrives with the default scenario's results, in English (the build prerenders
// it). A reader about to see something else, another language or a link's scenario, waits for
// the engine instead of reading words and numbers that are about to change (app.css hides the
// calculator until then). A classic script, read before the first paint; app.js decides the
// same way (pickLang, the link's own lang).
if (location.hash.length > 1 || /^fr/i.test(new URLSearchParams(location.search).get("lang") ?? navigator.language)) {
  document.documentElement.setAttribute("data-wait", "");
  // The served page keeps its engine's preloads for after its first paint (js/boot.js); this
  // reader sees nothing before the engine, so they are asked for now, with the style sheets.
  const preloads = document.getElementById("engine-preloads");
  if (preloads instanceof HTMLTemplateElement) document.head.append(preloads.content);
}
