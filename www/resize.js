// For pages that frame the calculator (embed.html): each frame of class "tiermix" is sized to
// its content, which reports its height, so nothing is cut off and no inner scroll bar shows.
// Only a number is read from a message, and only from the frame it sizes.
//   <script src="https://example.org/tiermix/resize.js" defer></script>
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "tiermix-height") return;
  const height = Math.ceil(Number(data.height));
  if (!Number.isFinite(height) || height <= 0) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.classList.contains("tiermix") && frame.contentWindow === event.source) frame.style.height = `${height}px`;
  }
});
