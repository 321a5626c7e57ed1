import { describe, expect, it } from 'vitest';
import { readBundleFiles } from './read-bundle-files.ts';

const publicHalf = { format: 1, hash: 'abc', course: { id: 'backprop', title: 'Backprop' }, lessons: [], exercises: [], chunks: [] };
const keysHalf = { format: 1, hash: 'abc', exercises: { 'value-forward': { type: 'numeric', answer: 3 } } };

describe('readBundleFiles', () => {
  it('accepts the two files primer course build writes, in either order', () => {
    const result = readBundleFiles([
      { name: 'keys.json', text: JSON.stringify(keysHalf) },
      { name: 'public.json', text: JSON.stringify(publicHalf) },
    ]);
    expect(result).toEqual({ ok: true, bundle: { public: publicHalf, keys: keysHalf }, courseId: 'backprop' });
  });

  it('accepts one file holding {public, keys}', () => {
    const result = readBundleFiles([{ name: 'bundle.json', text: JSON.stringify({ public: publicHalf, keys: keysHalf }) }]);
    expect(result.ok && result.courseId).toBe('backprop');
  });

  it('names the file that is not JSON', () => {
    const result = readBundleFiles([{ name: 'public.json', text: '{"course": ' }]);
    expect(result).toEqual({ ok: false, error: { code: 'not-json', file: 'public.json' } });
  });

  it('refuses public.json alone, since answers could not be checked without keys.json', () => {
    const result = readBundleFiles([{ name: 'public.json', text: JSON.stringify(publicHalf) }]);
    expect(result).toEqual({ ok: false, error: { code: 'not-a-bundle', file: 'public.json' } });
  });

  it('refuses halves of two different builds', () => {
    const result = readBundleFiles([
      { name: 'public.json', text: JSON.stringify(publicHalf) },
      { name: 'keys.json', text: JSON.stringify({ ...keysHalf, hash: 'def' }) },
    ]);
    expect(result).toEqual({ ok: false, error: { code: 'hash-mismatch' } });
  });

  it('refuses two copies of public.json and names a stray file', () => {
    expect(readBundleFiles([
      { name: 'a.json', text: JSON.stringify(publicHalf) },
      { name: 'b.json', text: JSON.stringify(publicHalf) },
    ])).toEqual({ ok: false, error: { code: 'two-publics' } });
    expect(readBundleFiles([
      { name: 'public.json', text: JSON.stringify(publicHalf) },
      { name: 'notes.json', text: '{"hello": 1}' },
    ])).toEqual({ ok: false, error: { code: 'not-a-bundle', file: 'notes.json' } });
  });

  it('asks for files when none were picked, and for at most two', () => {
    expect(readBundleFiles([])).toEqual({ ok: false, error: { code: 'no-files' } });
    const file = { name: 'x.json', text: '{}' };
    expect(readBundleFiles([file, file, file])).toEqual({ ok: false, error: { code: 'too-many-files' } });
  });
});
