// The lossless JSON source tree: leaves as written, keys in order with duplicates, strict syntax with the offset of
// the first error, and value comparison that never goes through JS numbers.
import { describe, expect, it } from "vitest";
import { compactJsonBytes, JsonSyntaxError, parseJsonSource, sameJsonValue, stringifySource } from "../../src/engine/read/json-source.js";

const same = (a: string, b: string) => sameJsonValue(parseJsonSource(a), parseJsonSource(b));

describe("JSON source", () => {
  it("keeps numbers, escapes and duplicate keys as written", () => {
    const text = '{ "n": 12345678901234567890, "f": 1.0, "z": -0, "e": 1E+2, "k": "caf\\u00e9 \\/", "k": [true, null, false, {}] , "s":"x"}';
    expect(stringifySource(parseJsonSource(text))).toBe('{"n":12345678901234567890,"f":1.0,"z":-0,"e":1E+2,"k":"caf\\u00e9 \\/","k":[true,null,false,{}],"s":"x"}');
    // JSON.parse → JSON.stringify loses all of that
    expect(JSON.stringify(JSON.parse(text))).toBe('{"n":12345678901234567000,"f":1,"z":0,"e":100,"k":[true,null,false,{}],"s":"x"}');
  });

  it("compares values at the source level", () => {
    expect(same('{"a": "caf\\u00e9"}', '{"a":"café"}')).toBe(true);
    expect(same('{"\\u0061": 1}', '{"a":1}')).toBe(true);
    expect(same("12345678901234567890", "12345678901234567000")).toBe(false);
    expect(same("1.0", "1")).toBe(false);
    expect(same("-0", "0")).toBe(false);
    expect(same('{"a":1,"a":2}', '{"a":2}')).toBe(false);
    expect(same('{"a":1,"b":2}', '{"b":2,"a":1}')).toBe(false);
    expect(same("[1,[2,[3]]]", " [ 1 , [ 2 , [ 3 ] ] ] ")).toBe(true);
  });

  it("is strict like JSON.parse, and says where the syntax breaks", () => {
    const bad = ['{"a":1,}', "[1 2]", "{'a':1}", '{"a":01}', '{"a":1.}', '"\\x"', '"a\tb"', "[1]x", "", "tru", '{"a" 1}', "-", '"\\u12G4"'];
    for (const t of bad) {
      expect(() => JSON.parse(t), t).toThrow();
      expect(() => parseJsonSource(t), t).toThrow(JsonSyntaxError);
    }
    let err: unknown;
    try {
      parseJsonSource('{\n  "a": [1,\n  ]\n}');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JsonSyntaxError);
    expect((err as JsonSyntaxError).offset).toBe(15);
    expect((err as Error).message).toBe("expected a value, found ']'");
  });

  it("handles deep nesting without recursion", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const node = parseJsonSource(deep);
    expect(stringifySource(node)).toBe(deep);
    expect(sameJsonValue(node, parseJsonSource(deep))).toBe(true);
  });

  it("compactJsonBytes removes whitespace between tokens only", () => {
    const text = '{\n  "a b": "x \\" \\\\",\r\n\t"c": [ 1 , 2 ]\n}';
    const buf = Buffer.from("xx" + text + "yy");
    expect(compactJsonBytes(buf, 2, 2 + Buffer.byteLength(text)).toString()).toBe('{"a b":"x \\" \\\\","c":[1,2]}');
  });

  it("agrees with JSON.parse on random values, and compacting keeps the value", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const gen = (d: number): unknown => {
      const r = rnd();
      if (d > 4 || r < 0.3) return [rnd() * 1e6, -0, 1.5, "é\n\"\\\u0001x", true, null, 12][Math.floor(rnd() * 7)];
      if (r < 0.65) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(d + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [`k${i}\u00e9`, gen(d + 1)]));
    };
    for (let k = 0; k < 200; k++) {
      const text = JSON.stringify(gen(0), null, k % 3);
      const node = parseJsonSource(text);
      expect(JSON.parse(stringifySource(node))).toEqual(JSON.parse(text));
      const compact = compactJsonBytes(Buffer.from(text), 0, Buffer.byteLength(text)).toString();
      expect(compact).toBe(stringifySource(node));
      expect(sameJsonValue(parseJsonSource(compact), node)).toBe(true);
    }
  });
});
