// The report's secret and personal-data figures (report.privacy), as the text and Markdown reports show them.
import type { Report } from "../engine/report.js";
import { PII_NAMES } from "../engine/privacy/pii.js";
import { GENERIC_KINDS } from "../engine/privacy/generic.js";

export interface PrivacyView {
  secrets: number;
  possibleSecrets: number;
  pii: number;
  piiRecords: number;
  piiShare: number;
  ignored: number;
  ignoreFile?: string;
  /** Kinds by rule, most frequent first. */
  secretKinds: [string, number][];
  possibleKinds: [string, number][];
  piiKinds: [string, number][];
}

const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function privacyView(report: Report): PrivacyView | undefined {
  const p = report.privacy;
  if (!p || typeof p !== "object") return undefined;
  const secretKinds: [string, number][] = [];
  const possibleKinds: [string, number][] = [];
  const piiKinds: [string, number][] = [];
  for (const [kind, count] of Object.entries(p.kinds ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    (Object.hasOwn(PII_NAMES, kind) ? piiKinds : (GENERIC_KINDS as readonly string[]).includes(kind) ? possibleKinds : secretKinds).push([kind, count]);
  }
  return { secrets: n(p.secrets), possibleSecrets: n(p.possibleSecrets), pii: n(p.pii), piiRecords: n(p.piiRecords), piiShare: n(p.piiShare), ignored: n(p.ignored), ignoreFile: p.ignoreFile, secretKinds, possibleKinds, piiKinds };
}

export const kindList = (kinds: [string, number][], max = 6) =>
  kinds
    .slice(0, max)
    .map(([k, c]) => `${k} ×${c}`)
    .join(", ") + (kinds.length > max ? `, +${kinds.length - max} more` : "");

/** "secrets: 2 (github-token ×1, aws-access-key ×1); personal data in 3 records (1.2%): email ×3" (one line). */
export function privacyLine(v: PrivacyView): string {
  const parts: string[] = [];
  if (v.secrets > 0) parts.push(`secrets: ${v.secrets} (${kindList(v.secretKinds)})`);
  if (v.possibleSecrets > 0) parts.push(`possible secrets: ${v.possibleSecrets} (${kindList(v.possibleKinds)})`);
  if (v.pii > 0) parts.push(`personal data in ${v.piiRecords} record${v.piiRecords === 1 ? "" : "s"} (${(v.piiShare * 100).toFixed(v.piiShare < 0.1 ? 2 : 1)}%): ${kindList(v.piiKinds)}`);
  if (parts.length === 0) parts.push("no secrets or personal data found");
  if (v.ignored > 0) parts.push(`${v.ignored} accepted in ${v.ignoreFile ?? "the ignore file"}`);
  return parts.join("; ");
}
