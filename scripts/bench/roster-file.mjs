/** mulberry32: a tiny seeded generator of numbers in [0, 1); every draw replays from one 32-bit seed. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A synthetic roster of `rows` candidates, as an influencer tool exports it: the file the
// roster benchmark parses. Deterministic (seeded), so every run reads the same bytes.
export function syntheticRoster(rows, seed = 7) {
  const next = mulberry32(seed);
  const platforms = ["Instagram", "TikTok", "YouTube"];
  const topics = ["beauty", "food", "travel", "fitness", "gaming", "fashion"];
  const lines = ["handle,followers,engagement rate,fee,platform,topic"];
  for (let i = 0; i < rows; i++) {
    const followers = Math.round(10 ** (2.3 + 4.4 * next()));
    const rate = (0.5 + 6 * next()).toFixed(2);
    const fee = next() < 0.3 ? "" : String(Math.round((followers / 100) * (0.5 + next())));
    lines.push(`creator_${i},${followers},${rate}%,${fee},${platforms[i % 3]},${topics[i % 6]}`);
  }
  return lines.join("\n") + "\n";
}
