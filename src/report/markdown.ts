/** Markdown syntax that carries no meaning for figures, removed so quotes read as plain prose. */

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

export function markdownHeading(line: string): { level: number; text: string } | null {
  const match = HEADING.exec(line);
  return match ? { level: match[1]?.length ?? 1, text: match[2] ?? "" } : null;
}

export function isListItemLine(line: string): boolean {
  return LIST_ITEM.test(line);
}

export function isRule(line: string): boolean {
  return RULE.test(line);
}

export function isSetextUnderline(line: string): boolean {
  return SETEXT_UNDERLINE.test(line);
}

export function stripListMarker(line: string): string {
  return line.replace(LIST_ITEM, "");
}

/**
 * Inline syntax: images, links, emphasis, code spans, HTML tags, block quotes.
 * Link text holds no bracket, a link target no space or parenthesis and a tag no '<', so a run of
 * unclosed brackets fails at each position at once instead of scanning to the end of the text.
 */
export function stripInline(text: string): string {
  return text
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/!\[([^[\]]*)\]\([^()\s]*\)/g, "$1")
    .replace(/\[([^[\]]+)\]\([^()\s]*\)/g, "$1")
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, "$1")
    .replace(/<https?:[^<>\s]+>/g, (url) => url.slice(1, -1))
    .replace(/<\/?[a-z][^<>]*>/gi, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(.*?)~~/g, "$1");
}
