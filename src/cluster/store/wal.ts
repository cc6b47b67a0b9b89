import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KubeObject } from './object.ts';

/**
 * Durable storage for the local cluster: a snapshot plus an append-only log of writes.
 *
 * Every write is appended with a synchronous write(2) before the API server answers, so an
 * acknowledged write survives a kill -9 of the process (it sits in the OS page cache). Power loss
 * is out of scope for a local lab, so there is no fsync per write. A torn last line from a crash
 * mid-append is ignored on replay.
 */
export interface LogRecord {
  rv: number;
  table: string;
  key: string;
  /** The stored object, or undefined for a deletion. */
  obj?: KubeObject;
}

export interface RecoveredState {
  rv: number;
  objects: Map<string, Map<string, KubeObject>>;
}

const SNAPSHOT = 'snapshot.json';
const LOG = 'wal.jsonl';

export class WriteAheadLog {
  private fd: number;
  private logBytes = 0;

  private constructor(
    private readonly dir: string,
    fd: number,
    private readonly compactAtBytes: number,
  ) {
    this.fd = fd;
  }

  /** Opens (or creates) the data dir, recovers its state and starts a fresh log after a compaction. */
  static open(dir: string, compactAtBytes = 256 * 1024 * 1024): { wal: WriteAheadLog; state: RecoveredState } {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const state = recover(dir);
    writeSnapshot(dir, state);
    const fd = fs.openSync(path.join(dir, LOG), 'w', 0o600);
    return { wal: new WriteAheadLog(dir, fd, compactAtBytes), state };
  }

  append(record: LogRecord): void {
    const line = JSON.stringify(record.obj ? { rv: record.rv, t: record.table, k: record.key, o: record.obj } : { rv: record.rv, t: record.table, k: record.key, d: 1 }) + '\n';
    const buf = Buffer.from(line);
    let written = 0;
    while (written < buf.length) written += fs.writeSync(this.fd, buf, written);
    this.logBytes += buf.length;
  }

  /** True when the log has grown enough that the caller should compact with its current state. */
  needsCompaction(): boolean {
    return this.logBytes >= this.compactAtBytes;
  }

  compact(state: RecoveredState): void {
    writeSnapshot(this.dir, state);
    fs.closeSync(this.fd);
    this.fd = fs.openSync(path.join(this.dir, LOG), 'w', 0o600);
    this.logBytes = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

interface SnapshotFile {
  rv: number;
  tables: Record<string, Record<string, KubeObject>>;
}

function recover(dir: string): RecoveredState {
  const objects = new Map<string, Map<string, KubeObject>>();
  let rv = 0;
  const snapshotPath = path.join(dir, SNAPSHOT);
  if (fs.existsSync(snapshotPath)) {
    const snap = JSON.parse(fs.readFileSync(snapshotPath, 'utf8')) as SnapshotFile;
    rv = snap.rv;
    for (const [table, entries] of Object.entries(snap.tables)) objects.set(table, new Map(Object.entries(entries)));
  }
  const logPath = path.join(dir, LOG);
  if (fs.existsSync(logPath)) {
    for (const line of fs.readFileSync(logPath, 'utf8').split('\n')) {
      if (!line) continue;
      let rec: { rv: number; t: string; k: string; o?: KubeObject; d?: 1 };
      try {
        rec = JSON.parse(line) as typeof rec;
      } catch {
        break; // a torn final line from a crash mid-append: everything before it was acknowledged
      }
      let table = objects.get(rec.t);
      if (!table) objects.set(rec.t, (table = new Map()));
      if (rec.o) table.set(rec.k, rec.o);
      else table.delete(rec.k);
      rv = Math.max(rv, rec.rv);
    }
  }
  return { rv, objects };
}

function writeSnapshot(dir: string, state: RecoveredState): void {
  const tables: Record<string, Record<string, KubeObject>> = {};
  for (const [table, entries] of state.objects) tables[table] = Object.fromEntries(entries);
  const tmp = path.join(dir, `${SNAPSHOT}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify({ rv: state.rv, tables } satisfies SnapshotFile), { mode: 0o600 });
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, path.join(dir, SNAPSHOT));
}
