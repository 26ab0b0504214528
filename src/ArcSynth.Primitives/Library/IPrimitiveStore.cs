namespace ArcSynth.Primitives.Library;

/// <summary>
/// Where accepted primitive sources are kept, so that every process on one store (the server, its
/// workers, the command line) loads the same primitives. The run store implements it on SQLite and
/// PostgreSQL (src/ArcSynth.Storage); <see cref="PrimitiveLibrary"/> reads and writes it.
/// </summary>
public interface IPrimitiveStore
{
    /// <summary>
    /// Keeps an accepted source as <paramref name="fileName"/> and returns its sequence number.
    /// <paramref name="checkedAt"/> is the store's version (<see cref="PrimitivesVersionAsync"/>) of the
    /// registry the source was checked against: a stored source of that name up to it, which that registry
    /// left out because it no longer passed its checks, is replaced; one stored after it (by another node,
    /// at the same moment) makes this one throw <see cref="PrimitiveConflictException"/>, storing nothing.
    /// </summary>
    Task<long> AddPrimitiveAsync(string fileName, string source, long checkedAt, CancellationToken cancellationToken = default);

    /// <summary>Every accepted source, in the order of acceptance.</summary>
    Task<IReadOnlyList<StoredPrimitive>> PrimitivesAsync(CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the newest accepted source (0: none yet): it changes with every acceptance, so a process can ask cheaply whether to reload.</summary>
    Task<long> PrimitivesVersionAsync(CancellationToken cancellationToken = default);
}

/// <summary>An accepted primitive source as the store keeps it; <paramref name="Sequence"/> grows with every acceptance.</summary>
public sealed record StoredPrimitive(long Sequence, string FileName, string Source, DateTimeOffset AcceptedAt);
