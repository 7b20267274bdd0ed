/**
 * A work meter for tests: how many characters regular expressions scan while `work` runs.
 * Every pattern test, match, replace and split goes through RegExp.prototype.exec, so wrapping it
 * counts the step that makes text processing quadratic (scanning a whole prefix for each figure).
 * A pattern anchored at the start of its input, or sticky, scans only as far as it matches, counted as such;
 * any other scans from where it starts to the end of its match, or to the end of the input.
 */
export function regexCharactersScanned(work: () => void): number {
  const original = RegExp.prototype.exec;
  let scanned = 0;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    const from = this.global ? this.lastIndex : 0;
    const match = original.call(this, input);
    const text = String(input);
    // A sticky pattern (split uses them) is tried at one position only.
    if (this.sticky || (this.source.startsWith("^") && !this.multiline)) {
      scanned += (match?.[0].length ?? 0) + 1;
    } else {
      scanned += (match ? match.index + match[0].length : text.length) - from + 1;
    }
    return match;
  };
  try {
    work();
  } finally {
    RegExp.prototype.exec = original;
  }
  return scanned;
}
