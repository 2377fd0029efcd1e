-- Token buckets, checked and taken together in one atomic step. A request takes tokens from every bucket it
-- counts against, or from none of them (a login refused by the auth-route bucket must not also use up the
-- caller's general allowance).
--
-- ARGV[1]        tokens wanted: 1, or more for a lease (see RedisTokenBuckets); fewer are granted if fewer are left
-- KEYS[i]        a bucket (a hash: t = tokens left, ts = when t was computed, in ms)
-- ARGV[2i]       its capacity: the largest burst
-- ARGV[2i + 1]   its refill rate, in tokens per millisecond
-- Returns { tokens granted, 0 } when allowed, { 0, ms until one token is back } when not.
--
-- The clock is Redis's own, so gateway replicas with skewed clocks share buckets correctly.

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local want = tonumber(ARGV[1])

local levels = {}
local wait = 0
for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local state = redis.call('HMGET', key, 't', 'ts')
  local tokens = tonumber(state[1])
  local stamp = tonumber(state[2])
  if tokens == nil or stamp == nil then
    tokens = capacity
  else
    tokens = math.min(capacity, tokens + math.max(0, now - stamp) * rate)
  end
  levels[i] = tokens
  if tokens < 1 then
    wait = math.max(wait, math.ceil((1 - tokens) / rate))
  end
end

if wait > 0 then
  return { 0, wait }
end

local granted = want
for i = 1, #KEYS do
  granted = math.min(granted, math.floor(levels[i]))
end

for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  redis.call('HSET', key, 't', tostring(levels[i] - granted), 'ts', tostring(now))
  -- A bucket left alone refills completely; after that it equals a missing key, so let it expire.
  redis.call('PEXPIRE', key, math.ceil(capacity / rate) + 1000)
end
return { granted, 0 }
