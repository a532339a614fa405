// Pieces the recover drill's shapes share: the look at the warehouse, the last shipment, and the
// checks and nudges for a push that forced. Each shape file builds its own world and middle steps.
import type {Check, Nudge} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {Desk, holdsBox, not, quoted, settled, type Box, type DrillContent, type StepData} from './world.ts';

/** What every shape function gets: the seeded random source and a desk of boxes no other box shares. */
export type ShapeMaker = (random: Random, desk: Desk) => DrillContent;

/** Any force is a wrong move in this drill: a step passes only after a push that did not force. */
export const notForced: Check[] = [not({check: 'forcedPush', lease: false}), not({check: 'forcedPush', lease: true})];

/** Said when a forced push threw nothing away (a loss outranks every nudge, so none was lost). */
export function forcedNudges(branch: string): Nudge[] {
	const say = `That push forced. It threw nothing away only because your ${branch} already held everything the warehouse had; a plain push ships the same boxes and refuses whenever it would throw one away. Ship once more without forcing.`;
	return [
		{when: [{check: 'forcedPush', lease: false}], say, type: 'git push'},
		{when: [{check: 'forcedPush', lease: true}], say, type: 'git push'},
	];
}

/** A step's nudges that hold only while git waits in the middle of nothing: an operation is the engine's to explain. */
export const calm = (nudges: readonly Nudge[]): Nudge[] => nudges.map(nudge => ({...nudge, when: [...settled, ...nudge.when]}));

export const holdsAll = (boxes: readonly Box[]) => boxes.map(box => holdsBox(box));

/** The first step of most shapes: bring the warehouse's news home without touching any branch. */
export function lookStep(options: {what: string; success: string}): StepData {
	return {
		id: 'look',
		title: 'Look at the warehouse',
		text: `${options.what} Bring the warehouse's news home without changing any branch of yours, and look for the sign that a branch there was rewritten.`,
		passWhen: [{check: 'ran', command: 'fetch', result: 'succeeded'}, {check: 'fetched'}],
		success: options.success,
		nudges: [{when: [{check: 'ran', command: 'pull'}], say: 'A pull does more than look: it also changes the branch you are on. For now, only bring the warehouse\'s news home.', type: 'git fetch'}],
		hints: [
			'Your remote-tracking branches (origin/...) are your copy of what the warehouse holds; bringing them up to date changes no branch of yours.',
			'Fetching does exactly that, and prints "(forced update)" next to a branch that was rewritten.',
			'Type: git fetch',
		],
		solution: ['git fetch'],
		wrongMoves: [['git status'], ['git remote -v'], ['git log --oneline']],
	};
}

/** The success line of the look step when {branch} was force-pushed. */
export const forcedLook = 'origin/{branch} now shows the warehouse as it is, and it jumped to a history that does not continue the one you saw before: Git marks that "(forced update)" on the fetch or pull that first brought it. Someone force-pushed.';

/** The last step of the shapes that work on {branch}: ship it all with a plain push. */
export function shipStep(lost: readonly Box[], kept: readonly Box[], everything: readonly Box[]): StepData {
	const back = `The warehouse holds ${quoted(lost)} again, next to ${quoted(kept)}.`;
	return {
		id: 'ship',
		title: 'Ship it back',
		text: `Your {branch} holds ${quoted(lost)} and everything the warehouse holds now. Ship it, so the warehouse has ${lost.length === 1 ? 'it' : 'them'} again and keeps the rest.`,
		passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...notForced, not({check: 'boxTwice'}), ...holdsAll(everything)],
		success: `Recovered. ${back}`,
		successAfterLoss: `${back} A push of yours threw boxes away during this drill before they came back.`,
		nudges: [
			...forcedNudges('{branch}'),
			{when: [{check: 'boxTwice'}], say: 'Your history holds the same change in two boxes, and the goal is each box once. To start this step again as it began, type reset step.', type: 'reset step'},
			{when: [not({check: 'shipped'})], say: 'Everything is in your {branch}; the warehouse does not have it yet.', type: 'git push'},
		],
		hints: ['Your {branch} continues the warehouse\'s history, so a plain push works.', 'Type: git push'],
		solution: ['git push'],
		wrongMoves: [['git status'], ['git fetch'], ['git push --force']],
	};
}

/** The summary lines every shape ends with, after its own. */
export const summaryEnd = [
	'A lost box survives in any clone that had it: in a branch, in git reflog, or in origin/{branch}\'s reflog (git reflog show origin/{branch}).',
	'Bring it back on top of what the warehouse holds now and ship with a plain git push: forcing is never needed to recover.',
];

export const they = (boxes: readonly Box[]) => (boxes.length === 1 ? 'it' : 'them');
export const isAre = (boxes: readonly Box[]) => (boxes.length === 1 ? 'is' : 'are');
