import { INTERACTION_KINDS } from '#shared/interactions';
import type { InteractionColumns, ScoringInteraction, ScoringInteractions } from './types';

/** Column `kind` value of a kind the engine does not know (such interactions are left out). */
export const UNKNOWN_KIND = 255;

const KIND_INDEX = new Map<string, number>(INTERACTION_KINDS.map((kind, i) => [kind, i]));

export function isInteractionColumns(interactions: ScoringInteractions): interactions is InteractionColumns {
  return !Array.isArray(interactions);
}

export function interactionCount(interactions: ScoringInteractions): number {
  return isInteractionColumns(interactions) ? interactions.count : interactions.length;
}

/** Empty columns for `count` interactions, to fill in. */
export function allocateInteractionColumns(count: number): InteractionColumns {
  return {
    count,
    actorAccountId: new Float64Array(count),
    targetAccountId: new Float64Array(count),
    targetContentId: new Float64Array(count),
    kind: new Uint8Array(count),
    occurredAt: new Float64Array(count),
  };
}

/** The same interactions as columns, in the same order. */
export function toInteractionColumns(records: readonly ScoringInteraction[]): InteractionColumns {
  const columns = allocateInteractionColumns(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    columns.actorAccountId[i] = r.actorAccountId;
    columns.targetAccountId[i] = r.targetAccountId;
    columns.targetContentId[i] = r.targetContentId == null ? NaN : r.targetContentId;
    columns.kind[i] = KIND_INDEX.get(r.kind) ?? UNKNOWN_KIND;
    columns.occurredAt[i] = r.occurredAt;
  }
  return columns;
}

/**
 * Interaction i of the columns as a record. Unknown kinds come back as the string "UNKNOWN", which
 * the engine leaves out just the same.
 */
export function interactionAt(columns: InteractionColumns, i: number): ScoringInteraction {
  const content = columns.targetContentId[i];
  return {
    actorAccountId: columns.actorAccountId[i],
    targetAccountId: columns.targetAccountId[i],
    targetContentId: Number.isNaN(content) ? null : content,
    kind: INTERACTION_KINDS[columns.kind[i]] ?? ('UNKNOWN' as ScoringInteraction['kind']),
    occurredAt: columns.occurredAt[i],
  };
}

/** Records of any interactions, for code that wants objects (columns are materialised: costly on a large world). */
export function toInteractionRecords(interactions: ScoringInteractions): readonly ScoringInteraction[] {
  if (!isInteractionColumns(interactions)) return interactions;
  return Array.from({ length: interactions.count }, (_, i) => interactionAt(interactions, i));
}
