// SARIF from a real run: rules carry short and full descriptions and a helpUri to docs/rules.md#<id>; a finding
// about two records names the other one in relatedLocations; pointers and repeat counts travel as properties.
import { describe, expect, it } from "vitest";
import { toSarif } from "../../src/render/sarif.js";
import { RULE_BY_ID } from "../../src/engine/rules/registry.js";
import { checkDir, jsonl } from "../helpers/run.js";

const u = (content: string) => ({ role: "user", content });
const a = (content: string) => ({ role: "assistant", content });

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  properties?: { pointer?: string; count?: number };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

describe("SARIF", () => {
  it("describes each rule, links its docs and names the other record of a duplicate or leak", async () => {
    const rec = (q: string, ans: string) => ({ messages: [u(q), a(ans)] });
    const train = jsonl(...Array.from({ length: 12 }, (_, i) => rec(`question ${i}`, `answer ${i}`)), rec("question 3", "answer 3"), { messages: [u("x"), u("y"), u("z"), a("w")] });
    const report = await checkDir({ "data/train.jsonl": train, "data/validation.jsonl": jsonl(rec("question 1", "answer 1"), rec("new", "one")) });
    const run = toSarif(report).runs[0] as { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[] };
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(["consecutive-same-role", "exact-duplicate", "leakage"]);
    for (const r of rules) {
      expect(r.shortDescription.text).toBe(RULE_BY_ID.get(r.id)!.summary);
      expect(r.fullDescription.text.length).toBeGreaterThan(r.shortDescription.text.length);
      expect(r.helpUri).toBe(`https://github.com/chatml-quality-gate/chatml-quality-gate/blob/main/docs/rules.md#${r.id}`);
      expect(r.defaultConfiguration.level).toBe(RULE_BY_ID.get(r.id)!.severity);
    }
    for (const x of run.results) expect(rules[x.ruleIndex].id).toBe(x.ruleId);
    const dup = run.results.find((x) => x.ruleId === "exact-duplicate")!;
    expect(dup.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: "data/train.jsonl" }, region: { startLine: 13 } });
    expect(dup.relatedLocations![0].physicalLocation).toMatchObject({ artifactLocation: { uri: "data/train.jsonl" }, region: { startLine: 4 } });
    const leak = run.results.find((x) => x.ruleId === "leakage")!;
    expect(leak.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: "data/validation.jsonl" }, region: { startLine: 1 } });
    expect(leak.relatedLocations![0].physicalLocation).toMatchObject({ artifactLocation: { uri: "data/train.jsonl" }, region: { startLine: 2 } });
    const same = run.results.find((x) => x.ruleId === "consecutive-same-role")!;
    expect(same.properties).toEqual({ pointer: "/messages/1", count: 2 });
  });
});
