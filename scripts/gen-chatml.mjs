#!/usr/bin/env node
// The project's synthetic dataset generator: ChatML JSONL of any size, deterministic for a seed, with planted
// defects listed in a truth file, so tests and `npm run bench` know exactly what the gate must find.
//
//   node scripts/gen-chatml.mjs --examples N --out FILE [--truth FILE] [--seed S] [--gzip]
//        [--dup-rate 0.02] [--near-dup-rate 0.02] [--invalid-rate 0.005] [--warn-rate 0.005]
//        [--multi-turn 0.3] [--templated 0.15] [--tool-rate 0] [--avg-words 120]
//        [--eval-out FILE --eval-examples M --leak-rate 0.05]
//
// What it writes (docs/testing.md has the details):
// - clean records: an optional system prompt, 1 turn (or 2–4 turns with --multi-turn), pseudo-English prose over a
//   Zipf-distributed vocabulary with per-topic words, code blocks, bullet lists and headings; --templated of the
//   answers open with a stock phrase ("Certainly! Here's ..."); --tool-rate of the records call a tool.
// - exact duplicates: a copy of an earlier clean record, either byte for byte or re-serialised with other JSON
//   whitespace (the gate must normalise both);
// - near duplicates: an earlier clean record with 1–5 % of the words of its user/assistant messages replaced;
// - invalid records, each breaking one rule (see INVALID), and records that deserve one warning (see WARNINGS);
// - with --eval-out: an evaluation split of --eval-examples clean records, --leak-rate of them copies (exact, or
//   near: 1 % of the words of their long messages replaced) of training records.
// The truth file (1-based lines):
//   { examples, bytes, seed,
//     exactDuplicates: [[firstLine, dupLine, "bytes" | "reserialized"]],
//     nearDuplicates:  [[firstLine, dupLine, editFraction]],
//     invalid:  [{ line, rule }],            // must get an error of that rule, and no other line an error
//     warnings: [{ line, rule }],            // must get a warning of that rule, and no error
//     eval?: { examples, bytes, leakage: [[trainLine, evalLine, "exact" | "near"]] } }
import fs from "node:fs";
import zlib from "node:zlib";
import { parseArgs } from "node:util";

const USAGE = "usage: node scripts/gen-chatml.mjs --examples N --out FILE [--truth FILE] [--seed S] [--gzip] [--dup-rate R] [--near-dup-rate R] [--invalid-rate R] [--warn-rate R] [--multi-turn R] [--templated R] [--tool-rate R] [--avg-words N] [--eval-out FILE --eval-examples M --leak-rate R]";

const RATE_OPTIONS = { "dup-rate": 0.02, "near-dup-rate": 0.02, "invalid-rate": 0.005, "warn-rate": 0.005, "multi-turn": 0.3, templated: 0.15, "tool-rate": 0, "leak-rate": 0.05 };

function options(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        examples: { type: "string" },
        out: { type: "string" },
        truth: { type: "string" },
        seed: { type: "string" },
        gzip: { type: "boolean" },
        "avg-words": { type: "string" },
        "eval-out": { type: "string" },
        "eval-examples": { type: "string" },
        help: { type: "boolean" },
        ...Object.fromEntries(Object.keys(RATE_OPTIONS).map((k) => [k, { type: "string" }])),
      },
    }).values;
  } catch (e) {
    fail(e.message);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name, fallback, ok) => {
    if (parsed[name] === undefined) return fallback;
    const v = Number(parsed[name]);
    if (!Number.isFinite(v) || !ok(v)) fail(`--${name} ${parsed[name]}: not a valid value`);
    return v;
  };
  const count = (name, fallback) => number(name, fallback, (v) => Number.isInteger(v) && v >= 0);
  if (!parsed.out) fail("--out FILE is required");
  const o = {
    examples: count("examples", 10_000),
    out: parsed.out,
    truth: parsed.truth,
    seed: count("seed", 1),
    gzip: Boolean(parsed.gzip),
    avgWords: number("avg-words", 120, (v) => v >= 1),
    evalOut: parsed["eval-out"],
    evalExamples: count("eval-examples", 0),
  };
  for (const [name, fallback] of Object.entries(RATE_OPTIONS)) o[name] = number(name, fallback, (v) => v >= 0 && v <= 1);
  const defects = o["dup-rate"] + o["near-dup-rate"] + o["invalid-rate"] + o["warn-rate"];
  if (defects > 1) fail("the defect rates add up to more than 1");
  if (o.evalOut && !o.evalExamples) fail("--eval-out needs --eval-examples M");
  return o;
}

