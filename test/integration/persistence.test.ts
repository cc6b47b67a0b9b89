import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sendRequest } from '../../src/kube/transport.ts';
import { closeConnection, type ClusterConnection } from '../../src/kube/connection.ts';
import { spawnClusterProcess } from '../helpers/child-cluster.ts';

async function createConfigMap(conn: ClusterConnection, name: string): Promise<{ status: number; rv?: number }> {
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { payload: 'x'.repeat(200) } });
  const res = await sendRequest(conn, {
    method: 'POST',
    path: '/api/v1/namespaces/default/configmaps',
    headers: { ...conn.headers, 'Content-Type': 'application/json', Accept: 'application/json' },
    body,
    timeoutMs: 10_000,
  });
  if (res.statusCode !== 201) return { status: res.statusCode };
  const obj = JSON.parse(res.body) as { metadata: { resourceVersion: string } };
  return { status: 201, rv: Number(obj.metadata.resourceVersion) };
}

test('every acknowledged write survives kill -9 and a restart from the data dir', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-persist-'));
  try {
    const first = await spawnClusterProcess(dataDir);
    const acked = new Map<string, number>();
    let killed = false;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        try {
          const r = await createConfigMap(first.conn, `cm-${w}-${i}`);
          if (r.status === 201) acked.set(`cm-${w}-${i}`, r.rv!);
        } catch {
          return; // the server died under us: this write was never acknowledged
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, w) => worker(w));
    while (acked.size < 400) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(workers);
    closeConnection(first.conn);

    const second = await spawnClusterProcess(dataDir);
    try {
      const res = await sendRequest(second.conn, { method: 'GET', path: '/api/v1/namespaces/default/configmaps', headers: second.conn.headers, timeoutMs: 10_000 });
      const list = JSON.parse(res.body) as { items: Array<{ metadata: { name: string; resourceVersion: string } }>; metadata: { resourceVersion: string } };
      const stored = new Map(list.items.map((i) => [i.metadata.name, Number(i.metadata.resourceVersion)]));
      const lost = [...acked.keys()].filter((name) => !stored.has(name));
      assert.deepEqual(lost, [], `acknowledged writes lost after kill -9: ${lost.length} of ${acked.size}`);
      for (const [name, rv] of acked) assert.equal(stored.get(name), rv, `${name} kept its resourceVersion`);
      const maxBefore = Math.max(...acked.values());
      const after = await createConfigMap(second.conn, 'after-restart');
      assert.equal(after.status, 201);
      assert.ok(after.rv! > maxBefore, `resourceVersion stays monotonic across restarts (${after.rv} > ${maxBefore})`);
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0, 'SIGTERM shuts the cluster down cleanly');
      closeConnection(second.conn);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
