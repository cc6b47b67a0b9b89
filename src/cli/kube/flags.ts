/**
 * The standard kubectl connection flags every Argo verb accepts (cobra persistent flags in Argo's
 * plugin; here added to each leaf command under a "Global Flags" help group).
 */
import { Option, type Command } from 'commander';

export interface KubeFlags {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  as?: string;
  asGroup?: string[];
  asUid?: string;
  /** kubectl `--request-timeout` ("0" = none): a Go duration or bare seconds. */
  requestTimeout?: string;
  cacheDir?: string;
  disableCompression?: boolean;
  loglevel?: string;
  kloglevel?: string;
}

const GROUP = 'Global Flags:';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds the kubeconfig flags (and Argo's --loglevel / -v) to `cmd`. */
export function addKubeFlags(cmd: Command): Command {
  const opts = [
    new Option('--as <user>', 'Username to impersonate for the operation'),
    new Option('--as-group <group>', 'Group to impersonate for the operation, this flag can be repeated').argParser(collect),
    new Option('--as-uid <uid>', 'UID to impersonate for the operation'),
    new Option('--cache-dir <dir>', 'Default cache directory'),
    new Option('--certificate-authority <file>', 'Path to a cert file for the certificate authority'),
    new Option('--client-certificate <file>', 'Path to a client certificate file for TLS'),
    new Option('--client-key <file>', 'Path to a client key file for TLS'),
    new Option('--cluster <name>', 'The name of the kubeconfig cluster to use'),
    new Option('--context <name>', 'The name of the kubeconfig context to use'),
    new Option('--disable-compression', 'If true, opt-out of response compression for all requests to the server'),
    new Option('--insecure-skip-tls-verify', "If true, the server's certificate will not be checked for validity"),
    new Option('--kubeconfig <file>', 'Path to the kubeconfig file to use for CLI requests.'),
    new Option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request'),
    new Option('--request-timeout <duration>', 'The length of time to wait before giving up on a single server request ("0" = none)').default('0'),
    new Option('-s, --server <url>', 'The address and port of the Kubernetes API server'),
    new Option('--tls-server-name <name>', 'Server name to use for server certificate validation'),
    new Option('--token <token>', 'Bearer token for authentication to the API server'),
    new Option('--user <name>', 'The name of the kubeconfig user to use'),
    new Option('--loglevel <level>', 'Log level for kubectl argo rollouts').default('info'),
    new Option('-v, --kloglevel <level>', 'Log level for kubernetes client library').default('0'),
  ];
  for (const o of opts) cmd.addOption(o.helpGroup(GROUP));
  return cmd;
}

/** The long names of the global flags that take a value (for moving them after the verb). */
export const VALUE_FLAGS = new Set([
  '--as', '--as-group', '--as-uid', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--cluster', '--context',
  '--kubeconfig', '-n', '--namespace', '--request-timeout', '-s', '--server', '--tls-server-name', '--token', '--user', '--loglevel', '-v', '--kloglevel',
]);
export const BOOL_FLAGS = new Set(['--disable-compression', '--insecure-skip-tls-verify']);
