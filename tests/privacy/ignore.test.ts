// The ignore file (.chatml-gate-ignore): a finding's fingerprint accepts it; the fingerprint survives the record
// moving to another line and changes when the record changes; a configured file that is missing is an error.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { configFromObject, defaultConfig } from "../../src/config/config.js";
import { jsonl, runCli, tempDir } from "../helpers/run.js";
import { fakePii, fakeSecrets } from "./fakes.js";

const gh = fakeSecrets()[8].value;
const email = fakePii()[0].value;
const tutorial = { messages: [{ role: "user", content: `In the tutorial we use the fake token ${gh}.` }, { role: "assistant", content: "Good: a revoked token." }] };
const support = { messages: [{ role: "user", content: `Write to ${email} for help.` }, { role: "assistant", content: "Noted." }] };
const filler = (i: number) => ({ messages: [{ role: "user", content: `Question ${i}?` }, { role: "assistant", content: `Answer ${i}.` }] });

async function run(dir: string, config = defaultConfig()) {
  return check({ files: ["train.jsonl"], config, cwd: dir, validateOnly: true });
}

describe("the ignore file", () => {
  it("accepts findings by fingerprint: they leave the findings, counts and thresholds, and the count of accepted ones is reported", async () => {
    const dir = tempDir({ "train.jsonl": jsonl(tutorial, support, filler(1)) });
    const before = await run(dir);
    const fps = before.files[0].findings.map((f) => f.fingerprint!);
    expect(fps).toHaveLength(2);
    writeFileSync(join(dir, ".chatml-gate-ignore"), `# the tutorial's fake token\n${fps[0]}\n\n${fps[1]}   # public support address\n`);
    const after = await run(dir);
    expect(after.files[0].findings).toEqual([]);
    expect(after.files[0].findingCounts).toEqual({});
    expect(after.privacy).toMatchObject({ secrets: 0, pii: 0, ignored: 2, ignoreFile: ".chatml-gate-ignore" });
    expect(after.gate.checks.find((c) => c.name === "max-secrets")).toMatchObject({ actual: 0, passed: true });
  });

  it("a fingerprint survives the record moving to another line; editing the record makes it a new finding", async () => {
    const dir = tempDir({ "train.jsonl": jsonl(tutorial, filler(1)) });
    const fp = (await run(dir)).files[0].findings[0].fingerprint!;
    writeFileSync(join(dir, ".chatml-gate-ignore"), fp + "\n");
    writeFileSync(join(dir, "train.jsonl"), jsonl(filler(2), filler(3), tutorial));
    expect((await run(dir)).files[0].findings).toEqual([]);
    const edited = { messages: [{ ...tutorial.messages[0], content: tutorial.messages[0].content + " Really." }, tutorial.messages[1]] };
    writeFileSync(join(dir, "train.jsonl"), jsonl(edited));
    const r = await run(dir);
    expect(r.files[0].findings.map((f) => f.rule)).toEqual(["secret"]);
    expect(r.files[0].findings[0].fingerprint).not.toBe(fp);
  });

  it("the record key hashes the line with the values masked: the same record with another token has the same key", async () => {
    const other = fakeSecrets(99)[8].value;
    const dir = tempDir({ "train.jsonl": jsonl(tutorial, { messages: [{ ...tutorial.messages[0], content: tutorial.messages[0].content.replace(gh, other) }, tutorial.messages[1]] }) });
    const [a, b] = (await run(dir)).files[0].findings.map((f) => f.fingerprint);
    expect(a).toBe(b);
  });

  it("ignore-file in the config and --ignore-file name another file; a named file that is missing is an error (exit 2)", async () => {
    const dir = tempDir({ "train.jsonl": jsonl(tutorial, filler(1)) });
    const fp = (await run(dir)).files[0].findings[0].fingerprint!;
    writeFileSync(join(dir, "accepted.txt"), fp + "\n");
    expect((await run(dir, configFromObject({ "ignore-file": "accepted.txt" }))).files[0].findings).toEqual([]);
    await expect(run(dir, configFromObject({ "ignore-file": "nope.txt" }))).rejects.toThrow(/cannot read the ignore file nope\.txt: no such file/);
    const ok = runCli(["check", "train.jsonl", "--ignore-file", "accepted.txt", "--format", "json"], dir);
    expect(JSON.parse(ok.stdout).privacy).toMatchObject({ secrets: 0, ignored: 1, ignoreFile: "accepted.txt" });
    const bad = runCli(["check", "train.jsonl", "--ignore-file", "missing.txt"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^chatml-gate: cannot read the ignore file missing\.txt: no such file/);
  });
});
