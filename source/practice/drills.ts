// One generator per drill. Each builds an ordinary lesson (setup, steps, checks, nudges, hints
// and a reference solution) from a seeded random source, so a seed always gives the same drill.
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {DrillName} from './drill-names.ts';
import type {Random} from './prng.ts';
import {
	Desk, boxWord, holdsBox, learnerSeals, not, quoted, samSeals, samsBoxesGone, settled, shippedStart,
	type Box, type LessonData, type StepData,
} from './world.ts';

/** What a generator returns: the lesson without the parts every drill shares. */
export type DrillContent = Pick<LessonData, 'command' | 'intro' | 'setup' | 'steps' | 'summary'> & {
	/** The design choices this seed made, in a few words (for tests and for reading a drill). */
	variant: string;
};

export const lessonNumbers: Record<DrillName, number> = {'pull-first': 5, conflict: 6, force: 7, recover: 8};

const pushFailedNotMistyped: Check[] = [
	{check: 'ran', command: 'push', result: 'failed'},
	not({check: 'ran', command: 'push', failure: 'unknown-remote'}),
	not({check: 'ran', command: 'push', failure: 'src-refspec'}),
];

const divergentPull: Nudge = {
	when: [{check: 'ran', command: 'pull', result: 'failed', failure: 'divergent-pull'}],
	say: 'Git will not guess how to combine the two histories: say it. git pull --no-rebase ties them together with a merge box; git pull --rebase puts your boxes on top.',
};

// ---- pull-first: Sam shipped while you were sealing boxes ----

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
			nudges: [samsBoxesGone, {when: [{check: 'ran', command: 'push', failure: 'unknown-remote'}], say: 'The warehouse is called origin: git push'}],
			hints: ['The route is saved, so no destination is needed.', 'Type: git push'],
			solution: ['git push'],
			wrongMoves: [['git status'], ['git push orign']],
		},
		{
			id: 'bring-home',
			title: 'Bring Sam\'s boxes home',
			text: `Bring Sam's ${boxWord(sams.length)} into your {branch}, keeping yours. A plain git pull stops and asks how: choose with --no-rebase (merge) or --rebase (yours on top).`,
			passWhen: [{check: 'includesOnline'}, ...settled, ...everything],
			success: `Sam's ${sams.length === 1 ? 'box is' : 'boxes are'} home, next to yours.`,
			nudges: [
				samsBoxesGone,
				divergentPull,
				{when: [{check: 'fetched'}, not({check: 'includesOnline'})], say: 'Sam\'s boxes are in origin/{branch} now, but not in your {branch} yet: git merge origin/{branch} (or git pull --rebase).'},
				{when: [{check: 'includesOnline'}, ...settled, not(holdsBox(yours[0]!))], say: 'Your own boxes are no longer in {branch}. Type reset to start this drill again.'},
				{when: [{check: 'ran', command: 'push'}], say: 'Sam\'s boxes have to come home before yours can ship: git pull --no-rebase'},
			],
			hints: ['Pulling fetches Sam\'s boxes and combines them with yours.', 'A divergent pull needs a choice: --no-rebase or --rebase.', 'Type: git pull --no-rebase'],
			solution: ['git pull --no-rebase'],
			wrongMoves: [['git push'], ['git fetch'], ['git pull'], ['git push --force']],
		},
		{
			id: 'ship',
			title: 'Ship everything',
			text: `Now ship: the warehouse should end up with Sam's ${sams.length === 1 ? 'box' : 'boxes'} and yours.`,
			passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...everything],
			success: `Shipped. The warehouse holds Sam's ${sams.length === 1 ? 'box' : 'boxes'} and yours: pull first, then push.`,
			nudges: [samsBoxesGone, {when: [not({check: 'shipped'})], say: 'Everything is home: ship it with git push'}],
			hints: ['Your branch now continues the warehouse\'s history, so a plain push works.', 'Type: git push'],
			solution: ['git push'],
			wrongMoves: [['git status'], ['git fetch']],
		},
	];
	return {
		variant: `${start.length} shipped, Sam ${sams.length}, you ${yours.length}`,
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

// ---- conflict: you and Sam repacked the same thing ----

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

/** Several commands for the learner to type, one at a time (the prompt runs one command per line). */
const typeLines = (lines: readonly string[]) => lines.join('   then: ');

/** Echo lines that write the file as the agreement says. */
const writeLines = (file: string, lines: readonly string[]) => lines.map((line, index) => `echo "${line}" ${index === 0 ? '>' : '>>'} ${file}`);

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
				samsBoxesGone,
				divergentPull,
				{when: [{check: 'ran', command: 'push', result: 'failed'}], say: 'Rejected, as expected: Sam shipped first. Pull his boxes: git pull --no-rebase'},
				{when: [{check: 'fetched'}, not({check: 'includesOnline'})], say: 'Sam\'s boxes are in origin/{branch}; combine them with yours: git merge origin/{branch}'},
			],
			hints: ['Pull, and say how to combine: --no-rebase (merge) or --rebase.', 'Type: git pull --no-rebase'],
			solution: ['git pull --no-rebase'],
			wrongMoves: [['git push'], ['git fetch'], ['git pull']],
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
				samsBoxesGone,
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
			nudges: [samsBoxesGone, {when: [not({check: 'shipped'})], say: 'Ship it: git push'}],
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

