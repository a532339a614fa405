// The pull-first drill: Sam shipped while you were sealing boxes.
import type {Check, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, boxWord, divergentPull, holdsBox, learnerSeals, not, quoted, samSeals, settled, shippedStart,
	plainPull, type DrillContent, type StepData,
} from './world.ts';

const pushFailedNotMistyped: Check[] = [
	{check: 'ran', command: 'push', result: 'failed'},
	not({check: 'ran', command: 'push', failure: 'unknown-remote'}),
	not({check: 'ran', command: 'push', failure: 'src-refspec'}),
];

export const pullFirstShapes = ['any'] as const;

export function pullFirst(random: Random): DrillContent {
	const desk = new Desk(random);
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(1, 3));
	const yours = desk.boxes(random.int(1, 3));
	const everything = [...start, ...sams, ...yours].map(box => holdsBox(box));
	const setup: SetupAction[] = [
		...shippedStart(start),
		...sams.flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet'},
		...yours.flatMap(box => learnerSeals(box)),
	];
	const steps: StepData[] = [
		{
			id: 'see-rejection',
			title: 'Try to ship',
			text: `Ship your ${boxWord(yours.length)} with a plain git push, and read why the warehouse says no.`,
			passWhen: [...pushFailedNotMistyped, {check: 'diverged'}],
			success: `Rejected: the warehouse holds Sam's ${sams.length === 1 ? 'box, which your {branch} does not have, and git will not throw it away' : 'boxes, which your {branch} does not have, and git will not throw them away'}.`,
			nudges: [{when: [{check: 'ran', command: 'push', failure: 'unknown-remote'}], say: 'The warehouse is called origin: git push'}],
			hints: ['The route is saved, so no destination is needed.', 'Type: git push'],
			solution: ['git push'],
			wrongMoves: [['git status'], ['git push orign']],
		},
		{
			id: 'bring-home',
			title: 'Bring Sam\'s boxes home',
			text: `Bring Sam's ${boxWord(sams.length)} into your {branch}, keeping yours. Say how to combine: --no-rebase (merge) or --rebase (yours on top); without either, recent git stops and asks.`,
			passWhen: [{check: 'includesOnline'}, ...settled, ...everything],
			success: `Sam's ${sams.length === 1 ? 'box is' : 'boxes are'} home, next to yours.`,
			nudges: [
				divergentPull,
				{when: [{check: 'fetched'}, not({check: 'includesOnline'})], say: 'Sam\'s boxes are in origin/{branch} now, but not in your {branch} yet: git merge origin/{branch} (or git pull --rebase).'},
				{when: [{check: 'includesOnline'}, ...settled, not(holdsBox(yours[0]!))], say: 'Your own boxes are no longer in {branch}. Type reset to start this drill again.'},
				{when: [{check: 'ran', command: 'push'}], say: 'Sam\'s boxes have to come home before yours can ship: git pull --no-rebase'},
			],
			hints: ['Pulling fetches Sam\'s boxes and combines them with yours.', 'A divergent pull needs a choice: --no-rebase or --rebase.', 'Type: git pull --no-rebase'],
			solution: ['git pull --no-rebase'],
			wrongMoves: [['git push'], ['git fetch'], plainPull, ['git push --force']],
		},
		{
			id: 'ship',
			title: 'Ship everything',
			text: `Now ship: the warehouse should end up with Sam's ${sams.length === 1 ? 'box' : 'boxes'} and yours.`,
			passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...everything],
			success: `Shipped. The warehouse holds Sam's ${sams.length === 1 ? 'box' : 'boxes'} and yours: pull first, then push.`,
			nudges: [{when: [not({check: 'shipped'})], say: 'Everything is home: ship it with git push'}],
			hints: ['Your branch now continues the warehouse\'s history, so a plain push works.', 'Type: git push'],
			solution: ['git push'],
			wrongMoves: [['git status'], ['git fetch']],
		},
	];
	return {
		variant: `any, ${start.length} shipped, Sam ${sams.length}, you ${yours.length}`,
		command: 'pull',
		intro: [
			`You sealed ${yours.length === 1 ? 'a box' : boxWord(yours.length)} (${quoted(yours)}) and want to ship.`,
			`Meanwhile Sam shipped ${sams.length === 1 ? 'a box' : boxWord(sams.length)} of his own (${quoted(sams)}), and you have not pulled since.`,
		].join('\n'),
		setup,
		steps,
		summary: [
			'A push is rejected (fetch first, or non-fast-forward) when the warehouse holds boxes you do not have.',
			'git pull --no-rebase or --rebase brings them home; then a plain git push ships everything.',
		],
	};
}
