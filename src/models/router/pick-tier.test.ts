import { describe, expect, it } from 'vitest';
import { defaultEscalation, type TierName } from '../model-config.js';
import { pickTier } from './pick-tier.js';

const all = new Set<TierName>(['local', 'standard', 'frontier']);

describe('escalation policy', () => {
  it('keeps the default tier without signals', () => {
    expect(pickTier('local', {}, defaultEscalation, all, 'tutor')).toEqual({ tier: 'local', reasons: ['default for tutor: local'] });
  });

  it('escalates step by step on failed attempts and on a lower-tier fault, with reasons', () => {
    expect(pickTier('local', { failedAttempts: 2 }, defaultEscalation, all, 'tutor').tier).toBe('standard');
    const choice = pickTier('local', { failedAttempts: 4 }, defaultEscalation, all, 'tutor');
    expect(choice.tier).toBe('frontier');
    expect(choice.reasons).toEqual(['default for tutor: local', 'failedAttempts=4 ≥ 2 → standard', 'failedAttempts=4 ≥ 4 → frontier']);
    expect(pickTier('local', { confusion: true, guardViolation: true }, defaultEscalation, all, 'tutor').tier).toBe('frontier');
    expect(pickTier('local', { hardSkill: true }, defaultEscalation, all, 'tutor').tier).toBe('standard');
  });

  it('falls to the nearest configured tier when the chosen one has no models', () => {
    const choice = pickTier('local', { failedAttempts: 5 }, defaultEscalation, new Set<TierName>(['local', 'standard']), 'tutor');
    expect(choice.tier).toBe('standard');
    expect(choice.reasons.at(-1)).toBe('frontier has no models configured → standard');
  });
});
