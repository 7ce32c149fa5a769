import { parse, type DocumentNode } from 'graphql';
import type { BuildQueryResult } from 'ra-data-graphql';
import { LIMITS } from '@sway/shared/limits';
import type { PageCursors } from './pageCursors';
import { resourceQuerySpec, type ResourceName, type ResourceQuerySpec, type ResourceWrites } from './resourceQueries';

/**
 * ra-data-graphql's buildQuery for Sway: turns a react-admin data provider call into one GraphQL
 * document plus variables, and the response back into what react-admin expects.
 *   getList            → the resource's connection: first/after + filter + orderBy
 *   getManyReference   → the same, with the parent as a filter field (accounts by personId, …)
 *   getOne             → node(id:) with an inline fragment on the resource's type
 *   getMany            → nodes(ids:), likewise
 *   create / update    → the resource's mutations where its spec has `writes` (campaigns), sending
 *                        only the fields that changed; other resources are read-only.
 */

/** The fetch methods ra-data-graphql passes (the values of ra-core's GET_LIST, … constants). */
export type RaFetchMethod = 'GET_LIST' | 'GET_ONE' | 'GET_MANY' | 'GET_MANY_REFERENCE' | 'CREATE' | 'UPDATE' | 'DELETE' | 'DELETE_MANY' | 'UPDATE_MANY';

export interface SortRequest {
  field: string;
  order: 'ASC' | 'DESC';
}

/** What getList and getManyReference receive from react-admin (the parts this uses). */
export interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: SortRequest;
  filter?: Record<string, unknown>;
  /** getManyReference only: the filter field naming the parent, and the parent's id. */
  target?: string;
  id?: string | number;
}

export interface ListVariables {
  first: number;
  filter?: Record<string, unknown>;
  orderBy?: { field: string; direction: 'ASC' | 'DESC' };
}

/** One page of one list, as the API needs it and as the cursor memory files it. */
export interface ListRequest {
  resource: ResourceName;
  spec: ResourceQuerySpec;
  page: number;
  variables: ListVariables;
  /** Identifies the list regardless of page: resource, filter, order and page size. */
  listKey: string;
}

interface ConnectionPage<T = Record<string, unknown>> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  nodes: T[];
}

interface TypedNode {
  __typename: string;
  id: string;
}

const DEFAULT_PAGE_SIZE = 25;

export function listRequest(resource: string, params: ListParams): ListRequest {
  const spec = resourceQuerySpec(resource);
  const filter = apiFilter(spec, params.filter ?? {});
  if (params.target !== undefined) {
    if (!spec.filterFields.includes(params.target)) {
      throw new Error(`${resource} cannot be listed by ${params.target}; the API filters them by ${spec.filterFields.join(', ')}`);
    }
    filter[params.target] = String(params.id);
  }
  const orderEnum = params.sort ? spec.sortFields[params.sort.field] : undefined;
  const variables: ListVariables = {
    // The API serves at most 100 items a page; react-admin may ask for more (useGetList perPage 1000).
    first: Math.min(Math.max(params.pagination?.perPage ?? DEFAULT_PAGE_SIZE, 1), LIMITS.maxPageSize),
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(spec.orderInput && orderEnum && params.sort ? { orderBy: { field: orderEnum, direction: params.sort.order } } : {}),
  };
  return {
    resource: resource as ResourceName,
    spec,
    page: Math.max(params.pagination?.page ?? 1, 1),
    variables,
    listKey: JSON.stringify([resource, variables.filter ?? null, variables.orderBy ?? null, variables.first]),
  };
}

