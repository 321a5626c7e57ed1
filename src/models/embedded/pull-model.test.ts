import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pullModel } from './pull-model.js';

const file = randomBytes(300_000);
const sha256 = createHash('sha256').update(file).digest('hex');
let server: Server;
let url = '';
let cutNextAt: number | null = null;
let corrupt = false;
const ranges: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    ranges.push(request.headers.range);
    const body = corrupt ? Buffer.from(file).fill(0, 1000, 2000) : file;
    const start = Number(/bytes=(\d+)-/.exec(request.headers.range ?? '')?.[1] ?? 0);
    if (start >= body.length) {
      response.writeHead(416).end();
      return;
    }
    response.writeHead(start > 0 ? 206 : 200, {
      'content-length': String(body.length - start),
      ...(start > 0 ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (cutNextAt !== null) {
      const cut = cutNextAt;
      cutNextAt = null;
      response.write(body.subarray(start, cut), () => setTimeout(() => request.socket.destroy(), 10));
      return;
    }
    response.end(body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.gguf`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  ranges.length = 0;
  corrupt = false;
  cutNextAt = null;
});

describe('pulling a model', () => {
  it('resumes after the connection is cut, with a Range request, and verifies the checksum', async () => {
    const destination = path.join(await mkdtemp(path.join(tmpdir(), 'primer-pull-')), 'model.gguf');
    cutNextAt = 120_000;
    const progress: number[] = [];
    await expect(pullModel({ url, destination, sha256, onProgress: (received) => progress.push(received) })).rejects.toThrow(/Run the same command again to resume/);
    const partial = (await stat(`${destination}.part`)).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(file.length);

    const result = await pullModel({ url, destination, sha256, onProgress: (received) => progress.push(received) });
    expect(ranges).toEqual([undefined, `bytes=${partial}-`]);
    expect(result).toMatchObject({ bytes: file.length, resumedFrom: partial, alreadyPresent: false });
    expect(Buffer.compare(await readFile(destination), file)).toBe(0);
    expect(progress.at(-1)).toBe(file.length);

    const again = await pullModel({ url, destination, sha256 });
    expect(again.alreadyPresent).toBe(true);
  });

  it('removes a download whose checksum does not match, and says so', async () => {
    const destination = path.join(await mkdtemp(path.join(tmpdir(), 'primer-pull-')), 'model.gguf');
    corrupt = true;
    await expect(pullModel({ url, destination, sha256 })).rejects.toThrow(/corrupt .* it was removed/);
    await expect(stat(`${destination}.part`)).rejects.toThrow();
    await expect(stat(destination)).rejects.toThrow();
  });
});
