/*
 * Compare-and-set scripts: each checks what the server holds and writes in one atomic step, so
 * a save never overwrites a change made since the value was loaded. They answer `{status}` or
 * `{'OK', pttl, size, encoding}` (the key right after the write, see WRITTEN); the statuses are
 * interpreted by guardedWrite's callers.
 *   GONE: the key does not exist · TYPE: it holds another type (2nd element) · CONFLICT: the
 *   value differs from the expected version · EXISTS: the target field exists · FIELDGONE: the
 *   field does not exist · BIG: the value to compare is longer than SCRIPT_VALUE_MAX_BYTES.
 *
 * A script blocks Redis while it runs, and hashing is the slow part (SHA-1 of a 64 MB value took
 * over a second on a busy test machine; copying a value into Lua costs about as much again). So
 * no script hashes or copies a value longer than SCRIPT_VALUE_MAX_BYTES: for a longer one it
 * answers BIG after O(1) length checks, having done nothing, and core makes the same check
 * under WATCH instead (guardedWrite.ts), reading the value in bounded windows and hashing it
 * itself. That still compares the whole value, so any concurrent change is a CONFLICT.
 */

/** The most value bytes a script copies or hashes (1 MB: a few milliseconds of Redis time). */
export const SCRIPT_VALUE_MAX_BYTES = 1024 * 1024;

/** The key after a write, in the same atomic step: PTTL, STRLEN or HLEN, OBJECT ENCODING. */
const WRITTEN = `
local function written()
  local size = redis.call('TYPE', KEYS[1]).ok == 'hash' and redis.call('HLEN', KEYS[1]) or redis.call('STRLEN', KEYS[1])
  return {'OK', redis.call('PTTL', KEYS[1]), size, redis.call('OBJECT', 'ENCODING', KEYS[1])}
end`;

/** KEYS[1] key · ARGV: expected sha1, value, ttl mode (keep|persist|px), ms, most bytes to hash. */
export const SET_IF_VERSION = `${WRITTEN}
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'none' then return {'GONE'} end
if t ~= 'string' then return {'TYPE', t} end
if redis.call('STRLEN', KEYS[1]) > tonumber(ARGV[5]) then return {'BIG'} end
if redis.sha1hex(redis.call('GET', KEYS[1])) ~= ARGV[1] then return {'CONFLICT'} end
if ARGV[3] == 'px' then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
elseif ARGV[3] == 'persist' then redis.call('SET', KEYS[1], ARGV[2])
else redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') end
return written()
`;

/**
 * KEYS[1] hash · ARGV: mode (version|absent|exists|any), expected sha1, field, value, most bytes
 * to hash.
 * A hash that is gone is never recreated by a field write: the editor says it was deleted.
 */
export const HSET_GUARDED = `${WRITTEN}
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'none' then return {'GONE'} end
if t ~= 'hash' then return {'TYPE', t} end
local mode = ARGV[1]
if mode == 'absent' then
  if redis.call('HSETNX', KEYS[1], ARGV[3], ARGV[4]) == 0 then return {'EXISTS'} end
  return written()
end
if mode == 'version' then
  if redis.call('HSTRLEN', KEYS[1], ARGV[3]) > tonumber(ARGV[5]) then return {'BIG'} end
  local current = redis.call('HGET', KEYS[1], ARGV[3])
  if not current then return {'FIELDGONE'} end
  if redis.sha1hex(current) ~= ARGV[2] then return {'CONFLICT'} end
elseif mode == 'exists' then
  if redis.call('HEXISTS', KEYS[1], ARGV[3]) == 0 then return {'FIELDGONE'} end
end
redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
return written()
`;

/**
 * KEYS[1] hash · ARGV: field, new field, most bytes to copy. Moves the value; refuses if the new
 * field exists.
 */
export const HRENAME_FIELD = `${WRITTEN}
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'none' then return {'GONE'} end
if t ~= 'hash' then return {'TYPE', t} end
if redis.call('HEXISTS', KEYS[1], ARGV[2]) == 1 then return {'EXISTS'} end
if redis.call('HSTRLEN', KEYS[1], ARGV[1]) > tonumber(ARGV[3]) then return {'BIG'} end
local value = redis.call('HGET', KEYS[1], ARGV[1])
if not value then return {'FIELDGONE'} end
redis.call('HSET', KEYS[1], ARGV[2], value)
redis.call('HDEL', KEYS[1], ARGV[1])
return written()
`;

/** KEYS[1] key · ARGV: ttl mode (keep|persist|px), ms, then field, value pairs. Refuses if the key exists. */
export const HASH_CREATE = `${WRITTEN}
if redis.call('EXISTS', KEYS[1]) == 1 then return {'EXISTS'} end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
if ARGV[1] == 'px' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return written()
`;

/**
 * KEYS[1] key · ARGV: most bytes to hash. Read only: what identifies a string now, without
 * sending it anywhere. Answers `{'OK', sha1, strlen, pttl}`, or `{'BIG', strlen, pttl}` for a
 * longer value (GONE / TYPE like the writes).
 */
export const STRING_DIGEST = `
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'none' then return {'GONE'} end
if t ~= 'string' then return {'TYPE', t} end
local size = redis.call('STRLEN', KEYS[1])
if size > tonumber(ARGV[1]) then return {'BIG', size, redis.call('PTTL', KEYS[1])} end
return {'OK', redis.sha1hex(redis.call('GET', KEYS[1])), size, redis.call('PTTL', KEYS[1])}
`;

/**
 * KEYS[1] staging key · ARGV: offset, bytes, ms to live. Appends only if exactly `offset` bytes
 * are staged (else OFFSET), so the staged value is every chunk once, in order, with no gap.
 */
export const UPLOAD_APPEND = `
if redis.call('STRLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return {'OFFSET'} end
redis.call('APPEND', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {'OK', redis.call('PTTL', KEYS[1])}
`;

/**
 * KEYS[1] key, KEYS[2] staging key · ARGV: mode (version|absent|exists|any), expected sha1,
 * staged size, ttl mode (keep|persist|px), ms, most bytes to hash. Moves the staged value onto the key (RENAME) if
 * it is complete (else STAGED) and the key holds what `mode` expects; the TTL as for SET.
 */
export const COMMIT_UPLOAD = `${WRITTEN}
if redis.call('STRLEN', KEYS[2]) ~= tonumber(ARGV[3]) then return {'STAGED'} end
local t = redis.call('TYPE', KEYS[1]).ok
local mode = ARGV[1]
if mode == 'absent' then
  if t ~= 'none' then return {'EXISTS'} end
elseif mode ~= 'any' then
  if t == 'none' then return {'GONE'} end
  if mode == 'version' then
    if t ~= 'string' then return {'TYPE', t} end
    if redis.call('STRLEN', KEYS[1]) > tonumber(ARGV[6]) then return {'BIG'} end
    if redis.sha1hex(redis.call('GET', KEYS[1])) ~= ARGV[2] then return {'CONFLICT'} end
  end
end
local ttl = redis.call('PTTL', KEYS[1])
redis.call('RENAME', KEYS[2], KEYS[1])
if ARGV[4] == 'px' then redis.call('PEXPIRE', KEYS[1], ARGV[5])
elseif ARGV[4] == 'keep' and ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl)
else redis.call('PERSIST', KEYS[1]) end
return written()
`;
