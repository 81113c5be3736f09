import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The project's synthetic dataset generator (scripts/gen-chatml.mjs; docs/testing.md). */
export const GEN = join(ROOT, "scripts", "gen-chatml.mjs");
/** Small files in every format and file-level shape the gate reads, written for the tests (tests/fixtures/formats). */
export const FORMATS = join(ROOT, "tests", "fixtures", "formats");
/** Optional: a folder of real public datasets for the real-data suite (tests/real-data/), named by the environment
 * variable CHATML_GATE_REAL_DATA (relative to the repository's root). Undefined when not set: that suite skips. */
export const REAL: string | undefined = process.env.CHATML_GATE_REAL_DATA ? resolve(ROOT, process.env.CHATML_GATE_REAL_DATA) : undefined;
