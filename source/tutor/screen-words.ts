// The words the menu and the Lesson complete screen understand, as data: the keys and words
// act the same, the help lines and footers are built from these lists.

export type ScreenWord<Action extends string> = {action: Action; words: readonly string[]; says: string};

export type CompleteAction = 'next' | 'replay' | 'challenge' | 'menu' | 'quit' | 'help';
export type MenuAction = 'next' | 'practice' | 'challenge' | 'explain' | 'quit' | 'help';

export const completeWords: ReadonlyArray<ScreenWord<CompleteAction>> = [
	{action: 'next', words: ['next', 'n'], says: 'the next lesson (Enter alone does the same)'},
	{action: 'replay', words: ['replay', 'r', 'reset'], says: 'play this lesson again from the start'},
	{action: 'challenge', words: ['challenge', 'c'], says: 'another variation of this drill, without hints'},
	{action: 'menu', words: ['menu', 'm'], says: 'all lessons'},
	{action: 'quit', words: ['quit', 'q', 'exit'], says: 'leave (your progress stays)'},
	{action: 'help', words: ['help', 'h', '?'], says: 'this list'},
];

/** The words of the complete screen after a lesson, or after a drill (only a drill offers a challenge). */
export function completeWordsFor(drill: boolean): ReadonlyArray<ScreenWord<CompleteAction>> {
	return drill ? completeWords : completeWords.filter(entry => entry.action !== 'challenge');
}

export const menuWords: ReadonlyArray<ScreenWord<MenuAction>> = [
	{action: 'next', words: ['next', 'n'], says: 'the first lesson not done yet'},
	{action: 'practice', words: ['practice', 'practise'], says: 'the drill most due'},
	{action: 'challenge', words: ['challenge'], says: 'the selected drill (or the one most due) without hints'},
	{action: 'explain', words: ['explain'], says: 'a git error you paste next, explained (an empty line ends it)'},
	{action: 'quit', words: ['quit', 'q', 'exit'], says: 'leave'},
	// "menu" here is a learner asking where they are: the help answers.
	{action: 'help', words: ['help', 'h', '?', 'menu', 'm'], says: 'this list'},
];

/** The action a typed word names on a screen, ignoring case and surrounding spaces. */
export function wordAction<Action extends string>(table: ReadonlyArray<ScreenWord<Action>>, typed: string): Action | undefined {
	const word = typed.trim().toLowerCase();
	return table.find(entry => entry.words.includes(word))?.action;
}

/** Whether some word on the screen starts with this text, so a key must wait to be read as typing. */
export function startsAWord(table: ReadonlyArray<ScreenWord<string>>, text: string): boolean {
	const start = text.toLowerCase();
	return table.some(entry => entry.words.some(word => word.startsWith(start)));
}
