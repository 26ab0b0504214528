using System.Reflection;
using ArcSynth.Dsl.Registry;
using ArcSynth.Synthesis.Loop;
using Microsoft.Data.Sqlite;

namespace ArcSynth.Synthesis.Tests;

/// <summary>One validation of the loop's settings, for the API, the command line and a resumed run alike.</summary>
public sealed class LoopSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("arcsynth-settings-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static readonly PropertyInfo[] Numeric = typeof(LoopSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(float) || p.PropertyType == typeof(double)).ToArray();

    public static TheoryData<string> NumericSettings => new(Numeric.Select(p => p.Name));

    [Fact]
    public void Every_numeric_setting_has_a_range_and_the_documented_configurations_are_within_them()
    {
        Assert.Equal(Numeric.Select(p => p.Name).Order(), LoopSettings.Ranges.Select(r => r.Name).Order());
        Assert.Empty(new LoopSettings().Problems());
        Assert.Empty(LoopSettings.Full("evaluation").Problems());
    }

    [Theory]
    [MemberData(nameof(NumericSettings))]
    public void A_setting_outside_its_range_is_refused_naming_the_field_and_its_bounds_are_accepted(string name)
    {
        var property = Numeric.Single(p => p.Name == name);
        var (_, min, max) = LoopSettings.Ranges.Single(r => r.Name == name);
        var integer = property.PropertyType == typeof(int);
        var outside = new List<double>();
        if (!integer) outside.AddRange([double.NaN, min - (max - min) / 10, max + (max - min) / 10]);
        else
        {
            if (min > int.MinValue) outside.Add(min - 1);
            if (max < int.MaxValue) outside.Add(max + 1);
        }
        foreach (var value in outside)
        {
            var problems = With(property, value).Problems();
            Assert.True(problems.ContainsKey(name), $"{name} = {value} was accepted");
            Assert.StartsWith("must be between", problems[name]);
        }
        // At its bounds a setting may still clash with another (MaxProgramTokens with ContextLength), never with its range.
        foreach (var value in new[] { min, max })
            Assert.False(With(property, value).Problems().TryGetValue(name, out var problem) && problem.StartsWith("must be between"), $"{name} = {value} was refused");
    }

    [Fact]
    public void Settings_that_cannot_work_together_are_refused_naming_the_field()
    {
        var problems = (new LoopSettings() with { Embedding = 30, Heads = 4, ContextLength = 200, MaxProgramTokens = 160 }).Problems(System.Text.Json.JsonNamingPolicy.CamelCase);
        Assert.Equal("must be a multiple of heads (4), not 30", problems["embedding"]);
        Assert.Equal("must leave at least 64 of the 200 tokens of contextLength to the task, not 160", problems["maxProgramTokens"]);
        var thrown = Assert.Throws<ArgumentException>(() => (new LoopSettings() with { ShardTasks = 0, Iterations = 0 }).Validated("f.json"));
        Assert.Equal("f.json: settings are not valid: Iterations must be between 1 and 1000, not 0; ShardTasks must be between 1 and 10000, not 0", thrown.Message);
    }

    [Fact]
    public async Task A_stored_run_with_settings_out_of_range_is_refused_before_its_first_step()
    {
        var home = Path.Combine(_folder, "home");
        await using var store = await TinyLoop.OpenAsync(home);
        var run = await store.CreateRunAsync("bad", (TinyLoop.Settings() with { ShardTasks = 0 }).ToJson(), "builtin");
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => new CodeItLoop(store, home, PrimitiveRegistry.BuiltIn).RunAsync(run));
        Assert.Contains("ShardTasks must be between 1 and 10000, not 0", thrown.Message);
        Assert.Empty(await store.StepsAsync(run));
    }

    private static LoopSettings With(PropertyInfo property, double value)
    {
        var settings = new LoopSettings();
        object typed = Type.GetTypeCode(property.PropertyType) switch
        {
            TypeCode.Int32 => (object)(int)value,
            TypeCode.Single => (object)(float)value,
            _ => (object)value,
        };
        property.SetValue(settings, typed);
        return settings;
    }
}
