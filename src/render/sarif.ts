// SARIF 2.1.0 from a Report: one result per listed finding (repo-relative URIs), for code scanning upload. Each rule
// carries its summary (short), why it matters (full, from docs/rules.md) and a helpUri to its section of
// docs/rules.md; a finding about two records names the other one in relatedLocations.
import type { Report } from "../engine/report.js";
import type { Place } from "../engine/model.js";
import { docUrl, RULE_BY_ID } from "../engine/rules/registry.js";
import { RULE_WHY } from "./rule-docs.generated.js";

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: unknown[];
}

function uri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function physicalLocation(p: Place): Record<string, unknown> {
  const loc: Record<string, unknown> = { artifactLocation: { uri: uri(p.path), uriBaseId: "%SRCROOT%" } };
  if (p.line > 0) loc.region = { startLine: p.line };
  return loc;
}

function ruleDescriptor(id: string): Record<string, unknown> {
  const info = RULE_BY_ID.get(id);
  const summary = info?.summary ?? id;
  const why = RULE_WHY[id] ?? summary;
  return {
    id,
    name: id,
    shortDescription: { text: summary },
    fullDescription: { text: why },
    helpUri: docUrl(id),
    help: { text: `${summary} ${why} A bad example and the fix: ${docUrl(id)}`, markdown: `**${summary}** ${why}\n\nA bad example and the fix: [docs/rules.md#${id}](${docUrl(id)})` },
    defaultConfiguration: { level: info?.severity === "warning" ? "warning" : "error" },
    properties: info ? { tags: [info.group] } : {},
  };
}

export function toSarif(report: Report): SarifLog {
  const ruleIds = new Set<string>();
  for (const f of report.files) for (const x of f.findings) ruleIds.add(x.rule);
  const ids = [...ruleIds].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const results: unknown[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      const result: Record<string, unknown> = {
        ruleId: x.rule,
        ruleIndex: index.get(x.rule),
        level: x.severity === "error" ? "error" : "warning",
        message: { text: x.message || x.rule },
        locations: [{ physicalLocation: physicalLocation({ path: f.path, line: x.line }) }],
      };
      // Code scanning tracks an alert across commits by this (rule, file, record): moving the record keeps it.
      if (x.fingerprint) result.partialFingerprints = { "chatmlGate/v1": x.fingerprint };
      if (x.related) result.relatedLocations = [{ id: 1, physicalLocation: physicalLocation(x.related), message: { text: `the other record (${x.related.path}:${x.related.line})` } }];
      const props: Record<string, unknown> = {};
      if (x.pointer !== undefined) props.pointer = x.pointer;
      if (x.count !== undefined) props.count = x.count;
      if (Object.keys(props).length) result.properties = props;
      results.push(result);
    }
  }
  const notifications = report.gate.checks
    .filter((c) => !c.passed)
    .map((c) => ({
      level: c.level === "fail" ? "error" : "warning",
      message: { text: c.message ?? `${c.name}: ${String(c.actual)} (limit ${String(c.limit)})` },
      descriptor: { id: `gate/${c.name}` },
    }));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: "https://github.com/chatml-quality-gate/chatml-quality-gate", rules: ids.map(ruleDescriptor) } },
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
}
