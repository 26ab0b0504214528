namespace ArcSynth.Executor.Running;

/// <summary>How one run of a program on one input ended.</summary>
public enum ExampleStatus
{
    /// <summary>The program returned a grid.</summary>
    Ok,

    /// <summary>The program returned a value that is not a grid.</summary>
    NotAGrid,

    /// <summary>The program raised an error (its kind is in <see cref="ExampleOutcome.Error"/>).</summary>
    Error,

    /// <summary>The program ran past its deadline.</summary>
    Timeout,

    /// <summary>The program broke a size or depth limit.</summary>
    LimitExceeded,
}
