// Loads a pack: a folder of lesson files and its optional pack.json (name, lesson order, which
// drill follows which lesson, branch). Every problem names its file; whatever is sound still loads,
// so one broken file never hides the rest of a class's course.
import path from 'node:path';
import {closestWord} from '../closest-word.ts';
import {errorCode, describeError} from '../describe-error.ts';
import {drillNames, isDrillName, type DrillName} from '../practice/drill-names.ts';
import type {PackManifest} from './lesson-schema.ts';
import type {Lesson} from './lesson-types.ts';
import {leaveOutMissingContinuations, loadLessons, manifestFile, type LessonFs} from './load-lessons.ts';

/** Which drill the menu offers once which lesson is completed. */
export type PackDrill = {drill: DrillName; lesson: string};

export type LoadedPack = {
	/** From pack.json, else the folder's name. */
	name: string;
	directory: string;
	/** In menu order: the manifest's `lessons` when given, else by number. */
	lessons: Lesson[];
	drills: PackDrill[];
	branch?: string;
	/** One message per problem, each naming its file. */
	problems: string[];
};

const manifestKeys: ReadonlyArray<keyof PackManifest> = ['$schema', 'name', 'lessons', 'drills', 'branch', 'requires'];
const lessonIdPattern = /^[a-z][a-z\d-]*$/;
// As in the pack schema (a ref name git accepts, no spaces); the CLI checks --branch more strictly.
const branchPattern = /^[^\s~^:?*[\\]+$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function didYouMean(word: string, known: readonly string[]): string {
	const best = closestWord(word, known, 3);
	return best ? ` (did you mean "${best}"?)` : ` (known: ${known.join(', ')})`;
}

/** The manifest's fields that are sound; each unsound one is a problem and is ignored. */
type Manifest = {name?: string; lessons?: string[]; drills?: Array<[DrillName, string]>; branch?: string; requires?: {git: string}};

function readManifest(text: string, problems: string[]): Manifest {
	let data: unknown;
	try {
		data = JSON.parse(text) as unknown;
	} catch (error) {
		problems.push(`not valid JSON: ${(error as Error).message}`);
		return {};
	}

	if (!isObject(data)) {
		problems.push('the file must hold one JSON object: {"name": ..., "lessons": [...]}');
		return {};
	}

	const manifest: Manifest = {};
	for (const key of Object.keys(data)) {
		if (!(manifestKeys as readonly string[]).includes(key)) {
			problems.push(`unknown field "${key}"${didYouMean(key, manifestKeys)}`);
		}
	}

	if (typeof data['name'] === 'string' && data['name'].trim() !== '') {
		manifest.name = data['name'];
	} else {
		problems.push('"name" must be a non-empty text (the pack\'s name, shown in the menu title)');
	}

	const lessons = data['lessons'];
	if (lessons !== undefined) {
		if (Array.isArray(lessons) && lessons.every(id => typeof id === 'string' && lessonIdPattern.test(id))) {
			const ids = lessons as string[];
			const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
			if (repeated.length > 0) {
				problems.push(`"lessons" names ${repeated.map(id => `"${id}"`).join(', ')} more than once`);
			}

			manifest.lessons = [...new Set(ids)];
		} else {
			problems.push('"lessons" must be a list of lesson ids, like ["feature-branch", "review-fix"]; the lessons are ordered by their "number" instead');
		}
	}

	const drills = data['drills'];
	if (drills !== undefined) {
		if (isObject(drills)) {
			manifest.drills = [];
			for (const [drill, lesson] of Object.entries(drills)) {
				if (!isDrillName(drill)) {
					problems.push(`"drills": there is no drill "${drill}"${didYouMean(drill, drillNames)}`);
				} else if (typeof lesson === 'string' && lessonIdPattern.test(lesson)) {
					manifest.drills.push([drill, lesson]);
				} else {
					problems.push(`"drills" > "${drill}" must be a lesson id, like "pull-first"`);
				}
			}
		} else {
			problems.push('"drills" must be an object like {"pull-first": "update-branch"}: drill name, then the lesson it follows');
		}
	}

	const branch = data['branch'];
	if (branch !== undefined) {
		if (typeof branch === 'string' && branchPattern.test(branch)) {
			manifest.branch = branch;
		} else {
			problems.push('"branch" must be a branch name without spaces, like "main"');
		}
	}

	const requires = data['requires'];
	if (requires !== undefined) {
		if (!isObject(requires)) {
			problems.push('"requires" must be an object like {"git": "2.23"}');
		} else {
			for (const key of Object.keys(requires)) {
				if (key !== 'git') {
					problems.push(`"requires": unknown field "${key}"${didYouMean(key, ['git'])}`);
				}
			}

			const git = requires['git'];
			if (typeof git === 'string' && /^\d+\.\d+(\.\d+)?$/.test(git)) {
				manifest.requires = {git};
			} else if (git !== undefined) {
				problems.push('"requires" > "git" must be a git version, like "2.33.1"');
			}
		}
	}

	return manifest;
}

/** Why the folder cannot be read as a pack, or undefined when it can. */
function folderProblem(directory: string, fs: LessonFs): string | undefined {
	try {
		fs.readdirSync(directory);
		return undefined;
	} catch (error) {
		switch (errorCode(error)) {
			case 'ENOENT': {
				return `There is no folder ${directory}.`;
			}

			case 'ENOTDIR': {
				return `${directory} is not a folder: a pack is a folder of lesson files.`;
			}

			default: {
				return `Could not read the folder ${directory} (${describeError(error)}).`;
			}
		}
	}
}

function readManifestFile(directory: string, fs: LessonFs, problems: string[]): Manifest {
	const file = path.join(path.basename(directory), manifestFile);
	let text: string;
	try {
		text = fs.readFileSync(path.join(directory, manifestFile), 'utf8');
	} catch (error) {
		// pack.json is optional.
		if (errorCode(error) !== 'ENOENT') {
			problems.push(`${file}:\n  - could not be read (${describeError(error)})`);
		}

		return {};
	}

	const found: string[] = [];
	const manifest = readManifest(text, found);
	if (found.length > 0) {
		problems.push(`${file}:\n${found.map(problem => `  - ${problem}`).join('\n')}`);
	}

	return manifest;
}

export function loadPack(directory: string, fs: LessonFs): LoadedPack {
	const fallbackName = path.basename(path.resolve(directory));
	const unreadable = folderProblem(directory, fs);
	if (unreadable !== undefined) {
		return {name: fallbackName, directory, lessons: [], drills: [], problems: [unreadable]};
	}

	const problems: string[] = [];
	const manifest = readManifestFile(directory, fs, problems);
	const loaded = loadLessons(directory, fs);
	problems.push(...loaded.problems);
	const manifestName = path.join(path.basename(directory), manifestFile);
	const about: string[] = [];

	let {lessons} = loaded;
	if (manifest.lessons !== undefined) {
		const listed = manifest.lessons;
		for (const id of listed.filter(id => !lessons.some(lesson => lesson.id === id))) {
			const near = closestWord(id, lessons.map(lesson => lesson.id), 3);
			about.push(`"lessons" names "${id}", but no lesson with that id was loaded${near ? ` (did you mean "${near}"?)` : ''}`);
		}

		for (const lesson of lessons.filter(lesson => !listed.includes(lesson.id))) {
			problems.push(`${lesson.source}:\n  - lesson "${lesson.id}" is not in the "lessons" list of ${manifestName}; it was left out`);
		}

		lessons = listed.flatMap(id => lessons.filter(lesson => lesson.id === id));
		lessons = leaveOutMissingContinuations(lessons, problems);
	}

	const drills: PackDrill[] = [];
	for (const [drill, lesson] of manifest.drills ?? []) {
		if (lessons.some(candidate => candidate.id === lesson)) {
			drills.push({drill, lesson});
		} else {
			about.push(`"drills" > "${drill}" follows lesson "${lesson}", which is not loaded; the menu does not offer that drill`);
		}
	}

	if (about.length > 0) {
		problems.push(`${manifestName}:\n${about.map(problem => `  - ${problem}`).join('\n')}`);
	}

	// The pack's oldest git holds for each lesson that names none of its own.
	const packGit = manifest.requires;
	return {
		name: manifest.name ?? fallbackName,
		directory,
		lessons: packGit === undefined ? lessons : lessons.map(lesson => (lesson.requires === undefined ? {...lesson, requires: packGit} : lesson)),
		drills,
		...(manifest.branch === undefined ? {} : {branch: manifest.branch}),
		problems,
	};
}
