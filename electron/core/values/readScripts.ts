/*
 * Read-only scripts: they only read, so Redis runs them on read-only replicas too (scripts
 * without flags run in the compatible mode, refused only at a write). Each bounds what it sends
 * back; what it copies inside Redis is said with each.
 */

/**
 * KEYS[1] hash · ARGV: field, bytes wanted, most bytes to read. Answers `{'OK', size, bytes}`:
 * HSTRLEN and the field's first bytes, so a big field never crosses the wire to be cut. Redis
 * has no command that reads part of a field, so the script copies the field once into Lua
 * (milliseconds per MB) — and not at all when it is longer than the most (`{'BIG', size}`).
 * GONE / TYPE / FIELDGONE like the compare-and-set scripts.
 */
export const FIELD_WINDOW = `
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'none' then return {'GONE'} end
if t ~= 'hash' then return {'TYPE', t} end
local size = redis.call('HSTRLEN', KEYS[1], ARGV[1])
if size == 0 and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return {'FIELDGONE'} end
if size > tonumber(ARGV[3]) then return {'BIG', size} end
local value = redis.call('HGET', KEYS[1], ARGV[1])
if size <= tonumber(ARGV[2]) then return {'OK', size, value} end
return {'OK', size, string.sub(value, 1, tonumber(ARGV[2]))}
`;
