// Reads every lesson file in a folder (pack.json, the pack's manifest, is not a lesson). A broken
// file is reported with its name and step and left out; the other lessons still load.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Lesson} from './lesson-types.ts';
import {LessonError, validateLesson} from './validate-lesson.ts';

export type LessonFs = {
	readdirSync(directory: string): string[];
	readFileSync(file: string, encoding: 'utf8'): string;
};

export type LoadedLessons = {
	lessons: Lesson[];
	/** One message per broken file, naming the file and each problem. */
	problems: string[];
};

/** The name of a pack's manifest in its folder; load-pack.ts reads it. */
export const manifestFile = 'pack.json';

/** The lessons shipped with the tutor: ../lessons from source/lessons/ and from dist/. */
export function bundledLessonsDirectory(moduleUrl: string): string {
	const here = path.dirname(fileURLToPath(moduleUrl));
	return path.basename(here) === 'dist' ? path.join(here, '..', 'lessons') : path.join(here, '..', '..', 'lessons');
}

export function loadLessons(directory: string, fs: LessonFs): LoadedLessons {
	const problems: string[] = [];
	let files: string[];
	try {
		files = fs.readdirSync(directory).filter(name => name.endsWith('.json') && name !== manifestFile).sort();
	} catch (error) {
		return {lessons: [], problems: [`Could not read the lessons folder ${directory}: ${(error as Error).message}`]};
	}

	const lessons: Lesson[] = [];
	for (const name of files) {
		const file = path.join(path.basename(directory), name);
		try {
			lessons.push(validateLesson(parseJson(fs.readFileSync(path.join(directory, name), 'utf8'), file), file));
		} catch (error) {
			problems.push(error instanceof LessonError ? error.message : `${file}: ${(error as Error).message}`);
		}
	}

	return {lessons: leaveOutMissingContinuations(leaveOutClashes(lessons, problems), problems).sort((a, b) => a.number - b.number), problems};
}

function parseJson(text: string, file: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new LessonError(file, [`not valid JSON: ${(error as Error).message}`]);
	}
}

/** A lesson with the same id or number as one read before it is reported and left out. */
function leaveOutClashes(lessons: Lesson[], problems: string[]): Lesson[] {
	const kept: Lesson[] = [];
	for (const lesson of lessons) {
		const clash = kept.find(other => other.id === lesson.id || other.number === lesson.number);
		if (clash) {
			problems.push(`${lesson.source}:\n  - has the same ${clash.id === lesson.id ? `id "${lesson.id}"` : `number ${lesson.number}`} as ${clash.source}; it was left out`);
			continue;
		}

		kept.push(lesson);
	}

	return kept;
}

/**
 * A lesson whose setup continues from one that is not among `lessons` cannot start: reported and
 * left out. The pack loader checks again after leaving out lessons its manifest does not list.
 */
export function leaveOutMissingContinuations(lessons: readonly Lesson[], problems: string[]): Lesson[] {
	let kept = [...lessons];
	// Again until nothing changes: leaving one out can strand a lesson that continues from it.
	for (let changed = true; changed;) {
		const ids = new Set(kept.map(lesson => lesson.id));
		const before = kept.length;
		kept = kept.filter(lesson => {
			const missing = lesson.setup.find(action => action.do === 'continueFrom' && !ids.has(action.lesson));
			if (missing?.do === 'continueFrom') {
				problems.push(`${lesson.source}:\n  - setup continues from lesson "${missing.lesson}", which is not loaded; it was left out`);
				return false;
			}

			return true;
		});
		changed = kept.length < before;
	}

	return kept;
}
