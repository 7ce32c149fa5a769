import { ValidationError } from '../../services/errors';

/** Types a global id can name. */
export type NodeTypeName = 'Person' | 'NetworkAccount' | 'Content' | 'Interaction' | 'Topic' | 'User' | 'Brand' | 'Campaign' | 'Claim';
const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>(['Person', 'NetworkAccount', 'Content', 'Interaction', 'Topic', 'User', 'Brand', 'Campaign', 'Claim']);

/** Global ids are opaque to clients: base64url of "Type:id". */
export function toGlobalId(type: NodeTypeName, id: number | string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export interface DecodedId {
  type: NodeTypeName;
  /** The row id: an integer, or a Klout topic id string. */
  id: string;
}

export function fromGlobalId(globalId: string, field = 'id'): DecodedId {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const at = text.indexOf(':');
  const type = text.slice(0, at);
  const id = text.slice(at + 1);
  if (at < 1 || !NODE_TYPES.has(type) || !/^-?\d{1,20}$/.test(id)) {
    throw new ValidationError([{ field, message: 'is not an id this API gave out' }]);
  }
  return { type: type as NodeTypeName, id };
}

/** Decodes a global id that must name a given type, to its integer row id. */
export function rowIdOf(type: Exclude<NodeTypeName, 'Topic'>, globalId: string, field = 'id'): number {
  const decoded = fromGlobalId(globalId, field);
  if (decoded.type !== type) throw new ValidationError([{ field, message: `is the id of a ${decoded.type}, not of a ${type}` }]);
  return Number(decoded.id);
}
