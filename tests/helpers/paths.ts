import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHARED = join(ROOT, "..", "shared");
export const GEN = join(SHARED, "tools", "gen-chatml.mjs");
export const REAL = join(SHARED, "real-data");
