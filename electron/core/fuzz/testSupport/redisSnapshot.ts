import type Redis from 'ioredis';

/** Every key of every db: `db \0 key (latin1)` → a fingerprint of its value and its PEXPIRETIME. */
export type RedisSnapshot = Map<string, { value: string; expireAt: number }>;

/*
 * One round trip for the whole server (SELECT inside a script only changes the script's db).
 * A value's fingerprint must not change unless the value does: DUMP of a hashtable-encoded hash
 * or set follows the dict's order, which a background resize changes, so their elements are
 * sorted first; other types' DUMP is stable.
 */
const SNAPSHOT_SCRIPT = `
local function framed(items)
  for i, item in ipairs(items) do items[i] = string.len(item) .. ':' .. item end
  table.sort(items)
  return table.concat(items)
end
local function fingerprint(key)
  local kind = redis.call('TYPE', key).ok
  if kind == 'none' then return nil end
  local body
  if kind == 'hash' then
    local flat, pairs = redis.call('HGETALL', key), {} -- // safe: fuzz test only, on the test's own small Redis
    for i = 1, #flat, 2 do table.insert(pairs, string.len(flat[i]) .. ':' .. flat[i] .. flat[i + 1]) end
    body = framed(pairs)
  elseif kind == 'set' then
    body = framed(redis.call('SMEMBERS', key)) -- // safe: fuzz test only, on the test's own small Redis
  else
    body = redis.call('DUMP', key)
    if not body then return nil end
  end
  return kind .. ':' .. redis.sha1hex(body)
end
local out = {}
for db = 0, tonumber(ARGV[1]) - 1 do
  redis.call('SELECT', db)
  for _, key in ipairs(redis.call('KEYS', '*')) do -- // safe: fuzz test only, on the test's own small Redis
    local value = fingerprint(key)
    if value then
      table.insert(out, tostring(db))
      table.insert(out, key)
      table.insert(out, value)
      table.insert(out, tostring(redis.call('PEXPIRETIME', key)))
    end
  end
end
return out`;

export const entryId = (db: number, key: Buffer | string): string =>
  `${db}\u0000${typeof key === 'string' ? key : key.toString('latin1')}`;

export async function snapshotRedis(admin: Redis, databases: number): Promise<RedisSnapshot> {
  const flat = (await admin.callBuffer('EVAL', SNAPSHOT_SCRIPT, 0, databases)) as Buffer[];
  const snapshot: RedisSnapshot = new Map();
  for (let i = 0; i < flat.length; i += 4) {
    snapshot.set(entryId(Number(flat[i]!.toString()), flat[i + 1]!), {
      value: flat[i + 2]!.toString(),
      expireAt: Number(flat[i + 3]!.toString()),
    });
  }
  return snapshot;
}

export interface Change {
  db: number;
  /** The key's bytes as a 'latin1' string. */
  key: string;
  what: 'created' | 'changed' | 'deleted';
}

/** What differs; a key that is gone after its expiry time passed is not a change. */
export function changesBetween(before: RedisSnapshot, after: RedisSnapshot, now: number): Change[] {
  const changes: Change[] = [];
  const split = (id: string) => {
    const at = id.indexOf('\u0000');
    return { db: Number(id.slice(0, at)), key: id.slice(at + 1) };
  };
  for (const [id, was] of before) {
    const is = after.get(id);
    if (!is) {
      if (was.expireAt < 0 || was.expireAt > now) changes.push({ ...split(id), what: 'deleted' });
    } else if (is.value !== was.value || is.expireAt !== was.expireAt) changes.push({ ...split(id), what: 'changed' });
  }
  for (const id of after.keys()) if (!before.has(id)) changes.push({ ...split(id), what: 'created' });
  return changes;
}
