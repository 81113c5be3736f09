// Every kind of secret and personal data, planted in a real-looking context, in every field of every format the gate
// reads: each is found at its line, with its kind and the JSON pointer of its field, the record stays valid, and no
// message repeats the value.
import { describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { configFromObject, defaultConfig } from "../../src/config/config.js";
import type { Finding } from "../../src/engine/model.js";
import { jsonl, tempDir } from "../helpers/run.js";
import { driversOf } from "../../src/render/check-drivers.js";
import { fakePii, fakeSecrets } from "./fakes.js";

const PLANTED = [...fakeSecrets(), ...fakePii()];
const PRIVACY = new Set(["secret", "generic-secret", "pii"]);

interface Place {
  /** Where the text goes in the record, and its JSON pointer. */
  build(text: string): Record<string, unknown>;
  pointer: string;
}

const user = (content: unknown) => ({ role: "user", content });
const assistant = (content: unknown) => ({ role: "assistant", content });

/** Fields of each format, each a place to plant a value. */
const FORMATS: Record<string, Place[]> = {
  chatml: [
    { build: (t) => ({ messages: [{ role: "system", content: t }, user("What is wrong here?"), assistant("Nothing obvious.")] }), pointer: "/messages/0/content" },
    { build: (t) => ({ messages: [user(t), assistant("Thanks, let me look at it.")] }), pointer: "/messages/0/content" },
    { build: (t) => ({ messages: [user("Show me an example."), assistant(t)] }), pointer: "/messages/1/content" },
    { build: (t) => ({ messages: [user([{ type: "text", text: t }]), assistant("I see.")] }), pointer: "/messages/0/content/0/text" },
    {
      // an agent trace: the assistant calls a tool with the text in its arguments (a JSON string)
      build: (t) => ({
        messages: [
          user("Save this note for me."),
          { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "save_note", arguments: JSON.stringify({ note: t }) } }] },
          { role: "tool", tool_call_id: "call_1", content: "saved" },
          assistant("Saved."),
        ],
      }),
      pointer: "/messages/1/tool_calls/0/function/arguments",
    },
    {
      // the tool result holds it (a connection string read from a config file, a log line)
      build: (t) => ({
        messages: [
          user("What does the config say?"),
          { role: "assistant", content: null, tool_calls: [{ id: "c", type: "function", function: { name: "read_file", arguments: { path: "config/.env" } } }] },
          { role: "tool", tool_call_id: "c", content: t },
          assistant("It is configured."),
        ],
      }),
      pointer: "/messages/2/content",
    },
    { build: (t) => ({ system: t, messages: [user("Hi"), assistant("Hello!")] }), pointer: "/system" },
    { build: (t) => ({ system: [{ text: t }], messages: [user("Hi"), assistant("Hello!")] }), pointer: "/system/0/text" },
    {
      build: (t) => ({ messages: [user("What's the weather?"), assistant("Sunny.")], tools: [{ type: "function", function: { name: "weather", description: t, parameters: { type: "object", properties: {} } } }] }),
      pointer: "/tools/0/function/description",
    },
  ],
  sharegpt: [
    { build: (t) => ({ conversations: [{ from: "human", value: t }, { from: "gpt", value: "Thanks." }] }), pointer: "/conversations/0/value" },
    { build: (t) => ({ conversations: [{ from: "human", value: "An example?" }, { from: "gpt", value: t }] }), pointer: "/conversations/1/value" },
    { build: (t) => ({ system: t, conversations: [{ from: "human", value: "Hi" }, { from: "gpt", value: "Hello" }] }), pointer: "/system" },
    {
      build: (t) => ({ conversations: [{ from: "human", value: "Look it up" }, { from: "function_call", value: JSON.stringify({ name: "lookup", arguments: { q: "x" } }) }, { from: "observation", value: t }, { from: "gpt", value: "Found it." }], tools: JSON.stringify([{ name: "lookup", description: "Looks things up", parameters: {} }]) }),
      pointer: "/conversations/2/value",
    },
  ],
  alpaca: [
    { build: (t) => ({ instruction: "Summarise this.", input: t, output: "A config file." }), pointer: "/input" },
    { build: (t) => ({ instruction: t, input: "", output: "Done." }), pointer: "/instruction" },
    { build: (t) => ({ instruction: "Give an example.", input: "", output: t }), pointer: "/output" },
    { build: (t) => ({ instruction: "Continue.", input: "", output: "Ok.", history: [["Earlier question", t]] }), pointer: "/history/0/1" },
    { build: (t) => ({ system: t, instruction: "Hi", input: "", output: "Hello" }), pointer: "/system" },
  ],
  "preference-trl": [
    { build: (t) => ({ prompt: t, chosen: "I can't use that.", rejected: "Sure." }), pointer: "/prompt" },
    { build: (t) => ({ prompt: "Give me an example.", chosen: "Here is one without real data.", rejected: t }), pointer: "/rejected" },
    { build: (t) => ({ prompt: [user("An example?")], chosen: [assistant(t)], rejected: [assistant("No.")] }), pointer: "/chosen/0/content" },
  ],
  "preference-openai": [
    { build: (t) => ({ input: { messages: [user(t)] }, preferred_output: [assistant("I won't repeat it.")], non_preferred_output: [assistant("Ok.")] }), pointer: "/input/messages/0/content" },
    { build: (t) => ({ input: { messages: [user("Example?")] }, preferred_output: [assistant("No real data.")], non_preferred_output: [assistant(t)] }), pointer: "/non_preferred_output/0/content" },
  ],
};

