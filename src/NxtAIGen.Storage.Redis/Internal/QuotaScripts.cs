namespace NxtAIGen.Storage.Redis.Internal;

/// <summary>
/// The quota store's Lua scripts. Each counter is a sorted set of uses scored by their instant in Unix microseconds
/// (exact in a double); a member is <c>p:&lt;id&gt;</c> while its reservation is pending and <c>c:&lt;id&gt;</c> once
/// committed. A reservation's record (<c>res:&lt;id&gt;</c>) lists its counters. Every key of the store carries the
/// hash tag <c>{quota}</c>, so one script may touch them all, on Redis Cluster too. Instants are passed and stored as
/// the exact decimal strings the caller sent (Lua's <c>tostring</c> would round them).
/// </summary>
internal static class QuotaScripts
{
    /// <summary>
    /// Checks and, when every window has room, takes one use in each. KEYS: the distinct counters, then the reservation
    /// record. ARGV: mode (<c>reserve</c> or <c>usage</c>), reservation id, now, stale cutoff (pending uses at or before
    /// it no longer count), record TTL in ms, then one TTL in ms per counter, then the window count and per window its
    /// counter's index (1-based), limit (-1 unlimited), start and rolling flag (<c>1</c>/<c>0</c>).
    /// Returns granted (1/0), then per window its used count and its oldest counted use (-1 when none).
    /// </summary>
    public const string ReserveText = """
        local mode, id, now, stale = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
        local recordTtl = tonumber(ARGV[5])
        local counters = #KEYS - 1
        local base = 6 + counters
        local count = tonumber(ARGV[base])
        local windows = {}
        for i = 0, count - 1 do
          local b = base + 1 + i * 4
          windows[#windows + 1] = { key = KEYS[tonumber(ARGV[b])], limit = tonumber(ARGV[b + 1]), start = ARGV[b + 2], rolling = ARGV[b + 3] == '1' }
        end

        -- Uses that can never count again in this counter's window: committed ones, and abandoned pending ones.
        local function forget(w)
          local before = w.rolling and w.start or ('(' .. w.start)
          local old = redis.call('ZRANGEBYSCORE', w.key, '-inf', before, 'WITHSCORES')
          for j = 1, #old, 2 do
            if string.sub(old[j], 1, 2) == 'c:' or tonumber(old[j + 1]) <= stale then
              redis.call('ZREM', w.key, old[j])
            end
          end
        end

        -- A rolling window drops a use exactly one length after it was made; a fixed window counts from its start on.
        local function measure(w)
          local from = w.rolling and ('(' .. w.start) or w.start
          local uses = redis.call('ZRANGEBYSCORE', w.key, from, '+inf', 'WITHSCORES')
          local used, oldest = 0, -1
          for j = 1, #uses, 2 do
            local at = tonumber(uses[j + 1])
            if string.sub(uses[j], 1, 2) == 'c:' or at > stale then
              used = used + 1
              if oldest < 0 then oldest = at end
            end
          end
          return used, oldest
        end

        for _, w in ipairs(windows) do forget(w) end

        local granted = 0
        if mode == 'reserve' then
          granted = 1
          for _, w in ipairs(windows) do
            if w.limit >= 0 then
              local used = measure(w)
              if used >= w.limit then granted = 0; break end
            end
          end
        end

        if granted == 1 then
          local record = KEYS[#KEYS]
          for i = 1, counters do
            redis.call('ZADD', KEYS[i], now, 'p:' .. id)
            local ttl = tonumber(ARGV[5 + i])
            if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
            redis.call('RPUSH', record, KEYS[i])
          end
          redis.call('PEXPIRE', record, recordTtl)
        end

        local result = { granted }
        for _, w in ipairs(windows) do
          local used, oldest = measure(w)
          result[#result + 1] = used
          result[#result + 1] = oldest
        end
        return result
        """;

    /// <summary>
    /// Commits (ARGV[2] = <c>commit</c>: the pending use becomes a committed one, at the same instant) or releases
    /// (the pending use is removed) a reservation. KEYS: the record. ARGV: id, mode. An unknown or settled id does
    /// nothing. The counters it lists share the record's hash slot.
    /// </summary>
    public const string SettleText = """
        local counters = redis.call('LRANGE', KEYS[1], 0, -1)
        local pending = 'p:' .. ARGV[1]
        for _, counter in ipairs(counters) do
          local at = redis.call('ZSCORE', counter, pending)
          if at then
            -- Removing a counter's last member deletes the key: keep its expiry across the swap.
            local ttl = redis.call('PTTL', counter)
            redis.call('ZREM', counter, pending)
            if ARGV[2] == 'commit' then
              redis.call('ZADD', counter, at, 'c:' .. ARGV[1])
              if ttl > 0 then redis.call('PEXPIRE', counter, ttl) end
            end
          end
        end
        redis.call('DEL', KEYS[1])
        return #counters
        """;
}
