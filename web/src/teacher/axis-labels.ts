// Axis labels must fit their margin: long exercise ids and skill titles are cut with an ellipsis
// (the full text stays in the hover title and the table); an axis of counts is labelled in whole numbers.

/** Cuts `text` to at most `length` characters, ending in "…" when cut. */
export function truncateLabel(text: string, length: number): string {
  if (length < 2) return text.slice(0, Math.max(0, length));
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** About how many characters of 10px sans-serif fit in `pixels` (Plot's default tick font). */
export function charactersThatFit(pixels: number): number {
  return Math.max(6, Math.floor(pixels / 6.2));
}

/** A left margin wide enough for the longest label, but at most `share` of the chart's width. */
export function labelMargin(labels: readonly string[], width: number, share = 0.4): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.round(Math.min(width * share, 14 + longest * 6.2));
}

/** The ticks of an axis of counts up to `max`: whole numbers only (no "0.2 times seen"), at most about 8. */
export function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 8));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, index) => index * step);
}
