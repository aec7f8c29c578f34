using NxtAIGen.AspNetCore;
using NxtAIGen.Storage.Testing;

namespace NxtAIGen.Storage.EntityFrameworkCore.Tests;

/// <summary>The quota contract plus what only a durable store has: abandoned reservations expire.</summary>
public abstract class EfCoreQuotaStoreTests : QuotaStoreTests
{
    [SkippableFact]
    public async Task StalePendingReservations_StopCountingAfterTheTimeout()
    {
        var store = await CreateStoreAsync();
        QuotaWindow At(DateTimeOffset now) => new("guest", Key("stale"), 1, now - TimeSpan.FromDays(1), now, Rolling: true);
        var abandoned = await store.TryReserveAsync([At(Now)], Now, default);

        var stillPending = await store.TryReserveAsync([At(Now.AddMinutes(14))], Now.AddMinutes(14), default);
        var afterTimeout = await store.TryReserveAsync([At(Now.AddMinutes(16))], Now.AddMinutes(16), default);
        await store.CommitAsync(abandoned.Id!, default);

        Assert.True(abandoned.Granted);
        Assert.False(stillPending.Granted);
        Assert.True(afterTimeout.Granted);
        Assert.Equal(1, afterTimeout.Windows[0].Used);
    }
}
