namespace ArcSynth.Data.Mutation;

/// <summary>How often each kind of one-call mutation is chosen (CodeIt used 0.5, 0.25, 0.25).</summary>
public sealed record MutationWeights(double ReplaceArgument = 0.5, double ReplacePrimitive = 0.25, double RedefineVariable = 0.25);
