// The token limit of the model a dataset is for (tokens.model, prefix match) and OpenAI's default epochs: what the
// token analysis (tokens.ts) checks examples against and bills them for; the config loader names unknown models.
/** Maximum tokens per training example for OpenAI fine-tuning (OpenAI fine-tuning guide, "Token limits":
 * gpt-4o / gpt-4o-mini 65,536; gpt-3.5-turbo-0125/-1106 16,385; gpt-4.1 family 65,536 as given in the issue). */
export const MODEL_TOKEN_LIMITS: Readonly<Record<string, number>> = {
  "gpt-4o-mini": 65_536,
  "gpt-4o": 65_536,
  "gpt-4.1-nano": 65_536,
  "gpt-4.1-mini": 65_536,
  "gpt-4.1": 65_536,
  "gpt-3.5-turbo": 16_385,
};

/** Limit for a model name: the longest MODEL_TOKEN_LIMITS key the name starts with. */
export function modelTokenLimit(model: string | undefined): number | undefined {
  if (!model) return undefined;
  const m = model.toLowerCase().replace(/^ft:/, "");
  let best: string | undefined;
  for (const k of Object.keys(MODEL_TOKEN_LIMITS)) if (m.startsWith(k) && (!best || k.length > best.length)) best = k;
  return best ? MODEL_TOKEN_LIMITS[best] : undefined;
}

/** A `tokens.model` the gate has no limit for: what to tell the user (the known models, and which limit applies),
 * or undefined when the model is known or not set. `fromProfile`: the limit is the profile's default. */
export function unknownModelNotice(model: string | undefined, maxTokens: number | undefined, fromProfile?: boolean): string | undefined {
  if (!model || modelTokenLimit(model) !== undefined) return undefined;
  const limit = maxTokens === undefined ? "no token limit applies: set tokens.max-tokens to the model's context length" : fromProfile ? `the limit is the profile's ${maxTokens.toLocaleString("en-US")} tokens` : `the limit is tokens.max-tokens (${maxTokens.toLocaleString("en-US")})`;
  return `tokens.model '${model}' is not a model the gate knows (it knows ${Object.keys(MODEL_TOKEN_LIMITS).join(", ")}, and names that start with them): ${limit}`;
}

/** OpenAI's default-epoch heuristic (cookbook "Chat fine-tuning data prep"): 3, raised so that examples x epochs
 * reaches 100 (at most 25 epochs), lowered so that it stays under 25,000 (at least 1). */
export function defaultEpochs(examples: number): number {
  if (examples <= 0) return 3;
  if (examples * 3 < 100) return Math.min(25, Math.ceil(100 / examples));
  if (examples * 3 > 25_000) return Math.max(1, Math.floor(25_000 / examples));
  return 3;
}
