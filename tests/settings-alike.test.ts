// Issue 17 §5: a setting reads the same wherever it is written. `off` switches a rule or a check off in the config
// file, the action inputs and the CLI; `5%` and `0.05` are the same share everywhere, and a percentage on a count is
// refused everywhere with the reason; --profile and --rule exist; an unknown option, an unknown tokens.model and
// `rules --format json` say what they should.
import { describe, expect, it } from "vitest";
import { applyRuleInputs, applyThresholdInputs, ConfigError, configFromObject, defaultConfig } from "../src/config/config.js";
import { readSettings } from "../src/action/inputs.js";
import { check } from "../src/engine/check.js";
import { jsonl, runCli, tempDir } from "./helpers/run.js";

const YAML = (text: string) => {
  const dir = tempDir({ ".chatml-gate.yml": text });
  return import("../src/config/config.js").then((m) => m.loadConfig(undefined, dir));
};
const refused = async (f: () => unknown): Promise<string> => {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("not refused");
};

describe("off is off everywhere", () => {
  it("rules: off, false and null in YAML; off, false and none from inputs and flags", async () => {
    for (const v of ["off", "false", "null", "~"]) expect((await YAML(`rules:\n  unknown-key: ${v}\n`)).rules["unknown-key"], v).toBe("off");
    expect((await YAML("overrides:\n  - files: a.jsonl\n    rules: {missing-user: false}\n")).overrides[0].rules["missing-user"]).toBe("off");
    for (const v of ["off", "OFF", "false", "none", "null"]) expect(applyRuleInputs(defaultConfig(), [["unknown-key", v]]).rules["unknown-key"], v).toBe("off");
    expect(applyRuleInputs(defaultConfig(), [["missing-user", "error"]]).rules["missing-user"]).toBe("error");
    expect(await refused(() => applyRuleInputs(defaultConfig(), [["unknwon-key", "off"]]))).toMatch(/unknown rule 'unknwon-key' \(did you mean 'unknown-key'\?\)/);
    expect(await refused(() => applyRuleInputs(defaultConfig(), [["unknown-key", "disabled"]]))).toMatch(/must be error, warning or off; got 'disabled'/);
  });

  it("thresholds: off, false and null in YAML; off, false, none and null from inputs and flags", async () => {
    for (const v of ["off", "false", "null"]) {
      const c = await YAML(`thresholds:\n  max-duplicate-rate: ${v}\n  single-turn-share: ${v}\n`);
      expect(c.thresholds["max-duplicate-rate"], v).toBeNull();
      expect(c.thresholds["single-turn-share"], v).toBeNull();
    }
    for (const v of ["off", "false", "none", "null"]) expect(applyThresholdInputs(defaultConfig(), { "max-duplicate-rate": v }).thresholds["max-duplicate-rate"], v).toBeNull();
  });

  it("a rule set off in the config is off in the run", async () => {
    const dir = tempDir({ "a.jsonl": jsonl({ messages: [{ role: "user", content: "q", ts: 1 }, { role: "assistant", content: "a" }] }) });
    const config = configFromObject({ rules: { "unknown-key": false } });
    const report = await check({ files: ["a.jsonl"], config, cwd: dir, validateOnly: true });
    expect(report.files[0].findings).toEqual([]);
  });
});

