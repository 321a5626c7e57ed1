// Runs the `primer` CLI in process and captures what it prints, for tests.
import { vi } from 'vitest';
import { main } from '../src/cli/index.js';

export async function runCli(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const capture = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  const log = vi.spyOn(console, 'log').mockImplementation(capture);
  const error = vi.spyOn(console, 'error').mockImplementation(capture);
  const write = (text: string | Uint8Array) => (capture(String(text).trimEnd()), true);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(write);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(write);
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'primer', ...args]);
    return { code, output: lines.join('\n') };
  } finally {
    process.exitCode = undefined;
    for (const spy of [log, error, stdout, stderr]) spy.mockRestore();
  }
}
