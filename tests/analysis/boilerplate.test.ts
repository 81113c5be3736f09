import { describe, expect, it } from "vitest";
import { PhraseMatcher } from "../../src/engine/analysis/boilerplate.js";
import { normalizeText } from "../../src/engine/analysis/diversity.js";
import { DEFAULT_BOILERPLATE_PHRASES } from "../../src/engine/analysis/boilerplate.js";
import { scanRecord } from "../../src/engine/analysis/text-scan.js";
import type { Conversation } from "../../src/engine/model.js";

const conv = (text: string): Conversation => ({ messages: [{ role: "assistant", text, images: 0, toolCalls: 0 }], hasTools: false });

/** What the matcher must equal: the phrases that are substrings of the lowercase word form. */
function naive(phrases: string[], text: string): number[] {
  const lower = normalizeText(text);
  return phrases.flatMap((p, k) => (lower.includes(p) ? [k] : []));
}
function found(pm: PhraseMatcher, text: string): number[] {
  const s = scanRecord(conv(text), false);
  const out: number[] = [];
  pm.match(s, 0, (k) => out.push(k));
  return out.sort((x, y) => x - y);
}

describe("PhraseMatcher (boilerplate phrases from word hashes)", () => {
  const phrases = [...DEFAULT_BOILERPLATE_PHRASES, "certainly!", "note that", "¡claro que sí, con gusto"].map(normalizeText);
  const pm = new PhraseMatcher(phrases);

  it("finds phrases case-insensitively, inside longer words and next to punctuation, once per message", () => {
    expect(found(pm, "As an AI language model, I can't help with that.")).toEqual(naive(phrases, "As an AI language model, I can't help with that."));
    expect(found(pm, "As an AI language model, I can't help with that.").map((k) => phrases[k])).toEqual(["as an ai language model", "i can't help with that"]);
    // a substring that starts inside a word still counts (substring semantics)
    expect(found(pm, "This has an ai language model inside").map((k) => phrases[k])).toEqual(["as an ai language model"]);
    // twice in one message: counted once
    expect(found(pm, "I am unable to. I am unable to.").map((k) => phrases[k])).toEqual(["i am unable to"]);
    // other whitespace between the words is not the phrase
    expect(found(pm, "as an  ai language model; as an\nai assistant")).toEqual([]);
    // typographic apostrophes fold to '
    expect(found(pm, "I\u2019m sorry, but I can\u2019t do that").map((k) => phrases[k])).toEqual(["i'm sorry, but i can't"]);
    // one- or two-word phrases go through the fallback search
    expect(found(pm, "CERTAINLY! Note that it works.").map((k) => phrases[k])).toEqual(["certainly!", "note that"]);
    expect(found(pm, "Sí: ¡Claro que sí, con gusto!").map((k) => phrases[k])).toEqual(["¡claro que sí, con gusto"]);
  });

  it("equals a substring search on 3,000 random texts built from the phrases' words", () => {
    const vocab = [...new Set(phrases.flatMap((p) => p.split(" ")))].concat(["the", "model.", "AI,", "Am", "xas", "ﬁle", "Ǆ", "İs"]);
    const seps = [" ", " ", " ", "  ", "\n", ", ", "\u00a0", ""];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let hits = 0;
    for (let i = 0; i < 3000; i++) {
      let text = "";
      const n = 1 + rnd(40);
      for (let j = 0; j < n; j++) {
        let w = vocab[rnd(vocab.length)];
        if (rnd(4) === 0) w = w.toUpperCase();
        text += w + seps[rnd(seps.length)];
      }
      // plant a whole phrase now and then, in random case
      if (rnd(3) === 0) text = text.slice(0, rnd(text.length + 1)) + (rnd(2) ? phrases[rnd(phrases.length)].toUpperCase() : phrases[rnd(phrases.length)]) + " " + text;
      const want = naive(phrases, text);
      hits += want.length;
      expect(found(pm, text), JSON.stringify(text)).toEqual(want);
    }
    expect(hits).toBeGreaterThan(500);
  });
});
