// Primer ids (`^[a-z0-9][a-z0-9-]*$`) from OATutor names, and a registry that keeps them unique.

/** Turns any name into a Primer id: ASCII letters and digits, lowercase, hyphens between words. */
export function toId(name: string, fallback = 'item'): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || fallback;
}

/** Hands out ids that are unique within one scope: a second "intro" becomes "intro-2". */
export class IdRegistry {
  private readonly taken = new Set<string>();

  claim(name: string, fallback?: string): string {
    const base = toId(name, fallback);
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
