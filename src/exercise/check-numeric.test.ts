import { describe, expect, it } from 'vitest';
import { checkNumeric, readNumericAnswer, withinTolerance } from './check-numeric.js';

const half = { answer: 0.5 };

describe('checkNumeric', () => {
  it.each(['0.5', '1/2', '5e-1', '50%', ' 0.50 ', '2/4', '\\frac{1}{2}', '\\dfrac{2}{4}', '0.5e0', '(1/2)'])('accepts %s for 0.5', (answer) => {
    expect(checkNumeric(half, answer).verdict).toBe('correct');
  });

  it('rejects near misses when no tolerance is declared', () => {
    expect(checkNumeric(half, '0.5001').verdict).toBe('incorrect');
    expect(checkNumeric({ answer: 1 / 3 }, '0.333').verdict).toBe('incorrect');
    expect(checkNumeric({ answer: 1 / 3 }, '1/3').verdict).toBe('correct');
  });

  it('accepts answers exactly on the tolerance edge and rejects just beyond it', () => {
    const key = { answer: 10, tolerance: { absolute: 0.1 } };
    expect(checkNumeric(key, '10.1').verdict).toBe('correct');
    expect(checkNumeric(key, '9.9').verdict).toBe('correct');
    expect(checkNumeric(key, '10.1001').verdict).toBe('incorrect');
    const relative = { answer: 200, tolerance: { relative: 0.01 } };
    expect(checkNumeric(relative, '202').verdict).toBe('correct');
    expect(checkNumeric(relative, '198').verdict).toBe('correct');
    expect(checkNumeric(relative, '202.1').verdict).toBe('incorrect');
    expect(withinTolerance(0.1 + 0.2, 0.3)).toBe(true);
  });

  it('reads thousands separators and decimal commas by the learner language', () => {
    const key = { answer: 1234.5 };
    expect(checkNumeric(key, '1,234.5', 'en').verdict).toBe('correct');
    expect(checkNumeric(key, '1.234,5', 'de').verdict).toBe('correct');
    expect(checkNumeric(key, '1 234,5', 'fr').verdict).toBe('correct');
    expect(checkNumeric(key, '1\u202f234,5', 'fr').verdict).toBe('correct');
    expect(checkNumeric(key, '1234,5', 'pt').verdict).toBe('correct');
    expect(checkNumeric(half, '0,5', 'es').verdict).toBe('correct');
    expect(checkNumeric(half, '0,5', 'de').verdict).toBe('correct');
    expect(checkNumeric(half, '0.5', 'de').verdict).toBe('correct'); // a decimal point is understood everywhere
  });

  it('reads the digits of any script and full-width forms, as keyboards type them', () => {
    const key = { answer: 3.5 };
    expect(checkNumeric(key, '٣٫٥', 'ar').verdict).toBe('correct'); // Arabic-Indic digits and decimal sign
    expect(checkNumeric(key, '٣.٥', 'ar').verdict).toBe('correct');
    expect(checkNumeric({ answer: 12345.6 }, '١٢٬٣٤٥٫٦', 'ar-EG').verdict).toBe('correct');
    expect(checkNumeric({ answer: 12345.6 }, '12,345.6', 'ar-EG').verdict).toBe('correct');
    expect(checkNumeric(key, '۳٫۵', 'fa').verdict).toBe('correct'); // Persian
    expect(checkNumeric(key, '३.५', 'hi').verdict).toBe('correct'); // Devanagari
    expect(checkNumeric(key, '৩.৫', 'bn').verdict).toBe('correct'); // Bengali
    expect(checkNumeric(key, '３．５', 'zh').verdict).toBe('correct'); // full-width, from a Chinese input method
    expect(checkNumeric({ answer: -0.5 }, '－１／２', 'ja').verdict).toBe('correct');
    expect(checkNumeric(key, '٣٫٦', 'ar').verdict).toBe('incorrect');
  });

  it('says which decimal separator to use when a comma cannot be a thousands group', () => {
    const verdict = checkNumeric(half, '0,5', 'en');
    expect(verdict).toMatchObject({ verdict: 'unparseable', problem: { code: 'decimal-separator', values: { decimal: '.', example: '0.5' } } });
    expect(checkNumeric(half, '1.234,5', 'fr').problem).toMatchObject({ code: 'decimal-separator', values: { decimal: ',', example: '0,5' } });
  });

  it('reads spaces between groups of three digits as grouping in any language, and nothing else', () => {
    expect(checkNumeric({ answer: 1000 }, '1 000', 'en').verdict).toBe('correct');
    expect(checkNumeric({ answer: 1000.5 }, '1 000,5', 'de').verdict).toBe('correct');
    expect(checkNumeric({ answer: 6 }, '2 3', 'en').verdict).toBe('unparseable');
  });

  it('reads "1,234" as a thousand in English and as a decimal in German', () => {
    expect(checkNumeric({ answer: 1234 }, '1,234', 'en').verdict).toBe('correct');
    expect(checkNumeric({ answer: 1.234 }, '1,234', 'de').verdict).toBe('correct');
  });

  it('accepts 50% for an answer given in percent', () => {
    expect(checkNumeric({ answer: 50 }, '50%').verdict).toBe('correct');
    expect(checkNumeric({ answer: 50 }, '50').verdict).toBe('correct');
  });

  it('converts compatible units and reads a bare number as the declared unit', () => {
    const speed = { answer: 3, unit: 'm/s', tolerance: { relative: 1e-6 } };
    expect(checkNumeric(speed, '10.8 km/h').verdict).toBe('correct');
    expect(checkNumeric(speed, '3 m/s').verdict).toBe('correct');
    expect(checkNumeric(speed, '300 cm/s').verdict).toBe('correct');
    expect(checkNumeric(speed, '3').verdict).toBe('correct');
    expect(checkNumeric(speed, '3 km/h').verdict).toBe('incorrect');
    expect(checkNumeric({ answer: 1500, unit: 'g' }, '1,5 kg', 'de').verdict).toBe('correct');
  });

  it('rejects an incompatible unit with a message naming the expected unit', () => {
    const verdict = checkNumeric({ answer: 3, unit: 'm/s' }, '3 kg');
    expect(verdict).toMatchObject({ verdict: 'incorrect', reason: 'incompatible-unit', problem: { code: 'incompatible-unit', values: { given: 'kg', unit: 'm/s' } } });
  });

  it('reads an answer as the checker will compare it, in the exercise unit, for the preview as the learner types', () => {
    expect(readNumericAnswer('10.8 km/h', 'm/s')).toEqual({ value: expect.closeTo(3, 9), percent: false, given: 'km / h' });
    expect(readNumericAnswer('3', 'm/s')).toEqual({ value: 3, percent: false });
    expect(readNumericAnswer('3 kg', 'm/s')).toMatchObject({ problem: { code: 'incompatible-unit' }, incompatibleUnit: true });
    expect(readNumericAnswer('3 m', undefined)).toEqual({ problem: { code: 'unit-not-wanted' } });
  });

  it('refuses a unit where the answer is a plain number', () => {
    expect(checkNumeric(half, '0.5 m')).toMatchObject({ verdict: 'unparseable', problem: { code: 'unit-not-wanted' } });
  });

  it('says what form was expected for unreadable input', () => {
    for (const answer of ['', 'half', '1/', 'x + 1', 'import("fs")']) {
      const verdict = checkNumeric(half, answer);
      expect(verdict.verdict).toBe('unparseable');
      expect(verdict.problem?.expected?.code, answer).toBe('number');
    }
  });

  it('accepts a mixed number and an exact expression', () => {
    expect(checkNumeric({ answer: 2.5 }, '2 1/2').verdict).toBe('correct');
    expect(checkNumeric({ answer: Math.SQRT2, tolerance: { absolute: 1e-9 } }, 'sqrt(2)').verdict).toBe('correct');
    expect(checkNumeric({ answer: Math.PI * 2 }, '2pi').verdict).toBe('correct');
  });

  it('reads fraction signs and superscript powers', () => {
    expect(checkNumeric({ answer: 2.5 }, '2½').verdict).toBe('correct');
    expect(checkNumeric({ answer: -0.75 }, '-¾').verdict).toBe('correct');
    expect(checkNumeric({ answer: 100 }, '10²').verdict).toBe('correct');
    expect(checkNumeric({ answer: 0.03 }, '3×10⁻²').verdict).toBe('correct');
    expect(checkNumeric({ answer: 2.25 }, '1,5²', 'fr').verdict).toBe('correct');
  });
});
