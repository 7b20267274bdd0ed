/**
 * Synthetic reports N times the seed's size: the seed verbatim as its first paragraphs, so its
 * golden questions keep their answers, then paragraphs of the invented golden reports and the
 * public corpus (read at run time, never copied into the repo), each pass with the gazetteer's
 * place names renamed to invented ones and every figure shifted, so no two paragraphs repeat.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PLACES } from "../../src/facts/places.js";
import { decodeReportBytes } from "../../src/report/decode.js";
import { GOLDEN_DIR, REPO_ROOT } from "../../tests/golden/goldenSet.js";

export const SEED_PATH = join(REPO_ROOT, "data", "report.txt");
const SOURCE_DIRS = [
  join(GOLDEN_DIR, "reports"),
  resolve(REPO_ROOT, "..", "shared", "corpus", "reports"),
];
/** Blocks shorter than this (headings, datelines, stray list markers) are left out. */
const MIN_BLOCK_CHARS = 40;

function readBlocks(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    decodeReportBytes(readFileSync(join(dir, file)))
      .split(/\n[ \t]*\n/)
      .map((block) =>
        block
          .split("\n")
          // Headings and table rows would change the report's shape, not just its size.
          .filter((line) => !/^\s*(#|\|)/.test(line))
          .join("\n")
          .trim(),
      )
      .filter((block) => block.length >= MIN_BLOCK_CHARS),
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One matcher for every capitalised gazetteer form, longest first so "New York City" beats "New York". */
function placeMatcher(): RegExp {
  const forms = new Set<string>();
  for (const place of PLACES) {
    for (const form of [place.name, ...place.aliases]) {
      if (form.length >= 3 && /^\p{Lu}/u.test(form)) forms.add(form);
    }
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

const SYLLABLES =
  "ka lo mi ren tas vo zel qui dar nem fio bru sal tem ox yur pel gan vik hom".split(" ");

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** An invented, stable place name for `form` in pass `pass`: "Zeltasvo". */
function inventedName(form: string, pass: number): string {
  let h = hash(`${form}#${pass}`);
  let name = "";
  for (let i = 0; i < 3; i++) {
    name += SYLLABLES[h % SYLLABLES.length];
    h = Math.floor(h / SYLLABLES.length);
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const FIGURE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g;
const YEAR = /^(19|20)\d\d$/;

/** Every figure plus `shift` (years left alone, so dates still read as dates). */
function shiftFigures(text: string, shift: number): string {
  return text.replace(FIGURE, (whole, integer: string, fraction: string | undefined) => {
    if (fraction === undefined && YEAR.test(integer)) return whole;
    const shifted = Number(integer.replaceAll(",", "")) + shift;
    const digits = integer.includes(",") ? shifted.toLocaleString("en-US") : String(shifted);
    return `${digits}${fraction ?? ""}`;
  });
}

export interface SyntheticReport {
  text: string;
  /** Paragraphs added after the seed's. */
  addedBlocks: number;
  /** Passes over the source paragraphs (each with its own names and shift). */
  passes: number;
}

/** The seed followed by renamed, shifted source paragraphs until the text is `scale` × the seed. */
export function syntheticReport(scale: number): SyntheticReport {
  const seed = decodeReportBytes(readFileSync(SEED_PATH)).trimEnd();
  const target = seed.length * scale;
  const blocks = SOURCE_DIRS.flatMap(readBlocks);
  if (scale <= 1 || blocks.length === 0) return { text: seed, addedBlocks: 0, passes: 0 };
  const places = placeMatcher();
  const parts = [seed];
  let length = seed.length;
  let added = 0;
  let pass = 0;
  while (length < target) {
    pass++;
    for (const block of blocks) {
      const renamed = block.replace(places, (form) => inventedName(form, pass));
      const paragraph = shiftFigures(renamed, pass);
      parts.push(paragraph);
      length += paragraph.length + 2;
      added++;
      if (length >= target) break;
    }
  }
  return { text: parts.join("\n\n"), addedBlocks: added, passes: pass };
}
