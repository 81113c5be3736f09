// Turns the many shapes of message content into plain text plus counts (images), for every format.

export interface ContentInfo {
  text: string;
  images: number;
}

const EMPTY: ContentInfo = { text: "", images: 0 };

/** String → itself; array of parts → text parts joined by "\n" (`text`, or LLaMA-Factory's `value`); null → "". */
export function contentInfo(content: unknown): ContentInfo {
  if (typeof content === "string") return { text: content, images: 0 };
  if (!Array.isArray(content)) return EMPTY;
  let text = "";
  let images = 0;
  for (const part of content) {
    if (typeof part === "string") {
      text = text ? text + "\n" + part : part;
      continue;
    }
    if (!part || typeof part !== "object") continue;
    const p = part as Record<string, unknown>;
    if (p.type === "text" || p.type === "input_text") {
      const t = typeof p.text === "string" ? p.text : typeof p.value === "string" ? p.value : "";
      text = text ? text + "\n" + t : t;
    } else if (p.type === "image_url" || p.type === "image" || p.type === "input_image") images++;
  }
  return { text, images };
}
