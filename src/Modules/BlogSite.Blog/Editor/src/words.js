// Counted as the public post page counts them (BlogPostPresenter: words split on white space, 220 a minute), so the
// editor's reading time is the one readers will see.
const WORDS_PER_MINUTE = 220;

export const countWords = text => text.split(/\s+/).filter(Boolean).length;

export const readingMinutes = words => Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
