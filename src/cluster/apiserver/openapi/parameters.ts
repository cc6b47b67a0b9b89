/** Query and path parameters of Kubernetes REST operations, as kubectl looks for them. */
import type { ParameterObject } from './types.ts';

function query(name: string, description: string, type: 'string' | 'boolean' | 'integer' = 'string'): ParameterObject {
  return { name, in: 'query', description, schema: { type }, uniqueItems: true };
}

function pathParam(name: string, description: string): ParameterObject {
  return { name, in: 'path', description, required: true, schema: { type: 'string' }, uniqueItems: true };
}

export const NAME = pathParam('name', 'name of the resource');
export const NAMESPACE = pathParam('namespace', 'object name and auth scope, such as for teams and projects');
export const PRETTY = query('pretty', "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).");

export const DRY_RUN = query(
  'dryRun',
  'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed',
);
export const FIELD_MANAGER = query(
  'fieldManager',
  'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.',
);
export const FIELD_VALIDATION = query(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.',
);
export const FORCE = query(
  'force',
  'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
  'boolean',
);
export const GRACE_PERIOD_SECONDS = query(
  'gracePeriodSeconds',
  'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately.',
  'integer',
);
export const PROPAGATION_POLICY = query(
  'propagationPolicy',
  "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'.",
);

export const LIST_PARAMETERS: ParameterObject[] = [
  query('allowWatchBookmarks', 'allowWatchBookmarks requests watch events with type "BOOKMARK".', 'boolean'),
  query('continue', 'The continue option should be set when retrieving more results from the server.'),
  query('fieldSelector', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  query('labelSelector', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  query('limit', 'limit is a maximum number of responses to return for a list call.', 'integer'),
  query('resourceVersion', 'resourceVersion sets a constraint on what resource versions a request may be served from.'),
  query('resourceVersionMatch', 'resourceVersionMatch determines how resourceVersion is applied to list calls.'),
  query('sendInitialEvents', 'sendInitialEvents=true may be set together with watch=true.', 'boolean'),
  query('timeoutSeconds', 'Timeout for the list/watch call.', 'integer'),
  query('watch', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.', 'boolean'),
];

/** Parameters of writes: create (POST), replace (PUT). */
export const WRITE_PARAMETERS: ParameterObject[] = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION];
/** Parameters of PATCH: the write parameters plus force (server-side apply). */
export const PATCH_PARAMETERS: ParameterObject[] = [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE];
export const DELETE_PARAMETERS: ParameterObject[] = [DRY_RUN, GRACE_PERIOD_SECONDS, PROPAGATION_POLICY];
