/** Every message schema the decoder knows, parsed once from the tables. */
import { buildSchemas, type MessageSchema } from './schema.ts';
import { ALL_TABLES } from './tables/index.ts';

const SCHEMAS = buildSchemas(ALL_TABLES);

export function messageSchema(type: string): MessageSchema | undefined {
  return SCHEMAS.get(type);
}

export function messageTypeNames(): string[] {
  return [...SCHEMAS.keys()];
}
