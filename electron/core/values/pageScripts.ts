/*
 * Read-only scripts for the collection viewers (see readScripts.ts on read-only scripts). They
 * cut every element to its preview inside Redis and answer it with its true length, so a page
 * of 200 elements of 100 MB each sends 200 previews, not 20 GB. Elements are read one at a time
 * (LRANGE i i, ZRANGE i i, XRANGE … COUNT 1, SCAN … COUNT 1): Lua copies each one it reads, and
 * a page stops once the copies add up to the read budget or the previews to the preview budget,
 * so one call never copies more than the budget plus one element. Redis has no command that
 * tells a list element's (or member's) length before reading it.
 *
 * Common ARGV: [1] preview bytes (+1 is returned, so core can avoid cutting a UTF-8 character),
 * [2] read budget, [3] preview budget. Each element is answered as its preview then its length.
 * Answers GONE / TYPE like the compare-and-set scripts, or OK with the page.
 */

/** Type check, budgets and the cut, shared by every page script. `expected` is a TYPE reply. */
const prelude = (expected: string) => `
local t = redis.call('TYPE', KEYS[1]).ok
if t == 'none' then return {'GONE'} end
if t ~= '${expected}' then return {'TYPE', t} end
local cut, readBudget, shownBudget = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local read, shown = 0, 0
local function full() return read >= readBudget or shown >= shownBudget end
local function add(out, v)
  read = read + #v
  shown = shown + math.min(#v, cut)
  out[#out + 1] = string.sub(v, 1, cut + 1)
  out[#out + 1] = #v
end
`;

/** ARGV[4] start, [5] count. Answers {'OK', LLEN, {preview, length, …}}. */
export const LIST_PAGE = `${prelude('list')}
local items = {}
local start = tonumber(ARGV[4])
for i = start, start + tonumber(ARGV[5]) - 1 do
  if full() then break end
  local got = redis.call('LRANGE', KEYS[1], i, i)
  if #got == 0 then break end
  add(items, got[1])
end
return {'OK', redis.call('LLEN', KEYS[1]), items}
`;

/** ARGV[4] start, [5] count, [6] '1' for highest first. Answers {'OK', ZCARD, {preview, length, score, …}}. */
export const ZSET_RANK_PAGE = `${prelude('zset')}
local items = {}
local start = tonumber(ARGV[4])
for i = start, start + tonumber(ARGV[5]) - 1 do
  if full() then break end
  local got
  if ARGV[6] == '1' then got = redis.call('ZRANGE', KEYS[1], i, i, 'REV', 'WITHSCORES')
  else got = redis.call('ZRANGE', KEYS[1], i, i, 'WITHSCORES') end
  if #got == 0 then break end
  add(items, got[1])
  items[#items + 1] = got[2]
end
return {'OK', redis.call('ZCARD', KEYS[1]), items}
`;

const SCAN_PAGE = (command: string, type: string, length: string, scored: boolean) => `${prelude(type)}
local items = {}
local cursor = ARGV[4]
local args = {KEYS[1], cursor, 'COUNT', 1}
if ARGV[6] then args = {KEYS[1], cursor, 'MATCH', ARGV[6], 'COUNT', 1} end
-- COUNT 1, as many times as the page's COUNT: about the same buckets as one SCAN … COUNT n.
for n = 1, tonumber(ARGV[5]) do
  args[2] = cursor
  local got = redis.call('${command}', unpack(args))
  cursor = got[1]
  for i, v in ipairs(got[2]) do
    if ${scored ? 'i % 2 == 0' : 'false'} then items[#items + 1] = v else add(items, v) end
  end
  if cursor == '0' or full() then break end
end
return {'OK', redis.call('${length}', KEYS[1]), cursor, items}
`;

/*
 * ARGV[4] cursor, [5] count, [6] MATCH pattern (absent: none). Answers {'OK', length, cursor,
 * items}: SSCAN {preview, length, …}; HSCAN {field preview, length, value preview, length, …};
 * ZSCAN {preview, length, score, …}.
 */
export const SET_SCAN_PAGE = SCAN_PAGE('SSCAN', 'set', 'SCARD', false);
export const HASH_SCAN_PAGE = SCAN_PAGE('HSCAN', 'hash', 'HLEN', false);
export const ZSET_SCAN_PAGE = SCAN_PAGE('ZSCAN', 'zset', 'ZCARD', true);

/**
 * ARGV[4] from, [5] to (XRANGE order: XREVRANGE takes them as they come), [6] count, [7] '1'
 * for newest first, [8] most fields shown per entry. Answers {'OK', XLEN, {{id, {field preview,
 * length, value preview, length, …}, fields not shown}, …}, '1' when it stopped on a budget}.
 */
export const STREAM_PAGE = `${prelude('stream')}
local entries = {}
local from, stopped = ARGV[4], '0'
local command = ARGV[7] == '1' and 'XREVRANGE' or 'XRANGE'
local most = tonumber(ARGV[8]) * 2
for n = 1, tonumber(ARGV[6]) do
  if full() then stopped = '1' break end
  local got = redis.call(command, KEYS[1], from, ARGV[5], 'COUNT', 1)
  if #got == 0 then break end
  local id, flat = got[1][1], got[1][2]
  local fields = {}
  for i, v in ipairs(flat) do
    if i <= most then add(fields, v) else read = read + #v end
  end
  entries[#entries + 1] = {id, fields, math.max(0, #flat - most) / 2}
  from = '(' .. id
end
return {'OK', redis.call('XLEN', KEYS[1]), entries, stopped}
`;
