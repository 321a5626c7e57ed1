// Attribution and licence as OATutor states them, written for learners and teachers, plus the
// course's language as a BCP 47 tag. OATutor content is CC BY 4.0: every item keeps its source.

export const oatutorAuthors = 'OATutor project (CAHLR, UC Berkeley)';

/** `"https://openstax.org/ <OpenStax>"` → `[OpenStax](https://openstax.org/)`; a bare URL or name as is. */
export function describeSource(oer: string): string | undefined {
  const text = oer.trim();
  if (text === '' || /^0(\.0)?$/.test(text)) return undefined;
  const named = /^(\S+:\/\/\S+)\s*<([^<>]+)>$/.exec(text);
  if (named) return `[${named[2]!.trim()}](${named[1]})`;
  if (/^https?:\/\/\S+$/.test(text)) {
    const host = new URL(text).hostname.replace(/^www\./, '');
    return `[${host}](${text})`;
  }
  return text.replace(/[[\]<>*_`$\\]/g, (char) => `\\${char}`);
}

/** OATutor's licence fields ("CC4.0", a URL with a name, "") → a readable licence, CC BY 4.0 by default. */
export function describeLicense(license: string): string {
  const text = license.trim();
  const named = /^(\S+:\/\/\S+)\s*<([^<>]+)>$/.exec(text);
  if (named) return `[${named[2]!.trim()}](${named[1]})`;
  if (text === '' || /^CC[ -]?(BY[ -]?)?4\.0$/i.test(text)) return '[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)';
  return text.replace(/[[\]<>*_`$\\]/g, (char) => `\\${char}`);
}

/** The course licence as an SPDX id when it is CC BY 4.0 (OATutor's licence), else as written. */
export function licenseId(license: string): string {
  const text = license.trim();
  if (text === '' || /creativecommons\.org\/licenses\/by\/4\.0|CC[ -]?(BY[ -]?)?4\.0/i.test(text)) return 'CC-BY-4.0';
  return text;
}

/** One Markdown line naming where a problem comes from and under which licence. */
export function attributionLine(problemId: string, oer: string, license: string): string {
  const source = describeSource(oer);
  return `*Source: OATutor problem \`${problemId}\` by the ${oatutorAuthors}${source ? `, from ${source}` : ''}; licence ${describeLicense(license)}.*`;
}

/** The same as a plain-text comment for a YAML file. */
export function attributionComment(id: string, oer: string, license: string): string {
  const source = oer.trim() && !/^0(\.0)?$/.test(oer.trim()) ? `; source: ${oer.trim()}` : '';
  return ` OATutor ${id} by the ${oatutorAuthors}${source}; licence: ${license.trim() || 'CC BY 4.0'}`;
}

const languageNames: Record<string, string> = {
  english: 'en', swedish: 'sv', svenska: 'sv', spanish: 'es', español: 'es', espanol: 'es', french: 'fr', français: 'fr',
  german: 'de', deutsch: 'de', portuguese: 'pt', português: 'pt', chinese: 'zh', japanese: 'ja', korean: 'ko',
  arabic: 'ar', hindi: 'hi', italian: 'it', dutch: 'nl', finnish: 'fi', norwegian: 'nb', danish: 'da', russian: 'ru',
  turkish: 'tr', vietnamese: 'vi', polish: 'pl', greek: 'el', hebrew: 'he', indonesian: 'id', thai: 'th', ukrainian: 'uk',
};
// OATutor writes "se" for Swedish (its locale switch checks `locale == 'se'`); in BCP 47 "se" is Northern Sami.
const codeFixes: Record<string, string> = { se: 'sv', jp: 'ja', cn: 'zh', kr: 'ko', dk: 'da', gr: 'el', ua: 'uk' };

/** A course language as OATutor writes it ("English", "en", "se") → a BCP 47 tag, or undefined when unknown. */
export function languageTag(language: string): string | undefined {
  const text = language.trim();
  if (text === '') return 'en'; // OATutor's default
  const lower = text.toLowerCase();
  if (languageNames[lower]) return languageNames[lower];
  const code = /^([a-z]{2,3})(?:[-_]([A-Za-z0-9]+))?$/i.exec(text);
  if (!code) return undefined;
  const primary = codeFixes[code[1]!.toLowerCase()] ?? code[1]!.toLowerCase();
  return code[2] ? `${primary}-${code[2].length === 2 ? code[2].toUpperCase() : code[2]}` : primary;
}

/** Languages that write a decimal comma, so `0,5` in an answer is a half. */
export function usesDecimalComma(tag: string): boolean {
  return ['sv', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'fi', 'nb', 'da', 'ru', 'pl', 'tr', 'el', 'id', 'uk', 'vi'].includes(tag.split('-')[0]!);
}
