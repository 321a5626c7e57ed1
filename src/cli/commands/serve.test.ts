import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-run.js';

describe('primer serve', () => {
  it('lists its options in --help', async () => {
    const { code, output } = await runCli(['serve', '--help']);
    expect(code).toBe(0);
    for (const option of ['--courses <dir>', '--course <dir>', '--data <dir>', '--host <host>', '--port <port>', '--config <file>', '--no-guest', '--origin <url>', '--trust-proxy', '--turns-per-minute <n>', '--message-chars <n>']) expect(output).toContain(option);
  });

  it('refuses a port or origin that is not one, before starting anything', async () => {
    expect(await runCli(['serve', '--port', 'eighty'])).toEqual({ code: 2, output: 'primer: --port must be a whole number from 0 to 65535 (got eighty)' });
    expect(await runCli(['serve', '--origin', 'primer.example.org'])).toEqual({ code: 2, output: 'primer: --origin must be a URL such as https://primer.example.org (got primer.example.org)' });
    expect(await runCli(['serve', '--turns-per-minute', '0'])).toEqual({ code: 2, output: 'primer: --turns-per-minute must be a whole number of 1 or more (got 0)' });
    expect(await runCli(['serve', '--message-chars', 'lots'])).toEqual({ code: 2, output: 'primer: --message-chars must be a whole number of 1 or more (got lots)' });
  });
});