function fail(message) {
  console.error(`gen-chatml: ${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------- randomness (sfc32, seeded by splitmix32)
function rng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

// ---------------------------------------------------------------- text
/** A vocabulary of pronounceable pseudo-words, drawn with Zipf frequencies (rank r has weight 1 / (r + 2)). */
function makeLanguage(random) {
  const onsets = ["", "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "pl", "gr", "sh", "ch"];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ea"];
  const codas = ["", "", "", "n", "r", "s", "l", "t", "m", "nd", "st"];
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const words = [];
  const seen = new Set();
  while (words.length < 24_000) {
    const syllables = 1 + Math.floor(random() * random() * 4);
    let w = "";
    for (let i = 0; i < syllables; i++) w += pick(onsets) + pick(vowels) + pick(codas);
    if (w.length > 1 && !seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Cumulative Zipf weights, sampled by binary search.
  const cdf = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) cdf[r] = total += 1 / (r + 2);
  const zipfIndex = (n) => {
    const x = random() * cdf[n - 1];
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const common = (n = words.length) => words[zipfIndex(Math.min(n, words.length))];
  const topics = Array.from({ length: 48 }, () => Array.from({ length: 300 }, () => words[300 + Math.floor(random() * (words.length - 300))]));
  const idioms = Array.from({ length: 250 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => common(1500)).join(" "));
  const word = (topic) => (random() < 0.3 ? topics[topic][zipfIndex(300)] : common());
  const sentence = (topic) => {
    const n = 5 + Math.floor(random() * 14);
    const parts = [];
    for (let i = 0; i < n; i++) parts.push(random() < 0.25 ? idioms[zipfIndex(idioms.length)] : word(topic));
    const s = parts.join(" ");
    return s[0].toUpperCase() + s.slice(1) + (random() < 0.15 ? "?" : random() < 0.1 ? "!" : ".");
  };
  const prose = (topic, wordsWanted) => {
    const out = [];
    let n = 0;
    while (n < wordsWanted) {
      const s = sentence(topic);
      n += s.split(" ").length;
      out.push(s);
    }
    return out.join(" ");
  };
  return { pick, word, common, sentence, prose };
}

const SYSTEM_PROMPTS = [
  "You are a helpful assistant.",
  "You are a support agent for an online bookshop. Answer briefly and politely.",
  "You are a senior Python developer. Explain code step by step.",
  "You are a patient maths tutor. Show your reasoning.",
  "You are a concise technical writer.",
  "You answer questions about gardening for beginners.",
];
const OPENINGS = ["Certainly! Here's", "Sure, here is", "Great question!", "Absolutely. Let me explain", "As an AI language model,", "Of course! Below is"];
const TOOL = { type: "function", function: { name: "lookup_record", description: "Look up a record by its identifier.", parameters: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } } };

function makeWriter(random, lang, o) {
  const answer = (topic) => {
    const words = Math.max(4, Math.round(o.avgWords * (0.3 + random() * 1.4)));
    let text = lang.prose(topic, words);
    if (random() < o.templated) text = `${lang.pick(OPENINGS)} ${text}`;
    const shape = random();
    if (shape < 0.18) {
      const fn = lang.word(topic), arg = lang.word(topic);
      text += `\n\n\`\`\`python\ndef ${fn}_${arg}(${arg}):\n    return ${arg} * ${2 + Math.floor(random() * 90)}\n\`\`\``;
    } else if (shape < 0.38) {
      text += `\n\n- ${lang.sentence(topic)}\n- ${lang.sentence(topic)}\n- ${lang.sentence(topic)}`;
    } else if (shape < 0.48) {
      text = `## ${lang.sentence(topic).slice(0, 36).trim()}\n\n${text}`;
    }
    return text;
  };
  const question = (topic) => lang.prose(topic, 4 + Math.floor(random() * 36));
  const record = () => {
    const topic = Math.floor(random() * 48);
    const messages = [];
    if (random() < 0.8) messages.push({ role: "system", content: lang.pick(SYSTEM_PROMPTS) });
    const turns = random() < o["multi-turn"] ? 2 + Math.floor(random() * 3) : 1;
    if (random() < o["tool-rate"]) {
      const id = `call_${Math.floor(random() * 1e9).toString(36)}`;
      messages.push({ role: "user", content: question(topic) });
      messages.push({ role: "assistant", content: null, tool_calls: [{ id, type: "function", function: { name: "lookup_record", arguments: JSON.stringify({ id: lang.word(topic) }) } }] });
      messages.push({ role: "tool", tool_call_id: id, content: lang.sentence(topic) });
      messages.push({ role: "assistant", content: answer(topic) });
      return { messages, tools: [TOOL] };
    }
    for (let i = 0; i < turns; i++) {
      messages.push({ role: "user", content: question(topic) });
      messages.push({ role: "assistant", content: answer(topic) });
    }
    return { messages };
  };
  /** The record with `fraction` of the words of each user/assistant text (of at least `minWords` words) replaced by
   * other words; null when no message is long enough. */
  const edit = (rec, fraction, minWords = 0) => {
    const copy = structuredClone(rec);
    let edited = false;
    for (const m of copy.messages) {
      if ((m.role !== "user" && m.role !== "assistant") || typeof m.content !== "string") continue;
      const w = m.content.split(" ");
      if (w.length < minWords) continue;
      edited = true;
      const k = Math.max(1, Math.round(w.length * fraction));
      for (let i = 0; i < k; i++) {
        const at = Math.floor(random() * w.length);
        let other = lang.common();
        while (other === w[at]) other = lang.common();
        w[at] = other;
      }
      m.content = w.join(" ");
    }
    return edited ? copy : null;
  };
  return { record, edit };
}

