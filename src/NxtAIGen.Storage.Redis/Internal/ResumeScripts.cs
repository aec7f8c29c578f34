namespace NxtAIGen.Storage.Redis.Internal;

/// <summary>
/// The resumable-stream buffer's Lua scripts. A stream is two keys sharing the hash tag <c>{stream:&lt;id&gt;}</c> (so
/// one script may touch both, on Redis Cluster too): a hash <c>meta</c> (owner, id of the first buffered event,
/// completed and stop flags, reader count) and a list <c>events</c> of SSE frames in order. Every change that someone
/// may be waiting for is published on the stream's channel: <c>e</c> (an event was appended), <c>stop</c>,
/// <c>attended</c>, <c>unattended</c>.
/// </summary>
internal static class ResumeScripts
{
    /// <summary>KEYS: meta, events. ARGV: owner, TTL in ms. Returns 1, or 0 when the id is taken.</summary>
    public const string CreateText = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('DEL', KEYS[2])
        redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'first', 1, 'completed', 0, 'stop', 0, 'readers', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: meta, events. ARGV: event id, frame, terminal (<c>1</c>/<c>0</c>), max events, TTL in ms once terminal,
    /// TTL in ms while running, channel. Returns 1, -1 for an unknown stream, -2 for a completed one, -3 for an id out of sequence.
    /// </summary>
    public const string AppendText = """
        local meta = redis.call('HMGET', KEYS[1], 'first', 'completed')
        if not meta[1] then return -1 end
        if meta[2] == '1' then return -2 end
        local first = tonumber(meta[1])
        local count = redis.call('LLEN', KEYS[2])
        if tonumber(ARGV[1]) ~= first + count then return -3 end
        count = redis.call('RPUSH', KEYS[2], ARGV[2])
        local max = tonumber(ARGV[4])
        if count > max then
          redis.call('LTRIM', KEYS[2], count - max, -1)
          redis.call('HINCRBY', KEYS[1], 'first', count - max)
        end
        local ttl = ARGV[6]
        if ARGV[3] == '1' then
          redis.call('HSET', KEYS[1], 'completed', 1)
          ttl = ARGV[5]
        end
        redis.call('PEXPIRE', KEYS[1], ttl)
        redis.call('PEXPIRE', KEYS[2], ttl)
        redis.call('PUBLISH', ARGV[7], 'e')
        return 1
        """;

    /// <summary>
    /// KEYS: meta, events. ARGV: the last id the reader has, the most frames to return. Returns <c>{-1}</c> for an
    /// unknown stream, <c>{-2}</c> when the next event was dropped, else <c>{first, completed, count, frames}</c>
    /// (the frames after the reader's id, in order).
    /// </summary>
    public const string ReadText = """
        local meta = redis.call('HMGET', KEYS[1], 'first', 'completed')
        if not meta[1] then return {-1} end
        local first = tonumber(meta[1])
        local from = tonumber(ARGV[1]) + 1 - first
        if from < 0 then return {-2} end
        local count = redis.call('LLEN', KEYS[2])
        return {first, tonumber(meta[2]), count, redis.call('LRANGE', KEYS[2], from, from + tonumber(ARGV[2]) - 1)}
        """;

    /// <summary>
    /// KEYS: meta. ARGV: +1 or -1, channel. Counts a reader in or out, publishing <c>attended</c> on 0 to 1 and
    /// <c>unattended</c> on 1 to 0. Returns the new count, or -1 for an unknown stream.
    /// </summary>
    public const string ReadersText = """
        local readers = redis.call('HGET', KEYS[1], 'readers')
        if not readers then return -1 end
        readers = tonumber(readers)
        local count = readers + tonumber(ARGV[1])
        if count < 0 then return 0 end
        redis.call('HSET', KEYS[1], 'readers', count)
        if readers == 0 and count == 1 then redis.call('PUBLISH', ARGV[2], 'attended') end
        if readers == 1 and count == 0 then redis.call('PUBLISH', ARGV[2], 'unattended') end
        return count
        """;

    /// <summary>KEYS: meta. ARGV: channel. Flags a running stream stopped and publishes <c>stop</c>. Returns 1, or 0 when unknown or completed.</summary>
    public const string StopText = """
        if redis.call('HGET', KEYS[1], 'completed') ~= '0' then return 0 end
        redis.call('HSET', KEYS[1], 'stop', 1)
        redis.call('PUBLISH', ARGV[1], 'stop')
        return 1
        """;
}
