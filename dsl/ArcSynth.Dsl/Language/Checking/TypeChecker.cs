using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;

namespace ArcSynth.Dsl.Language.Checking;

/// <summary>
/// Rejects, before anything runs, what cannot run: an unknown name, a variable used before it is
/// assigned, a wrong number of arguments to a primitive or to a closure of known arity, a call of
/// something that is not a function, and a definite type clash (a value whose kind is certain
/// where the parameter cannot take that kind). It never rejects a program CPython runs: where a
/// kind or an arity is not certain, it accepts.
/// </summary>
public static class TypeChecker
{
    /// <summary>
    /// What is known statically of a value: its possible kinds, its arity if it is a function of known
    /// arity, and where it came from (put in words only for a message: the search checks every edit).
    /// </summary>
    private readonly record struct Info(Kind Kind, int? Arity, Source From = Source.None, string Name = "", int Line = 0)
    {
        public string Origin => From switch
        {
            Source.Input => $"the input {Name}",
            Source.Variable => $"{Name} (line {Line})",
            Source.Primitive => $"primitive {Name}",
            Source.Constant => $"constant {Name}",
            _ => "",
        };
    }

    /// <summary>Where a named value came from.</summary>
    private enum Source { None, Input, Variable, Primitive, Constant }

    /// <summary>
    /// Every problem found in <paramref name="function"/> against the signatures of
    /// <paramref name="registry"/>, in source order, each at its line and column; empty when the
    /// function may run. Parameter kinds follow <see cref="Parameter.Checked"/>: an unchecked
    /// parameter takes anything.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(FunctionDef function, PrimitiveRegistry registry)
    {
        var diagnostics = new List<Diagnostic>();
        var variables = new Dictionary<string, Info>(StringComparer.Ordinal);
        // As in Python, a name assigned anywhere in the function is local to all of it: used before
        // its assignment it is an error (UnboundLocalError), even where a primitive has that name.
        var locals = function.Body.Select(a => a.Target).ToHashSet(StringComparer.Ordinal);
        foreach (var p in function.Parameters) variables[p.Name] = new Info(Kind.Tuple, null, Source.Input, p.Name);
        var context = new Context(function.File, registry, variables, locals, diagnostics);
        foreach (var a in function.Body)
        {
            variables[a.Target] = context.Infer(a.Value) with { From = Source.Variable, Name = a.Target, Line = a.At.Line };
        }
        context.Infer(function.Result);
        return diagnostics;
    }

    private sealed class Context(string file, PrimitiveRegistry registry, Dictionary<string, Info> variables, HashSet<string> locals, List<Diagnostic> diagnostics)
    {
        private static readonly Info Unknown = new(Kind.Any, null);

        public Info Infer(Expr e) => e switch
        {
            IntExpr => new Info(Kind.Int, null),
            NameExpr n => Resolve(n),
            CallExpr c => InferCall(c),
            _ => Unknown,
        };

        private Info Resolve(NameExpr n)
        {
            if (variables.TryGetValue(n.Name, out var v)) return v;
            if (locals.Contains(n.Name))
            {
                Report(n.At, $"variable '{n.Name}' is used before it is assigned");
                return Unknown;
            }
            if (registry.TryGet(n.Name, out var p)) return new Info(Kind.Function, p.Arity, Source.Primitive, p.Name);
            if (DslConstants.TryGet(n.Name, out var c))
                return new Info(c.Type == DslType.Boolean ? Kind.Int : Kinds.Accepted(c.Type), null, Source.Constant, c.Name);
            Report(n.At, $"unknown name '{n.Name}': not a variable, primitive or constant");
            return Unknown;
        }

        private Info InferCall(CallExpr c)
        {
            var args = c.Args.Select(Infer).ToList();
            // A primitive called by its own name (not a local of that name) gets the full check.
            if (c.Callee is NameExpr n && !locals.Contains(n.Name) && !variables.ContainsKey(n.Name) && registry.TryGet(n.Name, out var p))
                return CheckPrimitive(c, p, args);
            var callee = Infer(c.Callee);
            if ((callee.Kind & Kind.Function) == 0)
            {
                Report(c.At, $"{Describe(c.Callee, callee)} is {Kinds.Describe(callee.Kind)}, not a function, and cannot be called");
                return Unknown;
            }
            if (callee.Arity is { } arity && arity != args.Count)
                Report(c.At, $"{Describe(c.Callee, callee)} takes {arity} argument{(arity == 1 ? "" : "s")}, but {args.Count} {(args.Count == 1 ? "is" : "are")} given");
            return Unknown;
        }

        private Info CheckPrimitive(CallExpr c, PrimitiveFunction p, List<Info> args)
        {
            var s = p.Signature;
            if (args.Count != s.Arity)
            {
                Report(c.At, $"{s.Name} takes {s.Arity} argument{(s.Arity == 1 ? "" : "s")} ({string.Join(", ", s.Parameters.Select(x => x.Name))}), but {args.Count} {(args.Count == 1 ? "is" : "are")} given");
                return Unknown;
            }
            for (var i = 0; i < args.Count; i++)
            {
                var param = s.Parameters[i];
                if (!param.Checked || args[i].Kind == Kind.Any) continue;
                var accepted = Kinds.Accepted(param.Type);
                if ((args[i].Kind & accepted) == 0)
                    Report(Start(c.Args[i]), $"argument {i + 1} of {s.Name} ({param.Name}: {param.Type}) must be {Kinds.Describe(accepted)}, but {Describe(c.Args[i], args[i])} is {Kinds.Describe(args[i].Kind)}");
            }
            return new Info(Kinds.Result(s), ResultArity(s.Name, args));
        }

        /// <summary>The arity of the closures the functional primitives make (arc-dsl's lambdas), where certain.</summary>
        private static int? ResultArity(string primitive, List<Info> args) => primitive switch
        {
            "compose" or "chain" or "matcher" or "fork" => 1,
            "rbind" or "lbind" => args[0].Arity switch { 2 => 1, 3 => 2, null => null, _ => 3 },
            _ => null,
        };

        /// <summary>Where an expression's text begins (a call's own position is its parenthesis).</summary>
        private static Position Start(Expr e) => e is CallExpr c ? Start(c.Callee) : e.At;

        private static string Describe(Expr e, Info info) => e is NameExpr n && info.From != Source.None ? $"'{n.Name}' ({info.Origin})" : $"'{ProgramPrinter.Print(e)}'";

        private void Report(Position at, string message) => diagnostics.Add(new Diagnostic(file, at.Line, at.Column, message));
    }
}