/** Records that break exactly one rule (an error). Each gets a fresh clean record to break. */
const INVALID = [
  ["invalid-json", (r) => JSON.stringify(r).slice(0, -3)],
  ["not-an-object", (r) => JSON.stringify(r.messages)],
  ["missing-messages", (r) => JSON.stringify({ dialogue: r.messages })],
  ["messages-not-array", (r) => JSON.stringify({ messages: Object.fromEntries(r.messages.map((m, i) => [String(i), m])) })],
  ["empty-messages", () => JSON.stringify({ messages: [] })],
  ["missing-role", (r) => JSON.stringify({ messages: r.messages.map((m) => (m.role === "user" ? { content: m.content } : m)) })],
  ["invalid-role", (r, random) => JSON.stringify({ messages: r.messages.map((m) => (m.role === "assistant" ? { ...m, role: ["bot", "Assistant", "model_reply"][Math.floor(random() * 3)] } : m)) })],
  ["missing-content", (r) => JSON.stringify({ messages: r.messages.map((m, i, all) => (i === all.length - 1 ? { role: m.role } : m)) })],
  ["invalid-content-type", (r) => JSON.stringify({ messages: r.messages.map((m, i, all) => (i === all.length - 1 ? { role: m.role, content: 7 } : m)) })],
  ["missing-assistant", (r) => JSON.stringify({ messages: r.messages.filter((m) => m.role !== "assistant") })],
];
/** Records that deserve exactly one kind of warning and no error. */
const WARNINGS = [
  ["empty-content", (r) => JSON.stringify({ messages: r.messages.map((m, i, all) => (i === all.length - 1 ? { ...m, content: " \n " } : m)) })],
  ["consecutive-same-role", (r) => {
    const ms = r.messages.slice();
    ms.splice(ms.findIndex((m) => m.role === "user") + 1, 0, { role: "user", content: "And one more question about that." });
    return JSON.stringify({ messages: ms });
  }],
  ["system-not-first", (r) => {
    const ms = r.messages.filter((m) => m.role !== "system");
    ms.splice(1, 0, { role: "system", content: SYSTEM_PROMPTS[0] });
    return JSON.stringify({ messages: ms });
  }],
  ["last-not-assistant", (r) => JSON.stringify({ messages: [...r.messages, { role: "user", content: "Thanks, that helps a lot." }] })],
];

/** The same value, serialised with other insignificant whitespace (between tokens only, never inside a string): the
 * gate must see it as the same record. */
const reserialize = (rec, random) => {
  const pretty = JSON.stringify(rec, null, 2).split("\n");
  return random() < 0.5 ? pretty.map((l) => l.trim()).join("") : pretty.map((l) => l.trim()).join(" ");
};

