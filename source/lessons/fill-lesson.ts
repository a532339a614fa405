// Lesson text and commands may say {branch} and {url}, filled in for the sandbox at hand, and
// {switch} and {switch -c}, spelled for the git at hand: git switch arrived in git 2.23.
import {lacksSwitch} from '../git/version-number.ts';
import type {Lesson} from './lesson-types.ts';

export type LessonVariables = {branch: string; url: string; gitVersion?: string | undefined};

function fill<T>(value: T, words: ReadonlyArray<[string, string]>): T {
	if (typeof value === 'string') {
		return words.reduce((text, [placeholder, word]) => text.replaceAll(placeholder, word), value as string) as T;
	}

	if (Array.isArray(value)) {
		return value.map(item => fill(item as unknown, words)) as T;
	}

	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item as unknown, words)])) as T;
	}

	return value;
}

export function fillLesson(lesson: Lesson, variables: LessonVariables): Lesson {
	const oldGit = lacksSwitch(variables.gitVersion);
	const words: Array<[string, string]> = [
		['{branch}', variables.branch],
		['{url}', variables.url],
		['{switch -c}', oldGit ? 'git checkout -b' : 'git switch -c'],
		['{switch}', oldGit ? 'git checkout' : 'git switch'],
	];
	return {...fill(lesson, words), source: lesson.source};
}
