import { describe, expect, it } from 'vitest';
import { extractionAttempts } from './extraction-attempts.js';

describe('answer-extraction attempts for the firewall test', () => {
  it('has at least 60 distinct attempts in at least 5 languages, each tactic represented', () => {
    expect(extractionAttempts.length).toBeGreaterThanOrEqual(60);
    expect(new Set(extractionAttempts.map((attempt) => attempt.text)).size).toBe(extractionAttempts.length);
    const languages = new Set(extractionAttempts.map((attempt) => attempt.language));
    expect(languages.size).toBeGreaterThanOrEqual(5);
    for (const language of ['en', 'es', 'fr', 'hi', 'zh', 'ar', 'sw', 'pt']) expect(languages).toContain(language);
    expect(new Set(extractionAttempts.map((attempt) => attempt.tactic))).toEqual(new Set(['direct', 'authority', 'injection', 'roleplay', 'indirect', 'format', 'partial', 'verification']));
  });
});
