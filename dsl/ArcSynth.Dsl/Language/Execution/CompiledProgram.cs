using ArcSynth.Dsl.Language.Checking;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;

namespace ArcSynth.Dsl.Language.Execution;

/// <summary>
/// A checked program compiled once into a flat list of calls over numbered slots, to run on many
/// inputs. Primitives called by name with the right number of arguments are called through their
/// typed delegates; everything else goes through <see cref="FunctionValue.Call"/>.
/// </summary>
public sealed class CompiledProgram
{
    private readonly Step[] _steps;
    private readonly Operand _result;
    private readonly int _slotCount;

    /// <summary>The program as parsed.</summary>
    public FunctionDef Source { get; }

    private CompiledProgram(FunctionDef source, Step[] steps, Operand result, int slotCount)
    {
        Source = source;
        _steps = steps;
        _result = result;
        _slotCount = slotCount;
    }

    /// <summary>Checks and compiles; throws <see cref="ProgramException"/> with every diagnostic when the check fails.</summary>
    public static CompiledProgram Compile(FunctionDef function, PrimitiveRegistry registry)
    {
        var diagnostics = TypeChecker.Check(function, registry);
        if (diagnostics.Count > 0) throw new ProgramException(diagnostics);
        return CompileChecked(function, registry);
    }

    /// <summary>
    /// Compiles a program that the caller has just checked against the same <paramref name="registry"/>
    /// (<see cref="TypeChecker.Check"/> found nothing). The guided search checks each edit as it makes it;
    /// checking it again here made type checks a tenth of the search's time. Anything else goes through <see cref="Compile"/>.
    /// </summary>
    public static CompiledProgram CompileChecked(FunctionDef function, PrimitiveRegistry registry)
    {
        var compiler = new Compiler(registry);
        compiler.Bind(function.Parameters[0].Name);
        foreach (var a in function.Body) compiler.Assign(a);
        var result = compiler.Operand(function.Result);
        return new CompiledProgram(function, [.. compiler.Steps], result, compiler.SlotCount);
    }

    /// <summary>
    /// Runs the program on one input under the limits in force (<see cref="Limits.Current"/>).
    /// <paramref name="cancellation"/> is looked at between lines: once it is cancelled, the run stops
    /// with a <see cref="DslError"/> "TimeoutError", as when the limits' deadline passes.
    /// </summary>
    public Value Run(Value input, CancellationToken cancellation = default) => Run(input, [], [], cancellation);

    /// <summary>
    /// Runs the program with the values of its first lines already known (<paramref name="known"/>,
    /// computed on the same input by a program whose first lines are the same), and writes the
    /// value of each line into <paramref name="lines"/> as soon as it is computed, so that a run
    /// that fails at line k still leaves its first k values for other programs.
    /// </summary>
    public Value Run(Value input, ReadOnlySpan<Value> known, Span<Value?> lines, CancellationToken cancellation = default)
    {
        var slots = new Value[_slotCount];
        slots[0] = input;
        for (var i = 0; i < known.Length; i++)
        {
            slots[_steps[i].Target] = known[i];
            if (i < lines.Length) lines[i] = known[i];
        }
        for (var i = known.Length; i < _steps.Length; i++)
        {
            if (cancellation.IsCancellationRequested) throw new DslError("TimeoutError", "the run was cancelled");
            Limits.Step();
            var step = _steps[i];
            var value = step.Execute(slots);
            slots[step.Target] = value;
            if (i < lines.Length) lines[i] = value;
        }
        return _result.Get(slots);
    }

    /// <summary>A slot or a constant (a literal, a constant name, a primitive passed as a value).</summary>
    private readonly record struct Operand(int Slot, Value? Constant)
    {
        public Value Get(Value[] slots) => Constant ?? slots[Slot];
    }

    /// <summary>One line: <c>slots[Target] = callee(args)</c>, or a copy of one operand when there is no callee.</summary>
    private sealed class Step(int target, Operand? callee, Operand[] args)
    {
        public int Target { get; } = target;

        private readonly PrimitiveFunction? _direct = callee?.Constant is PrimitiveFunction p && p.Arity == args.Length ? p : null;

        public Value Execute(Value[] slots)
        {
            if (_direct is { } p)
            {
                return args.Length switch
                {
                    1 => p.Call1(args[0].Get(slots)),
                    2 => p.Call2(args[0].Get(slots), args[1].Get(slots)),
                    3 => p.Call3(args[0].Get(slots), args[1].Get(slots), args[2].Get(slots)),
                    _ => p.Call4(args[0].Get(slots), args[1].Get(slots), args[2].Get(slots), args[3].Get(slots)),
                };
            }
            if (callee is not { } c) return args[0].Get(slots);
            var f = Py.AsFunction(c.Get(slots));
            if (args.Length == 1) return f.Call1(args[0].Get(slots));
            var values = new Value[args.Length];
            for (var i = 0; i < args.Length; i++) values[i] = args[i].Get(slots);
            return f.Call(values);
        }
    }

    private sealed class Compiler(PrimitiveRegistry registry)
    {
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

        public List<Step> Steps { get; } = [];

        public int SlotCount { get; private set; }

        public void Bind(string name) => _slots[name] = SlotCount++;

        public void Assign(Assignment a)
        {
            // Operands first, so that x1 = f(x1) reads the old x1; then the target's slot.
            if (a.Value is CallExpr c)
            {
                var callee = Operand(c.Callee);
                var args = c.Args.Select(Operand).ToArray();
                Steps.Add(new Step(SlotOf(a.Target), callee, args));
            }
            else
            {
                var value = Operand(a.Value);
                Steps.Add(new Step(SlotOf(a.Target), null, [value]));
            }
        }

        private int SlotOf(string name)
        {
            if (!_slots.TryGetValue(name, out var slot)) _slots[name] = slot = SlotCount++;
            return slot;
        }

        public Operand Operand(Expr e)
        {
            switch (e)
            {
                case IntExpr i: return new Operand(-1, Int.Of(i.Value));
                case NameExpr n when _slots.TryGetValue(n.Name, out var s): return new Operand(s, null);
                case NameExpr n when registry.TryGet(n.Name, out var p): return new Operand(-1, p);
                case NameExpr n when DslConstants.TryGet(n.Name, out var k): return new Operand(-1, k.Value);
                case CallExpr c:
                    var callee = Operand(c.Callee);
                    var args = c.Args.Select(Operand).ToArray();
                    var temp = SlotCount++;
                    Steps.Add(new Step(temp, callee, args));
                    return new Operand(temp, null);
                default:
                    throw new ProgramException([new Diagnostic("", e.At.Line, e.At.Column, $"cannot compile '{ProgramPrinter.Print(e)}'")]);
            }
        }
    }
}
