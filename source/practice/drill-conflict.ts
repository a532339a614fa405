// The conflict drill: you and Sam repacked the same thing.
import type {Check, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, divergentPull, holdsBox, learnerSeals, not, quoted, samSeals, settled, shippedStart, typeLines,
	plainPull, type Box, type DrillContent, type StepData,
} from './world.ts';

type SameLine = {file: string; key: string; values: readonly string[]};
type SameList = {file: string; prefix: string; items: readonly string[]};

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

type Conflict = {
	kind: 'keep yours' | 'keep Sam\'s' | 'keep both';
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
	/** What the step text asks for. */
	task: string;
	/** Sam's change and the learner's, as setup actions. */
	samChange: SetupAction[];
	yourChange: SetupAction[];
};

function makeConflict(random: Random): Conflict {
	if (random.chance(0.6)) {
		const topic = random.pick(sameLines);
		const [original, sams, yours] = random.sample(topic.values, 3) as [string, string, string];
		const line = (value: string) => `${topic.key}: ${value}`;
		const keepSams = random.chance(0.5);
		const kept = keepSams ? sams : yours;
		const key = topic.key.toLowerCase();
		return {
			kind: keepSams ? 'keep Sam\'s' : 'keep yours',
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

	const topic = random.pick(sameLists);
	const [original, sams, yours] = random.sample(topic.items, 3).map(item => `${topic.prefix}${item}`) as [string, string, string];
	const [first, second] = random.chance(0.5) ? [sams, yours] : [yours, sams];
	return {
		kind: 'keep both',
		file: topic.file,
		original,
		samsLine: sams,
		yourLine: yours,
		samsLabel: `Add '${sams.slice(topic.prefix.length)}' to the list`,
		yourLabel: `Put '${yours.slice(topic.prefix.length)}' on the list`,
		resolved: [original, first, second],
		dropped: [],
		task: `Both lines belong on the list. ${topic.file} should hold three lines: "${original}", "${first}" and "${second}".`,
		samChange: [{do: 'sam', line: `echo "${sams}" >> ${topic.file}`}],
		yourChange: [{do: 'append', path: topic.file, text: `${yours}\n`}],
	};
}

/** Echo lines that write the file as the agreement says. */
const writeLines = (file: string, lines: readonly string[]) => lines.map((line, index) => `echo "${line}" ${index === 0 ? '>' : '>>'} ${file}`);

export const conflictShapes = ['keep yours', 'keep Sam\'s', 'keep both'] as const;

export function conflict(random: Random): DrillContent {
	const desk = new Desk(random);
	const clash = makeConflict(random);
	const start = desk.boxes(random.int(0, 1));
	const samsExtra = desk.boxes(random.int(0, 2));
	const yourExtra = desk.boxes(random.int(0, 2));
	const samsAt = random.int(0, samsExtra.length);
	const yourAt = random.int(0, yourExtra.length);
	const resolvedChecks: Check[] = [
		...clash.resolved.map((line): Check => ({check: 'lastCommitFileHas', path: clash.file, text: line})),
		...clash.dropped.map(line => not({check: 'lastCommitFileHas', path: clash.file, text: line})),
	];
	const others = [...start, ...samsExtra, ...yourExtra].map(box => holdsBox(box));
	const samsClash: SetupAction[] = [...clash.samChange, {do: 'sam', line: `git commit -am "${clash.samsLabel}"`}];
	const yourClash: SetupAction[] = [...clash.yourChange, {do: 'type', line: `git commit -am "${clash.yourLabel}"`}];
	const setup: SetupAction[] = [
		{do: 'write', path: clash.file, text: `${clash.original}\n`},
		{do: 'type', line: `git add ${clash.file}`},
		{do: 'type', line: `git commit -m "Start ${clash.file}"`},
		...shippedStart(start),
		...samsExtra.slice(0, samsAt).flatMap(box => samSeals(box)),
		...samsClash,
		...samsExtra.slice(samsAt).flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet'},
		...yourExtra.slice(0, yourAt).flatMap(box => learnerSeals(box)),
		...yourClash,
		...yourExtra.slice(yourAt).flatMap(box => learnerSeals(box)),
	];
	const rewrite = writeLines(clash.file, clash.resolved);
	const wrongContent = clash.dropped.length > 0 ? writeLines(clash.file, clash.dropped) : writeLines(clash.file, [clash.original, clash.yourLine]);
	const steps: StepData[] = [
		{
			id: 'pull-stops',
			title: 'Bring Sam\'s boxes home',
			text: `Your push would be rejected: Sam shipped first. Pull his boxes (git pull --no-rebase, or --rebase) and watch it stop in ${clash.file}.`,
			passWhen: [{check: 'conflicted'}],
			success: `Stopped: you and Sam changed the same lines of ${clash.file}, and git cannot choose for you.`,
			nudges: [
				divergentPull,
				{when: [{check: 'ran', command: 'push', result: 'failed'}], say: 'Rejected, as expected: Sam shipped first. Pull his boxes: git pull --no-rebase'},
				{when: [{check: 'fetched'}, not({check: 'includesOnline'})], say: 'Sam\'s boxes are in origin/{branch}; combine them with yours: git merge origin/{branch}'},
			],
			hints: ['Pull, and say how to combine: --no-rebase (merge) or --rebase.', 'Type: git pull --no-rebase'],
			solution: ['git pull --no-rebase'],
			wrongMoves: [['git push'], ['git fetch'], plainPull],
		},
		{
			id: 'resolve',
			title: 'Settle the conflict and seal it',
			text: `${clash.task} Rewrite it with echo (> writes the first line, >> adds one), git add it, and finish: git commit -m "..." for a merge, git rebase --continue for a rebase.`,
			passWhen: [
				...settled,
				not({check: 'markers', where: 'folder'}),
				not({check: 'markers', where: 'lastCommit'}),
				{check: 'includesOnline'},
				...resolvedChecks,
				...others,
			],
			success: `Settled: ${clash.file} holds what you agreed, and Sam's boxes and yours are in one history.`,
			nudges: [
				{when: [{check: 'markers', where: 'lastCommit'}], say: `The newest box still has <<<<<<< lines in it. Rewrite ${clash.file} without them, git add it, and seal again.`},
				{when: [{check: 'conflicted'}, {check: 'markers', where: 'folder'}], say: `${clash.file} still holds the <<<<<<< ======= >>>>>>> lines. Rewrite it: ${typeLines(rewrite)}`},
				{when: [{check: 'conflicted'}], say: `${clash.file} looks settled: pack it with git add ${clash.file}`},
				{when: [{check: 'inProgress', operation: 'merge'}], say: 'Everything is packed: seal the merge with git commit -m "Merge Sam\'s boxes"'},
				{when: [{check: 'inProgress', operation: 'rebase'}], say: 'Everything is packed: go on with git rebase --continue (or git rebase --skip if git says nothing is left to seal)'},
				{when: [...settled, not({check: 'includesOnline'})], say: 'Sam\'s boxes are not in your {branch} yet: git pull --no-rebase'},
				{when: settled, say: `${clash.file} in your newest box is not what you agreed. ${clash.task}`},
			],
			hints: [
				`Write the agreed ${clash.file} over the conflicted one with echo.`,
				`Then pack it (git add ${clash.file}) and seal the merge with git commit -m "...".`,
				`Type: ${typeLines([...rewrite, `git add ${clash.file}`, 'git commit -m "Merge Sam\'s boxes"'])}`,
			],
			solution: [...rewrite, `git add ${clash.file}`, 'git commit -m "Merge Sam\'s boxes"'],
			wrongMoves: [
				[`git add ${clash.file}`, 'git commit -m "Merge Sam\'s boxes"'],
				[...wrongContent, `git add ${clash.file}`, 'git commit -m "Merge Sam\'s boxes"'],
			],
		},
		{
			id: 'ship',
			title: 'Ship the settled history',
			text: 'Ship it: the warehouse should get your boxes, Sam\'s, and the agreed file.',
			passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, not({check: 'markers', where: 'lastCommit'}), ...resolvedChecks, ...others],
			success: 'Shipped: one history, with Sam\'s boxes, yours and the settled file.',
			nudges: [{when: [not({check: 'shipped'})], say: 'Ship it: git push'}],
			hints: ['Your branch continues the warehouse\'s history now.', 'Type: git push'],
			solution: ['git push'],
			wrongMoves: [['git status'], ['git fetch']],
		},
	];
	const extras = (boxes: Box[], who: string) => (boxes.length > 0 ? ` ${who} also sealed ${quoted(boxes)}.` : '');
	return {
		variant: `${clash.kind}, Sam ${samsExtra.length}+1, you ${yourExtra.length}+1`,
		command: 'merge',
		intro: [
			`Sam shipped "${clash.samsLabel}", which changes ${clash.file}.${extras(samsExtra, 'He')}`,
			`You sealed "${clash.yourLabel}", which changes the same place, before pulling.${extras(yourExtra, 'You')}`,
		].join('\n'),
		setup,
		steps,
		summary: [
			'When you and someone else changed the same lines, the pull stops in a conflict and waits for you.',
			'Write the file as it should be, delete the <<<<<<< ======= >>>>>>> lines, git add it and seal (or git rebase --continue); then push.',
		],
	};
}