// ---- force: relabelling a box you already shipped ----

/** Swaps two neighbouring, different letters in one word of the noun: "invoice" → "invocie". */
function makeTypo(random: Random, noun: string): {word: string; typo: string} {
	const words = noun.split(' ').filter(word => word.length >= 4);
	const word = random.pick(words);
	const places = [...word].map((_, index) => index).filter(index => index + 1 < word.length && word[index] !== word[index + 1] && index > 0);
	const at = random.pick(places);
	return {word, typo: `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`};
}

export function force(random: Random): DrillContent {
	const desk = new Desk(random);
	const start = desk.boxes(random.int(1, 2));
	const shipped = desk.boxes(random.int(1, 3));
	const last = shipped.at(-1)!;
	const noun = last.label.split(' ').slice(1).join(' ');
	const {word, typo} = makeTypo(random, noun);
	const typoLabel = last.label.replace(word, typo);
	const samMeanwhile = random.chance(0.5);
	const samsBox = desk.box();
	const fixed: Check[] = [{check: 'lastCommitLabel', contains: word}, not({check: 'lastCommitLabel', contains: typo})];
	const setup: SetupAction[] = [
		...shippedStart(start),
		...shipped.slice(0, -1).flatMap(box => learnerSeals(box)),
		...learnerSeals({...last, label: typoLabel}),
		{do: 'type', line: 'git push --quiet'},
	];
	const relabel: StepData = {
		id: 'relabel',
		title: 'Fix the label',
		text: `Your last box is labelled "${typoLabel}": "${typo}" should be "${word}". Write the right label on that same box: git commit --amend -m "...".`,
		passWhen: [...fixed, {check: 'diverged'}],
		success: 'Relabelled. Your {branch} now holds a new copy of the box, and no longer matches the warehouse.',
		nudges: [
			{when: [{check: 'lastCommitLabel', contains: word}, not({check: 'diverged'})], say: 'That sealed a new box on top; the one with the typo is still under it. Type reset, then relabel the box itself with git commit --amend -m "..."'},
			{when: [{check: 'lastCommitLabel', contains: typo}], say: `The label still says "${typo}". git commit --amend -m "${last.label}"`},
		],
		hints: ['--amend replaces the newest box with a new one: same contents, new label.', `Type: git commit --amend -m "${last.label}"`],
		solution: [`git commit --amend -m "${last.label}"`],
		wrongMoves: [['git status'], [`git commit --allow-empty -m "${last.label}"`]],
	};
	const steps: StepData[] = samMeanwhile
		? [
			relabel,
			{
				id: 'lease-refuses',
				title: 'Replace it, with a lease',
				text: 'Replace the warehouse\'s copy with git push --force-with-lease, and watch what the lease does.',
				passWhen: [{check: 'ran', command: 'push', result: 'failed', failure: 'stale-info'}],
				success: '"stale info": the warehouse changed since you last looked, so the lease refused to throw away a box you have never seen. Sam\'s box is safe.',
				nudges: [
					{when: [not({check: 'hasBoxBy', by: 'Sam', where: 'online'})], say: 'Sam\'s box is gone from the warehouse: that push threw it away. Type reset to try the drill again.'},
					{when: [{check: 'ran', command: 'push', result: 'failed'}], say: 'A plain push is rejected, as expected. Now replace the box with the lease: git push --force-with-lease'},
					{when: [{check: 'fetched'}], say: 'You fetched, so origin/{branch} already knows Sam\'s box: a lease push now would throw it away. Do not push with force; bring his box home instead.'},
				],
				hints: ['Push with --force-with-lease, and do not fetch first.', 'Type: git push --force-with-lease'],
				solution: ['git push --force-with-lease'],
				wrongMoves: [['git fetch', 'git push --force-with-lease'], ['git push --force'], ['git status']],
				onStart: [
					...samSeals(samsBox),
					{do: 'sam', line: 'git push --quiet'},
				],
				announce: `Meanwhile Sam pulled your box with the typo, sealed "${samsBox.label}" on top of it and shipped it. You have not fetched since.`,
			},
			{
				id: 'keep-sams-box',
				title: 'Keep Sam\'s box',
				text: 'Sam built on your box, so its label stays: relabelling it now would throw his box away. Bring his box home with git pull --rebase: your relabelled copy is dropped (the warehouse\'s box holds the same things), and your {branch} matches the warehouse again. (After a merge instead, ship it with a plain git push.)',
				passWhen: [{check: 'hasBoxBy', by: 'Sam', where: 'local'}, {check: 'includesOnline'}, {check: 'shipped'}, {check: 'onlineKept'}, ...settled, holdsBox(samsBox), holdsBox(last)],
				success: 'Sam\'s box survived, and your {branch} matches the warehouse without any force. Once someone has built on a box, leave its label alone.',
				nudges: [
					{when: [not({check: 'hasBoxBy', by: 'Sam', where: 'online'}), not({check: 'hasBoxBy', by: 'Sam', where: 'local'})], say: 'Sam\'s box is gone from the warehouse: a force push threw it away. Type reset to try the drill again.'},
					divergentPull,
					{when: [{check: 'hasBoxBy', by: 'Sam', where: 'local'}, {check: 'includesOnline'}, not({check: 'shipped'})], say: 'Sam\'s box is home. Ship with a plain git push.'},
					{when: [{check: 'ran', command: 'push', result: 'failed'}], say: 'Bring Sam\'s box home first: git pull --rebase'},
				],
				hints: ['Pull Sam\'s box home with --rebase; no push with force.', 'Type: git pull --rebase'],
				solution: ['git pull --rebase'],
				wrongMoves: [['git fetch', 'git push --force-with-lease'], ['git push --force'], ['git push']],
			},
		]
		: [
			relabel,
			{
				id: 'see-rejection',
				title: 'Try a plain push',
				text: 'Ship the relabelled box with a plain git push, and read what the warehouse says.',
				passWhen: [{check: 'ran', command: 'push', result: 'failed', failure: 'non-fast-forward'}],
				success: '"non-fast-forward": the warehouse still has the box with the typo, and your {branch} does not continue from it.',
				nudges: [],
				hints: ['Just push.', 'Type: git push'],
				solution: ['git push'],
				wrongMoves: [['git status'], ['git fetch']],
			},
			{
				id: 'replace',
				title: 'Replace the box in the warehouse',
				text: 'Nobody else has built on that box, so replace it: git push --force-with-lease throws away the warehouse\'s copy, but only if it is still the one you last saw.',
				passWhen: [{check: 'shipped'}, ...fixed],
				success: 'Replaced: the warehouse now has the box with the right label. --force would work too, but the lease protects boxes you have never seen.',
				nudges: [
					{when: [{check: 'mergeCommit'}], say: 'Pulling brought the typo box back beside the new one. Type reset, and this time replace it: git push --force-with-lease'},
					{when: [{check: 'ran', command: 'push', result: 'failed'}], say: 'A plain push cannot replace a box. git push --force-with-lease'},
				],
				hints: ['To replace a shipped box you need force; the lease is the safe kind.', 'Type: git push --force-with-lease'],
				solution: ['git push --force-with-lease'],
				wrongMoves: [['git push'], ['git pull --no-rebase', 'git push']],
			},
		];
	const earlier = shipped.length > 1 ? ` (after ${quoted(shipped.slice(0, -1))})` : '';
	return {
		variant: `${samMeanwhile ? 'Sam ships meanwhile' : 'nobody else'}, ${shipped.length} shipped`,
		command: 'push --force-with-lease',
		intro: [
			`You shipped the box "${typoLabel}"${earlier}, and then saw the typo: "${typo}".`,
			samMeanwhile ? 'Fix the label, and keep an eye on Sam: he works on the same warehouse.' : 'Nobody has pulled it yet. Fix the label and replace the box in the warehouse.',
		].join('\n'),
		setup,
		steps,
		summary: [
			'git commit --amend relabels your newest box; after a push, replacing it needs git push --force-with-lease.',
			'The lease refuses when the warehouse changed since you last fetched; a plain fetch first takes that protection away (--force-if-includes keeps it).',
			'Once someone has built on a box, do not rewrite it.',
		],
	};
}

