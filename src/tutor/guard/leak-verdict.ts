// The detector's answer for one sentence. `evidence` is for logs and teachers, never for learners.
export interface LeakVerdict {
  leak: boolean;
  evidence?: string;
}

/** What the learner has seen or written: the problem text, their own attempts. One string or one item per thing. */
export type LeakContext = string | readonly string[];

/** The context as separate pieces: one per item, and each item split into lines. */
export function contextPieces(context: LeakContext | undefined): string[] {
  const items = context === undefined ? [] : typeof context === 'string' ? [context] : [...context];
  return items.flatMap((item) => item.split(/\r?\n/)).map((line) => line.trim()).filter((line) => line !== '');
}

export const noLeak: LeakVerdict = { leak: false };

/**
 * What context pieces were found to state a key, kept across the turns of a conversation: each turn
 * reads the same problem text and learner messages again, and reading one can take a millisecond.
 * Bounded: the oldest answers are forgotten first.
 */
export interface KnownPieces {
  remember(key: unknown, piece: string, read: () => boolean): boolean;
}

export function createKnownPieces(limit = 5000): KnownPieces {
  const known = new Map<string, boolean>();
  return {
    remember(key, piece, read) {
      const id = `${JSON.stringify(key)}\u0000${piece}`;
      let stated = known.get(id);
      if (stated === undefined) {
        stated = read();
        if (known.size >= limit) known.delete(known.keys().next().value!);
        known.set(id, stated);
      }
      return stated;
    },
  };
}
