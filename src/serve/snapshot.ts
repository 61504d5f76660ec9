// An immutable set of rendered feeds made from one plan.json: requests see one snapshot or the next, never a mix.
import { createHash } from 'node:crypto';
import { icsContext, renderCellCalendar, renderMemberCalendar, type IcsOptions } from '../export/ics.js';
import type { PlanDocument } from '../planfile/index.js';
import { feedToken, type FeedSecret } from './tokens.js';

export interface Feed {
  readonly token: string;
  readonly kind: 'member' | 'cell';
  readonly id: string;
  readonly body: Buffer;
  /** Strong validator: a hash of the body. */
  readonly etag: string;
  /** When the server first saw this body (whole seconds). */
  readonly lastModified: Date;
}

export interface Snapshot {
  /** sha256(token) -> feed: the lookup key is a hash, so its timing tells nothing about the token. */
  readonly feeds: ReadonlyMap<string, Feed>;
  readonly planHash: string;
  readonly specHash: string;
  readonly generatedAt: string;
  readonly loadedAt: Date;
  readonly visits: number;
  readonly members: number;
  readonly cells: number;
}

export const lookupKey = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Renders every feed. Rendering is CPU-bound, so it yields to the event loop every few feeds: requests keep being
 * answered from the old snapshot.
 */
export async function buildSnapshot(
  doc: PlanDocument,
  planHash: string,
  secret: FeedSecret,
  opts: IcsOptions,
  previous: Snapshot | undefined,
  now: Date,
): Promise<Snapshot> {
  const feeds = new Map<string, Feed>();
  const seconds = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const add = (kind: 'member' | 'cell', id: string, text: string) => {
    const token = feedToken(secret, kind, id);
    const body = Buffer.from(text, 'utf8');
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const key = lookupKey(token);
    const before = previous?.feeds.get(key);
    feeds.set(key, {
      token,
      kind,
      id,
      body,
      etag,
      lastModified: before && before.etag === etag ? before.lastModified : seconds,
    });
  };
  // Cancelled visits (a re-plan's --keep-cancelled) are shown until their day: the snapshot made now drops the past.
  const ctx = icsContext(doc, now.toISOString());
  let n = 0;
  const pause = async () => {
    if (++n % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  for (const m of doc.members) {
    add('member', m.id, renderMemberCalendar(ctx, m, opts));
    await pause();
  }
  for (const c of doc.cells) {
    add('cell', c.id, renderCellCalendar(ctx, c, opts));
    await pause();
  }
  return {
    feeds,
    planHash,
    specHash: doc.specHash,
    generatedAt: doc.generatedAt,
    loadedAt: now,
    visits: doc.visits.length,
    members: doc.members.length,
    cells: doc.cells.length,
  };
}
