// BCP-47 tags compared by their language: "pt-BR" and "pt" are both Portuguese.

/** The language of a tag, lower case: "pt-BR" → "pt", "zh_Hans" → "zh". */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether two tags name the same language. */
export function sameLanguage(a: string, b: string): boolean {
  return baseLanguage(a) === baseLanguage(b);
}
