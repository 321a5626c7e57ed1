#!/usr/bin/env -S node --max-semi-space-size=32
// Entry point for `npx primer`: runs the TypeScript CLI through tsx, so no build step is needed.
// A 32 MB young generation (Node's default is 16 MB): fewer garbage-collection pauses in a request,
// which set the p99 of a learner-state read (docs/storage.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv);