// ---- recover: someone force-pushed an older history ----

export function recover(random: Random): DrillContent {
	const desk = new Desk(random);
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(1, 3));
	// The lost boxes are a run of Sam's, from `from` up to (not including) `to`.
	const from = random.int(0, sams.length - 1);
	const to = random.int(from + 1, sams.length);
	const lost = sams.slice(from, to);
	const newer = desk.boxes(random.int(1, 2));
	// Where the learner finds the lost box: still in their own branch, or only in origin/{branch}'s reflog.
	const inBranch = random.chance(0.5);
	const tidied = to < sams.length;
	const everything = [...start, ...sams, ...newer].map(box => holdsBox(box));
	const setup: SetupAction[] = [
		...shippedStart(start),
		...sams.flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet'},
		{do: 'type', line: inBranch ? 'git pull --quiet --ff-only' : 'git fetch --quiet'},
		tidied
			? {do: 'sam', line: `git rebase --quiet --onto HEAD~${sams.length - from} HEAD~${sams.length - to}`}
			: {do: 'sam', line: `git reset --quiet --hard HEAD~${sams.length - from}`},
		...newer.flatMap(box => samSeals(box)),
		{do: 'sam', line: 'git push --quiet --force'},
	];
	const lostNames = quoted(lost);
	const all = sams.length === 1 ? 'it' : 'them';
	const them = lost.length === 1 ? 'it' : 'them';
	const fetchStep: StepData = {
		id: 'fetch',
		title: 'Look at the warehouse',
		text: 'Something is wrong in the warehouse. Bring its news home without changing your {branch}: git fetch. Look for "(forced update)" in what it prints.',
		passWhen: [{check: 'ran', command: 'fetch', result: 'succeeded'}, {check: 'fetched'}],
		success: '"(forced update)": origin/{branch} jumped to a history that does not continue the one you saw before. Someone force-pushed.',
		nudges: [{when: [{check: 'ran', command: 'pull'}], say: 'That pulled as well; for now just look: git fetch'}],
		hints: ['Fetching brings the warehouse\'s state home without touching your branch.', 'Type: git fetch'],
		solution: ['git fetch'],
		wrongMoves: [['git status'], ['git remote -v']],
	};
	const bringBack: StepData = {
		id: 'bring-back',
		title: 'Bring the lost box back',
		text: inBranch
			? `Put the warehouse's ${boxWord(newer.length, 'newer ')} (${quoted(newer)}) together with your {branch}, which still holds ${lostNames}: merge origin/{branch}. Careful: git pull --rebase would drop the ${boxWord(lost.length, 'lost ')} from your branch too.`
			: `Your {branch} never held ${lostNames}: you only fetched ${them}. But origin/{branch} remembers where it was: git reflog show origin/{branch} lists its old positions, and origin/{branch}@{1} is where it was just before the forced update. Bring the ${boxWord(lost.length, 'lost ')} into your {branch}, keeping the warehouse's ${boxWord(newer.length, 'newer ')}.`,
		passWhen: [{check: 'includesOnline'}, ...settled, ...everything],
		success: `The ${boxWord(lost.length, 'lost ')} ${lost.length === 1 ? 'is' : 'are'} back in your {branch}, with everything the warehouse holds now.`,
		nudges: [
			divergentPull,
			{when: [{check: 'conflicted'}], say: 'Something stopped in a conflict. git merge --abort (or git rebase --abort) and try a merge instead.'},
			...(inBranch ? [] : [{
				when: [{check: 'ran', command: 'reflog'}, not({check: 'includesOnline'})],
				say: 'origin/{branch}@{1} is where the warehouse\'s branch was before the forced update. Merge that old position (git merge origin/{branch}@{1}), then the new one (git merge origin/{branch}).',
			} satisfies Nudge]),
			{when: [not({check: 'includesOnline'})], say: `The warehouse's ${boxWord(newer.length, 'newer ')} (${quoted(newer)}) ${newer.length === 1 ? 'is' : 'are'} not in your {branch} yet: git merge origin/{branch}`},
			{when: [{check: 'includesOnline'}], say: inBranch
				? `The ${boxWord(lost.length, 'lost ')} ${lost.length === 1 ? 'is' : 'are'} no longer in your {branch}. Your HEAD reflog still knows where it was: git reflog, then git merge with that id. Or type reset.`
				: `Your {branch} has the warehouse's boxes, but not ${lostNames}. Bring ${them} back: git merge origin/{branch}@{1}`},
		],
		hints: inBranch
			? ['Merging keeps both histories: yours with the lost box, and the warehouse\'s newer one.', 'Type: git merge origin/{branch}   (or: git pull --no-rebase)']
			: ['git reflog show origin/{branch} shows where the warehouse\'s branch used to be.', 'Merge the old position, then the new one.', `Type: ${typeLines(['git merge origin/{branch}@{1}', 'git merge origin/{branch}'])}`],
		solution: inBranch ? ['git merge origin/{branch}'] : ['git reflog show origin/{branch}', 'git merge origin/{branch}@{1}', 'git merge origin/{branch}'],
		wrongMoves: inBranch
			? [['git push --force'], ['git pull --rebase'], ['git reset --hard origin/{branch}']]
			: [['git push --force'], ['git pull'], ['git merge origin/{branch}']],
	};
	const ship: StepData = {
		id: 'ship',
		title: 'Ship it back',
		text: `Ship with a plain git push: the warehouse gets ${lostNames} back and keeps its newer ${newer.length === 1 ? 'box' : 'boxes'}. Nothing needs force.`,
		passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...everything],
		success: `Recovered: the warehouse holds ${lostNames} again, next to the newer ${newer.length === 1 ? 'one' : 'ones'}, and nothing was forced.`,
		nudges: [{when: [not({check: 'shipped'})], say: 'Everything is in your {branch}: ship it with git push'}],
		hints: ['Your branch continues the warehouse\'s history, so a plain push works.', 'Type: git push'],
		solution: ['git push'],
		wrongMoves: [['git status'], ['git fetch']],
	};
	const steps: StepData[] = inBranch
		? [
			fetchStep,
			{
				id: 'find',
				title: 'Find the lost box',
				text: `The warehouse lost ${lostNames}. Your {branch} still has ${them}: show ${lost.length === 1 ? 'its id' : 'their ids'} (git log --oneline), or see where origin/{branch} was before (git reflog show origin/{branch}).`,
				passWhen: [{check: 'showedLostBox', by: 'Sam'}, not({check: 'ran', command: 'fetch'})],
				success: 'Found it: your clone still has the box the warehouse lost.',
				nudges: [{when: [{check: 'ran', command: 'log'}], say: 'That list does not include a lost box. Try your own branch: git log --oneline'}],
				hints: ['Your own {branch} was not changed by the fetch.', 'Type: git log --oneline'],
				solution: ['git log --oneline'],
				wrongMoves: [['git status'], ['git log origin/{branch}']],
			},
			bringBack,
			ship,
		]
		: [fetchStep, bringBack, ship];
	const how = tidied
		? `Sam tidied his boxes with a rebase, dropped ${lostNames} by mistake, sealed ${quoted(newer)} and force-pushed.`
		: `Sam went back to an older box, sealed ${quoted(newer)} there, and force-pushed: ${lostNames} went missing.`;
	return {
		variant: `${inBranch ? 'in your branch' : 'in the reflog'}, ${tidied ? 'rebase' : 'reset'}, lost ${lost.length} of ${sams.length}, ${newer.length} newer`,
		command: 'reflog',
		intro: [
			`Sam shipped ${quoted(sams)}; you ${inBranch ? `pulled ${all} into your {branch}` : `fetched ${all}, but did not merge ${all} into your {branch}`}.`,
			how,
		].join('\n'),
		setup,
		steps,
		summary: [
			'git fetch says "(forced update)" when the warehouse\'s branch was rewritten.',
			'A lost box survives in any clone that had it: in a branch, or in origin/{branch}\'s reflog (origin/{branch}@{1}).',
			'Merge it back with what the warehouse holds now, then ship with a plain push: no force needed.',
		],
	};
}

export const generators: Record<DrillName, (random: Random) => DrillContent> = {
	'pull-first': pullFirst,
	conflict,
	force,
	recover,
};
