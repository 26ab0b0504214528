namespace ArcSynth.Dsl.Registry;

/// <summary>The type vocabulary of arc-dsl's <c>arc_types.py</c>, in which every signature is written.</summary>
public enum DslType
{
    Any,
    Boolean,
    Integer,
    IntegerTuple,
    Numerical,
    IntegerSet,
    Grid,
    Cell,
    Object,
    Objects,
    Indices,
    IndicesSet,
    Patch,
    Element,
    Piece,
    TupleTuple,
    ContainerContainer,
    Container,
    Callable,
    FrozenSet,
    Tuple,
}
