import type { Fact } from "../facts/schema.js";
import type { ReportIndex } from "./reportIndex.js";

export function figuresFor(_place: string | null, _index: ReportIndex): Fact[] {
  throw new Error("not implemented yet");
}

export function placesWithFigures(_index: ReportIndex): string[] {
  throw new Error("not implemented yet");
}
