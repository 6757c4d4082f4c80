namespace BlogSite.Blog.Editing;

/// A reason the form cannot be saved, for the field it names.
public sealed record PostFormProblem(string Field, string Message);
