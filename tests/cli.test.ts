// The bundled CLI as a process: exit codes, JSON on stdout, messages on stderr.
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CLI, good, jsonl, runCli, tempDir } from "./helpers/run.js";

const clean = jsonl(...Array.from({ length: 12 }, (_, i) => good(i)));
const broken = jsonl(good(1), { messages: [{ role: "user", content: "hi" }] }, "not json");

describe("chatml-gate CLI (dist/cli.js)", () => {
  it("exists and is executable with a shebang", () => {
    expect(existsSync(CLI)).toBe(true);
    expect(readFileSync(CLI, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });

  it("bad --fail-on, --max-tokens and --threshold values are named as the options they are (not as action inputs)", () => {
    const dir = tempDir({ "data/train.jsonl": clean });
    const cases: [string[], string][] = [
      [["--fail-on", "bogus"], "--fail-on must be error, warning or never; got 'bogus'"],
      [["--max-tokens", "0"], "--max-tokens must be a positive integer; got '0'"],
      [["--threshold", "max-duplicate-rate=abc"], "--threshold max-duplicate-rate must be a number"],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["check", "data/", ...args], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain("input '");
    }
  });

  it("a path that is a loop of symbolic links is named as such (usage error), not as missing", () => {
    const dir = tempDir({ "data/train.jsonl": clean });
    symlinkSync("b.jsonl", join(dir, "a.jsonl"));
    symlinkSync("a.jsonl", join(dir, "b.jsonl"));
    const r = runCli(["check", "a.jsonl"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read a.jsonl: a loop of symbolic links");
    expect(runCli(["check", "nothere.jsonl"], dir).stderr).toContain("no such file or directory: nothere.jsonl");
  });

  it("--workers takes a positive whole number (usage error, exit 2, otherwise)", () => {
    const dir = tempDir({ "data/train.jsonl": clean });
    for (const bad of ["0", "two", "1.5"]) {
      const r = runCli(["check", "data/", "--workers", bad], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--workers must be a positive integer; got '${bad}'`);
    }
    expect(runCli(["check", "data/", "--workers", "4"], dir).code).toBe(0); // small input: this thread only
  });

  it("--output and --dataset-info make missing folders; a path that cannot be written is a usage error", () => {
    const dir = tempDir({ "data/train.jsonl": clean, "partial.json": '{"kind":"chatml-quality-gate/partial","version":"0.1.0"}' });
    const ok = runCli(["check", "data/", "--format", "json", "--output", "out/reports/r.json", "--dataset-info", "out/info/dataset_info.txt"], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out/reports/r.json"), "utf8")).summary.records).toBe(12);
    expect(readFileSync(join(dir, "out/info/dataset_info.txt"), "utf8").length).toBeGreaterThan(0);
    const toDir = runCli(["check", "data/", "--dataset-info", "out"], dir);
    expect(toDir.code).toBe(2);
    expect(toDir.stderr).toBe("chatml-gate: cannot write --dataset-info out: it is a directory\n");
    const underFile = runCli(["check", "data/", "--output", "data/train.jsonl/r.json"], dir);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toBe("chatml-gate: cannot write --output data/train.jsonl/r.json: a part of the path is a file\n");
    const merge = runCli(["merge", "partial.json"], dir);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/^chatml-gate: partial\.json is not a whole partial result/);
  });

  it("exit 0 and a PASSED line on clean data", () => {
    const dir = tempDir({ "data/train.jsonl": clean });
    const r = runCli(["check", "data/"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASSED: 1 file, 12 records, 0 errors/);
  });

  it("exit 1 and compiler-style lines on broken data", () => {
    const dir = tempDir({ "b.jsonl": broken });
    const r = runCli(["check", "b.jsonl"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("b.jsonl:2: error missing-assistant:");
    expect(r.stdout).toContain("b.jsonl:3: error invalid-json:");
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour when not a TTY
  });

  it("--format json prints one JSON document matching the documented shape", () => {
    const dir = tempDir({ "b.jsonl": broken });
    const r = runCli(["check", "--format", "json", "--validate-only"], dir);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ schemaVersion: 1, passed: false, summary: { files: 1, records: 3, errors: 2 } });
    expect(rep.files[0].findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`)).toEqual(["missing-assistant@2", "invalid-json@3"]);
    expect(rep.files[0].findingCounts).toEqual({ "missing-assistant": 1, "invalid-json": 1 });
    expect(rep.gate.checks.find((c: { name: string }) => c.name === "max-errors")).toMatchObject({ limit: 0, actual: 2, passed: false });
  });

  it("--max-findings caps the list but not the counts", () => {
    const dir = tempDir({ "b.jsonl": jsonl(...Array.from({ length: 20 }, () => "{bad")) });
    const rep = JSON.parse(runCli(["check", "b.jsonl", "--format", "json", "--max-findings", "5"], dir).stdout);
    expect(rep.files[0].findings).toHaveLength(5);
    expect(rep.files[0].findingCounts["invalid-json"]).toBe(20);
    expect(rep.files[0].findingsTruncated).toBe(true);
  });

  it("--output writes the report to a file", () => {
    const dir = tempDir({ "a.jsonl": clean });
    const r = runCli(["check", ".", "--format", "json", "--output", "out.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).passed).toBe(true);
  });

  it("--fail-on never passes broken data; --fail-on warning fails on warnings", () => {
    const dir = tempDir({ "b.jsonl": broken, "w.jsonl": clean + "\n" });
    expect(runCli(["check", "b.jsonl", "--fail-on", "never"], dir).code).toBe(0);
    expect(runCli(["check", "w.jsonl"], dir).code).toBe(0);
    expect(runCli(["check", "w.jsonl", "--fail-on", "warning"], dir).code).toBe(1);
  });

  it("a bad glob in overrides or splits is named as a glob (it was described as a threshold, or as 'must match a schema in anyOf')", () => {
    const dir = tempDir({
      "a.jsonl": clean,
      "o.yml": 'overrides:\n  - files: ""\n    rules: {unknown-key: off}\n',
      "s.yml": "splits:\n  - {train: 3, eval: val.jsonl}\n",
      "t.yml": "overrides:\n  - files: a.jsonl\n    thresholds: {max-duplicate-rate: lots}\n",
    });
    const o = runCli(["check", "a.jsonl", "--config", "o.yml"], dir);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/'overrides\.0\.files' must be a glob \(a non-empty string\) or a non-empty list of globs/);
    expect(o.stderr).not.toMatch(/warn: N/);
    expect(runCli(["check", "a.jsonl", "--config", "s.yml"], dir).stderr).toMatch(/'splits\.0\.train' must be a glob/);
    expect(runCli(["check", "a.jsonl", "--config", "t.yml"], dir).stderr).toMatch(/'overrides\.0\.thresholds\.max-duplicate-rate' must be a number \(a share also as a percentage: 0\.05 or "5%"\), \{warn: N, fail: N\}, or off$/m);
  });

  it("a token limit or price of .inf / 1e400 in the config is an error (the report said 'the Infinity-token limit', cost 0.00)", () => {
    const dir = tempDir({ "a.jsonl": clean, "l.yml": "tokens:\n  max-tokens: 1e400\n", "p.yml": "tokens:\n  price-per-million: .inf\n" });
    const l = runCli(["check", "a.jsonl", "--config", "l.yml"], dir);
    expect(l.code).toBe(2);
    expect(l.stderr).toMatch(/'tokens\.max-tokens' is Infinity: not a finite number/);
    const p = runCli(["check", "a.jsonl", "--config", "p.yml"], dir);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/'tokens\.price-per-million' is Infinity: not a finite number/);
  });

  it("--output or --dataset-info naming a dataset file being checked is refused (the report overwrote the data)", () => {
    const dir = tempDir({ "data/train.jsonl": clean });
    for (const args of [["--output", "data/train.jsonl"], ["--dataset-info", "./data/../data/train.jsonl"], ["--shard", "1/1", "--output", "data/train.jsonl"]]) {
      const r = runCli(["check", "data", ...args], dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/is one of the dataset files being checked: writing there would overwrite the data/);
    }
    expect(readFileSync(join(dir, "data/train.jsonl"), "utf8")).toBe(clean);
    expect(runCli(["check", "data", "--output", "report.txt"], dir).code).toBe(0);
  });

  it("exit 2 with a one-line message on usage and config errors, no stack trace", () => {
    const dir = tempDir({
      "a.jsonl": clean,
      "bad.yml": "rules:\n  not-a-rule: off\n",
      "bad2.yml": "thresholds:\n  max-duplicate-rate: lots\n",
      // typos in key names (an unknown key used to crash the config check)
      "bad3.yml": "threshold:\n  max-duplicate-rate: 0.1\n",
      "bad4.yml": "duplicates:\n  near-treshold: 0.9\n",
      // levels in the wrong order
      "bad5.yml": "thresholds:\n  max-duplicate-rate: {warn: 0.5, fail: 0.1}\n  single-turn-share: [0.2, 0.8]\n",
      "bad6.yml": "thresholds:\n  single-turn-share: [0.9, 0.1]\n",
      "bad7.yml": 'thresholds:\n  max-duplicate-rate: !!js/function "x"\n',
      "bad8.yml": "a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
    });
    for (const args of [["check", "missing.jsonl"], ["check", "--format", "xml"], ["frobnicate"], ["check", "--nope"], ["check", "--config", "bad.yml"], ["check", "--config", "bad2.yml"], ["check", "--config", "bad3.yml"], ["check", "--config", "bad4.yml"], ["check", "--config", "bad5.yml"], ["check", "--config", "bad6.yml"], ["check", "--config", "bad7.yml"], ["check", "--config", "bad8.yml"], ["check", "--threshold", "min-examples=warn:5,fail:50"], ["check", "--config", "nofile.yml"]]) {
      const r = runCli(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runCli(["check", "--config", "bad.yml"], dir).stderr).toMatch(/unknown rule 'not-a-rule'/);
    expect(runCli(["check", "--config", "bad2.yml"], dir).stderr).toMatch(/thresholds\.max-duplicate-rate/);
    expect(runCli(["check", "--config", "bad3.yml"], dir).stderr).toMatch(/invalid config bad3\.yml: unknown key 'threshold'; allowed: .*\bthresholds\b/);
    expect(runCli(["check", "--config", "bad4.yml"], dir).stderr).toMatch(/unknown key 'duplicates\.near-treshold'; allowed: case-insensitive, near, near-threshold, shingle-size/);
    expect(runCli(["check", "--config", "bad5.yml"], dir).stderr).toMatch(/'thresholds\.max-duplicate-rate' warns at 0\.5 but fails at 0\.1/);
    expect(runCli(["check", "--config", "bad6.yml"], dir).stderr).toMatch(/'thresholds\.single-turn-share' has min 0\.9 above max 0\.1/);
    expect(runCli(["check", "--config", "bad7.yml"], dir).stderr).toMatch(/cannot parse config bad7\.yml: Unresolved tag: tag:yaml\.org,2002:js\/function/);
    expect(runCli(["check", "--config", "bad8.yml"], dir).stderr).toMatch(/cannot parse config bad8\.yml: Excessive alias count/);
    // a drop of windowed distinct-2 (a fraction) by more than 1 can never happen: a check that never fails
    expect(runCli(["check", "--threshold", "max-diversity-drop=2"], dir).stderr).toMatch(/'thresholds\.max-diversity-drop' is 2: above 1 \(a fraction: 0\.05 = 5 %\)/);
    expect(runCli(["check", "--threshold", "min-examples=warn:5,fail:50"], dir).stderr).toMatch(/'thresholds\.min-examples' warns at 5 but fails at 50.*warn >= fail for a min- threshold/);
  });

  it("refuses threshold values that cannot be meant: NaN, negative, a rate above 1, an empty value, a range without bounds", () => {
    const dir = tempDir({
      "a.jsonl": clean,
      "nan.yml": "thresholds:\n  max-errors: .nan\n",
      "range.yml": "thresholds:\n  single-turn-share: {level: warn}\n",
      "neg.yml": "overrides:\n  - files: a.jsonl\n    thresholds:\n      max-warnings: -3\n",
    });
    const cases: [string[], RegExp][] = [
      [["--config", "nan.yml"], /'thresholds\.max-errors' is NaN: not a number/],
      [["--config", "range.yml"], /'thresholds\.single-turn-share' needs a min, a max or both/],
      [["--config", "neg.yml"], /'overrides\[0\]\.thresholds\.max-warnings' is -3: negative/],
      [["--threshold", "max-errors=-1"], /'thresholds\.max-errors' is -1: negative/],
      [["--threshold", "max-duplicate-rate=500%"], /'thresholds\.max-duplicate-rate' is 5: above 1/],
      [["--threshold", "max-errors="], /--threshold takes NAME=VALUE/],
      [["--max-findings", ""], /--max-findings must be a non-negative integer/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["check", "a.jsonl", ...args], dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(runCli(["check", "a.jsonl", "--threshold", "max-compression-ratio=12"], dir).code).toBe(0); // a ratio, not a fraction
  });

  it("globs above the working directory or absolute ones are matched from their base folder", () => {
    const dir = tempDir({ "up.jsonl": clean, "work/here.jsonl": clean, "work/sub/deep.jsonl": clean });
    const cwd = join(dir, "work");
    const files = (args: string[]) => (JSON.parse(runCli(["check", ...args, "--format", "json", "--validate-only"], cwd).stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(files(["../*.jsonl"])).toEqual(["../up.jsonl"]);
    expect(files([join(dir, "work", "sub", "*.jsonl")])).toEqual(["sub/deep.jsonl"]);
    expect(files(["**/*.jsonl"])).toEqual(["here.jsonl", "sub/deep.jsonl"]);
  });

  it("finds .jsonl and .jsonl.gz in directories and accepts globs", () => {
    const dir = tempDir({ "d/a.jsonl": clean, "d/sub/b.jsonl": clean, "d/notes.txt": "x", "d/node_modules/x.jsonl": "bad" });
    const rep = JSON.parse(runCli(["check", "d", "--format", "json"], dir).stdout);
    expect(rep.files.map((f: { path: string }) => f.path)).toEqual(["d/a.jsonl", "d/sub/b.jsonl"]);
    const rep2 = JSON.parse(runCli(["check", "d/**/b.jsonl", "--format", "json"], dir).stdout);
    expect(rep2.files.map((f: { path: string }) => f.path)).toEqual(["d/sub/b.jsonl"]);
  });

  it("lists rules and prints its version", () => {
    const dir = tempDir();
    expect(runCli(["rules"], dir).stdout).toMatch(/^invalid-json\s+error/m);
    expect(runCli(["--version"], dir).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("min-examples counts valid records (records with no error), not lines", () => {
  // 4 records a trainer accepts (line 4 only has a warning: an unknown key) among 12 non-blank lines.
  const mixed = jsonl(
    good(0),
    "{broken",
    good(1),
    { messages: [{ role: "user", content: "hi", extra: 1 }, { role: "assistant", content: "hello" }] },
    "not json",
    [1, 2],
    { messages: [{ role: "user" }] }, // several errors on one record: counted once
    { messages: [] },
    { foo: 1 },
    { messages: [{ role: "robot", content: "x" }, { role: "assistant", content: "y" }] },
    good(2),
    { messages: [{ role: "user", content: "only a question" }] },
  );
  const tolerant = ["--threshold", "max-errors=100", "--format", "json"];
  const minExamples = (rep: { gate: { checks: { name: string }[] } }, name = "min-examples") => rep.gate.checks.find((c) => c.name === name);

  it("a file of 12 lines, 4 of them usable, fails min-examples 10 even when errors are tolerated (with and without analysis)", () => {
    const dir = tempDir({ "m.jsonl": mixed });
    for (const extra of [[], ["--validate-only"]]) {
      const r = runCli(["check", "m.jsonl", ...tolerant, ...extra], dir);
      expect(r.code, r.stderr).toBe(1);
      const rep = JSON.parse(r.stdout);
      expect(rep.summary).toMatchObject({ records: 12, validRecords: 4 });
      expect(rep.files[0]).toMatchObject({ records: 12, validRecords: 4 });
      expect(minExamples(rep)).toMatchObject({ limit: 10, actual: 4, passed: false, level: "fail" });
      expect(minExamples(rep, "max-errors")).toMatchObject({ passed: true });
    }
    const ok = runCli(["check", "m.jsonl", ...tolerant, "--threshold", "min-examples=4"], dir);
    expect(ok.code).toBe(0);
  });

  it("the per-file min-examples of overrides counts valid records too", () => {
    const cfg = "thresholds:\n  max-errors: 100\n  min-examples: 1\noverrides:\n  - files: m.jsonl\n    thresholds:\n      min-examples: 5\n";
    const dir = tempDir({ "m.jsonl": mixed, "c.jsonl": clean, ".chatml-gate.yml": cfg });
    const r = runCli(["check", ".", "--format", "json", "--validate-only"], dir);
    expect(r.code, r.stderr).toBe(1);
    const rep = JSON.parse(r.stdout);
    expect(rep.summary).toMatchObject({ records: 24, validRecords: 16 });
    expect(minExamples(rep, "min-examples (m.jsonl)")).toMatchObject({ limit: 5, actual: 4, passed: false });
  });

  it("overrides match files named from outside the working directory (../data/x.jsonl) or with ./", () => {
    const cfg = "overrides:\n  - files: '**/validation.jsonl'\n    rules:\n      empty-line: off\n    thresholds:\n      min-examples: 5\n";
    const dir = tempDir({ "repo/data/validation.jsonl": jsonl(good(1), good(2)) + "\n", "repo/sub/.keep": "", "cfg.yml": cfg });
    for (const [cwd, path] of [[join(dir, "repo", "sub"), "../data/validation.jsonl"], [join(dir, "repo"), "./data/validation.jsonl"]]) {
      const r = runCli(["check", path, "--config", join(dir, "cfg.yml"), "--format", "json", "--validate-only"], cwd);
      const rep = JSON.parse(r.stdout);
      expect(minExamples(rep, "min-examples (**/validation.jsonl)"), path).toMatchObject({ limit: 5, actual: 2, passed: false });
      expect(rep.files[0].findingCounts["empty-line"], path).toBeUndefined(); // the blank last line: rule switched off
      expect(r.code).toBe(1);
    }
  });

  it("the text report and dataset_info say how many of the records are valid", () => {
    const dir = tempDir({ "m.jsonl": mixed, "c.jsonl": jsonl(...Array.from({ length: 12 }, (_, i) => good(100 + i))) });
    const r = runCli(["check", ".", "--threshold", "max-errors=100", "--dataset-info", "info.txt"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^c\.jsonl +chatml +12 +0 +0$/m);
    expect(r.stdout).toMatch(/^m\.jsonl +chatml +12 \(4 valid\) +\d+ +\d+$/m);
    expect(r.stdout).toMatch(/PASSED: 2 files, 24 records \(16 valid\), \d+ errors/);
    const info = readFileSync(join(dir, "info.txt"), "utf8");
    expect(info).toMatch(/^Total examples: 24 \(16 valid, 8 invalid\)$/m);
    expect(info).toMatch(/^ {2}m\.jsonl +12 +train +chatml +\(8 invalid\)$/m);
    expect(info).toMatch(/^ {2}c\.jsonl +12 +train +chatml$/m);
    expect(info).toContain("Format compliance: 66.67%");
  });

  it("chunks of one file, worker threads and merged shards count the same valid records", () => {
    const big = jsonl(...Array.from({ length: 60 }, (_, i) => (i % 5 === 4 ? "{broken" : good(i))));
    const dir = tempDir({ "big.jsonl": big });
    const env = { CHATML_GATE_CHUNK_BYTES: "1024" };
    const one = runCli(["check", "big.jsonl", ...tolerant, "--workers", "1"], dir, env);
    const rep = JSON.parse(one.stdout);
    expect(rep.summary).toMatchObject({ records: 60, validRecords: 48 });
    expect(runCli(["check", "big.jsonl", ...tolerant, "--workers", "2"], dir, env).stdout).toBe(one.stdout);
    for (const i of [1, 2]) expect(runCli(["check", "big.jsonl", ...tolerant, "--shard", `${i}/2`, "--output", `p${i}.json`], dir, env).code).toBe(0);
    expect(runCli(["merge", "p1.json", "p2.json", "--format", "json"], dir, env).stdout).toBe(one.stdout);
  });
});

describe("valid records: findings reported once per file", () => {
  it("an unknown key set to error makes every record with it invalid, not only the first one reported", () => {
    const rec = (i: number) => ({ messages: [{ role: "user", content: `q ${i}`, extra: 1 }, { role: "assistant", content: `a ${i}` }] });
    const dir = tempDir({ "u.jsonl": jsonl(rec(1), rec(2), rec(3), good(4)), ".chatml-gate.yml": "rules:\n  unknown-key: error\n" });
    const rep = JSON.parse(runCli(["check", "u.jsonl", "--format", "json", "--validate-only"], dir).stdout);
    expect(rep.files[0].findingCounts).toEqual({ "unknown-key": 1 });
    expect(rep.files[0]).toMatchObject({ records: 4, validRecords: 1 });
    const warn = tempDir({ "u.jsonl": jsonl(rec(1), rec(2), rec(3), good(4)) });
    expect(JSON.parse(runCli(["check", "u.jsonl", "--format", "json", "--validate-only"], warn).stdout).files[0]).toMatchObject({ records: 4, validRecords: 4 });
  });
});

describe("UTF-16 without a byte-order mark", () => {
  const text = jsonl(...Array.from({ length: 12 }, (_, i) => good(i)), { messages: [{ role: "user", content: "Grüße, 你好?" }, { role: "assistant", content: "Hallo — 你好!" }] });
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.from(le).swap16();

  for (const [name, body, enc] of [["LE", le, "UTF-16LE"], ["BE", be, "UTF-16BE"]] as const) {
    it(`a UTF-16${name} file gets one finding at line 1 that names the encoding and the iconv command`, () => {
      const dir = tempDir({ "u.jsonl": body });
      const r = runCli(["check", "u.jsonl"], dir);
      expect(r.code).toBe(1);
      const findings = r.stdout.split("\n").filter((l) => /^u\.jsonl:\d+: /.test(l));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatch(new RegExp(`^u\\.jsonl:1: error invalid-utf8: the file is ${enc} \\(no byte-order mark\\), not UTF-8: convert it with \`iconv -f ${enc} -t UTF-8 u\\.jsonl > u\\.jsonl\\.utf8\``));
      expect(r.stdout).not.toContain("invalid-json");
    });
  }

  it("a UTF-16LE file whose first line is blank is recognised too; UTF-8 with NUL escapes or a stray NUL byte is not UTF-16", () => {
    const blankFirst = Buffer.concat([Buffer.from("\n", "utf16le"), le]);
    const escapes = jsonl(...Array.from({ length: 12 }, (_, i) => good(i)), { messages: [{ role: "user", content: "a\u0000b\u0000c" }, { role: "assistant", content: "\u0000\u0000" }] });
    expect(escapes).toContain("\\u0000");
    const strayNul = Buffer.concat([Buffer.from(jsonl(good(0), good(1))), Buffer.from([0x7b, 0, 0x22, 0, 0x0a]), Buffer.from(jsonl(...Array.from({ length: 10 }, (_, i) => good(i + 2))))]);
    const dir = tempDir({ "blank.jsonl": blankFirst, "esc.jsonl": escapes, "nul.jsonl": strayNul });
    const blank = runCli(["check", "blank.jsonl"], dir);
    expect(blank.code).toBe(1);
    expect(blank.stdout).toMatch(/^blank\.jsonl:1: error invalid-utf8: the file is UTF-16LE \(no byte-order mark\)/m);
    const esc = runCli(["check", "esc.jsonl", "--validate-only"], dir);
    expect(esc.code, esc.stdout).toBe(0);
    expect(esc.stdout).not.toContain("UTF-16");
    const nul = runCli(["check", "nul.jsonl", "--validate-only"], dir);
    expect(nul.code).toBe(1);
    expect(nul.stdout).toMatch(/^nul\.jsonl:3: error invalid-json:/m);
    expect(nul.stdout).not.toContain("UTF-16");
  });
});

describe("tokens: {exact: true}", () => {
  it("tokenizes every example of a run over the sample budget: exact totals, no error bound", () => {
    const recs = Array.from({ length: 3_000 }, (_, i) => ({ messages: [{ role: "user", content: `question ${i} `.repeat(20) }, { role: "assistant", content: `${i} is the answer, `.repeat(30) }] }));
    const dir = tempDir({ "big.jsonl": jsonl(...recs), "exact.yml": "tokens:\n  exact: true\n", "bad.yml": "tokens:\n  exact: 1\n" });
    const sampled = JSON.parse(runCli(["check", "big.jsonl", "--format", "json"], dir).stdout).tokens;
    expect(sampled.exact).toBe(false);
    expect(sampled.tokenizedRecords).toBeLessThan(3_000);
    const exact = JSON.parse(runCli(["check", "big.jsonl", "--format", "json", "--config", "exact.yml"], dir).stdout).tokens;
    expect(exact).toMatchObject({ exact: true, relativeError: 0, tokenizedRecords: 3_000, examples: 3_000 });
    expect(Math.abs(sampled.total - exact.total) / exact.total).toBeLessThanOrEqual(sampled.relativeError);
    const bad = runCli(["check", "big.jsonl", "--config", "bad.yml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/tokens\.exact/);
  });
});

describe("other encodings and compressed files", () => {
  it("UTF-16LE without a BOM whose text is all CJK, UTF-32 with a BOM, UTF-16 in a .gz, gzip without .gz, a path with a space", () => {
    const cjk = jsonl(...Array.from({ length: 12 }, (_, i) => ({ messages: [{ role: "user", content: "你好世界".repeat(50) + i }, { role: "assistant", content: "こんにちは".repeat(50) }] })));
    const utf32 = Buffer.alloc(4 + cjk.length * 4);
    utf32.set([0xff, 0xfe, 0, 0]);
    let at = 4;
    for (const ch of cjk) at = utf32.writeUInt32LE(ch.codePointAt(0)!, at);
    const dir = tempDir({
      "cjk.jsonl": Buffer.from(cjk, "utf16le"),
      "wide.jsonl": utf32.subarray(0, at),
      "u16.jsonl.gz": gzipSync(Buffer.from(cjk, "utf16le")),
      "packed.jsonl": gzipSync(Buffer.from(jsonl(good(1), good(2)))),
      "my data.jsonl": Buffer.from(cjk, "utf16le"),
    });
    const lines = (f: string) => runCli(["check", f], dir).stdout.split("\n").filter((l) => l.startsWith(`${f}:`));
    expect(lines("cjk.jsonl")).toEqual(["cjk.jsonl:1: error invalid-utf8: the file is UTF-16LE (no byte-order mark), not UTF-8: convert it with `iconv -f UTF-16LE -t UTF-8 cjk.jsonl > cjk.jsonl.utf8`"]);
    expect(lines("wide.jsonl")).toEqual(["wide.jsonl:1: error invalid-utf8: the file is UTF-32LE (it starts with a UTF-32 byte-order mark), not UTF-8: convert it with `iconv -f UTF-32 -t UTF-8 wide.jsonl > wide.jsonl.utf8`"]);
    expect(lines("u16.jsonl.gz")).toEqual(["u16.jsonl.gz:1: error invalid-utf8: the file is UTF-16LE (no byte-order mark), not UTF-8: convert it with `gunzip -c u16.jsonl.gz | iconv -f UTF-16LE -t UTF-8 | gzip > u16.jsonl.utf8.gz`"]);
    expect(lines("packed.jsonl")).toEqual(["packed.jsonl:1: error not-jsonl: the file is gzip-compressed but its name does not end in .gz: rename it to packed.jsonl.gz (it is then read as gzip) or decompress it"]);
    expect(lines("my data.jsonl")[0]).toContain("`iconv -f UTF-16LE -t UTF-8 'my data.jsonl' > 'my data.jsonl.utf8'`");
  });
});

describe("a run without assistant text", () => {
  const userOnly = jsonl(...Array.from({ length: 12 }, (_, i) => ({ messages: [{ role: "user", content: `question number ${i}` }] })));

  it("shows – for the answer figures in the text and markdown reports, not 0× or 0%", () => {
    const dir = tempDir({ "u.jsonl": userOnly, "warn.yml": "rules:\n  missing-assistant: warning\n" });
    for (const args of [[], ["--config", "warn.yml"]]) {
      const r = runCli(["check", "u.jsonl", ...args], dir);
      expect(r.stdout).toMatch(/^diversity: distinct-2 –, windowed distinct-2 –, compression –, top opening –, boilerplate –$/m);
      expect(r.stdout).toMatch(/^composition: single-turn .*, length uniqueness –, distinct system prompts 0$/m);
      const md = runCli(["check", "u.jsonl", "--format", "markdown", ...args], dir).stdout;
      expect(md).toContain("distinct\\-2 **–** · compression ratio **–** · top opening share **–** · boilerplate share **–** · length uniqueness **–**");
    }
    expect(runCli(["check", "u.jsonl"], dir).stdout).toMatch(/^composition: single-turn –,/m); // no valid record at all
    // With answers, zeros are measurements and stay numbers, each with what it is measured over.
    const topics = ["tides", "volcanoes", "glaciers", "comets", "coral reefs", "deserts", "auroras", "monsoons", "geysers", "fjords"];
    const rich = jsonl(
      ...Array.from({ length: 30 }, (_, i) => ({
        messages: [
          { role: "user", content: `Explain ${topics[i % 10]} to a ${8 + i}-year-old.` },
          { role: "assistant", content: `${["Think of", "Picture", "Imagine"][i % 3]} ${topics[i % 10]} as part of how our planet works: ${i % 2 ? "heat" : "water"} moves, and ${topics[(i + 3) % 10]} follow a ${["daily", "yearly", "slow"][i % 3]} rhythm you can watch ${i} times over.` },
        ],
      })),
    );
    const ok = tempDir({ "c.jsonl": rich });
    expect(runCli(["check", "c.jsonl"], ok).stdout).toMatch(
      /^diversity: distinct-2 [\d.]+, windowed distinct-2 [\d.]+ \([\d,]+ assistant words\), compression [\d.]+× \(30 assistant texts, [\d.]+ KiB\), top opening [\d.]+% of 30 text answers \(".*"\), boilerplate 0\.00% of 30 assistant texts$/m,
    );
    expect(runCli(["check", "c.jsonl", "--format", "markdown"], ok).stdout).toMatch(/compression ratio \*\*[\d.]+\*\* · top opening share \*\*[\d.]+%\*\* · boilerplate share \*\*0%\*\*/);
  });

  it("figures with nothing to measure are no gate check, neither a passing 0 nor a failing one", () => {
    const dir = tempDir({ "u.jsonl": userOnly, "warn.yml": "rules:\n  missing-assistant: warning\n" });
    const th = ["--threshold", "max-compression-ratio=4", "--threshold", "min-windowed-distinct-2=0.3", "--threshold", "min-length-uniqueness=0.1"];
    const r = runCli(["check", "u.jsonl", "--config", "warn.yml", "--format", "json", ...th], dir);
    const names = JSON.parse(r.stdout).gate.checks.map((c: { name: string }) => c.name);
    expect(names).toContain("max-errors");
    expect(names).not.toContain("max-compression-ratio");
    expect(names).not.toContain("min-windowed-distinct-2");
    expect(names).not.toContain("min-length-uniqueness");
    // with answers they are checked
    const ok = runCli(["check", "c.jsonl", "--format", "json", ...th], tempDir({ "c.jsonl": clean }));
    const checked = JSON.parse(ok.stdout).gate.checks.map((c: { name: string }) => c.name);
    expect(checked).toEqual(expect.arrayContaining(["max-compression-ratio", "min-windowed-distinct-2", "min-length-uniqueness"]));
  });
});

describe("standard output that cannot take the report", () => {
  const many = jsonl(...Array.from({ length: 3000 }, (_, i) => ({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: "" }] })));

  it("a reader that goes away (| head -1): no stack trace, the gate's exit code (an unhandled EPIPE before, exit 1)", async () => {
    const dir = tempDir({ "d.jsonl": many });
    for (const [format, failOn, want] of [["text", "never", 0], ["json", "never", 0], ["json", "warning", 1]] as const) {
      const child = spawn(process.execPath, [CLI, "check", "d.jsonl", "--format", format, "--fail-on", failOn], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
      let stderr = "";
      child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
      child.stdout.destroy(); // the reader is gone before the report is written
      const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
      expect(stderr).toBe("");
      expect(code, `${format} --fail-on ${failOn}`).toBe(want); // the JSON is written in pieces: it stops, the exit code stays
    }
  });

  it("a full disk (> /dev/full): one line and exit 2, not a stack trace and exit 1 (read as 'the gate failed')", () => {
    if (!existsSync("/dev/full")) return;
    const dir = tempDir({ "d.jsonl": many });
    for (const args of [["check", "d.jsonl", "--fail-on", "never"], ["check", "d.jsonl"], ["--help"]]) {
      const fd = openSync("/dev/full", "w");
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
      closeSync(fd);
      expect(r.stderr).toBe("chatml-gate: cannot write to standard output: ENOSPC: no space left on device, write\n");
      expect(r.status).toBe(2);
    }
  });
});
