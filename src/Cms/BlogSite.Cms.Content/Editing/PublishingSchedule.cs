namespace BlogSite.Cms.Content.Editing;

/// Wakes the scheduled publisher when a schedule is saved on this node, so it does not wait for its next look.
public sealed class PublishingSchedule
{
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Changed() => Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// Completes at the next <see cref="Changed"/>, after <paramref name="timeout"/> on <paramref name="clock"/>, or on cancellation.
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, stop.Token);
        await Task.WhenAny(delay, Volatile.Read(ref changed).Task).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
