using ArcSynth.Tasks.Loading;

namespace ArcSynth.Tasks.Tests;

public sealed class ArcTaskLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arcsynth-tasks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("arc-agi-1", "training", 400)]
    [InlineData("arc-agi-1", "evaluation", 400)]
    [InlineData("arc-agi-2", "training", 1000)]
    [InlineData("arc-agi-2", "evaluation", 120)]
    public void Loads_every_real_task(string dataset, string split, int count)
    {
        var (tasks, errors) = ArcTaskLoader.TryLoadFolder(ArcData.Folder(dataset, split));
        Assert.Empty(errors);
        Assert.Equal(count, tasks.Count);
        Assert.Equal(tasks.Select(t => t.Id).Order(StringComparer.Ordinal), tasks.Select(t => t.Id));
        Assert.All(tasks, t => Assert.True(t.Train.Count > 0 && t.Test.Count > 0));
    }

    [Fact]
    public void Reads_grids_as_they_are_in_the_file()
    {
        var task = ArcTaskLoader.LoadFile(Path.Combine(ArcData.Folder("arc-agi-1", "training"), "007bbfb7.json"));
        Assert.Equal("007bbfb7", task.Id);
        Assert.Equal((3, 3), (task.Train[0].Input.Height, task.Train[0].Input.Width));
        Assert.Equal((9, 9), (task.Train[0].Output!.Height, task.Train[0].Output!.Width));
        Assert.Equal(7, task.Train[0].Input[0, 1]);
    }

    [Theory]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}], \"test\": [", "malformed JSON at line 1")]
    [InlineData("{\"train\": [{\"input\": [[1, 2], [3]], \"output\": [[1]]}], \"test\": [{\"input\": [[1]]}]}", "train[0].input row 1 has 1 cells, row 0 has 2")]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1, 10]]}], \"test\": [{\"input\": [[1]]}]}", "train[0].output row 0 column 1 is 10; colours are integers 0 to 9")]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}], \"test\": [{\"input\": [[1], [-1]]}]}", "test[0].input row 1 column 0 is -1")]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}]}", "'test' is missing")]
    [InlineData("{\"train\": [], \"test\": [{\"input\": [[1]]}]}", "'train' has no pairs")]
    [InlineData("{\"train\": [{\"input\": [[1]]}], \"test\": [{\"input\": [[1]]}]}", "train[0] has no 'output' grid")]
    [InlineData("{\"train\": [{\"input\": [], \"output\": [[1]]}], \"test\": [{\"input\": [[1]]}]}", "train[0].input has 0 rows")]
    [InlineData("{\"train\": [{\"input\": [[1.5]], \"output\": [[1]]}], \"test\": [{\"input\": [[1]]}]}", "row 0 column 0 is 1.5")]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}], \"test\": []}", "'test' has no pairs")]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}], \"test\": [{\"input\": [[]]}]}", "test[0].input row 0 has 0 cells")]
    [InlineData("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}], \"test\": [{\"output\": [[1]]}]}", "test[0] must be an object with an 'input' grid")]
    [InlineData("[]", "must be a JSON object")]
    public void Invalid_files_name_the_file_and_the_place_at_fault(string json, string expected)
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<ArcTaskFormatException>(() => ArcTaskLoader.LoadFile(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Evaluation_tasks_carry_their_test_outputs()
    {
        foreach (var dataset in new[] { "arc-agi-1", "arc-agi-2" })
        {
            var tasks = ArcTaskLoader.LoadFolder(ArcData.Folder(dataset, "evaluation"));
            Assert.All(tasks, t => Assert.All(t.Test, e => Assert.NotNull(e.Output)));
        }
    }

    [Fact]
    public void A_test_pair_may_withhold_its_output()
    {
        var path = Path.Combine(_dir, "0000abcd.json");
        File.WriteAllText(path, "{\"train\": [{\"input\": [[1, 2]], \"output\": [[2], [1]]}], \"test\": [{\"input\": [[3]]}, {\"input\": [[4]], \"output\": null}]}");
        var task = ArcTaskLoader.LoadFile(path);
        Assert.Equal("0000abcd", task.Id);
        var output = task.Train[0].Output!;
        Assert.Equal((2, 1), (output.Height, output.Width));
        Assert.Equal([2, 1], output.Cells.ToArray());
        Assert.All(task.Test, e => Assert.Null(e.Output));
        Assert.Equal(4, task.Test[1].Input[0, 0]);
    }

    [Fact]
    public void Rows_read_the_same_whatever_their_spacing_and_number_forms()
    {
        var path = Path.Combine(_dir, "spaced.json");
        File.WriteAllText(path, "{\"train\": [{\"input\": [[1,2],\n [ 3 ,\t4 ]], \"output\": [[-0, 9], [0,\r\n5]]}], \"test\": [{\"input\": [[7]]}]}");
        var pair = ArcTaskLoader.LoadFile(path).Train[0];
        Assert.Equal([1, 2, 3, 4], pair.Input.Cells.ToArray());
        Assert.Equal([0, 9, 0, 5], pair.Output!.Cells.ToArray());
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var path = Path.Combine(_dir, "bom.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("{\"train\": [{\"input\": [[1]], \"output\": [[1]]}], \"test\": [{\"input\": [[1]]}]}")]);
        Assert.Equal("bom", ArcTaskLoader.LoadFile(path).Id);
    }

    [Fact]
    public void Malformed_json_gives_the_line_and_byte_once()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, "{\"train\": [{\"input\": [[1]],\n \"output\": [[1]]}],\n \"test\": [{\"input\": [[1,]]}]}");
        var message = Assert.Throws<ArcTaskFormatException>(() => ArcTaskLoader.LoadFile(path)).Message;
        Assert.StartsWith(path + ": malformed JSON at line 3, byte ", message);
        Assert.DoesNotContain("LineNumber", message);
    }

    [Fact]
    public void Thirty_one_columns_break_the_rule()
    {
        var row = "[" + string.Join(",", Enumerable.Repeat("0", 31)) + "]";
        var path = Path.Combine(_dir, "wide.json");
        File.WriteAllText(path, $"{{\"train\": [{{\"input\": [[1]], \"output\": [[1]]}}, {{\"input\": [[1]], \"output\": [{row}]}}], \"test\": [{{\"input\": [[1]]}}]}}");
        Assert.Contains("train[1].output row 0 has 31 cells; ARC grids have 1 to 30 columns", Assert.Throws<ArcTaskFormatException>(() => ArcTaskLoader.LoadFile(path)).Message);
    }

    [Fact]
    public void Thirty_one_rows_break_the_rule()
    {
        var rows = string.Join(",", Enumerable.Repeat("[0]", 31));
        var path = Path.Combine(_dir, "tall.json");
        File.WriteAllText(path, $"{{\"train\": [{{\"input\": [{rows}], \"output\": [[1]]}}], \"test\": [{{\"input\": [[1]]}}]}}");
        Assert.Contains("train[0].input has 31 rows; ARC grids have 1 to 30", Assert.Throws<ArcTaskFormatException>(() => ArcTaskLoader.LoadFile(path)).Message);
    }

    [Fact]
    public void A_folder_with_a_bad_file_gives_the_good_tasks_and_the_error()
    {
        File.Copy(Path.Combine(ArcData.Folder("arc-agi-1", "training"), "007bbfb7.json"), Path.Combine(_dir, "007bbfb7.json"));
        File.WriteAllText(Path.Combine(_dir, "broken.json"), "{");
        var (tasks, errors) = ArcTaskLoader.TryLoadFolder(_dir);
        Assert.Equal("007bbfb7", Assert.Single(tasks).Id);
        Assert.Contains("broken.json", Assert.Single(errors).Message);
        Assert.Throws<ArcTaskFormatException>(() => ArcTaskLoader.LoadFolder(_dir));
    }
}
