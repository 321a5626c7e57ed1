// Downloads a GGUF model: resumes a partial download with an HTTP Range request and verifies sha256.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PullModelOptions {
  url: string;
  /** Final file; `<destination>.part` holds a download in progress. */
  destination: string;
  /** Lower-case hex; when given, a file that does not match is removed and an error thrown. */
  sha256?: string;
  fetch?: typeof fetch;
  /** Called as bytes arrive: received so far (resumed bytes included) and the total, when known. */
  onProgress?: (received: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

export interface PullModelResult {
  path: string;
  bytes: number;
  /** Bytes that were already on disk from an earlier, interrupted download. */
  resumedFrom: number;
  alreadyPresent: boolean;
}

export class PullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PullError';
  }
}

export async function pullModel(options: PullModelOptions): Promise<PullModelResult> {
  const fetcher = options.fetch ?? fetch;
  const partial = `${options.destination}.part`;
  await mkdir(path.dirname(options.destination), { recursive: true });

  const existing = await size(options.destination);
  if (existing !== null) {
    if (!options.sha256 || (await sha256Of(options.destination)) === options.sha256) {
      return { path: options.destination, bytes: existing, resumedFrom: 0, alreadyPresent: true };
    }
  }

  const resumeFrom = (await size(partial)) ?? 0;
  const response = await fetcher(options.url, {
    headers: resumeFrom > 0 ? { range: `bytes=${resumeFrom}-` } : {},
    ...(options.signal ? { signal: options.signal } : {}),
  }).catch((error: unknown) => {
    throw new PullError(`Cannot reach ${new URL(options.url).host}: ${error instanceof Error ? error.message : String(error)}. Check the network, then run the same command again.`);
  });

  let startAt = 0;
  let total: number | undefined;
  if (response.status === 416 && resumeFrom > 0) {
    // The part file already holds everything.
    startAt = resumeFrom;
    total = resumeFrom;
    await response.body?.cancel();
  } else if (response.status === 206) {
    startAt = resumeFrom;
    const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
    total = range ? Number(range[1]) : undefined;
  } else if (response.ok) {
    const length = Number(response.headers.get('content-length'));
    total = Number.isFinite(length) && length > 0 ? length : undefined;
  } else {
    throw new PullError(`Download failed: ${response.status} ${response.statusText} from ${options.url}.`);
  }

  let received = startAt;
  if (response.body && response.status !== 416) {
    // Each chunk is written before it is counted, so a cut connection leaves exactly `received` bytes on disk to resume from.
    const handle = await open(partial, startAt > 0 ? 'a' : 'w');
    try {
      for await (const chunk of Readable.fromWeb(response.body as never) as AsyncIterable<Uint8Array>) {
        await handle.write(chunk);
        received += chunk.byteLength;
        options.onProgress?.(received, total);
      }
    } catch (error) {
      throw new PullError(
        `The download stopped after ${formatBytes(received)}${total ? ` of ${formatBytes(total)}` : ''} (${error instanceof Error ? error.message : String(error)}). Run the same command again to resume.`,
      );
    } finally {
      await handle.close();
    }
  }
  if (total !== undefined && received < total) {
    throw new PullError(`The download stopped after ${formatBytes(received)} of ${formatBytes(total)}. Run the same command again to resume.`);
  }

  if (options.sha256) {
    const actual = await sha256Of(partial);
    if (actual !== options.sha256.toLowerCase()) {
      await rm(partial, { force: true });
      throw new PullError(`The downloaded file is corrupt (sha256 ${actual}, expected ${options.sha256}); it was removed. Run the same command again to download it afresh.`);
    }
  }
  await rename(partial, options.destination);
  return { path: options.destination, bytes: received, resumedFrom: startAt, alreadyPresent: false };
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`;
  return `${bytes} B`;
}

async function size(file: string): Promise<number | null> {
  return stat(file).then(
    (info) => info.size,
    () => null,
  );
}
