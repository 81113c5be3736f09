// Tokens of an image part, by OpenAI's documented formula for the GPT-4o / GPT-4.1 family (the models vision
// fine-tuning takes; OpenAI "Images and vision" guide, "Calculating costs"):
//   detail "low": 85 tokens, whatever the size;
//   otherwise ("high", "auto" or none — "auto" is counted as "high", its upper case): the image is scaled down to fit
//   in 2048 x 2048, then down so that its shortest side is at most 768 px; 170 tokens per 512 px tile of the result,
//   plus 85.
// The size comes from the image itself when the record holds it as a data URI (formats/image-size.ts); an image given
// by URL or path has no known size and is not counted (undefined): the report says how many were not counted.

import type { ImagePart } from "../model.js";

export const IMAGE_BASE_TOKENS = 85;
export const IMAGE_TILE_TOKENS = 170;

export function imageTokens(p: ImagePart): number | undefined {
  if (p.detail === "low") return IMAGE_BASE_TOKENS;
  let w = p.width;
  let h = p.height;
  if (!w || !h || !(w > 0) || !(h > 0)) return undefined;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const short = Math.min(1, 768 / Math.min(w, h));
  w = Math.floor(w * short);
  h = Math.floor(h * short);
  return IMAGE_BASE_TOKENS + IMAGE_TILE_TOKENS * Math.ceil(w / 512) * Math.ceil(h / 512);
}
