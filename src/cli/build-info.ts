/**
 * Version and build information. The bundle (scripts/build-cli.ts) defines `VANE_BUILD_INFO`;
 * running from source reads the version from package.json.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BuildInfo {
  version: string;
  buildDate: string;
  gitCommit: string;
  gitTreeState: string;
  compiler: string;
}

declare const VANE_BUILD_INFO: BuildInfo | undefined;

function fromSource(): BuildInfo {
  let version = '0.0.0';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? version;
  } catch {
    // not fatal: print what we know
  }
  return { version: `v${version}`, buildDate: '1970-01-01T00:00:00Z', gitCommit: 'unknown', gitTreeState: 'unknown', compiler: 'tsx' };
}

export function buildInfo(): BuildInfo {
  return typeof VANE_BUILD_INFO !== 'undefined' ? VANE_BUILD_INFO : fromSource();
}

/** `v0.1.0+abc1234` as Argo prints its version (`v1.7.2+59e5bd3`). */
export function versionString(info: BuildInfo): string {
  return info.gitCommit !== 'unknown' ? `${info.version}+${info.gitCommit.slice(0, 7)}` : info.version;
}
