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
    public void Runs_a_straight_line_program_on_a_small_grid()
    {
        var program = Program("def p_x(I: Grid) -> Grid:\n    x1 = hmirror(I)\n    O = vconcat(I, x1)\n    return O\n");
        Assert.Equal(Grid("1 2;3 4;3 4;1 2"), program.Run(Grid("1 2;3 4")));
    }

    [Fact]
    public void Runs_closures_made_by_rbind_compose_and_fork()
    {
        var program = Program("""
            def p_x(I):
                x1 = rbind(upscale, TWO)
                x2 = compose(x1, vmirror)
                x3 = fork(hconcat, x1, x2)
                x4 = x3(I)
                x5 = rbind(crop, astuple(ONE, THREE))
                O = x5(x4, RIGHT)
                return O
            """);
        // x4 is "1 1 2 2 2 2 1 1" twice; crop's closure takes the grid and the start, and keeps 1x3 from (0, 1).
        Assert.Equal(Grid("1 2 2"), program.Run(Grid("1 2")));
        Assert.Equal(Grid("3 4 4"), program.Run(Grid("3 4;5 6")));
    }

    [Fact]
    public void Runs_nested_calls_integer_literals_and_primitives_held_in_variables()
    {
        var program = Program("def p_x(I):\n    x1 = vmirror\n    x2 = x1(I)\n    O = replace(upscale(x2, 2), 1, -1)\n    return O\n");
        Assert.Equal(Grid("2 2 -1 -1;2 2 -1 -1"), program.Run(Grid("1 2")));
    }

    [Fact]
    public void Returns_an_input_passed_through_unchanged()
    {
        var program = Program("def p_x(I):\n    O = I\n    return O\n");
        var input = Grid("3");
        Assert.Same(input, program.Run(input));
    }

    [Fact]
    public void A_cancelled_token_stops_the_run_with_a_timeout()
    {
        var program = Program("def p_x(I):\n    O = rot90(I)\n    return O\n");
        var e = Assert.Throws<DslError>(() => program.Run(Grid("1 2"), new CancellationToken(canceled: true)));
        Assert.Equal("TimeoutError", e.PythonType);
        Assert.Equal(Grid("1;2"), program.Run(Grid("1 2"), CancellationToken.None));
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
