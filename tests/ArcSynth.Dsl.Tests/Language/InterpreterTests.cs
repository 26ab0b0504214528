using ArcSynth.Dsl.Language.Execution;
using ArcSynth.Dsl.Language.Syntax;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Values;
using ArcSynth.Dsl.Tests.Support;
using ArcSynth.Tests.Shared;
using static ArcSynth.Dsl.Tests.Support.Build;

namespace ArcSynth.Dsl.Tests.Language;

public sealed class InterpreterTests
{
    [Fact]
    public void Every_handwritten_program_solves_its_real_ARC_task()
    {
        var parsed = ProgramParser.Parse(File.ReadAllText(TestData.File("handwritten.py")), "handwritten.py");
        Assert.True(parsed.Functions.Count >= 12);
        foreach (var f in parsed.Functions)
        {
            var program = CompiledProgram.Compile(f, PrimitiveRegistry.BuiltIn);
            Assert.True(Solves(program, Task(f.TaskId)), $"{f.Name} does not solve {f.TaskId}");
        }
    }

    [Fact]
    public void A_wrong_program_runs_but_does_not_solve()
    {
        var program = Program("def p_3c9b0459(I):\n    O = rot90(I)\n    return O\n");
        Assert.False(Solves(program, Task("3c9b0459")));
    }

    [Fact]
    public void Compiles_once_and_runs_on_many_inputs()
    {
        var program = Program("def p_x(I):\n    x1 = lbind(canvas, ZERO)\n    x2 = compose(x1, shape)\n    O = x2(I)\n    return O\n");
        Assert.Equal(Grid("0 0 0;0 0 0"), program.Run(Grid("1 2 3;4 5 6")));
        Assert.Equal(Grid("0;0;0"), program.Run(Grid("1;2;3")));
    }

    [Fact]
    public void Reassignment_reads_the_old_value_first()
    {
        var program = Program("def p_x(I):\n    x1 = rot90(I)\n    x1 = rot90(x1)\n    return x1\n");
        Assert.Equal(Grid("4 3;2 1"), program.Run(Grid("1 2;3 4")));
    }

    [Fact]
    public void Errors_at_run_time_carry_Pythons_exception_kind()
    {
        var program = Program("def p_x(I):\n    x1 = ofcolor(I, NINE)\n    x2 = first(x1)\n    return x2\n");
        var e = Assert.Throws<DslError>(() => program.Run(Grid("1 2;3 4")));
        Assert.Equal("StopIteration", e.PythonType);
    }

    [Fact]
    public void A_program_that_fails_the_check_does_not_compile()
    {
        var e = Assert.Throws<ProgramException>(() => Program("def p_x(I):\n    O = rot90(I, I)\n    return O\n"));
        Assert.Equal(2, Assert.Single(e.Diagnostics).Line);
    }
}
