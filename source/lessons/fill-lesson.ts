// Lesson text and commands may say {branch} and {url}; they are filled in for the sandbox at hand.
import type {Lesson} from './lesson-types.ts';

export type LessonVariables = {branch: string; url: string};

function fill<T>(value: T, variables: LessonVariables): T {
	if (typeof value === 'string') {
		return value.replaceAll('{branch}', variables.branch).replaceAll('{url}', variables.url) as T;
	}

	if (Array.isArray(value)) {
		return value.map(item => fill(item as unknown, variables)) as T;
	}

	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item as unknown, variables)])) as T;
	}

	return value;
}

export function fillLesson(lesson: Lesson, variables: LessonVariables): Lesson {
	return {...fill(lesson, variables), source: lesson.source};
}
