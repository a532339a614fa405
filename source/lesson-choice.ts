// Finding a lesson by what a learner types: the number, the id, or the command the menu shows.
// Used by the menu and by --lesson, so both accept the same names.
import {closestWord} from './closest-word.ts';

export type LessonName = {id: string; number: number; command: string};

/** The lesson a word names: its number (5), its id (pull-first) or its command (pull), ignoring case. */
export function findLesson<T extends LessonName>(word: string, lessons: readonly T[]): T | undefined {
	const wanted = word.trim().toLowerCase();
	if (wanted === '') {
		return undefined;
	}

	// Ids before commands: lesson 4's id "push" wins over a command of the same name.
	return lessons.find(lesson => String(lesson.number) === wanted)
		?? lessons.find(lesson => lesson.id.toLowerCase() === wanted)
		?? lessons.find(lesson => lesson.command.toLowerCase() === wanted);
}

/** A near miss ("pul-first", "comit"), as the id or command to suggest. */
export function lessonSuggestion(word: string, lessons: readonly LessonName[]): string | undefined {
	return closestWord(word.trim(), lessons.flatMap(lesson => [lesson.id, lesson.command]), 2);
}

/** What a menu or command line says for a word that names no lesson. */
export function noSuchLesson(word: string, lessons: readonly LessonName[]): string {
	const suggestion = lessonSuggestion(word, lessons);
	const numbers = lessons.length === 0 ? '' : `${Math.min(...lessons.map(lesson => lesson.number))}–${Math.max(...lessons.map(lesson => lesson.number))}`;
	return `There is no lesson "${word.trim()}".${suggestion ? ` Did you mean ${suggestion}?` : ''} A lesson can be chosen by its number (${numbers}), its name or its command.`;
}
