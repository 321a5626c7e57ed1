// Secrets handed to browsers (session cookies, invitation and setup links): random, and stored only as hashes.
import { createHash, randomBytes } from 'node:crypto';

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
