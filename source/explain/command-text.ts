// Writes a git command back as a learner would type it, for ways out that repeat their command corrected.

/** A word as the tutor's prompt reads it back: bare when safe, else in double quotes. */
export function quoteWord(word: string): string {
	return /^[\w@%+=:,./^~-]+$/.test(word) ? word : `"${word.replaceAll(/(["\\$`])/g, '\\$1')}"`;
}

/** `git` and the words, quoted where needed. */
export function commandText(words: readonly string[]): string {
	return ['git', ...words.map(word => quoteWord(word))].join(' ');
}
