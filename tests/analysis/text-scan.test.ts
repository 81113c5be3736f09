import { describe, expect, it } from "vitest";
import { scanRecord } from "../../src/engine/analysis/text-scan.js";
import type { Conversation } from "../../src/engine/model.js";

const conv = (...texts: string[]): Conversation => ({ hasTools: false, messages: texts.map((text, i) => ({ role: i % 2 ? "assistant" : "user", text, images: 0, toolCalls: 0 })) });

/** Copy of message m's words: [word form, a, b] for each word. */
function words(c: Conversation, m = 0, ci = false): Array<[string, number, number]> {
  const s = scanRecord(c, ci);
  const out: Array<[string, number, number]> = [];
  for (let w = s.from[m]; w < s.to[m]; w++) out.push([s.text[m].slice(s.starts[w], s.ends[w]), s.a[w], s.b[w]]);
  return out;
}
function key(c: Conversation, m = 0, ci = false): string {
  const s = scanRecord(c, ci);
  return `${s.e1[m]}:${s.e2[m]}`;
}

describe("text scan", () => {
  it("splits on every kind of whitespace and lowercases", () => {
    const w = words(conv("  Hello,\tWORLD\r\n  again\u00a0and\u3000again "));
    expect(w.map((x) => x[0].toLowerCase())).toEqual(["hello,", "world", "again", "and", "again"]);
    expect(w[2][1]).toBe(w[4][1]);
    expect(w[2][2]).toBe(w[4][2]);
  });

  it("hashes an ASCII word the same in ASCII and in non-ASCII text (byte and string paths agree)", () => {
    const ascii = words(conv("The quick brown fox"));
    const other = words(conv("The quick brown fox ünd café"));
    expect(other.slice(0, 4).map((x) => [x[1], x[2]])).toEqual(ascii.map((x) => [x[1], x[2]]));
    // and capitals are folded in both paths
    expect(words(conv("Ünd"))[0].slice(1)).toEqual(words(conv("ünd"))[0].slice(1));
  });

  it("normalises compatibility forms and typographic apostrophes for words", () => {
    const a = words(conv("ﬁne don’t"));
    const b = words(conv("fine don't"));
    expect(a.map((x) => x.slice(1))).toEqual(b.map((x) => x.slice(1)));
  });

  it("gives the same exact key to texts that differ only in whitespace, and different keys otherwise", () => {
    expect(key(conv("a  b\n\tc "))).toBe(key(conv(" a b c")));
    expect(key(conv("a b c"))).not.toBe(key(conv("a b c d")));
    expect(key(conv("ab c"))).not.toBe(key(conv("a bc")));
  });

  it("exact keys are case-sensitive unless case-insensitive, also for non-ASCII capitals", () => {
    expect(key(conv("Hello world"))).not.toBe(key(conv("hello world")));
    expect(key(conv("hEllo world"))).not.toBe(key(conv("heLlo world")));
    expect(key(conv("Émile"))).not.toBe(key(conv("émile")));
    expect(key(conv("Hello world"), 0, true)).toBe(key(conv("hello WORLD"), 0, true));
    expect(key(conv("Émile"), 0, true)).toBe(key(conv("émile"), 0, true));
  });

  it("exact keys use the NFC form: composed and decomposed accents and the Kelvin sign agree", () => {
    expect(key(conv("caf\u00e9"))).toBe(key(conv("cafe\u0301")));
    expect(key(conv("5 \u212a"))).toBe(key(conv("5 K")));
    // but compatibility forms stay distinct for exact duplicates (NFC, not NFKC)
    expect(key(conv("ﬁne"))).not.toBe(key(conv("fine")));
  });

  it("counts UTF-8 bytes and keeps word ranges per message", () => {
    const c = conv("one two", "três quatro cinco", "");
    const s = scanRecord(c, false);
    expect([s.bytes[0], s.bytes[1], s.bytes[2]]).toEqual([7, 18, 0]);
    expect([s.to[0] - s.from[0], s.to[1] - s.from[1], s.to[2] - s.from[2]]).toEqual([2, 3, 0]);
  });

  it("scans a long text (buffers grow)", () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `w${i % 1000}`).join(" ");
    const s = scanRecord(conv(text), false);
    expect(s.to[0] - s.from[0]).toBe(200_000);
    expect(s.a[s.from[0]]).toBe(s.a[s.from[0] + 1000]);
  });
});

describe("text scan: repeated system prompts", () => {
  /** Everything scanRecord says about a record, copied. */
  function snapshot(c: Conversation, ci: boolean) {
    const s = scanRecord(c, ci);
    const n = s.to[s.messages - 1];
    return {
      from: [...s.from.slice(0, s.messages)],
      to: [...s.to.slice(0, s.messages)],
      text: s.text.slice(0, s.messages),
      bytes: [...s.bytes.slice(0, s.messages)],
      e1: [...s.e1.slice(0, s.messages)],
      e2: [...s.e2.slice(0, s.messages)],
      a: [...s.a.slice(0, n)],
      b: [...s.b.slice(0, n)],
      starts: [...s.starts.slice(0, n)],
      ends: [...s.ends.slice(0, n)],
    };
  }
  const sys = (text: string, role = "system"): Conversation["messages"][number] => ({ role, text, images: 0, toolCalls: 0 });
  const rec = (system: string, user: string, role = "system"): Conversation => ({ hasTools: false, messages: [sys(system, role), ...conv(user, "Sure: " + user).messages] });

  it("a repeated system prompt (ASCII or not, either case setting) scans the same from the cache as the first time", () => {
    for (const system of ["You are a careful TUTOR. Answer step by step, and say when you are unsure.", "Tu es un assistant prudent : réponds étape par étape, et dis « je ne sais pas » quand c’est le cas."]) {
      for (const ci of [false, true]) {
        // the same text as a new string each time, as JSON.parse gives it
        const first = snapshot(rec(system.split("").join(""), "What is 2+2?"), ci);
        const again = snapshot(rec(system.split("").join(""), "What is 2+2?"), ci);
        expect(again).toEqual(first);
        // after other records, in another position of the word arrays
        const other = snapshot(rec(system.split("").join(""), "A much longer question, with many words before the answer starts"), ci);
        const fresh = snapshot(rec(system + " ", "A much longer question, with many words before the answer starts"), ci); // not cached: trailing space
        expect(other.e1[0]).toBe(fresh.e1[0]); // the exact key ignores the trailing space
        expect(other.a.slice(0, other.to[0])).toEqual(fresh.a.slice(0, fresh.to[0]));
        expect(other.a.slice(other.from[1])).toEqual(fresh.a.slice(fresh.from[1]));
      }
    }
    // the case setting is part of the cached key
    const s = "The System Prompt, With Capitals In It For The Case Setting";
    expect(snapshot(rec(s, "q"), true).e1[0]).toBe(snapshot(rec(s.toLowerCase(), "q"), true).e1[0]);
    expect(snapshot(rec(s, "q"), false).e1[0]).not.toBe(snapshot(rec(s.toLowerCase(), "q"), false).e1[0]);
    // a developer message is cached the same way
    expect(snapshot(rec(s, "q", "developer"), false)).toEqual(snapshot(rec(s, "q", "developer"), false));
  });
});
