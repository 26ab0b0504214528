namespace ArcSynth.Tasks.Loading;

/// <summary>A task file that is not valid ARC JSON; the message names the file and the place at fault.</summary>
public sealed class ArcTaskFormatException(string file, string message, Exception? inner = null)
    : Exception($"{file}: {message}", inner)
{
    /// <summary>The file at fault.</summary>
    public string File { get; } = file;
}
