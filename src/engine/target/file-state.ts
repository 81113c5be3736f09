// What the target check of a chunk hands to the merge (plain data), the file-level verdict that needs all of a
// file's chunks (an EOS no record's render holds), and the run's summary for the report.
import type { TargetSpec } from "./spec.js";
import type { TargetReport } from "../report.js";

export interface TargetChunkState {
  /** Records with a messages array (each was rendered or tried). */
  records: number;
  rendered: number;
  /** Records on which the template raised (template-error) or the engine could not render (template-engine-gap). */
  errors: number;
  gaps: number;
  /** Some render holds the EOS token. */
  eosSeen: boolean;
  /** Line of the first record with messages (within the chunk; 0: none). */
  firstLine: number;
}

export function emptyTargetState(): TargetChunkState {
  return { records: 0, rendered: 0, errors: 0, gaps: 0, eosSeen: false, firstLine: 0 };
}

/** Adds a later chunk's state (its lines shifted by `lineOffset`) into `into`. */
export function addTargetState(into: TargetChunkState, s: TargetChunkState, lineOffset: number): void {
  into.records += s.records;
  into.rendered += s.rendered;
  into.errors += s.errors;
  into.gaps += s.gaps;
  into.eosSeen ||= s.eosSeen;
  if (into.firstLine === 0 && s.firstLine > 0) into.firstLine = s.firstLine + lineOffset;
}

/** The file-level finding once every chunk of a file is in: the template never emits the EOS token. */
export function fileTargetFinding(spec: TargetSpec, s: TargetChunkState): { rule: string; line: number; message: string } | null {
  if (!spec.eosToken || s.rendered === 0 || s.eosSeen) return null;
  return {
    rule: "template-no-eos",
    line: s.firstLine,
    message: `none of the ${s.rendered} rendered records holds the EOS token "${spec.eosToken}": the model is never trained to emit it, so at inference it does not stop where the template ends a turn; make the template close assistant turns with eos_token, or set the EOS token to the end-of-turn marker the template does emit (reported once for the file)`,
  };
}

export function targetReport(spec: TargetSpec, s: TargetChunkState, facts: { messageKeys: string[] | null; hasGenerationMarkers: boolean } | null): TargetReport {
  const out: TargetReport = {
    chatTemplate: spec.template,
    records: s.records,
    rendered: s.rendered,
    templateErrors: s.errors,
    engineGaps: s.gaps,
    loss: spec.loss,
  };
  if (spec.templateName) out.templateName = spec.templateName;
  if (spec.tokenizer) out.tokenizer = spec.tokenizer;
  if (spec.bosToken !== undefined) out.bosToken = spec.bosToken;
  if (spec.eosToken !== undefined) out.eosToken = spec.eosToken;
  if (facts) {
    out.messageKeys = facts.messageKeys;
    out.generationMarkers = facts.hasGenerationMarkers;
  }
  return out;
}
