import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {loadPack, type LoadedPack} from '../../source/lessons/load-pack.ts';
import {LessonSession, type SessionOptions} from '../../source/tutor/lesson-session.ts';
import type {Lesson} from '../../source/lessons/lesson-types.ts';
import {gitVersion} from './git-version.ts';

export const lessonsDirectory = fileURLToPath(new URL('../../lessons', import.meta.url));

/** The built-in pack, as the CLI loads it: tests iterate over it rather than naming its lessons. */
export function shippedPack(): LoadedPack {
	const pack = loadPack(lessonsDirectory, fs);
	if (pack.problems.length > 0) {
		throw new Error(pack.problems.join('\n'));
	}

	return pack;
}

export function shippedLessons(): Lesson[] {
	return shippedPack().lessons;
}

/** As the CLI starts a lesson: with the version of the git on PATH, so lessons speak its language. */
export function sessionOptions(lessons: readonly Lesson[], branch = 'main'): SessionOptions {
	return {lessons, branch, color: false, gitVersion};
}

/** A session of the lesson, advanced to `step` by playing the earlier steps' solutions. */
export async function sessionAtStep(lesson: Lesson, step: number, options: SessionOptions): Promise<LessonSession> {
	const session = await LessonSession.startAt(lesson, step, options);
	if (session === undefined) {
		throw new Error(`${lesson.id}: playing the solutions of steps 1–${step} did not reach step ${step + 1}`);
	}

	return session;
}
