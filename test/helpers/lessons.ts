import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {loadLessons} from '../../source/lessons/load-lessons.ts';
import {LessonSession, type SessionOptions} from '../../source/tutor/lesson-session.ts';
import type {Lesson} from '../../source/lessons/lesson-types.ts';
import {gitVersion} from './git-version.ts';

export const lessonsDirectory = fileURLToPath(new URL('../../lessons', import.meta.url));

export function shippedLessons(): Lesson[] {
	const {lessons, problems} = loadLessons(lessonsDirectory, fs);
	if (problems.length > 0) {
		throw new Error(problems.join('\n'));
	}

	return lessons;
}

export function sessionOptions(lessons: readonly Lesson[], branch = 'main'): SessionOptions {
	// The git on PATH, as the CLI passes it: lessons speak that git (git checkout before 2.23).
	return {lessons, branch, color: false, gitVersion};
}

/** A session of the lesson, advanced to `step` by playing the earlier steps' solutions. */
export async function sessionAtStep(lesson: Lesson, step: number, options: SessionOptions): Promise<LessonSession> {
	const session = await LessonSession.start(lesson, options);
	for (const earlier of session.lesson.steps.slice(0, step)) {
		for (const line of earlier.solution) {
			await session.run(line);
		}
	}

	if (session.step !== step) {
		await session.dispose();
		throw new Error(`${lesson.id}: playing the solutions of steps 1–${step} left the learner at step ${session.step + 1}`);
	}

	return session;
}
