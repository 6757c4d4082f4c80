namespace BlogSite.Cms.Content.Editing;

/// Wakes the scheduled publisher when a schedule is saved on this node, so it does not wait for its next look.
public sealed class PublishingSchedule
{
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// Completes at the first <see cref="Changed"/> after it is read. The publisher reads it before it looks at the
    /// schedules, so a schedule saved (or publish-later enabled) while it looks still wakes it, instead of waiting for
    /// its next look a minute later.
    public Task NextChange => Volatile.Read(ref changed).Task;

    public void Changed() => Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// Completes when <paramref name="change"/> (from <see cref="NextChange"/>) does, after <paramref name="timeout"/> on
    /// <paramref name="clock"/>, or on cancellation.
    public static async Task WaitAsync(Task change, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, stop.Token);
        await Task.WhenAny(delay, change).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
