namespace BlogSite.Cms.Recipes.Reading;

/// Byte offsets in a recipe file: the steps array, each step, and each item of each step's Data array.
public sealed class RecipeFileLayout
{
    public long? StepsStart { get; set; }

    public long? StepsEnd { get; set; }

    public List<StepRange> Steps { get; } = [];

    public sealed class StepRange
    {
        public long Start { get; set; }

        public long End { get; set; }

        public long? DataStart { get; set; }

        public long? DataEnd { get; set; }

        public List<(long Start, long End)> Items { get; } = [];
    }
}
