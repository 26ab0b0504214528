using System.Runtime.InteropServices;
using ArcSynth.Dsl.Registry;
using ArcSynth.Dsl.Sets;
using ArcSynth.Dsl.Values;
using static ArcSynth.Dsl.Primitives.PatchOps;

namespace ArcSynth.Dsl.Primitives;

public static partial class Builtins
{
    [Primitive("mostcolor(element: Element) -> Integer", "most common color")]
    public static Value Mostcolor(Value element)
    {
        var (distinct, count) = ColorCounts(element);
        return Py.Max(distinct.Keys(), count, null);
    }

    [Primitive("leastcolor(element: Element) -> Integer", "least common color")]
    public static Value Leastcolor(Value element)
    {
        var (distinct, count) = ColorCounts(element);
        return Py.Min(distinct.Keys(), count, null);
    }

    [Primitive("colorcount(element: Element, value: Integer) -> Integer", "number of cells with color", Unchecked = ["value"])]
    public static Value Colorcount(Value element, Value value)
    {
        var n = 0;
        if (element is TupleValue)
        {
            var g = AsGrid(element);
            foreach (var v in g.Cells)
                if (value is Int or Bool && v == Py.AsInt(value)) n++;
        }
        else
        {
            foreach (var e in Py.Iterate(element))
                if (ColourOf(e).Equals(value)) n++;
        }
        return Int.Of(n);
    }

    [Primitive("colorfilter(objs: Objects, value: Integer) -> Objects", "filter objects by color", Unchecked = ["value"])]
    public static Value Colorfilter(Value objs, Value value) =>
        Py.InGenerator(() => FrozenSetValue.Of(Py.Iterate(objs).Where(obj => Py.AsTuple(First(obj)).GetItem(0).Equals(value))));

    [Primitive("sizefilter(container: Container, n: Integer) -> FrozenSet", "filter items by size", Unchecked = ["n"])]
    public static Value Sizefilter(Value container, Value n) =>
        FrozenSetValue.Of(Py.Iterate(container).Where(item => Int.Of(Py.Len(item)).Equals(n)));

    [Primitive("palette(element: Element) -> IntegerSet", "colors occurring in object or grid")]
    public static Value Palette(Value element) => Py.Freeze(ColorCounts(element).Distinct);

    [Primitive("numcolors(element: Element) -> Integer", "number of colors occurring in object or grid")]
    public static Value Numcolors(Value element) => Int.Of(ColorCounts(element).Distinct.Count);

    [Primitive("color(obj: Object) -> Integer", "color of object", LooseResult = true)]
    public static Value Color(Value obj) => Py.AsTuple(First(obj)).GetItem(0);

    internal static int MostColorOf(Grid g) => ((Int)Mostcolor(g)).V;

    /// <summary>
    /// <c>set(values)</c> of an element's colours, built in the order arc-dsl lists them (row-major
    /// for a grid, iteration order for an object), and each colour's count (Python's ==, so 1 and
    /// True count as one colour). A grid of ARC's colours, the common case, is counted in an array.
    /// </summary>
    private static (SetTable Distinct, Func<Value, Value> Count) ColorCounts(Value element)
    {
        var distinct = new SetTable();
        var grid = element is TupleValue ? AsGrid(element) : null;
        if (grid is not null && !grid.Cells.ContainsAnyExceptInRange(0, 9))
        {
            var perColor = new int[10];
            foreach (var v in grid.Cells)
                if (perColor[v]++ == 0) distinct.Add(Int.Of(v));
            return (distinct, c => Int.Of(perColor[((Int)c).V]));
        }
        var counts = new Dictionary<Value, int>();
        void See(Value v)
        {
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, v, out var seen);
            n++;
            if (!seen) distinct.Add(v);
        }
        if (grid is not null)
        {
            foreach (var v in grid.Cells) See(Int.Of(v));
        }
        else
        {
            foreach (var e in Py.Iterate(element)) See(ColourOf(e));
        }
        return (distinct, v => Int.Of(counts[v]));
    }

    /// <summary>
    /// The <c>v</c> of arc-dsl's <c>for v, _ in element</c>: a cell's colour, and for any other
    /// element of two items its first (a location's row).
    /// </summary>
    private static Value ColourOf(Value e) => e is Cell c ? Int.Of(c.Color) : Py.Unpack2(e).A;
}
