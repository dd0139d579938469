using BzPeer.Rendering;
using Scriban;
using Scriban.Runtime;

namespace BzPeer.Tests.Rendering;

/// <summary>A model's globals are what Scriban's own Import makes of it, member for member.</summary>
public sealed class ModelGlobalsTests
{
    public class BaseModel
    {
        public string Shadowed { get; init; } = "base";

        public int BaseValue { get; init; } = 1;
    }

    public sealed class Model : BaseModel
    {
        public const string Constant = "not imported";

        public static string StaticProperty => "static";

        public readonly string ReadOnlyField = "read-only";

        public string Field = "field";

        public new string Shadowed { get; init; } = "derived";

        public string? Missing { get; init; }

        public List<int> Items { get; init; } = [1, 2];

        [ScriptMemberIgnore]
        public string Ignored { get; init; } = "ignored";

        public string WriteOnly { set { } }

        public string this[int index] => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private string Hidden { get; } = "hidden";
    }

    public sealed record RecordModel(string Title, int Year);

    [Fact]
    public void A_models_globals_equal_what_Scribans_import_makes()
    {
        foreach (object model in new object[] { new Model(), new RecordModel("A title", 2024), new BaseModel() })
        {
            var renamer = new TemplateContext().MemberRenamer;
            var expected = new ScriptObject();
            expected.Import(model, renamer: renamer);

            var actual = ModelGlobals.Of(model, renamer);

            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var key in expected.Keys)
            {
                Assert.Equal(expected[key], actual[key]);
                Assert.Equal(expected.CanWrite(key), actual.CanWrite(key));
            }
        }
    }

    [Fact]
    public void The_members_are_named_by_the_renamer_and_read_for_each_model()
    {
        var globals = ModelGlobals.Of(new Model { Missing = "now set" }, new TemplateContext().MemberRenamer);
        Assert.Equal("derived", globals["shadowed"]);
        Assert.Equal("now set", globals["missing"]);
        Assert.Equal("static", globals["static_property"]);
        Assert.False(globals.CanWrite("read_only_field"));
        Assert.True(globals.CanWrite("field"));
        Assert.False(globals.ContainsKey("ignored"));
        Assert.False(globals.ContainsKey("constant"));
        Assert.Null(ModelGlobals.Of(new Model(), new TemplateContext().MemberRenamer)["missing"]);
    }
}
