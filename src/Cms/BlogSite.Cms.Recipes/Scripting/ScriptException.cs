namespace BlogSite.Cms.Recipes.Scripting;

public sealed class ScriptException(string message) : Exception(message);
