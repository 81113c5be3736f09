// SARIF 2.1.0 from a Report: one result per finding (repo-relative URIs), for code scanning upload.
import type { Report } from "../engine/report.js";

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: unknown[];
}

function uri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export function toSarif(report: Report): SarifLog {
  const ruleIds = new Set<string>();
  const results: unknown[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      ruleIds.add(x.rule);
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: uri(f.path), uriBaseId: "%SRCROOT%" } };
      if (x.line > 0) physicalLocation.region = { startLine: x.line };
      results.push({
        ruleId: x.rule,
        level: x.severity === "error" ? "error" : "warning",
        message: { text: x.message || x.rule },
        locations: [{ physicalLocation }],
        // Code scanning tracks an alert across commits by this (rule, file, record): moving the record keeps it.
        ...(x.fingerprint ? { partialFingerprints: { "chatmlGate/v1": x.fingerprint } } : {}),
      });
    }
  }
  const rules = [...ruleIds].sort().map((id) => ({ id, name: id, shortDescription: { text: id } }));
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
        tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
}
