using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BzPeer.Rendering;

/// <summary>
/// Scriban's plumbing for BzPeer's include functions: a template name, then any arguments passed through as they
/// are (<c>$1</c>… in the partial); the rendering is synchronous, so the async entry point only wraps it.
/// </summary>
internal abstract class IncludeFunctionBase(string argumentsName) : IScriptCustomFunction
{
    // One: each function checks the rest itself, with a message that says what they are for.
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), index == 0 ? "name" : argumentsName);

    public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
