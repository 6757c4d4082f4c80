namespace BlogSite.Blog;

/// The two taxonomies a BlogPost's fields point at. Their ids are fixed so the content types declared in code and the
/// setup recipe name the same items.
public static class BlogTaxonomies
{
    public const string CategoriesContentItemId = "4categor1estaxonomy0000000";
    public const string TagsContentItemId = "4tagstaxonomy0000000000000";
}
