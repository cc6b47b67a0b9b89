import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  caCert: string;
  cert: string;
  key: string;
}

/**
 * A local CA and a serving certificate for 127.0.0.1/localhost. kubectl only sends bearer tokens
 * over TLS, so the local cluster always serves HTTPS; the CA goes into the kubeconfig.
 * With a data dir the material is kept there and reused across restarts.
 */
export async function loadOrCreateTls(dataDir?: string): Promise<TlsMaterial> {
  const file = dataDir ? path.join(dataDir, 'tls.json') : undefined;
  if (file && fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as TlsMaterial;
    if (saved.caCert && saved.cert && saved.key) return saved;
  }
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'vane-local-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const serving = await generate([{ name: 'commonName', value: 'vane-local-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const material: TlsMaterial = { caCert: ca.cert, cert: serving.cert, key: serving.private };
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(material), { mode: 0o600 });
  }
  return material;
}
