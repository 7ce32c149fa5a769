import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const INGEST = `mutation Ingest($input: IngestInput!) {
  ingest(input: $input) {
    people { received created updated unchanged }
    accounts { received created updated unchanged }
    content { received created updated unchanged }
    interactions { received created updated unchanged }
  }
}`;

describe.each(DIALECTS)('GraphQL API on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const res = await server.gql(INGEST, { input: asGraphQLInput(smallWorld('g', 7, 6)) });
    expect(res.errors).toBeUndefined();
    expect(res.data.ingest.people.created).toBe(7);
  });
  afterAll(() => server?.close());

  it('re-sending an ingest batch changes nothing', async () => {
    const res = await server.gql(INGEST, { input: asGraphQLInput(smallWorld('g', 7, 6)) });
    expect(res.errors).toBeUndefined();
    for (const section of ['people', 'accounts', 'content', 'interactions']) {
      expect(res.data.ingest[section].created).toBe(0);
      expect(res.data.ingest[section].updated).toBe(0);
    }
  });

  it('pages people forwards and backwards with cursors and a total count', async () => {
    const q = `query($first: Int, $after: String, $last: Int, $before: String) {
      people(first: $first, after: $after, last: $last, before: $before, orderBy: { field: DISPLAY_NAME, direction: ASC }) {
        totalCount nodes { displayName } edges { cursor }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const all = (await server.gql(q, { first: 100 })).data.people;
    expect(all.totalCount).toBe(7);
    const names = all.nodes.map((n: { displayName: string }) => n.displayName);
    expect(names).toEqual([...names].sort());

    const p1 = (await server.gql(q, { first: 3 })).data.people;
    expect(p1.nodes.map((n: any) => n.displayName)).toEqual(names.slice(0, 3));
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = (await server.gql(q, { first: 3, after: p1.pageInfo.endCursor })).data.people;
    expect(p2.nodes.map((n: any) => n.displayName)).toEqual(names.slice(3, 6));
    const p3 = (await server.gql(q, { first: 3, after: p2.pageInfo.endCursor })).data.people;
    expect(p3.nodes.map((n: any) => n.displayName)).toEqual(names.slice(6));
    expect(p3.pageInfo.hasNextPage).toBe(false);

    const back = (await server.gql(q, { last: 2, before: p3.pageInfo.startCursor })).data.people;
    expect(back.nodes.map((n: any) => n.displayName)).toEqual(names.slice(4, 6));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const tail = (await server.gql(q, { last: 2 })).data.people;
    expect(tail.nodes.map((n: any) => n.displayName)).toEqual(names.slice(5));
  });

  it('filters people by region, name prefix and network', async () => {
    const q = `query($filter: PersonFilterInput) { people(first: 100, filter: $filter) { totalCount nodes { region displayName } } }`;
    const us = (await server.gql(q, { filter: { region: 'US' } })).data.people;
    expect(us.totalCount).toBe(3);
    expect(us.nodes.every((n: any) => n.region === 'US')).toBe(true);
    expect((await server.gql(q, { filter: { search: 'person g 1' } })).data.people.totalCount).toBe(1);
    expect((await server.gql(q, { filter: { search: '%' } })).data.people.totalCount).toBe(0);
    expect((await server.gql(q, { filter: { network: 'BLOG' } })).data.people.totalCount).toBe(7);
    expect((await server.gql(q, { filter: { network: 'TIKTOK' } })).data.people.totalCount).toBe(0);
  });

  it('resolves nested relations: accounts, newest content, interaction counts, topics', async () => {
    const res = await server.gql(`{
      people(first: 1) { nodes {
        displayName
        accounts { totalCount nodes { network handle person { displayName } } }
        content(first: 2) { totalCount nodes { externalId postedAt interactionCounts { total likes replies shares }
          topics { nodes { slug parents { nodes { slug } } } } author { handle } } }
      } }
    }`);
    expect(res.errors).toBeUndefined();
    const person = res.data.people.nodes[0];
    expect(person.accounts.totalCount).toBe(2);
    expect(person.accounts.nodes.map((a: any) => a.network).sort()).toEqual(['BLOG', 'TWITTER']);
    expect(person.accounts.nodes[0].person.displayName).toBe(person.displayName);
    expect(person.content.totalCount).toBe(6);
    const [newest, next] = person.content.nodes;
    expect(Date.parse(newest.postedAt)).toBeGreaterThan(Date.parse(next.postedAt));
    expect(newest.interactionCounts).toEqual({ total: 2, likes: 1, replies: 1, shares: 0 });
    expect(newest.topics.nodes[0].slug).toBe('basketball');
    expect(newest.topics.nodes[0].parents.nodes.map((t: any) => t.slug)).toEqual(['sports-and-recreation-super']);
  });

  it('fetches every type through node(id:) and answers NOT_FOUND or BAD_USER_INPUT for bad ids', async () => {
    const ids = (await server.gql(`{
      people(first: 1) { nodes { id accounts(first: 1) { nodes { id } } content(first: 1) { nodes { id interactions(first: 1) { nodes { id } } topics { nodes { id } } } } } }
    }`)).data.people.nodes[0];
    const wanted = {
      Person: ids.id,
      NetworkAccount: ids.accounts.nodes[0].id,
      Content: ids.content.nodes[0].id,
      Interaction: ids.content.nodes[0].interactions.nodes[0].id,
      Topic: ids.content.nodes[0].topics.nodes[0].id,
    };
    for (const [type, id] of Object.entries(wanted)) {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(res.data.node).toEqual({ __typename: type, id });
    }
    const missing = await server.gql(`{ node(id: "${Buffer.from('Person:999999').toString('base64url')}") { id } }`);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const garbage = await server.gql(`{ node(id: "not-an-id") { id } }`);
    expect(garbage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const wrongType = await server.gql(`query($id: ID!) { person(id: $id) { id } }`, { id: wanted.Content });
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('lists content, interactions, accounts and topics with filters', async () => {
    const person = (await server.gql(`{ people(first: 1) { nodes { id } } }`)).data.people.nodes[0];
    const content = await server.gql(`query($id: ID!) { contents(first: 100, filter: { authorId: $id }) { totalCount } }`, { id: person.id });
    expect(content.data.contents.totalCount).toBe(6);
    const likes = await server.gql(`{ interactions(first: 5, filter: { kind: LIKE }) { totalCount nodes { kind actor { handle } targetContent { kind } } } }`);
    expect(likes.data.interactions.totalCount).toBe(42);
    expect(likes.data.interactions.nodes.every((n: any) => n.kind === 'LIKE' && n.targetContent.kind === 'POST')).toBe(true);
    const follows = await server.gql(`{ interactions(first: 5, filter: { kind: FOLLOW }) { totalCount nodes { targetContent { id } targetAccount { handle } } } }`);
    expect(follows.data.interactions.totalCount).toBe(7);
    expect(follows.data.interactions.nodes[0].targetContent).toBeNull();
    const blogs = await server.gql(`{ accounts(first: 3, filter: { network: BLOG }, orderBy: { field: HANDLE }) { totalCount nodes { handle } } }`);
    expect(blogs.data.accounts.totalCount).toBe(7);
    const topic = await server.gql(`{ topic(slug: "nba") { displayName parents { nodes { slug } } } }`);
    expect(topic.data.topic.parents.nodes.map((t: any) => t.slug)).toEqual(['basketball', 'sports']);
    const search = await server.gql(`{ topics(first: 5, filter: { search: "basketb" }) { nodes { slug } } }`);
    expect(search.data.topics.nodes.map((t: any) => t.slug)).toContain('basketball');
  });
});
