// The conflict drill: you and Sam repacked the same line. Each shape asks a different decision:
// keep your line, keep Sam's, keep both lines, write one line that combines both changes, or
// settle the conflict in the middle of a rebase, where the sides are swapped.
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, chooseHowToCombine, holdsBox, learnerSeals, not, plainPull, pushRefused, quoted, samSeals, settled, shippedStart, typeLines,
	type Box, type DrillContent, type StepData,
} from './world.ts';

export const conflictShapes = ['keep yours', 'keep Sam\'s', 'keep both', 'combine', 'during a rebase'] as const;
type Shape = (typeof conflictShapes)[number];

type SameLine = {file: string; key: string; values: readonly string[]};
type SameList = {file: string; prefix: string; items: readonly string[]};
/** One line with two parts: Sam changes one part, you the other. */
type TwoParts = {file: string; key: string; first: readonly string[]; second: readonly string[]};

const sameLines: readonly SameLine[] = [
	{file: 'pickup.txt', key: 'Pickup day', values: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']},
	{file: 'tape.txt', key: 'Tape colour', values: ['red', 'blue', 'green', 'yellow', 'orange']},
	{file: 'dock.txt', key: 'Loading dock', values: ['north', 'south', 'east', 'west']},
	{file: 'truck.txt', key: 'Truck', values: ['the small van', 'the big lorry', 'the blue truck', 'the red truck']},
	{file: 'boxes.txt', key: 'Box size', values: ['small', 'medium', 'large', 'huge']},
];

const sameLists: readonly SameList[] = [
	{file: 'supplies.txt', prefix: '- buy ', items: ['tape', 'bubble wrap', 'labels', 'markers', 'string', 'gloves']},
	{file: 'calls.txt', prefix: '- call ', items: ['the driver', 'the warehouse', 'the customer', 'the bank', 'the printer']},
	{file: 'reminders.txt', prefix: '- remember ', items: ['the keys', 'the invoices', 'the fuel card', 'the map', 'the stamps']},
];

const twoParts: readonly TwoParts[] = [
	{file: 'pickup.txt', key: 'Pickup', first: ['on Monday', 'on Tuesday', 'on Thursday', 'on Friday'], second: ['at 8:00', 'at 10:30', 'at 14:00', 'at 16:30']},
	{file: 'delivery.txt', key: 'Delivery', first: ['by van', 'by lorry', 'by bike', 'by train'], second: ['to the north gate', 'to the south gate', 'to the back door', 'to the front desk']},
	{file: 'meeting.txt', key: 'Team meeting', first: ['on Monday', 'on Wednesday', 'on Friday'], second: ['in the office', 'at the depot', 'in the canteen', 'on the loading dock']},
];

type Clash = {
	file: string;
	original: string;
	samsLine: string;
	yourLine: string;
	samsLabel: string;
	yourLabel: string;
	/** The agreement the learner must write, as lines. */
	resolved: string[];
	/** Lines that must not survive. */
	dropped: string[];
	/** The goal the step text states: what the file should hold. */
	task: string;
	samChange: SetupAction[];
	yourChange: SetupAction[];
};

function oneLine(random: Random, keepSams: boolean): Clash {
	const topic = random.pick(sameLines);
	const [original, sams, yours] = random.sample(topic.values, 3) as [string, string, string];
	const line = (value: string) => `${topic.key}: ${value}`;
	const kept = keepSams ? sams : yours;
	const key = topic.key.toLowerCase();
	return {
		file: topic.file,
		original: line(original),
		samsLine: line(sams),
		yourLine: line(yours),
		samsLabel: `Set ${key} to ${sams}`,
		yourLabel: `Change ${key} to ${yours}`,
		resolved: [line(kept)],
		dropped: [line(keepSams ? yours : sams)],
		task: `You talked it over: keep ${keepSams ? 'Sam\'s' : 'your'} ${key}, ${kept}. ${topic.file} should hold just the line "${line(kept)}".`,
		samChange: [{do: 'sam', line: `echo "${line(sams)}" > ${topic.file}`}],
		yourChange: [{do: 'write', path: topic.file, text: `${line(yours)}\n`}],
	};
}

function bothLines(random: Random): Clash {
	const topic = random.pick(sameLists);
	const [original, sams, yours] = random.sample(topic.items, 3).map(item => `${topic.prefix}${item}`) as [string, string, string];
	const [first, second] = random.chance(0.5) ? [sams, yours] : [yours, sams];
	return {
		file: topic.file,
		original,
		samsLine: sams,
		yourLine: yours,
		samsLabel: `Add '${sams.slice(topic.prefix.length)}' to the list`,
		yourLabel: `Put '${yours.slice(topic.prefix.length)}' on the list`,
		resolved: [original, first, second],
		dropped: [],
		task: `Both lines belong on the list. ${topic.file} should hold three lines, in this order: "${original}", "${first}" and "${second}".`,
		samChange: [{do: 'sam', line: `echo "${sams}" >> ${topic.file}`}],
		yourChange: [{do: 'append', path: topic.file, text: `${yours}\n`}],
	};
}

/** Sam changes one part of the line and you the other: the agreed line takes both changes. */
function combined(random: Random): Clash {
	const topic = random.pick(twoParts);
	const [oldFirst, newFirst] = random.sample(topic.first, 2) as [string, string];
	const [oldSecond, newSecond] = random.sample(topic.second, 2) as [string, string];
	const line = (first: string, second: string) => `${topic.key}: ${first} ${second}`;
	const samsFirst = random.chance(0.5);
	const samsLine = samsFirst ? line(newFirst, oldSecond) : line(oldFirst, newSecond);
	const yourLine = samsFirst ? line(oldFirst, newSecond) : line(newFirst, oldSecond);
	const agreed = line(newFirst, newSecond);
	return {
		file: topic.file,
		original: line(oldFirst, oldSecond),
		samsLine,
		yourLine,
		samsLabel: `${topic.key} ${samsFirst ? newFirst : newSecond}`,
		yourLabel: `${topic.key} ${samsFirst ? newSecond : newFirst}`,
		resolved: [agreed],
		dropped: [samsLine, yourLine],
		task: `Both changes are right, and they are to different parts of the same line. ${topic.file} should hold just the line "${agreed}".`,
		samChange: [{do: 'sam', line: `echo "${samsLine}" > ${topic.file}`}],
		yourChange: [{do: 'write', path: topic.file, text: `${yourLine}\n`}],
	};
}

function clashFor(shape: Shape, random: Random): Clash {
	switch (shape) {
		case 'keep yours': {
			return oneLine(random, false);
		}

		case 'keep Sam\'s': {
			return oneLine(random, true);
		}

		case 'keep both': {
			return bothLines(random);
		}

		case 'combine': {
			return combined(random);
		}

		case 'during a rebase': {
			// Your box stays non-empty when replayed: you keep your line, alone or beside Sam's.
			return random.chance(0.5) ? oneLine(random, false) : bothLines(random);
		}
	}
}

/** Echo lines that write the file as the agreement says. */
const writeLines = (file: string, lines: readonly string[]) => lines.map((line, index) => `echo "${line}" ${index === 0 ? '>' : '>>'} ${file}`);

export function conflict(random: Random): DrillContent {
	const shape: Shape = random.pick(conflictShapes);
	const rebase = shape === 'during a rebase';
	const desk = new Desk(random);
	const clash = clashFor(shape, random);
	const start = desk.boxes(random.int(0, 1));
	const samsExtra = desk.boxes(random.int(0, 2));
	// In a rebase, a box of yours after the clashing one is replayed once the conflict is settled.
	const yourExtra = desk.boxes(random.int(rebase ? 1 : 0, 2));
	const samsAt = random.int(0, samsExtra.length);
	const yourAt = rebase ? 0 : random.int(0, yourExtra.length);
	const resolvedChecks: Check[] = [
		...clash.resolved.map((line): Check => ({check: 'lastCommitFileHas', path: clash.file, text: line})),
		...clash.dropped.map(line => not({check: 'lastCommitFileHas', path: clash.file, text: line})),
	];
	const straight: Check[] = rebase ? [not({check: 'mergeCommit'})] : [];
	const others = [...start, ...samsExtra, ...yourExtra].map(box => holdsBox(box));
	const setup: SetupAction[] = [
		{do: 'write', path: clash.file, text: `${clash.original}\n`},
		{do: 'type', line: `git add ${clash.file}`},
		{do: 'type', line: `git commit -m "Start ${clash.file}"`},
		...shippedStart(start),
		...samsExtra.slice(0, samsAt).flatMap(box => samSeals(box)),
		...clash.samChange,
		{do: 'sam', line: `git commit -am "${clash.samsLabel}"`},
		...samsExtra.slice(samsAt).flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet'},
		...yourExtra.slice(0, yourAt).flatMap(box => learnerSeals(box)),
		...clash.yourChange,
		{do: 'type', line: `git commit -am "${clash.yourLabel}"`},
		...yourExtra.slice(yourAt).flatMap(box => learnerSeals(box)),
	];
	const pull = rebase ? 'git pull --rebase' : 'git pull --no-rebase';
	const finish = rebase ? 'git rebase --continue' : 'git commit -m "Merge Sam\'s boxes"';
	const rewrite = writeLines(clash.file, clash.resolved);
	const wrongContent = clash.dropped.length > 0 ? writeLines(clash.file, clash.dropped) : writeLines(clash.file, [clash.original, clash.yourLine]);

	const pullStops: StepData = {
		id: 'pull-stops',
		title: 'Bring Sam\'s boxes home',
		text: rebase
			? 'Sam shipped first, so the warehouse will refuse your boxes until his are in your {branch}. The team keeps a straight history: bring his boxes home with yours on top of them, no merge box.'
			: 'Sam shipped first, so the warehouse will refuse your boxes until his are in your {branch}. Bring his boxes home, by a merge or with yours on top.',
		passWhen: [{check: 'conflicted'}, ...(rebase ? [{check: 'inProgress', operation: 'rebase'} satisfies Check] : [])],
		success: rebase
			? `Stopped in the middle of the rebase: your box "${clash.yourLabel}" changes the same place in ${clash.file} as Sam's, and Git cannot choose for you.`
			: `Stopped: you and Sam changed the same place in ${clash.file}, and Git cannot choose for you.`,
		nudges: [
			chooseHowToCombine,
			...(rebase ? [{when: [{check: 'inProgress', operation: 'merge'}], say: 'That started a merge; the team wants your boxes on top of Sam\'s instead, with no merge box. Give up this merge first.', type: 'git merge --abort'}] satisfies Nudge[] : []),
			{when: pushRefused, say: 'Refused, as expected: the warehouse holds Sam\'s boxes, and your {branch} does not have them yet.'},
			{when: [{check: 'fetched'}, not({check: 'includesOnline'}), ...settled], say: 'Sam\'s boxes are in origin/{branch} now; combine them with your {branch}.', type: rebase ? 'git rebase origin/{branch}' : 'git merge origin/{branch}'},
		],
		hints: [
			'A pull brings Sam\'s boxes and combines them with yours.',
			rebase ? 'Say how to combine: with your boxes on top, replayed one by one (--rebase).' : 'Say how to combine: a merge box (--no-rebase), or your boxes on top (--rebase).',
			`Type: ${pull}`,
		],
		solution: [pull],
		wrongMoves: [['git push'], ['git fetch'], rebase ? ['git pull --no-rebase'] : plainPull, ['git push --force']],
	};

	const resolvedNudges: Nudge[] = [
		...clash.resolved.map((line): Nudge => ({when: [...settled, not({check: 'lastCommitFileHas', path: clash.file, text: line})], say: `${clash.file} in your newest box lacks the line "${line}". ${clash.task}`})),
		...clash.dropped.map((line): Nudge => ({when: [...settled, {check: 'lastCommitFileHas', path: clash.file, text: line}], say: `${clash.file} in your newest box still holds the line "${line}". ${clash.task}`})),
	];
	const resolve: StepData = {
		id: 'resolve',
		title: 'Settle the conflict',
		text: `${clash.task} Write it so, without the <<<<<<< ======= >>>>>>> lines, then let Git finish the ${rebase ? 'rebase' : 'combining it started'}.`,
		passWhen: [
			...settled,
			not({check: 'markers', where: 'folder'}),
			not({check: 'markers', where: 'lastCommit'}),
			{check: 'includesOnline'},
			...resolvedChecks,
			...others,
			...straight,
		],
		success: rebase
			? `Settled: ${clash.file} holds what you agreed, and your boxes sit on top of Sam's in one straight line.`
			: `Settled: ${clash.file} holds what you agreed, and Sam's boxes and yours are in one history.`,
		nudges: [
			{
				when: [{check: 'markers', where: 'lastCommit'}, not({check: 'conflicted'}), not({check: 'inProgress', operation: 'rebase'})],
				say: `Your newest box has <<<<<<< lines sealed in ${clash.file}. ${clash.task} Write it so, pack it and seal it.`,
				type: typeLines([...rewrite, `git add ${clash.file}`, `git commit -m "Settle ${clash.file}"`]),
			},
			// The way on from a conflict depends on what git is in the middle of: the hint follows it.
			{when: [{check: 'conflicted'}, {check: 'markers', where: 'folder'}, {check: 'inProgress', operation: 'rebase'}], say: `${clash.file} still holds the <<<<<<< ======= >>>>>>> lines. ${clash.task}`, type: typeLines([...rewrite, `git add ${clash.file}`, 'git rebase --continue'])},
			{when: [{check: 'conflicted'}, {check: 'markers', where: 'folder'}], say: `${clash.file} still holds the <<<<<<< ======= >>>>>>> lines. ${clash.task}`, type: typeLines([...rewrite, `git add ${clash.file}`, 'git commit --no-edit'])},
			{when: [{check: 'conflicted'}], say: `${clash.file} has no conflict lines left: pack it, so Git knows the conflict is settled.`, type: `git add ${clash.file}`},
			// Packed with the marker lines still in: sealing now would seal them.
			...(['merge', 'rebase'] as const).map((operation): Nudge => ({
				when: [{check: 'inProgress', operation}, {check: 'markers', where: 'folder'}],
				say: `${clash.file} still holds the <<<<<<< ======= >>>>>>> lines, and they are packed. ${clash.task} Write it so and pack it again before going on.`,
				type: typeLines([...rewrite, `git add ${clash.file}`]),
			})),
			{when: [{check: 'inProgress', operation: 'merge'}], say: 'Everything is packed: seal the merge box to finish the merge.', type: 'git commit --no-edit'},
			{
				when: [{check: 'inProgress', operation: 'rebase'}],
				say: 'Everything is packed: let the rebase go on with your next box. If Git says nothing is left to seal in this box, Sam\'s boxes already hold all it changed: skip it.',
				type: 'git rebase --continue',
			},
			...(rebase ? [{when: [{check: 'mergeCommit'}], say: 'Your newest box is a merge box; the team wants your boxes on top of Sam\'s in a straight line. Type reset step to start this step again.', type: 'reset step'}] satisfies Nudge[] : []),
			{when: [...settled, not({check: 'includesOnline'})], say: 'Sam\'s boxes are not in your {branch} yet.', type: pull},
			...resolvedNudges,
		],
		hints: [
			rebase
				? `In a rebase the sides are swapped: the part under <<<<<<< HEAD is Sam's (the boxes you are replaying onto), the part under ======= is your box "${clash.yourLabel}".`
				: `Write ${clash.file} as agreed, over all of it, conflict lines included: the agreement decides, not which side a line came from.`,
			rebase ? 'Write the file as agreed, pack it, then let the rebase go on.' : 'Then pack it, and let Git finish what it is in the middle of.',
			`Type: ${typeLines([...rewrite, `git add ${clash.file}`, finish])}`,
		],
		solution: [...rewrite, `git add ${clash.file}`, finish],
		wrongMoves: [
			[`git add ${clash.file}`, finish],
			[...wrongContent, `git add ${clash.file}`, finish],
			...(rebase ? [['git rebase --skip']] : [['git merge --abort']]),
		],
	};

	const ship: StepData = {
		id: 'ship',
		title: 'Ship the settled history',
		text: 'Ship it: the warehouse should get your boxes, Sam\'s, and the agreed file.',
		passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, not({check: 'markers', where: 'lastCommit'}), ...resolvedChecks, ...others, ...straight],
		success: 'Shipped: one history, with Sam\'s boxes, yours and the settled file.',
		nudges: [{when: [not({check: 'shipped'}), {check: 'includesOnline'}, ...settled], say: 'Your {branch} continues the warehouse\'s history now: no force is needed.', type: 'git push'}],
		hints: ['Your {branch} continues the warehouse\'s history now.', 'Ship as you always do.', 'Type: git push'],
		solution: ['git push'],
		wrongMoves: [['git status'], ['git fetch']],
	};
	const extras = (boxes: Box[], who: string) => (boxes.length > 0 ? ` ${who} also sealed ${quoted(boxes)}.` : '');
	return {
		variant: `${shape}, Sam ${samsExtra.length}+1, you ${yourExtra.length}+1`,
		command: rebase ? 'rebase' : 'merge',
		intro: [
			`Sam shipped "${clash.samsLabel}", which changes ${clash.file}.${extras(samsExtra, 'He')}`,
			`You sealed "${clash.yourLabel}", which changes the same place in it, before pulling.${extras(yourExtra, 'You')}`,
		].join('\n'),
		setup,
		steps: [pullStops, resolve, ship],
		summary: [
			'When you and someone else changed the same lines, the pull stops in a conflict and waits for you.',
			'Write the file as agreed, without the <<<<<<< ======= >>>>>>> lines, git add it, then seal the merge (git commit) or go on with the rebase (git rebase --continue; git rebase --skip for a box left empty).',
			'In a rebase the sides swap: HEAD is the branch you replay onto (Sam\'s), the other side your box.',
			'Then git push.',
		],
	};
}
