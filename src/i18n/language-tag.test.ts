import { describe, expect, it } from 'vitest';
import { baseLanguage, sameLanguage } from './language-tag.js';

describe('language tags', () => {
  it('compare by their language, whatever the region, script or separator', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('zh_Hans')).toBe('zh');
    expect(sameLanguage('EN-gb', 'en')).toBe(true);
    expect(sameLanguage('es', 'en')).toBe(false);
  });
});
