// The size in pixels of an image given inline as a base64 data URI (data:image/png;base64,...), read from its header
// (PNG, GIF, WebP, JPEG) without decoding the image: only the few bytes of the header are decoded from the base64
// text, at any offset (3 bytes are 4 characters). An image given by URL or path, or one whose header is not read
// here, has no known size (undefined).
//
//   imageSize("data:image/png;base64,iVBORw0KGgo...")  -> { width: 800, height: 600 }
//
// Cost: a few small decodes per image; a JPEG's markers are walked segment by segment (at most MAX_SEGMENTS).

const MAX_SEGMENTS = 256;

export function imageSize(url: string): { width: number; height: number } | undefined {
  if (!url.startsWith("data:")) return undefined;
  const comma = url.indexOf(",");
  if (comma < 0 || !/;base64$/i.test(url.slice(0, comma))) return undefined;
  const data = new Base64Bytes(url, comma + 1);
  const head = data.at(0, 30);
  if (head.length < 10) return undefined;
  let size: { width: number; height: number } | undefined;
  if (head[0] === 0x89 && head.toString("latin1", 1, 4) === "PNG" && head.length >= 24) size = { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  else if (head.toString("latin1", 0, 4) === "GIF8") size = { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
  else if (head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP") size = webpSize(head);
  else if (head[0] === 0xff && head[1] === 0xd8) size = jpegSize(data);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** Bytes of base64 text starting at `start` of `s`, decoded on demand. */
class Base64Bytes {
  constructor(
    private readonly s: string,
    private readonly start: number,
  ) {}
  /** Up to `n` bytes from byte offset `offset` (fewer at the end of the data). */
  at(offset: number, n: number): Buffer {
    const from = this.start + Math.floor(offset / 3) * 4;
    if (from >= this.s.length) return Buffer.alloc(0);
    const to = Math.min(this.s.length, this.start + Math.ceil((offset + n) / 3) * 4);
    const skip = offset % 3;
    return Buffer.from(this.s.slice(from, to), "base64").subarray(skip, skip + n);
  }
}

function webpSize(h: Buffer): { width: number; height: number } | undefined {
  const chunk = h.toString("latin1", 12, 16);
  if (chunk === "VP8 " && h.length >= 30) return { width: h.readUInt16LE(26) & 0x3fff, height: h.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L" && h.length >= 25) {
    const b0 = h[21];
    const b1 = h[22];
    const b2 = h[23];
    const b3 = h[24];
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  if (chunk === "VP8X" && h.length >= 30) return { width: 1 + h.readUIntLE(24, 3), height: 1 + h.readUIntLE(27, 3) };
  return undefined;
}

/** A JPEG's size from its first start-of-frame marker (SOF0-SOF15, not DHT, JPG or DAC), walking the segments. */
function jpegSize(data: Base64Bytes): { width: number; height: number } | undefined {
  let pos = 2;
  for (let k = 0; k < MAX_SEGMENTS; k++) {
    const m = data.at(pos, 9);
    if (m.length < 4 || m[0] !== 0xff) return undefined;
    const marker = m[1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // markers without a length
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return m.length >= 9 ? { height: m.readUInt16BE(5), width: m.readUInt16BE(7) } : undefined;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image, or the scan: no frame header before it
    pos += 2 + m.readUInt16BE(2);
  }
  return undefined;
}
