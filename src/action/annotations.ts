// Findings -> workflow annotations (core.error / core.warning with file and line). Errors first; at most `cap` per
// severity (GitHub shows 10 of each per step), picked as every capped list is (findings-select.ts): every rule first,
// then every file's own first finding of a rule, then more rows in turn; failed dataset-wide gate checks are
// annotated too (not capped).
import * as core from "@actions/core";
import type { Report } from "../engine/report.js";
import { selectFindings, type LocatedFinding } from "../engine/findings-select.js";

export interface AnnotationCounts {
  errors: number;
  warnings: number;
  omittedErrors: number;
  omittedWarnings: number;
}

export interface Annotator {
  error(message: string, props: core.AnnotationProperties): void;
  warning(message: string, props: core.AnnotationProperties): void;
}

export function annotate(report: Report, cap: number, out: Annotator = core): AnnotationCounts {
  const counts: AnnotationCounts = { errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0 };
  for (const c of report.gate.checks) {
    if (c.passed) continue;
    const msg = c.message ?? `${c.name}: ${String(c.actual)} (limit ${String(c.limit)})`;
    // a per-file check is annotated on its file
    (c.level === "fail" ? out.error : out.warning).call(out, msg, { title: `ChatML gate: ${c.name}`, ...(c.file !== undefined ? { file: c.file } : {}) });
  }
  for (const severity of ["error", "warning"] as const) {
    const all: LocatedFinding[] = [];
    for (const f of report.files) for (const x of f.findings) if (x.severity === severity) all.push({ ...x, path: f.path });
    const listed = all.length;
    let emitted = 0;
    for (const x of selectFindings(all, cap, (y) => y.path)) {
      const props: core.AnnotationProperties = { file: x.path, title: x.rule };
      if (x.line > 0) props.startLine = x.line;
      if (severity === "error") out.error(x.message, props);
      else out.warning(x.message, props);
      emitted++;
    }
    const totalSeverity = severity === "error" ? sumSeverity(report, "errors") : sumSeverity(report, "warnings");
    const omitted = Math.max(totalSeverity, listed) - emitted;
    if (severity === "error") {
      counts.errors = emitted;
      counts.omittedErrors = omitted;
    } else {
      counts.warnings = emitted;
      counts.omittedWarnings = omitted;
    }
  }
  return counts;
}

function sumSeverity(report: Report, key: "errors" | "warnings"): number {
  return report.files.reduce((n, f) => n + (f[key] ?? 0), 0);
}