async function run(records: unknown[], config?: object) {
  const dir = tempDir({ "data.jsonl": jsonl(...records) });
  const report = await check({ files: ["data.jsonl"], config: config ? configFromObject(config) : defaultConfig(), cwd: dir, validateOnly: true });
  return report;
}

const privacyFindings = (found: Finding[]) => found.filter((f) => PRIVACY.has(f.rule));

describe("every kind in every field of every format", () => {
  for (const [format, places] of Object.entries(FORMATS)) {
    it(`${format}: ${PLANTED.length} kinds × ${places.length} fields, each found at its line and field`, async () => {
      const records: unknown[] = [];
      const expected: string[] = [];
      places.forEach((place, p) => {
        PLANTED.forEach((f, k) => {
          // a different kind first in each field, so that every field sees every kind
          records.push(place.build(f.context(f.value)));
          expected.push(`${records.length}:${k >= fakeSecrets().length ? "pii" : "secret"}:${f.kind}:${place.pointer}`);
          void p;
        });
      });
      const report = await run(records);
      const file = report.files[0];
      expect(file.format).toBe(format);
      expect(file.validRecords).toBe(records.length); // a secret never makes a record invalid
      const found = privacyFindings(file.findings);
      expect(found.map((x) => `${x.line}:${x.rule}:${x.kind}:${x.pointer}`)).toEqual(expected);
      expect(file.findings.filter((x) => !PRIVACY.has(x.rule)).map((x) => `${x.line} ${x.rule}: ${x.message}`)).toEqual([]);
      const text = JSON.stringify(report);
      for (const f of PLANTED) for (const line of f.value.split("\n")) expect(text.includes(line), `${f.kind} leaked`).toBe(false);
      expect(report.privacy).toMatchObject({ secrets: fakeSecrets().length * places.length, piiRecords: fakePii().length * places.length });
      // every finding has a fingerprint, and its message says how to accept it with that fingerprint
      for (const x of found) {
        expect(x.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(x.message.endsWith(`Add ${x.fingerprint} to .chatml-gate-ignore`)).toBe(true);
      }
    });
  }
});

describe("a top-level system prompt (Anthropic, Bedrock)", () => {
  it("is the record's system message: counted as a system prompt, masked where quoted", async () => {
    const gh = fakeSecrets()[8].value;
    const records = [
      { system: `Be brief. Key: ${gh}`, messages: [user("Hi"), assistant("Hello.")] },
      { system: [{ text: `Be brief. Key: ${gh}` }], messages: [user("Hey"), assistant("Hi.")] },
      { messages: [user("Yo"), assistant("Yo.")] },
    ];
    const dir = tempDir({ "data.jsonl": jsonl(...records) });
    const report = await check({ files: ["data.jsonl"], config: defaultConfig(), cwd: dir, date: "2026-01-01" });
    const sp = (report.diversity as { systemPrompts: { recordsWithSystem: number; distinct: number; top: { text: string; count: number }[] } }).systemPrompts;
    expect(sp.recordsWithSystem).toBe(2);
    expect(sp.top).toEqual([{ text: "Be brief. Key: [REDACTED:github-token]", count: 2 }]);
    expect(report.files[0].findings.map((f) => `${f.line}:${f.rule}:${f.pointer}`)).toEqual(["1:secret:/system", "2:secret:/system/0/text"]);
  });
});

describe("a value nested thousands of levels deep", () => {
  it("is found, with its full pointer (the walk leaves recursion for an explicit stack on the way down)", async () => {
    const gh = fakeSecrets()[8].value;
    let nested: unknown = `token ${gh}`;
    let pointer = "";
    for (let i = 0; i < 3000; i++) {
      nested = i % 2 ? { "k/~": nested } : [0, nested];
      pointer = (i % 2 ? "/k~1~0" : "/1") + pointer;
    }
    const line = `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}],"meta":${JSON.stringify({ x: 1 }).slice(0, -1)},"deep":${deepJson(nested)}}}`;
    const report = await run([line]);
    const f = privacyFindings(report.files[0].findings);
    expect(f.map((x) => [x.kind, x.pointer])).toEqual([["github-token", "/meta/deep" + pointer]]);
  });
});

/** JSON text of a deeply nested value (JSON.stringify recurses and would overflow the stack). */
function deepJson(v: unknown): string {
  let open = "";
  let close = "";
  while (typeof v !== "string") {
    if (Array.isArray(v)) {
      open += "[0,";
      close = "]" + close;
      v = v[1];
    } else {
      open += '{"k/~":';
      close = "}" + close;
      v = (v as Record<string, unknown>)["k/~"];
    }
  }
  return open + JSON.stringify(v) + close;
}

describe("a line that is not JSON", () => {
  it("is scanned as text: the key in a broken record is found (no pointer), and the invalid-json finding stays", async () => {
    const gh = fakeSecrets()[8].value;
    const report = await run([`{"messages": [{"role": "user", "content": "token ${gh}"}`]);
    const f = report.files[0].findings;
    expect(f.map((x) => `${x.rule}:${x.kind ?? ""}`)).toEqual(["secret:github-token", "invalid-json:"]);
    expect(f[0].message).toContain("in this line");
    expect(f[0].pointer).toBe("");
    // every finding of the line hashes it with the token masked: the same broken line with another token has the
    // same fingerprints (no published hash depends on the value)
    const other = fakeSecrets(99)[8].value;
    const again = await run([`{"messages": [{"role": "user", "content": "token ${other}"}`]);
    expect(again.files[0].findings.map((x) => x.fingerprint)).toEqual(f.map((x) => x.fingerprint));
    expect(JSON.stringify(report)).not.toContain(gh);
  });
});

describe("what a finding says", () => {
  it("kind, public prefix, length, field and how to accept it, never the value", async () => {
    const gh = fakeSecrets()[8].value;
    const email = fakePii()[0].value;
    const report = await run([{ messages: [user(`My token is ${gh}, mail me at ${email}`), assistant("Revoke it now.")] }]);
    const [s, p] = report.files[0].findings;
    expect(s.message).toBe(`GitHub token ghp_… (40 characters) at /messages/0/content: remove it and revoke it in GitHub (Settings → Developer settings → Tokens). Not a real secret? Add ${s.fingerprint} to .chatml-gate-ignore`);
    expect(p.message).toBe(`e-mail address (27 characters) at /messages/0/content: remove it or replace it with an address at example.com. May it stay? Add ${p.fingerprint} to .chatml-gate-ignore`);
    expect([s.kind, s.pointer, p.kind, p.pointer]).toEqual(["github-token", "/messages/0/content", "email", "/messages/0/content"]);
    expect(p.message).not.toContain("zq7");
  });
  it("a value repeated in a record is one finding that says how often", async () => {
    const gh = fakeSecrets()[8].value;
    const report = await run([{ messages: [{ role: "system", content: `Use ${gh}.` }, user(`Is ${gh} valid?`), assistant(`Yes, ${gh} works.`)] }]);
    const f = privacyFindings(report.files[0].findings);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("3 times in this record");
    expect(f[0].pointer).toBe("/messages/0/content");
  });
  it("another rule's message that quotes the record is redacted (a string where a message should be)", async () => {
    const gh = fakeSecrets()[8].value;
    const report = await run([{ messages: [`my key is ${gh}`, assistant("ok")] }]);
    const msgs = report.files[0].findings.map((x) => x.message);
    expect(msgs.some((m) => m.includes("[REDACTED:github-token]"))).toBe(true);
    expect(JSON.stringify(report)).not.toContain(gh.slice(4, 24));
  });
});

describe("severities, thresholds and switches", () => {
  const gh = fakeSecrets()[8].value;
  const email = fakePii()[0].value;
  const records = [
    { messages: [user(`token ${gh}`), assistant("ok")] },
    { messages: [user(`mail ${email}`), assistant("ok")] },
    ...Array.from({ length: 8 }, (_, i) => ({ messages: [user(`question ${i}`), assistant(`answer ${i}`)] })),
  ];
  it("by default: secret is an error and fails max-secrets; pii is a warning; max-pii-share is off", async () => {
    const r = await run(records);
    expect(r.files[0].findingCounts).toMatchObject({ secret: 1, pii: 1 });
    expect(r.gate.checks.find((c) => c.name === "max-secrets")).toMatchObject({ actual: 1, limit: 0, passed: false });
    expect(r.gate.checks.find((c) => c.name === "max-pii-share")).toBeUndefined();
    expect(r.privacy).toMatchObject({ secrets: 1, pii: 1, piiRecords: 1, piiShare: 0.1, kinds: { "github-token": 1, email: 1 } });
  });
  it("secret as a warning still fails max-secrets; max-pii-share fails above its share", async () => {
    const r = await run(records, { rules: { secret: "warning" }, thresholds: { "max-pii-share": 0.05 } });
    expect(r.summary.errors).toBe(0);
    expect(r.passed).toBe(false);
    expect(r.gate.checks.filter((c) => !c.passed).map((c) => c.name).sort()).toEqual(["max-pii-share", "max-secrets"]);
    // the report's "Where" names the file and the first record, never the value
    const path = r.files[0].path;
    expect(driversOf(r, "max-secrets")).toEqual([{ path, line: 1, text: "1 secret" }]);
    expect(driversOf(r, "max-pii-share")).toEqual([{ path, line: 2, text: "1 of 10 records hold personal data" }]);
  });
  it("max-pii-share is a share: above 1 is a config error", () => {
    expect(() => configFromObject({ thresholds: { "max-pii-share": 1.5 } })).toThrow(/max-pii-share' is 1\.5: above 1/);
    expect(() => configFromObject({ "ignore-file": "" })).toThrow(/ignore-file/);
  });
  it("rules off: nothing scanned, no privacy figures, no checks", async () => {
    const r = await run(records, { rules: { secret: "off", "generic-secret": "off", pii: "off" } });
    expect(privacyFindings(r.files[0].findings)).toEqual([]);
    expect(r.privacy).toBeUndefined();
    expect(r.gate.checks.find((c) => c.name === "max-secrets")).toBeUndefined();
  });
  it("overrides: the scan off for some files, max-secrets per file", async () => {
    const dir = tempDir({ "docs/tutorial.jsonl": jsonl(...records), "data/train.jsonl": jsonl(...records) });
    const config = configFromObject({ overrides: [{ files: "docs/**", rules: { secret: "off" } }, { files: "data/**", thresholds: { "max-secrets": 5 } }] });
    const r = await check({ files: ["data/train.jsonl", "docs/tutorial.jsonl"], config, cwd: dir, validateOnly: true });
    expect(r.files.map((f) => f.findingCounts.secret ?? 0)).toEqual([1, 0]);
    expect(r.gate.checks.find((c) => c.name === "max-secrets (data/**)")).toMatchObject({ actual: 1, passed: true });
  });
});
