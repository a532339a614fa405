// Turns a drill name and a seed into a Lesson. The generated lesson goes through the same
// validation as a lesson file, so a generator bug shows up as a LessonError, not a broken drill.
import {randomInt} from 'node:crypto';
import type {Lesson} from '../lessons/lesson-types.ts';
import {validateLesson} from '../lessons/validate-lesson.ts';
import type {DrillName} from './drill-names.ts';
import {drillShapes, generators} from './drills.ts';
import {maxSeed, seededRandom} from './prng.ts';
import type {LessonData} from './world.ts';

/** Random seeds stay short, so they are easy to read out and type after --seed. */
const randomSeedLimit = 1_000_000;

export function randomSeed(): number {
	return randomInt(randomSeedLimit);
}

/** The shape a seed gives: the first words of its variant. */
export function shapeOf(name: DrillName, seed: number): string {
	return generateDrill(name, seed).variant.split(',')[0]!;
}

/**
 * A fresh random seed whose shape is none of the recent seeds' shapes (as far as the drill has
 * shapes to spare), so drills played in a row are different situations, not the same one again.
 */
export function freshSeed(name: DrillName, recent: readonly number[], draw: () => number = randomSeed): number {
	const avoided = new Set(recent.slice(-(drillShapes[name].length - 1)).map(seed => shapeOf(name, seed)));
	let seed = draw();
	// Each draw misses with a chance of at most 7 in 8: a hundred draws all missing does not happen.
	for (let tries = 1; tries < 100 && avoided.has(shapeOf(name, seed)); tries++) {
		seed = draw();
	}

	return seed;
}

export function practiceTitle(name: DrillName, seed: number): string {
	return `Practice · ${name} · seed ${seed}`;
}

export function practiceId(name: DrillName): string {
	return `practice-${name}`;
}

export type Drill = {
	lesson: Lesson;
	/** The design choices the seed made, in a few words. */
	variant: string;
};

/** The same name and seed always give the same drill (deep-equal); `challenge` only adds --challenge to the replay line. */
export function generateDrill(name: DrillName, seed: number, {challenge = false}: {challenge?: boolean} = {}): Drill {
	if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
		throw new RangeError(`a drill seed is a whole number from 0 to ${maxSeed}, not ${seed}`);
	}

	const {variant, ...content} = generators[name](seededRandom(seed));
	const data: LessonData = {
		id: practiceId(name),
		// A drill is no lesson of a pack: its number is never shown or looked up, and 1 is valid in any pack.
		number: 1,
		title: practiceTitle(name, seed),
		...content,
		intro: `${content.intro}\nReplay this very drill with: git-push-tutor --practice ${name} --seed ${seed}${challenge ? ' --challenge' : ''}`,
	};
	return {lesson: validateLesson(data, `practice ${name}, seed ${seed}`), variant};
}

export function practiceLesson(name: DrillName, seed: number, options: {challenge?: boolean} = {}): Lesson {
	return generateDrill(name, seed, options).lesson;
}

/** Commands the reference solution types, for the score (comment lines are not commands). */
export function referenceCommands(lesson: Lesson): number {
	return lesson.steps.reduce((sum, step) => sum + step.solution.filter(line => !line.trimStart().startsWith('#')).length, 0);
}
