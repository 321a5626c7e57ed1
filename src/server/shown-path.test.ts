import { describe, expect, it } from 'vitest';
import { shownPath } from './shown-path.js';

describe('shownPath', () => {
  it('shows a path inside the working folder relative to it, and one outside in full', () => {
    expect(shownPath('/home/ada/primer', '/home/ada/primer/primer-data-backups')).toBe('primer-data-backups');
    expect(shownPath('/home/ada/primer', '/home/ada/primer')).toBe('.');
    expect(shownPath('/home/ada/primer', '/var/lib/primer-backups')).toBe('/var/lib/primer-backups');
    expect(shownPath('/home/ada/primer', '../courses')).toBe('/home/ada/courses');
  });
});
