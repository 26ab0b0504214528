namespace ArcSynth.Executor.Running;

/// <summary>
/// Runs work items on dedicated threads with large stacks (program runs may nest closures up to
/// the call-depth limit), taking items in order from a shared counter so that all cores stay busy.
/// </summary>
public static class Workers
{
    private const int StackBytes = 16 * 1024 * 1024;

    /// <summary>Calls <paramref name="work"/> for every index below <paramref name="count"/>, on <paramref name="threads"/> threads.</summary>
    public static void For(int count, int threads, Action<int> work, CancellationToken cancellation = default)
    {
        var next = -1;
        Exception? failure = null;
        void Loop()
        {
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count && Volatile.Read(ref failure) is null)
                {
                    cancellation.ThrowIfCancellationRequested();
                    work(i);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
        var pool = Enumerable.Range(0, Math.Max(1, Math.Min(threads, count)))
            .Select(_ => new Thread(Loop, StackBytes) { IsBackground = true })
            .ToList();
        pool.ForEach(t => t.Start());
        pool.ForEach(t => t.Join());
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
