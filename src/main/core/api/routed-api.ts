/**
 * The Api as the dispatcher runs it: the long reads go to the reader threads (reader-jobs.ts
 * says which), feeds.related discovers on the main side (network, and the site_feeds cache it
 * writes) and ranks on a thread, compacting runs on a thread, and every other method runs on the
 * main thread's writer connection as built by build-api.ts — after waiting at the write gate
 * while a compaction holds the file. Nothing of the contract changes: the same params, results
 * and errors (docs/technotes/reader-threads.md).
 */
import { ApiError, METHODS, type Api, type Method } from '../../../shared/contract';
import type { Envelope } from '../../../shared/bridge';
import type { LibraryContext } from '../library/library-context';
import type { WriteGate } from '../library/write-gate';
import type { DiscoverFeeds } from '../library/related/related-discovery';
import { relatedDiscovery } from '../library/related/related-service';
import { compactBusy, compactLibrary, compactsInSteps } from '../library/offline/usage';
import { isPooled } from '../library/readers/reader-jobs';
import type { ReaderPool } from '../library/readers/reader-pool';

/**
 * Quick reads left on the writer's connection that need not wait for a compaction: WAL lets
 * them read beside it. (articles.get may write back a moved highlight; rarely, and briefly.)
 */
const READS_ON_WRITER: ReadonlySet<Method> = new Set<Method>([
  'settings.get',
  'articles.get',
  'feeds.discover',
]);

/** What routing needs beside the Api built on the writer. */
export interface RoutingDeps {
  store: LibraryContext['store'];
  gate: WriteGate;
  /** Autodiscovery for related feeds' sites; related feeds stay local without it. */
  discover?: DiscoverFeeds;
}

/** Returns `api` routed through `pool`, or `api` itself when there is no pool. */
export function routedApi(api: Api, pool: ReaderPool | null, deps: RoutingDeps): Api {
  if (!pool) return api;
  const { store, gate, discover } = deps;
  const discoveredFor = relatedDiscovery(store, { discover });
  const routed = {} as Record<Method, (params: unknown) => Promise<unknown>>;
  for (const method of METHODS) {
    const onWriter = api[method] as (params: unknown) => Promise<unknown>;
    if (isPooled(method)) {
      routed[method] = async (params) => unwrap(await pool.run({ kind: 'api', method, params }));
    } else if (READS_ON_WRITER.has(method)) {
      routed[method] = onWriter;
    } else {
      routed[method] = async (params) => {
        await gate.idle();
        return onWriter(params);
      };
    }
  }
  routed['feeds.related'] = async (params) => {
    const { articleId } = params as { articleId: number };
    const discovered = await discoveredFor(articleId);
    return unwrap(await pool.run({ kind: 'relatedFeeds', articleId, discovered }));
  };
  // A library with incremental vacuum compacts in steps on the writer; an older one is
  // rewritten once by VACUUM on a thread, the main thread's writes waiting at the gate.
  routed['library.compact'] = async () => {
    if (compactsInSteps(store)) {
      // The steps run on the writer; the WAL they leave is copied back by a thread (on the main
      // thread, that checkpoint held the app for 2 s at 100k articles), the writes waiting.
      return compactLibrary(store, () =>
        gate.hold(async () => {
          unwrap(await pool.truncateWal());
        }),
      );
    }
    if (store.inTransaction) throw compactBusy();
    return gate.hold(async () => unwrap(await pool.compact()));
  };
  return routed as Api;
}

/** Returns an Envelope's result, or throws its error as the ApiError it was. */
function unwrap(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.result;
  const { code, message, details } = envelope.error;
  throw new ApiError(code, message, details);
}