/** Keeps only the filter fields the API knows, without empty values (a cleared search box). */
function apiFilter(spec: ResourceQuerySpec, raFilter: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const field of spec.filterFields) {
    const value = raFilter[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    filter[field] = typeof value === 'string' ? value.trim() : value;
  }
  for (const [key, { input, field }] of Object.entries(spec.nestedFilterFields ?? {})) {
    const value = raFilter[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const nested = (filter[input] ??= {}) as Record<string, unknown>;
    nested[field] = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return filter;
}

/** Parsed documents, built once per resource and shape: only the variables change per call. */
const documents = new Map<string, DocumentNode>();

function cachedDocument(key: string, build: () => string): DocumentNode {
  let document = documents.get(key);
  if (!document) documents.set(key, (document = parse(build())));
  return document;
}

function operationName(resource: ResourceName, what: string): string {
  return `Admin${resource[0].toUpperCase()}${resource.slice(1)}${what}`;
}

/**
 * A page of a connection. `cursorsOnly` selects nothing but pageInfo: used to walk to a page
 * whose start is not known yet (a reloaded or shared URL with ?page=N).
 */
export function listDocument(request: Pick<ListRequest, 'resource' | 'spec'>, cursorsOnly = false): DocumentNode {
  const { resource, spec } = request;
  return cachedDocument(`list:${resource}:${cursorsOnly}`, () => {
    const orderVariable = spec.orderInput ? `, $orderBy: ${spec.orderInput}` : '';
    const orderArgument = spec.orderInput ? ', orderBy: $orderBy' : '';
    const selection = cursorsOnly
      ? 'pageInfo { hasNextPage endCursor }'
      : `totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { ${spec.listFields} }`;
    return `query ${operationName(resource, cursorsOnly ? 'Cursors' : 'Page')}($first: Int!, $after: String, $filter: ${spec.filterInput}${orderVariable}) {
      page: ${spec.connectionField}(first: $first, after: $after, filter: $filter${orderArgument}) { ${selection} }
    }`;
  });
}

export function oneDocument(resource: ResourceName, spec: ResourceQuerySpec): DocumentNode {
  return cachedDocument(`one:${resource}`, () => `query ${operationName(resource, 'One')}($id: ID!) {
    node(id: $id) { __typename ... on ${spec.nodeType} { ${spec.detailFields} } }
  }`);
}

/** nodes(ids:) takes at most 100 ids, so larger batches ask in aliased chunks in one request. */
export function manyDocument(resource: ResourceName, spec: ResourceQuerySpec, chunks: number): DocumentNode {
  return cachedDocument(`many:${resource}:${chunks}`, () => {
    const indexes = Array.from({ length: chunks }, (_, i) => i);
    return `query ${operationName(resource, 'Many')}(${indexes.map((i) => `$ids${i}: [ID!]!`).join(', ')}) {
      ${indexes.map((i) => `chunk${i}: nodes(ids: $ids${i}) { __typename ... on ${spec.nodeType} { ${spec.listFields} } }`).join('\n')}
    }`;
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** A node of another type where one of `nodeType` was asked for: someone pasted the wrong id. */
function checkType(node: TypedNode, spec: ResourceQuerySpec): void {
  if (node.__typename !== spec.nodeType) {
    throw new Error(`That id belongs to a ${node.__typename}, not a ${spec.nodeType}`);
  }
}

/** The record fields a write sends, as the API's input: instants in ISO, target without nulls. */
export function writeInput(writes: ResourceWrites, data: Record<string, unknown>, previous?: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of writes.inputFields) {
    let value = data[field];
    if (value === undefined) continue;
    if (writes.dateFields.includes(field) && value !== null && value !== '') value = new Date(value as string).toISOString();
    if (field === 'target' && value && typeof value === 'object') value = targetInput(value as Record<string, unknown>);
    if (previous) {
      let before = previous[field];
      if (writes.dateFields.includes(field) && before) before = new Date(before as string).toISOString();
      if (field === 'target' && before && typeof before === 'object') before = targetInput(before as Record<string, unknown>);
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
    }
    input[field] = value;
  }
  return input;
}

/** Targeting criteria as AudienceTargetInput: its known fields, numbers as numbers, no empty values. */
export function targetInput(target: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ['minScore', 'maxScore', 'minAuthenticity']) {
    const value = target[field];
    if (value !== undefined && value !== null && value !== '') out[field] = Number(value);
  }
  for (const field of ['topics', 'networks', 'regions']) {
    const value = target[field];
    if (Array.isArray(value)) out[field] = value.map((v) => (typeof v === 'object' && v && 'slug' in v ? (v as { slug: string }).slug : v));
  }
  return out;
}

export function createDocument(resource: ResourceName, spec: ResourceQuerySpec, writes: ResourceWrites): DocumentNode {
  return cachedDocument(`create:${resource}`, () => {
    const args = Object.entries(writes.createArgs);
    return `mutation ${operationName(resource, 'Create')}($input: ${writes.inputType}!${args.map(([name, type]) => `, $${name}: ${type}`).join('')}) {
      data: ${writes.createField}(input: $input${args.map(([name]) => `, ${name}: $${name}`).join('')}) { ${spec.detailFields} }
    }`;
  });
}

export function updateDocument(resource: ResourceName, spec: ResourceQuerySpec, writes: ResourceWrites): DocumentNode {
  return cachedDocument(`update:${resource}`, () => `mutation ${operationName(resource, 'Update')}($id: ID!, $input: ${writes.inputType}!) {
    data: ${writes.updateField}(id: $id, input: $input) { ${spec.detailFields} }
  }`);
}

/** The buildQuery factory ra-data-graphql wants, sharing one cursor memory across calls. */
export function createBuildQuery(cursors: PageCursors) {
  return (raFetchMethod: string, resource: string, params: unknown): BuildQueryResult => {
    const spec = resourceQuerySpec(resource);
    switch (raFetchMethod as RaFetchMethod) {
      case 'GET_LIST':
      case 'GET_MANY_REFERENCE': {
        const request = listRequest(resource, params as ListParams);
        const after = cursors.startOf(request.listKey, request.page);
        if (after === undefined) {
          // The data provider walks to unknown pages before calling this; reaching here is a bug.
          throw new Error(`Page ${request.page} of ${resource} was asked for before its cursor was known`);
        }
        return {
          query: listDocument(request),
          variables: { ...request.variables, after },
          parseResponse: (response) => {
            const page = (response.data as { page: ConnectionPage }).page;
            const { hasNextPage, endCursor } = page.pageInfo;
            if (hasNextPage && endCursor) cursors.remember(request.listKey, request.page + 1, endCursor);
            return {
              data: spec.fromApi ? page.nodes.map(spec.fromApi) : page.nodes,
              total: page.totalCount,
              // Paging forwards, Relay may leave hasPreviousPage false; the page number is the truth.
              pageInfo: { hasNextPage, hasPreviousPage: request.page > 1 || page.pageInfo.hasPreviousPage },
            };
          },
        };
      }
      case 'GET_ONE': {
        const { id } = params as { id: string | number };
        return {
          query: oneDocument(resource as ResourceName, spec),
          variables: { id: String(id) },
          parseResponse: (response) => {
            const node = (response.data as { node: TypedNode }).node;
            checkType(node, spec);
            return { data: spec.fromApi ? spec.fromApi(node as unknown as Record<string, unknown>) : node };
          },
        };
      }
      case 'GET_MANY': {
        const ids = (params as { ids: (string | number)[] }).ids.map(String);
        const chunks = chunk(ids, LIMITS.maxPageSize);
        return {
          query: manyDocument(resource as ResourceName, spec, Math.max(chunks.length, 1)),
          variables: Object.fromEntries((chunks.length ? chunks : [[]]).map((ids, i) => [`ids${i}`, ids])),
          parseResponse: (response) => {
            const nodes = Object.values(response.data as Record<string, TypedNode[]>).flat();
            nodes.forEach((node) => checkType(node, spec));
            return { data: spec.fromApi ? nodes.map((n) => spec.fromApi!(n as unknown as Record<string, unknown>)) : nodes };
          },
        };
      }
      case 'CREATE':
      case 'UPDATE': {
        const writes = spec.writes;
        if (!writes) throw new Error(`The console only reads ${resource}: the API has no ${raFetchMethod} for them`);
        const { id, data, previousData } = params as { id?: string | number; data: Record<string, unknown>; previousData?: Record<string, unknown> };
        const fromApi = (node: Record<string, unknown>) => (spec.fromApi ? spec.fromApi(node) : node);
        if (raFetchMethod === 'CREATE') {
          const extra = Object.fromEntries(Object.keys(writes.createArgs).map((name) => [name, data[name]]));
          return {
            query: createDocument(resource as ResourceName, spec, writes),
            variables: { input: writeInput(writes, data), ...extra },
            parseResponse: (response) => ({ data: fromApi((response.data as { data: Record<string, unknown> }).data) }),
          };
        }
        return {
          query: updateDocument(resource as ResourceName, spec, writes),
          variables: { id: String(id), input: writeInput(writes, data, previousData) },
          parseResponse: (response) => ({ data: fromApi((response.data as { data: Record<string, unknown> }).data) }),
        };
      }
      default:
        throw new Error(`The console only reads ${resource}: the API has no ${raFetchMethod} for them`);
    }
  };
}