describe("5% and 0.05 are the same share everywhere", () => {
  it("YAML, inputs and flags read a share as a number or a percentage", async () => {
    const c = await YAML('thresholds:\n  max-duplicate-rate: {warn: 1%, fail: "5%"}\n  max-opening-share: 30%\n  single-turn-share: [60%, 0.8]\nduplicates:\n  near-threshold: 85%\n');
    expect(c.thresholds["max-duplicate-rate"]).toEqual({ warn: 0.01, fail: 0.05 });
    expect(c.thresholds["max-opening-share"]).toEqual({ fail: 0.3 });
    expect(c.thresholds["single-turn-share"]).toEqual({ min: 0.6, max: 0.8, level: "warn" });
    expect(c.duplicates.nearThreshold).toBe(0.85);
    expect(applyThresholdInputs(defaultConfig(), { "max-duplicate-rate": "5%" }).thresholds["max-duplicate-rate"]).toEqual({ fail: 0.05 });
    expect(applyThresholdInputs(defaultConfig(), { "max-duplicate-rate": "0.05" }).thresholds["max-duplicate-rate"]).toEqual({ fail: 0.05 });
    expect(applyThresholdInputs(defaultConfig(), { "single-turn-share": "60%-80%" }).thresholds["single-turn-share"]).toEqual({ min: 0.6, max: 0.8, level: "warn" });
  });

  it("a percentage on a count or a ratio is refused with the reason, in YAML and in inputs alike", async () => {
    expect(await refused(() => YAML("thresholds:\n  max-errors: 5%\n"))).toMatch(/invalid config \.chatml-gate\.yml: 'thresholds\.max-errors' is '5%', but max-errors is a count, not a share: write it without %/);
    expect(await refused(() => YAML("thresholds:\n  max-compression-ratio: {warn: 50%}\n"))).toMatch(/'thresholds\.max-compression-ratio\.warn' is '50%', but max-compression-ratio is a ratio, not a share/);
    expect(await refused(() => applyThresholdInputs(defaultConfig(), { "max-errors": "5%" }))).toMatch(/input 'max-errors' is '5%', but max-errors is a count, not a share/);
    expect(await refused(() => YAML("thresholds:\n  max-duplicate-rate: 500%\n"))).toMatch(/'thresholds\.max-duplicate-rate' is 5: above 1/);
    expect(await refused(() => YAML("thresholds:\n  max-duplicate-rate: five\n"))).toMatch(/'thresholds\.max-duplicate-rate' must be a number \(a share also as a percentage: 0\.05 or "5%"\)/);
  });
});

describe("action inputs", () => {
  it("profile and rules are inputs; a rules item without a severity is refused", () => {
    const s = readSettings((n) => ({ profile: "openai", rules: "unknown-key=off\nmissing-user: error" })[n] ?? "");
    expect(s.thresholds.profile).toBe("openai");
    expect(s.rules).toEqual([["unknown-key", "off"], ["missing-user", "error"]]);
    const c = applyRuleInputs(applyThresholdInputs(defaultConfig(), s.thresholds), s.rules);
    expect(c.profile).toBe("openai");
    expect(c.tokens.maxTokens).toBe(65536);
    expect(c.rules).toEqual({ "unknown-key": "off", "missing-user": "error" });
    expect(() => readSettings((n) => (n === "rules" ? "unknown-key" : ""))).toThrow(/Input 'rules' takes one rule-id=error\|warning\|off per line/);
    expect(() => applyThresholdInputs(defaultConfig(), { profile: "openia" })).toThrow(/input 'profile' must be generic, openai, together or mistral; got 'openia'/);
  });

  it("a profile given over the config keeps an explicit max-tokens and replaces the profile's default", () => {
    const openai = configFromObject({ profile: "openai" });
    expect(applyThresholdInputs(openai, { profile: "generic" }).tokens.maxTokens).toBeUndefined();
    const explicit = configFromObject({ profile: "generic", tokens: { "max-tokens": 4096 } });
    expect(applyThresholdInputs(explicit, { profile: "openai" }).tokens.maxTokens).toBe(4096);
    expect(applyThresholdInputs(defaultConfig(), { profile: "openai", "max-tokens": "1000" }).tokens.maxTokens).toBe(1000);
  });
});

