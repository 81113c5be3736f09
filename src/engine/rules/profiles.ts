// Profiles: what one fine-tuning target accepts, on top of the generic checks every record gets.
//
//   profile: generic    what open-source trainers accept (TRL, Axolotl, LLaMA-Factory, Unsloth): no extra check
//   profile: openai     OpenAI's chat fine-tuning format (profile-openai.ts)
//   profile: together   Together AI's `together files check` (profile-together.ts)
//   profile: mistral    mistral-finetune's instruct data (profile-mistral.ts)
//
// checkProfile(record, format, ctx) runs on every raw record before it is normalised (file-check.ts): a record
// format the target does not take is one `unsupported-format` finding for the file (every such record stays
// invalid); a record in a format it takes goes through the target's own checks, which report only what the generic
// checks let through, each message naming what the target expects. A target can also make a generic rule an error
// (profileSeverities: severities in the config still win).
import type { DatasetFormat, SeveritySetting } from "../model.js";
import type { ParseContext, Profile } from "../formats/context.js";
import { FORMAT_LABEL } from "../formats/detect.js";
import { checkOpenai } from "./profile-openai.js";
import { checkTogether } from "./profile-together.js";
import { checkMistral } from "./profile-mistral.js";

export interface Target {
  /** Who refuses, for messages: "OpenAI's chat fine-tuning format". */
  name: string;
  formats: readonly DatasetFormat[];
  check(rec: Record<string, unknown>, format: DatasetFormat, ctx: ParseContext): void;
  /** Generic rules the target refuses outright (default severities; the config's `rules` still win). */
  severities: Readonly<Record<string, SeveritySetting>>;
  /** The target's check reports every message key it does not take (`unsupported-key`): the generic `unknown-key`
   * warning for message keys is left out under it (one finding per defect). */
  checksMessageKeys: boolean;
  /** Weights on messages other than the assistant's are accepted (the generic `invalid-weight` for them is left out). */
  weightsOnAnyRole: boolean;
}

const MESSAGES = `{"messages": [{"role": "user", "content": ...}, {"role": "assistant", "content": ...}]}`;
const DPO = `{"input": {"messages": [<the prompt's messages>]}, "preferred_output": [{"role": "assistant", "content": <chosen>}], "non_preferred_output": [{"role": "assistant", "content": <rejected>}]}`;

export const TARGETS: Readonly<Record<Exclude<Profile, "generic">, Target>> = {
  openai: { name: "OpenAI's chat fine-tuning format", formats: ["chatml", "preference-openai"], check: checkOpenai, severities: {}, checksMessageKeys: true, weightsOnAnyRole: false },
  together: { name: "Together AI's files check", formats: ["chatml", "preference-openai"], check: checkTogether, severities: { "consecutive-same-role": "error" }, checksMessageKeys: false, weightsOnAnyRole: true },
  mistral: { name: "mistral-finetune", formats: ["chatml"], check: checkMistral, severities: { "last-not-assistant": "error" }, checksMessageKeys: false, weightsOnAnyRole: false },
};

export function targetOf(profile: Profile): Target | undefined {
  return profile === "generic" ? undefined : TARGETS[profile];
}

/** The default severities a profile changes (under the config's `rules`). */
export function profileSeverities(profile: Profile): Readonly<Record<string, SeveritySetting>> {
  return targetOf(profile)?.severities ?? {};
}

/** How to rewrite a record of `format` for the target. */
function conversion(format: DatasetFormat, t: Target): string {
  const dpo = t.formats.includes("preference-openai");
  switch (format) {
    case "sharegpt":
      return `write each record as ${MESSAGES}: "from" human → "role": "user", gpt → "assistant", system → "system", "value" → "content" (function_call → an assistant message with "tool_calls", observation → a "tool" message)`;
    case "alpaca":
      return `write each record as ${MESSAGES}: instruction (and input, after a blank line) → the user's content, output → the assistant's, system → a leading system message, history → earlier turns`;
    case "preference-trl":
    case "preference-openai":
      return dpo
        ? `write each pair as ${DPO}`
        : `${t.name} trains on instruct data only: keep the chosen answers as ${MESSAGES}`;
    default:
      return `write each record as ${MESSAGES}`;
  }
}

/** The target's checks of one raw record in `format` (the format used to parse it). */
export function checkProfile(rec: Record<string, unknown>, format: DatasetFormat, ctx: ParseContext): void {
  const t = targetOf(ctx.profile);
  if (!t) return;
  if (!t.formats.includes(format)) {
    const takes = t.formats.map((f) => FORMAT_LABEL[f]).join(" and ");
    ctx.emit(
      "unsupported-format",
      `the file is ${FORMAT_LABEL[format]}, which ${t.name} does not accept (profile: ${ctx.profile}); it takes ${takes}: ${conversion(format, t)} (reported once for the file: every record like this one is refused)`,
      `unsupported-format:${format}`,
    );
    return;
  }
  t.check(rec, format, ctx);
}
