// Turns the many shapes of message content into plain text plus counts (images), for every format.

import type { ImagePart } from "../model.js";
import { canonicalJson } from "./tool-keys.js";
import { imageSize } from "./image-size.js";

export interface ContentInfo {
  text: string;
  images: number;
  media?: string[];
  /** Per image part: its detail and size when known (for the token estimate). */
  imageParts?: ImagePart[];
}

const EMPTY: ContentInfo = { text: "", images: 0 };

/** The URL / data URI / path that identifies an image or audio part. */
function mediaKey(p: Record<string, unknown>): string {
  for (const k of ["image_url", "image", "input_image", "input_audio", "audio", "video", "file"]) {
    const v = p[k];
    if (typeof v === "string") return v;
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      const inner = o.url ?? o.data ?? o.path ?? o.file_id;
      if (typeof inner === "string") return inner;
    }
  }
  return typeof p.url === "string" ? p.url : canonicalJson(p).slice(0, 1024); // not JSON.stringify: it overflows the stack on deep nesting
}

/** An image part's detail ({"image_url": {"url", "detail"}}, or input_image's own "detail") and size (data URIs). */
function imagePart(p: Record<string, unknown>): ImagePart {
  const inner = p.image_url ?? p.image;
  const o = inner && typeof inner === "object" ? (inner as Record<string, unknown>) : undefined;
  const detail = o?.detail ?? p.detail;
  const url = typeof inner === "string" ? inner : typeof o?.url === "string" ? o.url : typeof p.url === "string" ? p.url : undefined;
  const part: ImagePart = typeof detail === "string" ? { detail } : {};
  const size = url !== undefined ? imageSize(url) : undefined;
  if (size) {
    part.width = size.width;
    part.height = size.height;
  }
  return part;
}

/** String → itself; array of parts → text parts joined by "\n" (`text`, or LLaMA-Factory's `value`); null → "". */
export function contentInfo(content: unknown): ContentInfo {
  if (typeof content === "string") return { text: content, images: 0 };
  if (!Array.isArray(content)) return EMPTY;
  let text = "";
  let images = 0;
  let media: string[] | undefined;
  let imageParts: ImagePart[] | undefined;
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
    } else if (typeof p.type === "string") {
      if (p.type === "image_url" || p.type === "image" || p.type === "input_image") {
        images++;
        (imageParts ??= []).push(imagePart(p));
      }
      (media ??= []).push(mediaKey(p));
    }
  }
  const out: ContentInfo = { text, images };
  if (media) out.media = media;
  if (imageParts) out.imageParts = imageParts;
  return out;
}