describe("the CLI", () => {
  const dir = tempDir({
    "a.jsonl": jsonl(...Array.from({ length: 12 }, (_, i) => ({ messages: [{ role: "user", content: `q${i}`, ts: i }, { role: "assistant", content: `a${i}` }] }))),
    "tools.jsonl": jsonl(...Array.from({ length: 12 }, (_, i) => ({ messages: [{ role: "user", content: `q${i}` }, { role: "assistant", tool_calls: [{ function: { name: "f", arguments: "{}" } }] }, { role: "tool", content: "1" }, { role: "assistant", content: `a${i}` }] }))),
    "model.yml": "tokens:\n  model: llama-3-8b\n",
  });

  it("--profile and --rule set what the config file would", () => {
    expect(runCli(["check", "tools.jsonl"], dir).code).toBe(0);
    const strict = runCli(["check", "tools.jsonl", "--profile", "openai", "--format", "json"], dir);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).files[0].findingCounts["invalid-tool-call"]).toBe(12);
    expect(runCli(["check", "tools.jsonl", "--profile", "openai", "--rule", "invalid-tool-call=off", "--rule", "unmatched-tool-call=warning"], dir).code).toBe(0);
    expect(runCli(["check", "a.jsonl", "--rule", "unknown-key=error"], dir).code).toBe(1);
    expect(runCli(["check", "a.jsonl", "--profile", "anthropic"], dir)).toMatchObject({ code: 2, stderr: "chatml-gate: --profile must be generic, openai, together or mistral; got 'anthropic'\n" });
    expect(runCli(["check", "a.jsonl", "--rule", "unknown-key"], dir).stderr).toMatch(/^chatml-gate: --rule takes ID=SEVERITY/);
    expect(runCli(["check", "a.jsonl", "--threshold", "max-errors=5%"], dir).stderr).toBe("chatml-gate: --threshold max-errors is '5%', but max-errors is a count, not a share: write it without %\n");
  });

  it("an unknown option is our own one-line message and exit 2", () => {
    const r = runCli(["check", "a.jsonl", "--max-finding", "5"], dir);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: "chatml-gate: unknown option '--max-finding' (did you mean --max-findings?): see chatml-gate --help\n" });
    expect(runCli(["check", "-x"], dir)).toMatchObject({ code: 2, stderr: "chatml-gate: unknown option '-x': see chatml-gate --help\n" });
    expect(runCli(["check", "a.jsonl", "--format"], dir)).toMatchObject({ code: 2, stderr: "chatml-gate: option --format needs a value: see chatml-gate --help\n" });
    expect(runCli(["check", "a.jsonl", "--validate-only=yes"], dir)).toMatchObject({ code: 2, stderr: "chatml-gate: option --validate-only takes no value: see chatml-gate --help\n" });
  });

  it("an unknown tokens.model is a warning naming the known ones, in the report and on stderr", () => {
    const text = runCli(["check", "a.jsonl", "--config", "model.yml"], dir);
    expect(text.stdout).toContain("warning: tokens.model 'llama-3-8b' is not a model the gate knows (it knows gpt-4o-mini, gpt-4o, gpt-4.1-nano, gpt-4.1-mini, gpt-4.1, gpt-3.5-turbo, and names that start with them): no token limit applies: set tokens.max-tokens to the model's context length");
    const json = runCli(["check", "a.jsonl", "--config", "model.yml", "--format", "json"], dir);
    expect(JSON.parse(json.stdout).notices).toEqual([expect.stringMatching(/^tokens\.model 'llama-3-8b' is not a model the gate knows/)]);
    expect(json.stderr).toMatch(/^chatml-gate: warning: tokens\.model 'llama-3-8b'/);
    const limited = runCli(["check", "a.jsonl", "--config", "model.yml", "--max-tokens", "8192", "--format", "json"], dir);
    expect(JSON.parse(limited.stdout).notices[0]).toMatch(/: the limit is tokens\.max-tokens \(8,192\)$/);
    expect(JSON.parse(runCli(["check", "a.jsonl", "--format", "json"], dir).stdout).notices).toBeUndefined();
  });

  it("rules --format json prints the rules as JSON", () => {
    const r = runCli(["rules", "--format", "json"], dir);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout);
    expect(rules[0]).toEqual({ id: "empty-file", severity: "error", group: "file", summary: "The file holds no records.", docs: "https://github.com/chatml-quality-gate/chatml-quality-gate/blob/main/docs/rules.md#empty-file" });
    expect(runCli(["rules", "--format", "sarif"], dir)).toMatchObject({ code: 2, stderr: "chatml-gate: rules --format must be text or json; got 'sarif'\n" });
  });
});
