using System.Collections.Concurrent;
using System.Reflection;
using Scriban.Runtime;

namespace BzPeer.Rendering;

/// <summary>
/// A page model's members as a template's globals: what Scriban's <c>ScriptObject.Import(model, renamer)</c> makes,
/// with the members of each model type found once. Import looks them up on every call (the type's fields and
/// properties, each member's attributes, its renamed name): that was 1.3% of a large build's CPU, two renders per
/// page. Here only the values are read per render.
/// </summary>
/// <remarks>
/// The rules are Import's for an object (Scriban 7.5): the type's chain from its topmost base below
/// <see cref="object"/> down to itself; in each type its public fields (not constants), then its public readable
/// properties without index parameters, static ones included; none marked <see cref="ScriptMemberIgnoreAttribute"/>;
/// named by the renamer, or by the member's own name when that gives nothing; fields set read-only when they are.
/// Import also turns a <c>JsonElement</c> value into Scriban's objects; no view model holds one.
/// </remarks>
internal static class ModelGlobals
{
    private static readonly ConcurrentDictionary<(Type, MemberRenamerDelegate), Member[]> MembersByType = new();

    /// <summary>The globals of one render of <paramref name="model"/>.</summary>
    public static ScriptObject Of(object model, MemberRenamerDelegate renamer)
    {
        var members = MembersByType.GetOrAdd((model.GetType(), renamer), static key => Find(key.Item1, key.Item2));
        var globals = new ScriptObject(members.Length);
        foreach (var member in members)
        {
            globals.SetValue(member.Name, member.Read(model), member.ReadOnly);
        }

        return globals;
    }

    private static Member[] Find(Type type, MemberRenamerDelegate renamer)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Push(t);
        }

        const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public;
        var members = new List<Member>();
        foreach (var t in chain)
        {
            foreach (var field in t.GetFields(Declared))
            {
                if (field.IsPublic && !field.IsLiteral && field.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null)
                {
                    members.Add(new Member(NameOf(field, renamer), field.GetValue, field.IsInitOnly));
                }
            }

            foreach (var property in t.GetProperties(Declared))
            {
                if (property.CanRead && property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0
                    && property.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null)
                {
                    members.Add(new Member(NameOf(property, renamer), property.GetValue, false));
                }
            }
        }

        return [.. members];
    }

    private static string NameOf(MemberInfo member, MemberRenamerDelegate renamer) =>
        renamer(member) is { Length: > 0 } name ? name : member.Name;

    private sealed record Member(string Name, Func<object?, object?> Read, bool ReadOnly);
}
