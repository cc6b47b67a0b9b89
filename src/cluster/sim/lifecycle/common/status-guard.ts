/**
 * Status writes without loops: compare what a controller wants with what is stored (as JSON, key
 * order and undefined fields aside), and remember the last write so that a server which stores a
 * status slightly differently (defaults, dropped empty fields) does not provoke a write per event.
 */
import { jsonEqual } from '../../../../util/json.ts';

function normalize(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function sameJson(a: unknown, b: unknown): boolean {
  return jsonEqual(normalize(a), normalize(b));
}

export class StatusGuard {
  private readonly written = new Map<string, { json: string; rv: string | undefined }>();

  /** Whether `desired` must be written over `stored` of the object at `resourceVersion`. */
  needsWrite(key: string, stored: unknown, desired: unknown, resourceVersion: string | undefined): boolean {
    if (sameJson(stored, desired)) return false;
    const last = this.written.get(key);
    return !(last && last.rv === resourceVersion && last.json === JSON.stringify(desired));
  }

  /** Records a write and the resourceVersion the server answered with. */
  wrote(key: string, desired: unknown, resourceVersion: string | undefined): void {
    this.written.set(key, { json: JSON.stringify(desired), rv: resourceVersion });
  }

  forget(key: string): void {
    this.written.delete(key);
  }
}
