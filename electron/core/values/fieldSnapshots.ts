import { toLatin1 } from '../keys/keyBytes';
import { versionOf } from './valueCodec';

/** A hash field as read whole for a chunked load, with its version. */
export interface FieldSnapshot {
  bytes: Buffer;
  version: string;
}

/** How long a read is kept after its last chunk was served (a load asks every few ms). */
const KEEP_MS = 60_000;
/** Reads kept at once, the latest first to stay: each may be up to MAX_VALUE_BYTES. */
const KEPT = 2;

/**
 * Redis has no command that reads part of a hash field: cutting each chunk of a big field from
 * its own read would copy the whole field inside Redis once per chunk. Instead a chunked load
 * reads the field once (its first chunk) and every later chunk is cut from that read — so the
 * chunks also always fit together. Reads are dropped when idle, and only the latest few kept.
 */
export function createFieldSnapshots() {
  const kept = new Map<string, { snapshot: FieldSnapshot; timer: NodeJS.Timeout }>();
  const forget = (id: string) => {
    clearTimeout(kept.get(id)?.timer);
    kept.delete(id);
  };
  const keep = (id: string, snapshot: FieldSnapshot) => {
    forget(id);
    const timer = setTimeout(() => kept.delete(id), KEEP_MS);
    timer.unref();
    kept.set(id, { snapshot, timer });
    for (const old of kept.keys()) if (kept.size > KEPT) forget(old);
  };
  return {
    /** The field read now (`fresh`), else as read for this load, if that read is still kept. */
    async read(
      target: { sessionId: string; db: number; key: Buffer; field: Buffer },
      fresh: boolean,
      readWhole: () => Promise<Buffer>,
    ): Promise<FieldSnapshot> {
      const id = `${target.sessionId}\n${target.db}\n${toLatin1(target.key)}\n${toLatin1(target.field)}`;
      const known = fresh ? undefined : kept.get(id)?.snapshot;
      const bytes = known ? undefined : await readWhole();
      const snapshot = known ?? { bytes: bytes!, version: versionOf(bytes!) };
      keep(id, snapshot);
      return snapshot;
    },
  };
}

export type FieldSnapshots = ReturnType<typeof createFieldSnapshots>;
