// The escalation policy: from a task's default tier and the caller's signals to a tier, with reasons.
// Stateless on purpose: when the signals clear, the next call is back on the default tier.
import { tierNames, type EscalationRule, type TierName } from '../model-config.js';

/** What the caller knows about this turn; all optional. */
export interface EscalationSignals {
  /** Failed attempts by the learner on the current exercise. */
  failedAttempts?: number;
  /** The learner seems confused (e.g. says so, or repeats the question). */
  confusion?: boolean;
  /** The teacher marked the current skill as hard. */
  hardSkill?: boolean;
  /** The lower tier produced an invalid tool call on this turn. */
  invalidToolCall?: boolean;
  /** The output guard blocked the lower tier's reply on this turn. */
  guardViolation?: boolean;
}

export interface TierChoice {
  tier: TierName;
  /** Why, in words: e.g. `default for tutor: local; failedAttempts=3 ≥ 2 → standard`. */
  reasons: string[];
}

const rank = (tier: TierName) => tierNames.indexOf(tier);

export function pickTier(defaultTier: TierName, signals: EscalationSignals, rules: EscalationRule[], configured: ReadonlySet<TierName>, task: string): TierChoice {
  let tier = defaultTier;
  const reasons = [`default for ${task}: ${defaultTier}`];
  for (const rule of rules) {
    const value = signals[rule.signal];
    const level = typeof value === 'number' ? value : value ? 1 : 0;
    if (level < rule.atLeast) continue;
    const target = rule.tier === 'next' ? tierNames[Math.min(rank(tier) + 1, tierNames.length - 1)]! : rule.tier;
    if (rank(target) <= rank(tier)) continue;
    reasons.push(`${rule.signal}${typeof value === 'number' ? `=${value} ≥ ${rule.atLeast}` : ''} → ${target}`);
    tier = target;
  }
  if (!configured.has(tier)) {
    const below = [...tierNames].slice(0, rank(tier)).reverse().find((name) => configured.has(name));
    const above = tierNames.slice(rank(tier) + 1).find((name) => configured.has(name));
    const nearest = below ?? above;
    if (nearest) {
      reasons.push(`${tier} has no models configured → ${nearest}`);
      tier = nearest;
    }
  }
  return { tier, reasons };
}
