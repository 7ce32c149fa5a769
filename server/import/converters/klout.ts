import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import type { ImportRow } from '../rows';
import { ConversionError, EmittedIds, numberedLines, type Converter } from './converter';

/**
 * Klout's open reaction samples (user_timestamp_open_set_tw.tsv / _fb.tsv; CC BY 3.0, Klout;
 * Spasojevic, Li, Rao, Bhattacharyya, "When-To-Post on Social Networks", KDD 2015). Tab-separated:
 * user_id_fingerprint, actor_id_fingerprint, post_id_fingerprint, post_timestamp,
 * action_timestamp (both epoch ms), user_timezone; header lines start with "#".
 *
 * The user (who posted) and the actor (who reacted) become people with an account on the
 * network; the post becomes content by the user; the reaction becomes an interaction of the
 * actor on the post: a retweet (SHARE) on Twitter, a COMMENT on Facebook. Fingerprints are
 * signed 64-bit integers and stay strings. A post's timestamp is taken from its first row.
 */

interface KloutNetwork {
  network: Network;
  /** Prefix of every external id, so the two samples never share ids. */
  tag: string;
  label: string;
  reaction: InteractionKind;
}

const FINGERPRINT = /^-?\d{1,20}$/;
const EPOCH_MS = /^\d{1,15}$/;

function kloutConverter(kind: string, file: string, k: KloutNetwork): Converter {
  const personId = (fp: string) => `klout-${k.tag}-${fp}`;
  const accountId = (fp: string) => `klout-${k.tag}-${fp}`;
  const postId = (fp: string) => `klout-${k.tag}-post-${fp}`;
  return {
    kind,
    description: `Klout ${file} → people, ${k.label} accounts, posts, ${k.reaction} interactions`,
    async *rows(input) {
      const people = new EmittedIds();
      const posts = new EmittedIds();
      const reactions = new EmittedIds();
      function* member(fp: string): Generator<ImportRow> {
        if (!people.first(fp)) return;
        yield { type: 'person', externalId: personId(fp), displayName: `Klout ${k.label} user ${fp}` };
        yield { type: 'account', network: k.network, externalId: accountId(fp), personExternalId: personId(fp), handle: `klout_${k.tag}_${fp}` };
      }
      for await (const { line, text } of numberedLines(input)) {
        if (text.trim() === '' || text.startsWith('#')) continue;
        const cells = text.split('\t');
        if (cells.length !== 6) throw new ConversionError(line, `expected 6 tab-separated columns, got ${cells.length}`);
        const [user, actor, post, postedAt, actedAt] = cells.map((c) => c.trim());
        for (const [name, value] of [['user_id_fingerprint', user], ['actor_id_fingerprint', actor], ['post_id_fingerprint', post]]) {
          if (!FINGERPRINT.test(value)) throw new ConversionError(line, `${name} must be a signed 64-bit integer, got ${JSON.stringify(value.slice(0, 40))}`);
        }
        for (const [name, value] of [['post_timestamp', postedAt], ['action_timestamp', actedAt]]) {
          if (!EPOCH_MS.test(value)) throw new ConversionError(line, `${name} must be epoch milliseconds, got ${JSON.stringify(value.slice(0, 40))}`);
        }
        yield* member(user);
        yield* member(actor);
        if (posts.first(post)) {
          yield { type: 'content', network: k.network, externalId: postId(post), kind: ContentKind.POST, authorExternalId: accountId(user), postedAt: Number(postedAt) };
        }
        // The same actor reacting to the same post at the same millisecond is the same event.
        const reactionId = `klout-${k.tag}-${k.reaction.toLowerCase()}-${post}-${actor}-${actedAt}`;
        if (!reactions.first(reactionId)) continue;
        yield {
          type: 'interaction',
          network: k.network,
          externalId: reactionId,
          kind: k.reaction,
          actorExternalId: accountId(actor),
          targetContentExternalId: postId(post),
          occurredAt: Number(actedAt),
        };
      }
    },
  };
}

export const kloutTwitter = kloutConverter('klout-twitter', 'user_timestamp_open_set_tw.tsv', {
  network: Network.TWITTER,
  tag: 'tw',
  label: 'Twitter',
  reaction: InteractionKind.SHARE,
});

export const kloutFacebook = kloutConverter('klout-facebook', 'user_timestamp_open_set_fb.tsv', {
  network: Network.FACEBOOK,
  tag: 'fb',
  label: 'Facebook',
  reaction: InteractionKind.COMMENT,
});
