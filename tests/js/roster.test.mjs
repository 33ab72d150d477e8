// parseRoster and pickRoster through the shipped module: the contract's shapes, the column
// transfer agreeing with the engine, clear errors, and CSV exports a spreadsheet opens safely.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import tiermix, { message } from "./load.mjs";
import { csvCell, rosterCsv, toCsv } from "../../www/js/roster-export.js";

const SAMPLE = readFileSync(new URL("../../www/samples/roster.csv", import.meta.url), "utf8");

test("parseRoster returns plain rows with every field of the contract", () => {
  const roster = tiermix.parseRoster("handle,followers,engagement rate,fee,platform,topic\nalice,\"12,500\",2.5%,200,Instagram,food\nbob,800,,,,\n", "fr2018");
  assert.deepEqual(roster.errors, []);
  assert.deepEqual(roster.rows[0], {
    line: 2, handle: "alice", platform: "Instagram", topic: "food", followers: 12500, tier: "micro", tierIndex: 1,
    fee: 200, engagementRate: 0.025, audienceFit: null, estimated: [], expectedEngagement: roster.rows[0].expectedEngagement, flags: [],
  });
  const bob = roster.rows[1];
  assert.equal(bob.platform, null);
  assert.deepEqual([...bob.estimated], ["engagementRate", "fee"]);
  assert.equal(bob.tier, "nano");
  assert.equal(Object.getPrototypeOf(bob), Object.prototype);
  assert.ok(bob.expectedEngagement.low < bob.engagementRate && bob.engagementRate < bob.expectedEngagement.high);
  assert.deepEqual(roster.columns.map((c) => c.column), ["handle", "followers", "engagementRate", "fee", "platform", "topic"]);
});

test("the sample roster reads with its two bad lines reported and its audit flags", () => {
  const roster = tiermix.parseRoster(SAMPLE, "fr2018");
  assert.equal(roster.delimiter, ";");
  assert.equal(roster.rows.length, 33);
  assert.deepEqual(roster.errors.map((e) => [e.line, e.code, e.column]), [[35, "notANumber", "followers"], [36, "missingFollowers", "followers"]]);
  const flagged = Object.fromEntries(roster.rows.filter((r) => r.flags.length).map((r) => [r.handle, [...r.flags]]));
  assert.deepEqual(flagged, { "@mega.deals": ["lowEngagement"], "@pod.squad": ["highEngagement"], "@Lea.Beaute": ["duplicate"] });
});

