// The served page arrives with the default scenario's results, in English (the build prerenders
// it). A reader about to see something else, another language or a link's scenario, waits for
// the engine instead of reading words and numbers that are about to change (app.css hides the
// calculator until then). A classic script, read before the first paint; app.js decides the
// same way (pickLang, the link's own lang).
if (location.hash.length > 1 || /^fr/i.test(new URLSearchParams(location.search).get("lang") ?? navigator.language)) {
  document.documentElement.setAttribute("data-wait", "");
}
