// Verifies a pack folder: loads its lessons (a broken file is a problem, the rest still play),
// then plays each lesson with the shared player, a few sandboxes at once.
import nodeFs from 'node:fs';
import {availableParallelism} from 'node:os';
import type {LessonFs} from '../lessons/load-lessons.ts';
import {loadPack} from '../lessons/load-pack.ts';
import type {Lesson} from '../lessons/lesson-types.ts';
import {playLesson, type LessonResult} from './play-lesson.ts';

export type PackReport = {
	directory: string;
	branch: string;
	git: string;
	/** 0: every lesson holds; 1: something fails; 2: the pack cannot be read (or a file of it). */
	exitCode: 0 | 1 | 2;
	/** Files that could not be read, each naming the file, the step and the field. */
	problems: string[];
	lessons: LessonResult[];
	seconds: number;
};

export type VerifyOptions = {
	branch: string;
	gitVersion: string;
	fs?: LessonFs;
	workdir?: string | undefined;
	/** Sandboxes at once; 2 to 4 by default, after the processors at hand. */
	concurrency?: number;
};

/** `branch`: the variant to verify; without it, the branch the pack names, else main. */
export async function verifyPack(directory: string, options: Omit<VerifyOptions, 'branch'> & {branch?: string | undefined}): Promise<PackReport> {
	const started = performance.now();
	const pack = loadPack(directory, options.fs ?? nodeFs);
	const {lessons, problems} = pack;
	if (lessons.length === 0 && problems.length === 0) {
		problems.push(`${directory}: no lesson files (*.json) in this folder`);
	}

	// --branch, else the branch the pack's story uses, else main.
	const branch = options.branch ?? pack.branch ?? 'main';
	const results = await playAll(lessons, {...options, branch});
	const failed = results.some(result => result.findings.length > 0);
	return {
		directory,
		branch,
		git: options.gitVersion,
		exitCode: problems.length > 0 ? 2 : (failed ? 1 : 0),
		problems,
		lessons: results,
		seconds: Math.round((performance.now() - started) / 100) / 10,
	};
}

/** Every lesson played, at most `concurrency` at a time; the results in lesson order. */
export async function playAll(lessons: readonly Lesson[], options: VerifyOptions): Promise<LessonResult[]> {
	return Promise.all(playEach(lessons, options));
}

/** One promise per lesson, in lesson order, each settled as soon as its lesson is played (the test suite awaits them one by one). */
export function playEach(lessons: readonly Lesson[], options: VerifyOptions): Array<Promise<LessonResult>> {
	const slot = limiter(options.concurrency ?? Math.min(4, Math.max(2, availableParallelism())));
	// The longest first (a lesson that continues from others replays them), so the last to start is short.
	const byCost = [...lessons].sort((a, b) => cost(b, lessons) - cost(a, lessons));
	const played = new Map(byCost.map(lesson => [lesson.id, slot(async () => playLesson(lesson, {lessons, branch: options.branch, gitVersion: options.gitVersion, workdir: options.workdir}))]));
	return lessons.map(lesson => played.get(lesson.id)!);
}

/** Runs tasks at most `limit` at a time, in the order they were handed in. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
	let active = 0;
	const waiting: Array<() => void> = [];
	return async task => {
		if (active < limit) {
			active++;
		} else {
			// A finished task hands its place straight to the next one waiting.
			await new Promise<void>(resolve => {
				waiting.push(resolve);
			});
		}

		try {
			return await task();
		} finally {
			const next = waiting.shift();
			if (next) {
				next();
			} else {
				active--;
			}
		}
	};
}

/** About how many lines a lesson plays: its own moves and the lessons its setup replays. */
function cost(lesson: Lesson, lessons: readonly Lesson[], seen = new Set<string>()): number {
	seen.add(lesson.id);
	const own = lesson.steps.reduce((sum, step) => sum + step.solution.length + step.wrongMoves.flat().length + (step.alternatives ?? []).flat().length, 0);
	return lesson.setup.reduce((sum, action) => {
		const earlier = action.do === 'continueFrom' && !seen.has(action.lesson) ? lessons.find(candidate => candidate.id === action.lesson) : undefined;
		return sum + (earlier ? cost(earlier, lessons, seen) : 1);
	}, own);
}