test("bytes are read as UTF-8 or Windows-1252, text as text", () => {
  const latin1 = new Uint8Array([...Buffer.from("Pseudo;Abonn"), 0xe9, ...Buffer.from("s\nL"), 0xe9, ...Buffer.from("a;1200\n")]);
  const roster = tiermix.parseRoster(latin1);
  assert.equal(roster.rows[0].handle, "Léa");
  assert.deepEqual(roster.notes, ["windows1252"]);
  const utf8 = tiermix.parseRoster(new TextEncoder().encode("\ufeffpseudo,abonnés\n<b>x</b>,5000\n"));
  assert.equal(utf8.rows[0].handle, "<b>x</b>");
  assert.throws(() => tiermix.parseRoster(42), message(/^text must be the file's text or its bytes/));
  assert.throws(() => tiermix.parseRoster("a,b", "nope"), message(/^scheme/));
});

test("Excel's Unicode Text (UTF-16 with a byte-order mark, tab-separated) is read in either byte order", () => {
  const text = "\ufeffPseudo\tAbonnés\r\nZoë\t1 200\r\n日本\t50 000\r\n";
  const little = new Uint8Array(Buffer.from(text, "utf16le"));
  const big = little.slice();
  for (let i = 0; i < big.length; i += 2) [big[i], big[i + 1]] = [little[i + 1], little[i]];
  for (const bytes of [little, big]) {
    const roster = tiermix.parseRoster(bytes, "fr2018");
    assert.deepEqual(roster.errors, []);
    assert.equal(roster.delimiter, "\t");
    assert.deepEqual(roster.rows.map((r) => [r.handle, r.followers]), [["Zoë", 1200], ["日本", 50000]]);
  }
});

test("the rows handed over in columns equal the engine's own rows, non-ASCII text included", () => {
  const text = "handle;followers;er;platform;topic\nZoë 🌸;1200;3 %;Insta;Beauté\n@x;900;;;\n日本;50000;1,5 %;TikTok;旅行\n";
  const roster = tiermix.parseRoster(text, "fr2018");
  assert.deepEqual(roster.rows.map((r) => [r.handle, r.platform, r.topic]), [["Zoë 🌸", "Insta", "Beauté"], ["@x", null, null], ["日本", "TikTok", "旅行"]]);
});

test("handles after a row refused once the rate's unit is known are its neighbours' own, in any script", () => {
  // The first rate is refused only after every row is read (150 % is over 100 %): its handle stays
  // in the reader's text, and the handles after it must not shift.
  const text = "handle,followers,engagement rate\nZoë 🌸,1000,150%\n日本,1000,2%\nabc,1000,1%\n旅行者,1000,3%\n";
  const roster = tiermix.parseRoster(text, "fr2018");
  assert.deepEqual(roster.errors.map((e) => [e.line, e.code]), [[2, "outOfRange"]]);
  assert.deepEqual(roster.rows.map((r) => [r.line, r.handle]), [[3, "日本"], [4, "abc"], [5, "旅行者"]]);
});

test("platforms and topics past the shared few hundred arrive as their own text", () => {
  // 400 distinct topics, some not ASCII, each on two lines; every third row has no platform.
  const topics = Array.from({ length: 400 }, (_, i) => (i % 2 ? `topic ${i}` : `thème ${i} 🌸`));
  const platforms = ["Instagram", "", "TikTok"];
  const lines = [...topics, ...topics].map((topic, i) => `h${i},1000,${platforms[i % 3]},${topic}`);
  const roster = tiermix.parseRoster(`handle,followers,platform,topic\n${lines.join("\n")}\n`, "fr2018");
  assert.equal(roster.rows.length, 800);
  assert.deepEqual(
    roster.rows.map((r) => [r.handle, r.platform, r.topic]),
    [...topics, ...topics].map((topic, i) => [`h${i}`, platforms[i % 3] || null, topic]),
  );
});

test("text of any script reaches the reader intact, however much of it is not ASCII", () => {
  // Mostly three- and four-byte characters: the text is encoded in more than one pass.
  const names = Array.from({ length: 2000 }, (_, i) => `旅行者${i}🌸`);
  const roster = tiermix.parseRoster(`handle,followers\n${names.map((name) => `${name},5000`).join("\n")}\n`);
  assert.deepEqual(roster.rows.map((r) => r.handle), names);
  // A lone surrogate (text cut in the middle of an emoji) becomes U+FFFD, as in any UTF-8 file.
  assert.equal(tiermix.parseRoster("handle,followers\na\ud800b,5000\n").rows[0].handle, "a\ufffdb");
  // Text too short for its first character in the first pass reads as its bytes do.
  for (const text of ["é", "日本", "😀a", "\ud800", "日", "🌸"]) {
    const bytes = new TextEncoder().encode(text);
    assert.deepEqual(tiermix.parseRoster(text).errors, tiermix.parseRoster(bytes).errors, JSON.stringify(text));
    assert.notEqual(tiermix.parseRoster(text).errors[0]?.code, "empty", JSON.stringify(text));
  }
});

test("pickRoster picks within the budget, proves it, and names each chosen row", () => {
  const roster = tiermix.parseRoster(SAMPLE, "fr2018");
  const pick = tiermix.pickRoster(roster, { budget: 3000 }, { objective: "conversions" });
  assert.ok(pick.outcome.spend <= 3000);
  assert.equal(pick.exact, true);
  assert.equal(pick.gap, 0);
  for (const row of pick.rows) assert.equal(row.handle, roster.rows[row.index].handle);
  const reach = tiermix.pickRoster(roster.rows, { budget: 3000 }, { objective: "reach", limits: { macro: { maxCount: 0 } } });
  assert.ok(reach.rows.every((r) => r.tier !== "macro"));
  assert.ok(reach.outcome.reach >= pick.outcome.reach - 1e-6);
});

test("an audience fit column reaches each row as a share, null where empty, and the pick uses it", () => {
  const text = "Pseudo;Abonnés;% audience cible\n@a;20000;35 %\n@b;20000;35%\n@c;20000;0,35\n@d;20000;\n@e;20000;120 %\n";
  const roster = tiermix.parseRoster(text, "fr2018");
  assert.deepEqual(roster.rows.map((r) => r.audienceFit), [0.35, 0.35, 0.35, null]);
  assert.deepEqual(roster.rows.map((r) => [...r.estimated]), Array(4).fill(["engagementRate", "fee"]));
  assert.deepEqual(roster.columns.at(-1), { column: "audienceFit", header: "% audience cible" });
  assert.deepEqual(roster.errors.map((e) => [e.line, e.column, e.code, e.text, e.message]),
    [[6, "audienceFit", "outOfRange", "120 %", "audience fit \"120 %\" is over 100 %"]]);
  // Bare numbers: shares, unless one is over 1 (then percentages, and the notes say so).
  assert.deepEqual(tiermix.parseRoster("handle,fit,followers\na,0.5,900\n").rows[0].audienceFit, 0.5);
  const percents = tiermix.parseRoster("handle,in target,followers\na,50,900\nb,0.5,900\n");
  assert.deepEqual([percents.rows.map((r) => r.audienceFit), percents.notes], [[0.5, 0.005], ["fitPercentAssumed"]]);
  // Without the column every row says so with null, and nothing else about it changes.
  assert.equal(tiermix.parseRoster("handle,followers\na,900\n").rows[0].audienceFit, null);
  // A fit of 0 is never chosen for reach; the same account without one is.
  const reach = (rows) => tiermix.pickRoster(rows, { budget: 100000 }, { objective: "reach" });
  const rows = roster.rows.map((row, i) => (i === 0 ? { ...row, audienceFit: 0 } : row));
  assert.ok(!reach(rows).rows.some((r) => r.index === 0));
  assert.ok(reach(roster.rows).rows.some((r) => r.index === 0));
  // Half the fit, half the impressions: the pick's outcome follows the row's fit.
  const alone = (fit) => tiermix.pickRoster([{ followers: 20000, fee: 100, audienceFit: fit }], { budget: 1000 }, { objective: "reach" }).outcome;
  assert.ok(Math.abs(alone(0.5).impressions - alone(1).impressions / 2) < 1e-9 * alone(1).impressions);
  assert.deepEqual(alone(null), alone(undefined));
  assert.deepEqual(alone(null), alone(1));
  assert.throws(() => alone(1.5), message(/^roster\[0\]\.audienceFit must be a share from 0 to 1/));
  assert.throws(() => alone("35 %"), message(/^roster\[0\]\.audienceFit must be a number/));
  // The table's CSV has the fit, empty where the file gave none.
  const csv = rosterCsv(roster.rows, new Set()).split("\r\n");
  assert.match(csv[0], /,feeEstimated,audienceFit,flags,chosen$/);
  assert.match(csv[1], /,0\.35,,false$/);
  assert.match(csv[4], /,true,,,false$/);
});

test("pickRoster refuses bad rosters clearly and the module keeps working", () => {
  assert.throws(() => tiermix.pickRoster("x", { budget: 1 }), message(/^roster must be the result of parseRoster/));
  assert.throws(() => tiermix.pickRoster([{ followers: "many" }], { budget: 1 }), message(/^roster\[0\]\.followers must be a number/));
  assert.throws(() => tiermix.pickRoster({ rows: [{ followers: 10, fee: -1 }] }, { budget: 1 }), message(/^roster\.rows\[0\]\.fee must be an amount from 0/));
  assert.throws(() => tiermix.pickRoster([{ followers: 10 }], { budget: -5 }), message(/^budget must be/));
  assert.throws(() => tiermix.pickRoster([{ followers: 10 }], { budget: 100 }, { objective: "fame" }), message(/^goal\.objective must be one of/));
  assert.equal(tiermix.pickRoster([{ followers: 5000 }], { budget: 10000 }).rows.length, 1);
});

test("CSV exports neutralise formulas and quote what needs quoting", () => {
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  for (const risky of ["+1", "-1+1", "@SUM(A1)", "\tx", "\rx"]) assert.ok(csvCell(risky).replace(/^"/, "").startsWith("'"), risky);
  assert.equal(csvCell(-5), "-5");
  assert.equal(csvCell("a,b"), "\"a,b\"");
  assert.equal(csvCell(null), "");
  assert.ok(toCsv(["a"], [["x"]]).startsWith("\ufeffa\r\nx"));
  const roster = tiermix.parseRoster("handle,followers\n\"=cmd|' /C calc'!A0\",5000\n");
  assert.match(rosterCsv(roster.rows, new Set([0])), /\n2,'=cmd/);
});

test("CSV exports neutralise the full-width formula signs too", () => {
  for (const risky of ["＝HYPERLINK(\"http://x\")", "＋1", "－1+1", "＠SUM(A1)"]) {
    assert.ok(csvCell(risky).replace(/^"/, "").startsWith(`'${risky.charAt(0)}`), risky);
  }
  // Only first: a full-width sign inside a handle, or a full-width letter first, is left alone.
  assert.equal(csvCell("lea＝lou"), "lea＝lou");
  assert.equal(csvCell("Ａlice"), "Ａlice");
  const roster = tiermix.parseRoster("handle,followers\n＝cmd|' /C calc'!A0,5000\n");
  assert.match(rosterCsv(roster.rows, new Set()), /\n2,'＝cmd/);
});
