/**
 * Parses an API path the way kube-apiserver's RequestInfoFactory does:
 * /api/v1/namespaces/{ns}/{resource}/{name}/{subresource} and /apis/{group}/{version}/...
 */
export type RequestVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequest {
  kind: 'resource';
  verb: RequestVerb;
  group: string;
  version: string;
  resource: string;
  namespace: string;
  name: string;
  subresource: string;
}

export interface NonResourceRequest {
  kind: 'nonresource';
  path: string;
  /** Path segments after /api or /apis, for discovery. */
  segments: string[];
}

export type RequestInfo = ResourceRequest | NonResourceRequest;

/** kube-apiserver's namespaceSubresources: the path after a namespace's name that is not a resource. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRequestInfo(method: string, pathname: string, query: URLSearchParams): RequestInfo {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  const nonResource: NonResourceRequest = { kind: 'nonresource', path: pathname, segments: parts };
  let rest: string[];
  let group: string;
  let version: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return nonResource;
  }
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]!)) {
    // /api/v1/namespaces/{name}/status and .../finalize: subresources of the namespace object.
  } else if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1]!;
    rest = rest.slice(2);
  } else if (rest[0] === 'namespaces' && rest.length === 2) {
    // /api/v1/namespaces/{name}: the namespace object itself.
    rest = ['namespaces', rest[1]!];
  }
  const [resource = '', name = '', subresource = '', ...extra] = rest;
  if (!resource || extra.length > 0) return nonResource;
  const isWatch = watchPath || query.get('watch') === 'true' || query.get('watch') === '1';
  let verb: RequestVerb;
  switch (method) {
    case 'GET':
    case 'HEAD':
      verb = name ? (isWatch ? 'watch' : 'get') : isWatch ? 'watch' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      verb = 'get';
  }
  // The namespace object is addressed by its name at /api/v1/namespaces/{name}.
  if (group === '' && resource === 'namespaces' && name) namespace = '';
  return { kind: 'resource', verb, group, version, resource, namespace, name, subresource };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
