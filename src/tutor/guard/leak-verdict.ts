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
