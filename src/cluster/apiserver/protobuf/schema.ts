/**
 * Message schemas for the protobuf decoder. Tables are written compactly, one string per field:
 *
 *   'json:type'      a Go value field with omitempty: a zero scalar ("" / 0 / false) is left out
 *   'json:type?'     a Go pointer field: a scalar on the wire is kept even when zero
 *   'json:type!'     a Go value field without omitempty: kept even when zero, as Go's JSON shows it
 *   'json:[]type'    a repeated field (JSON array)
 *   'json:{K:V}'     a map (repeated entry messages {1 key, 2 value}; JSON object)
 *   '*:type'         an embedded struct whose fields Go's JSON inlines into the parent
 *
 * Scalar types are protobuf's (string, bytes, bool, int32, int64, uint32, uint64, double, float);
 * any other type names a message, e.g. 'core.v1.Container' or 'meta.v1.Time'.
 *
 * Why the markers: Kubernetes' gogo-generated marshallers write every Go value field, zero or not,
 * so on the wire only pointer fields carry presence. Decoding like encoding/json would show the
 * Go struct gives the object the JSON path sees.
 */

export type ScalarType = 'string' | 'bytes' | 'bool' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'double' | 'float';

const SCALARS: ReadonlySet<string> = new Set<ScalarType>(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float']);

export function isScalarType(type: string): type is ScalarType {
  return SCALARS.has(type);
}

export interface FieldSpec {
  /** The JSON field name; empty for an inlined embedded struct. */
  readonly json: string;
  /** A scalar type or a message type name; for maps, the value type. */
  readonly type: string;
  readonly repeated?: true;
  readonly map?: { readonly key: ScalarType };
  /** A zero scalar on the wire still appears in the JSON (Go pointer, or no omitempty). */
  readonly keepZero?: true;
  readonly inline?: true;
}

export type MessageSchema = ReadonlyMap<number, FieldSpec>;

/** A group of message tables as written in tables/: type name → field number → field string. */
export type TableSource = Readonly<Record<string, Readonly<Record<number, string>>>>;

const FIELD = /^(\*|[A-Za-z_$][\w$]*):(\[\])?(?:\{(\w+):([\w.]+)\}|([\w.]+))([?!])?$/;

/** Parses one field string; throws on a malformed table entry (a programming error). */
export function parseFieldSpec(text: string): FieldSpec {
  const m = FIELD.exec(text);
  if (!m) throw new Error(`malformed protobuf field spec ${JSON.stringify(text)}`);
  const [, name, repeated, mapKey, mapValue, plain, keepZero] = m;
  const inline = name === '*';
  if (mapKey !== undefined) {
    if (!isScalarType(mapKey) || repeated || keepZero || inline) throw new Error(`malformed protobuf map spec ${JSON.stringify(text)}`);
    return { json: name!, type: mapValue!, map: { key: mapKey } };
  }
  const type = plain!;
  if (keepZero && (repeated || !isScalarType(type))) throw new Error(`'${keepZero}' applies to singular scalars only: ${JSON.stringify(text)}`);
  if (inline && (repeated || isScalarType(type))) throw new Error(`only a singular message can be inlined: ${JSON.stringify(text)}`);
  return {
    json: inline ? '' : name!,
    type,
    ...(repeated ? { repeated: true as const } : {}),
    ...(keepZero ? { keepZero: true as const } : {}),
    ...(inline ? { inline: true as const } : {}),
  };
}

/** Parses a set of tables into schemas keyed by message type name. */
export function buildSchemas(sources: readonly TableSource[]): Map<string, MessageSchema> {
  const out = new Map<string, MessageSchema>();
  for (const source of sources) {
    for (const [typeName, fields] of Object.entries(source)) {
      if (out.has(typeName)) throw new Error(`protobuf message ${typeName} is defined twice`);
      const schema = new Map<number, FieldSpec>();
      for (const [num, text] of Object.entries(fields)) schema.set(Number(num), parseFieldSpec(text));
      out.set(typeName, schema);
    }
  }
  return out;
}
