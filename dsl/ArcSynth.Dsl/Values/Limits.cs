namespace ArcSynth.Dsl.Values;

/// <summary>
/// The limits every execution runs under, checked by the primitives themselves so that no program
/// can hang or exhaust the process: the size of any container or grid, the side of any grid, the
/// depth of nested function calls, and a deadline. A limit broken raises <see cref="DslError"/>
/// with the Python type "LimitExceeded" (or "TimeoutError" for the deadline).
/// </summary>
/// <remarks>
/// The limits in force are per thread (<see cref="Current"/>), set by whoever runs a program
/// (<see cref="Enter"/>); outside a run, <see cref="Default"/> applies with no deadline.
/// </remarks>
public sealed record Limits
{
    /// <summary>
    /// No deadline, 2^20 items per container, grids up to 1024 per side, 1000 nested calls
    /// (CPython's recursion limit). arc-dsl's own solvers build grids of 3x147 on the way to a 30x30
    /// answer, so the side limit leaves room for such intermediates.
    /// </summary>
    public static Limits Default { get; } = new();

    /// <summary>Largest tuple, frozenset or grid (in cells) a primitive may build.</summary>
    public int MaxContainerSize { get; init; } = 1 << 20;

    /// <summary>Largest height or width of a grid a primitive may build.</summary>
    public int MaxGridSide { get; init; } = 1024;

    /// <summary>Deepest nesting of calls through closures (compose, fork, rbind...).</summary>
    public int MaxCallDepth { get; init; } = 1000;

    /// <summary>Time one run may take, on the running thread's CPU clock where there is one (<see cref="RunClock"/>); null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Bytes one run may allocate, checked by <see cref="Budget"/> in the loops of submitted primitives.</summary>
    public long MaxAllocatedBytes { get; init; } = 256L << 20;

    /// <summary>
    /// One thread's run: the limits in force and the counters checked against them. One thread-static
    /// reference to it, rather than a thread-static per field, because every closure call counts a
    /// step and a depth, and each thread-static access costs a call into the runtime on Linux (and a
    /// helper call in ReadyToRun code). Closures and the loops of primitives take it once and pass it
    /// down (<see cref="Functions.Closure"/>), so that nested calls touch no thread-static at all.
    /// </summary>
    internal sealed class RunState
    {
        public Limits Limits = Default;
        public long Deadline; // RunClock ticks; 0 for none
        public int Depth;
        public int Steps;
        public long AllocatedAtStart;

        /// <summary>Counts one unit of work and checks the deadline every 256 of them.</summary>
        public void Step()
        {
            if ((++Steps & 255) == 0 && Deadline != 0 && RunClock.Now() > Deadline)
                throw new DslError("TimeoutError", $"the run took longer than {Limits.Timeout?.TotalMilliseconds} ms");
        }

        /// <summary>Enters one nested call (a step); pair with <see cref="Return"/>.</summary>
        public void Call()
        {
            if (++Depth > Limits.MaxCallDepth)
            {
                Depth--;
                throw DslError.Recursion("maximum recursion depth exceeded");
            }
            Step();
        }

        public void Return() => Depth--;
    }

    [ThreadStatic] private static RunState? _state;

    /// <summary>This thread's run state: read it once and pass it down where a loop or a chain of calls would read it often.</summary>
    internal static RunState State => _state ??= new RunState();

    /// <summary>The limits in force on this thread.</summary>
    public static Limits Current => State.Limits;

    /// <summary>Puts these limits in force on this thread until the returned scope is disposed; the deadline starts now.</summary>
    public Scope Enter()
    {
        var state = State;
        var previous = (state.Limits, state.Deadline, state.Depth, state.AllocatedAtStart);
        state.Limits = this;
        state.AllocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        state.Deadline = Timeout is { } t ? RunClock.Now() + (long)(t.TotalSeconds * RunClock.Frequency) : 0;
        state.Depth = 0;
        return new Scope(previous);
    }

    /// <summary>Restores the limits that were in force before <see cref="Enter"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly (Limits Current, long Deadline, int Depth, long AllocatedAtStart) _previous;

        internal Scope((Limits, long, int, long) previous) => _previous = previous;

        public void Dispose()
        {
            var state = State;
            (state.Limits, state.Deadline, state.Depth, state.AllocatedAtStart) = _previous;
        }
    }

    public static void CheckSize(long size)
    {
        var limit = Current.MaxContainerSize;
        if (size > limit)
            throw new DslError("LimitExceeded", $"a container of {size} items exceeds the limit of {limit}");
    }

    public static void CheckGrid(long height, long width)
    {
        var limits = Current;
        if (height > limits.MaxGridSide || width > limits.MaxGridSide)
            throw new DslError("LimitExceeded", $"a {height}x{width} grid exceeds the limit of {limits.MaxGridSide} per side");
        CheckSize(height * width);
    }

    /// <summary>Counts one unit of work and checks the deadline every 256 of them.</summary>
    public static void Step() => State.Step();

    /// <summary>Enters one nested call; pair with <see cref="Return"/>.</summary>
    public static void Call() => State.Call();

    public static void Return() => State.Return();

    /// <summary>
    /// One iteration of a submitted primitive's loop: a step, and a check of the bytes this run has
    /// allocated, so that a loop that grows a collection is stopped before it eats the machine.
    /// </summary>
    public static void Budget()
    {
        var state = State;
        state.Step();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - state.AllocatedAtStart;
        if (allocated > state.Limits.MaxAllocatedBytes)
            throw new DslError("LimitExceeded", $"the run allocated {allocated >> 20} MB, over the limit of {state.Limits.MaxAllocatedBytes >> 20} MB");
    }

    /// <summary><paramref name="size"/> after checking it against the container limit: wraps the sizes of arrays and collections that submitted primitives create.</summary>
    public static int Sized(int size)
    {
        CheckSize(size);
        return size;
    }

    /// <summary>Runs a submitted primitive's lambda as one nested call, so that recursion through delegates meets the depth limit.</summary>
    public static T Guard<T>(Func<T> body)
    {
        Call();
        try
        {
            return body();
        }
        finally
        {
            Return();
        }
    }

    /// <summary>The same for a lambda without a result.</summary>
    public static void Guard(Action body)
    {
        Call();
        try
        {
            body();
        }
        finally
        {
            Return();
        }
    }
}
