// Starts the page. The page as served arrives with its first results (the build prerenders
// them) and keeps its engine's preloads in a template (#engine-preloads): asked for with the
// style sheets, the engine and the page's modules would share a phone's bandwidth with what the
// first paint needs, so they are asked for once that paint is done (measured, README "Size and
// speed"). A reader who waits for the engine instead (js/wait.js: another language, a link's
// scenario; wait.js has asked for them already), a page without its results and a page nobody
// sees yet start at once.
const preloads = document.getElementById("engine-preloads");
let started = false;

function start() {
  if (started) return;
  started = true;
  if (preloads instanceof HTMLTemplateElement) document.head.append(preloads.content);
  import("./app.js");
}

if (!preloads || document.documentElement.hasAttribute("data-wait") || document.visibilityState !== "visible") start();
else {
  // The frame's callbacks run before its paint; the timer's after it.
  requestAnimationFrame(() => setTimeout(start, 0));
  // A tab hidden before its first frame paints none until it is shown again.
  document.addEventListener("visibilitychange", start, { once: true });
}
