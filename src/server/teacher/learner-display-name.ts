// How a learner is named to their teacher: their name, or "Guest 1a2b3c4d" for a guest (every
// guest is called "Guest", so the short id tells them apart).
import { isGuestEmail } from '../auth/accounts.js';

export function learnerDisplayName(learner: { id: string; name: string | null; email: string | null }): string {
  const shortId = learner.id.slice(0, 8);
  if (learner.email === null) return `Learner ${shortId}`; // the account was deleted; its events remain
  if (isGuestEmail(learner.email)) return `Guest ${shortId}`;
  return learner.name || learner.email;
}