// ---------------------------------------------------------------- output
function sink(file) {
  const fd = fs.openSync(file, "w");
  const parts = [];
  let pending = 0;
  let bytes = 0;
  const flush = () => {
    const chunk = parts.join("");
    parts.length = 0;
    pending = 0;
    if (!chunk) return;
    const buf = Buffer.from(chunk);
    fs.writeSync(fd, buf);
    bytes += buf.length;
  };
  return {
    line(text) {
      parts.push(text, "\n");
      pending += text.length + 1;
      if (pending > 4 << 20) flush();
    },
    close() {
      flush();
      fs.closeSync(fd);
      return bytes;
    },
  };
}

function gzipInPlace(file) {
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file)));
  fs.unlinkSync(file);
}

/** Keeps a bounded, uniform-ish sample of earlier clean records to copy from (memory stays flat for any size). */
function reservoir(random, size = 4000) {
  const items = [];
  let seen = 0;
  return {
    add(item) {
      seen++;
      if (items.length < size) items.push(item);
      else {
        const j = Math.floor(random() * seen);
        if (j < size) items[j] = item;
      }
    },
    pick: () => items[Math.floor(random() * items.length)],
    get size() {
      return items.length;
    },
  };
}

function main() {
  const o = options(process.argv.slice(2));
  const random = rng(o.seed);
  const lang = makeLanguage(rng(0x5eed ^ o.seed));
  const writer = makeWriter(random, lang, o);
  const truth = { examples: o.examples, seed: o.seed, exactDuplicates: [], nearDuplicates: [], invalid: [], warnings: [] };
  const pool = reservoir(random);
  const out = sink(o.out);
  const rates = [o["dup-rate"], o["near-dup-rate"], o["invalid-rate"], o["warn-rate"]];
  for (let line = 1; line <= o.examples; line++) {
    let x = random();
    const kind = pool.size >= 10 || x >= rates[0] + rates[1] ? rates.findIndex((r) => (x -= r) < 0) : -1;
    if (kind === 0) {
      const [first, rec] = pool.pick();
      const bytes = random() < 0.5;
      out.line(bytes ? JSON.stringify(rec) : reserialize(rec, random));
      truth.exactDuplicates.push([first, line, bytes ? "bytes" : "reserialized"]);
    } else if (kind === 1) {
      const [first, rec] = pool.pick();
      const fraction = Number((0.01 + random() * 0.04).toFixed(4));
      out.line(JSON.stringify(writer.edit(rec, fraction)));
      truth.nearDuplicates.push([first, line, fraction]);
    } else if (kind === 2) {
      const [rule, make] = INVALID[Math.floor(random() * INVALID.length)];
      out.line(make(writer.record(), random));
      truth.invalid.push({ line, rule });
    } else if (kind === 3) {
      const [rule, make] = WARNINGS[Math.floor(random() * WARNINGS.length)];
      out.line(make(writer.record(), random));
      truth.warnings.push({ line, rule });
    } else {
      const rec = writer.record();
      out.line(JSON.stringify(rec));
      pool.add([line, rec]);
    }
  }
  truth.bytes = out.close();
  if (o.evalOut) {
    const ev = sink(o.evalOut);
    const leakage = [];
    for (let line = 1; line <= o.evalExamples; line++) {
      if (pool.size && random() < o["leak-rate"]) {
        // a near copy edits only long messages (1 % of their words), so that it stays well above the gate's
        // near-duplicate threshold (word 5-gram Jaccard 0.8); a record without one is copied exactly
        const [first, rec] = pool.pick();
        const near = random() < 0.4 ? writer.edit(rec, 0.01, 80) : null;
        ev.line(JSON.stringify(near ?? rec));
        leakage.push([first, line, near ? "near" : "exact"]);
      } else ev.line(JSON.stringify(writer.record()));
    }
    truth.eval = { examples: o.evalExamples, bytes: ev.close(), leakage };
    if (o.gzip) gzipInPlace(o.evalOut);
  }
  if (o.gzip) gzipInPlace(o.out);
  if (o.truth) fs.writeFileSync(o.truth, JSON.stringify(truth, null, 1) + "\n");
  console.error(`gen-chatml: ${o.examples} lines, ${(truth.bytes / 1e6).toFixed(1)} MB → ${o.out}${o.gzip ? ".gz" : ""}`);
}

main();
