import type { HashScanPage, ValuePreview } from '../../../shared/api/values';
import { HASH_SCAN_PAGE } from './pageScripts';
import { scanPage, type ScanKind, type ScanRequest } from './scanPages';
import type { ValueContext } from './valueContext';

const HASH: ScanKind = {
  type: 'hash',
  script: HASH_SCAN_PAGE,
  scan: 'HSCAN',
  length: 'hlen',
  shape: ['preview', 'preview'],
};

/**
 * values.hash.scan: HLEN and one HSCAN page, fields and values cut to their previews by Redis
 * (bounded like every collection page, see pageBudget).
 */
export async function scanHash(ctx: ValueContext, sessionId: string, request: ScanRequest): Promise<HashScanPage> {
  const { cursor, length, elements } = await scanPage(ctx, sessionId, request, HASH);
  const entries = elements.map(([field, value]) => ({ field: field as ValuePreview, value: value as ValuePreview }));
  return { cursor, length, entries };
}
