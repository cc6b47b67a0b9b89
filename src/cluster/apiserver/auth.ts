import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage } from 'node:http';

/** Paths anonymous clients may read, as kube-apiserver's system:public-info-viewer allows. */
const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version', '/version/']);

export function isPublicPath(url: string | undefined): boolean {
  return PUBLIC_PATHS.has((url ?? '/').split('?')[0]!);
}

export function tokenMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The admin token: given, kept in the data dir, or fresh for an in-memory cluster. */
export function loadOrCreateToken(dataDir: string | undefined, given?: string): string {
  if (given) return given;
  const file = dataDir ? path.join(dataDir, 'token') : undefined;
  if (file && fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  if (file) {
    fs.mkdirSync(dataDir!, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, token, { mode: 0o600 });
  }
  return token;
}
