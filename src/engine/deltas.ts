// Quality deltas: the same figures for the base version of a PR's dataset files and for the head, side by side.
import type { Report } from "./report.js";

export interface Delta {
  metric: string;
  base: number | null;
  head: number | null;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const at = (r: Report, path: string): number | null => {
  let v: any = r;
  for (const k of path.split(".")) v = v?.[k];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Figures compared, in display order: [label, path in the report]. */
export const DELTA_METRICS: [string, string][] = [
  ["records", "summary.records"],
  ["errors", "summary.errors"],
  ["warnings", "summary.warnings"],
  ["exact-duplicate rate", "duplicates.exact.rate"],
  ["near-duplicate rate", "duplicates.near.rate"],
  ["distinct-2", "diversity.distinct2.ratio"],
  ["windowed distinct-2", "diversity.windowedDistinct2.mean"],
  ["compression ratio", "diversity.compression.ratio"],
  ["top opening share", "diversity.openings.topShare"],
  ["boilerplate share", "diversity.boilerplate.share"],
  ["single-turn share", "diversity.turnBalance.singleTurnShare"],
  ["tokens (total)", "tokens.total"],
  ["tokens (p95)", "tokens.p95"],
];

export function compareReports(base: Report, head: Report): Delta[] {
  return DELTA_METRICS.map(([metric, path]) => ({ metric, base: at(base, path), head: at(head, path) })).filter((d) => d.base !== null || d.head !== null);
}

/** How much windowed distinct-2 fell from base to head (positive = less diverse); null when not comparable. */
export function diversityDrop(deltas: Delta[]): number | null {
  const d = deltas.find((x) => x.metric === "windowed distinct-2");
  return d && d.base !== null && d.head !== null ? Math.round((d.base - d.head) * 10000) / 10000 : null;
}
