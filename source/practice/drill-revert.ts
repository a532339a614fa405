// The revert drill: a shipped box broke a rule, and it must be recalled. The warehouse and Sam
// have it, so the recall is a new box on top that undoes it: history is never rewritten.
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, holdsBox, learnerSeals, listing, not, quoted, samSeals, settled,
	type Box, type DrillContent, type StepData,
} from './world.ts';

export const revertShapes = ['newest box', 'further down', 'two boxes', 'Sam\'s box'] as const;

/** A rule file of the warehouse, and the change to one line that breaks it. */
type Rule = {file: string; title: string; good: string; bad: string; other: string; label: string};

// Each rule has its own file, so undoing one change never touches the lines of another box.
const rules: readonly Rule[] = [
	{file: 'handling.txt', title: 'Handling rules', good: '- stack boxes 3 high', bad: '- stack boxes 10 high', other: '- fragile side up', label: 'Stack boxes higher'},
	{file: 'loading.txt', title: 'Loading rules', good: '- heavy parcels at the bottom', bad: '- heavy parcels on top', other: '- close the truck doors', label: 'Load heavy parcels on top'},
	{file: 'sealing.txt', title: 'Sealing rules', good: '- tape every seam twice', bad: '- tape one seam only', other: '- sign the seal', label: 'Save tape on seams'},
	{file: 'storage.txt', title: 'Storage rules', good: '- keep boxes off the floor', bad: '- keep boxes on the wet floor', other: '- no boxes by the door', label: 'Store boxes on the floor'},
	{file: 'labelling.txt', title: 'Labelling rules', good: '- address on the top side', bad: '- address on the bottom side', other: '- one label per box', label: 'Move the address label'},
	{file: 'weighing.txt', title: 'Weighing rules', good: '- weigh every parcel', bad: '- weigh one parcel in ten', other: '- write the weight on top', label: 'Weigh fewer parcels'},
	{file: 'cooling.txt', title: 'Cooling rules', good: '- food boxes in the cold room', bad: '- food boxes by the heater', other: '- check the thermometer daily', label: 'Move the food boxes'},
	{file: 'counting.txt', title: 'Counting rules', good: '- count pallets twice', bad: '- count pallets once a month', other: '- note the count in the log', label: 'Count pallets less often'},
];

const ruleText = (rule: Rule, line: string) => `${rule.title}\n${line}\n${rule.other}\n`;

/** The learner breaks a rule and seals it. */
function learnerBreaks(rule: Rule): SetupAction[] {
	return [
		{do: 'write', path: rule.file, text: ruleText(rule, rule.bad)},
		{do: 'type', line: `git commit -am "${rule.label}"`},
	];
}

/** Sam breaks a rule in his clone and seals it. */
function samBreaks(rule: Rule): SetupAction[] {
	return [
		{do: 'sam', line: `echo "${rule.title}" > ${rule.file}`},
		{do: 'sam', line: `echo "${rule.bad}" >> ${rule.file}`},
		{do: 'sam', line: `echo "${rule.other}" >> ${rule.file}`},
		{do: 'sam', line: `git commit -am "${rule.label}"`},
	];
}

/** The rule reads as it did before the broken box, in the newest box. */
function restored(rule: Rule): Check[] {
	return [{check: 'lastCommitFileHas', path: rule.file, text: rule.good}, not({check: 'lastCommitFileHas', path: rule.file, text: rule.bad})];
}

/** One entry of the history, newest last: a box of the desk, or a broken rule; by the learner or Sam. */
type Entry = {kind: 'box'; box: Box; by: 'you' | 'Sam'} | {kind: 'rule'; rule: Rule; by: 'you' | 'Sam'};

const labelOf = (entry: Entry) => (entry.kind === 'box' ? entry.box.label : entry.rule.label);

/** Seals the entries in order, shipping whenever the other one seals next and at the end. */
function history(entries: readonly Entry[]): SetupAction[] {
	const actions: SetupAction[] = [];
	let previous: 'you' | 'Sam' = 'you';
	for (const entry of entries) {
		if (entry.by !== previous) {
			// The one who sealed so far ships; the other brings it home before sealing on top.
			actions.push(previous === 'you' ? {do: 'type', line: 'git push --quiet'} : {do: 'sam', line: 'git push --quiet'});
			actions.push(entry.by === 'you' ? {do: 'type', line: 'git pull --quiet --ff-only'} : {do: 'sam', line: 'git pull --quiet --ff-only'});
			previous = entry.by;
		}

		if (entry.kind === 'box') {
			actions.push(...(entry.by === 'you' ? learnerSeals(entry.box) : samSeals(entry.box)));
		} else {
			actions.push(...(entry.by === 'you' ? learnerBreaks(entry.rule) : samBreaks(entry.rule)));
		}
	}

	actions.push(previous === 'you' ? {do: 'type', line: 'git push --quiet'} : {do: 'sam', line: 'git push --quiet'}, {do: 'type', line: 'git pull --quiet --ff-only'});
	return actions;
}

/** "HEAD" or "HEAD~2": the box that many boxes below the newest. */
const below = (count: number) => (count === 0 ? 'HEAD' : `HEAD~${count}`);

export function revert(random: Random): DrillContent {
	const shape = random.pick(revertShapes);
	const desk = new Desk(random);
	const [first, second] = random.sample(rules, 2) as [Rule, Rule];
	const broken = shape === 'two boxes' ? [first, second] : [first];
	const before = desk.boxes(random.int(1, 2));
	const you = (box: Box): Entry => ({kind: 'box', box, by: 'you'});
	const sam = (box: Box): Entry => ({kind: 'box', box, by: 'Sam'});
	// What comes after the rules were written and shipped, oldest first.
	let later: Entry[];
	let detail: string;
	switch (shape) {
		case 'newest box': {
			later = [{kind: 'rule', rule: first, by: 'you'}];
			detail = `${before.length} below`;
			break;
		}

		case 'further down': {
			const mine = desk.boxes(random.int(0, 2));
			const samsAt = random.int(0, mine.length);
			const above = [...mine.slice(0, samsAt).map(you), sam(desk.box()), ...mine.slice(samsAt).map(you)];
			later = [{kind: 'rule', rule: first, by: 'you'}, ...above];
			detail = `${above.length} above, Sam's ${above.length - samsAt} down`;
			break;
		}

		case 'two boxes': {
			const between = random.chance(0.5) ? [you(desk.box())] : [];
			const top = random.chance(0.5) ? [sam(desk.box())] : [];
			later = [{kind: 'rule', rule: first, by: 'you'}, ...between, {kind: 'rule', rule: second, by: 'you'}, ...top];
			detail = `${between.length} between, ${top.length} above`;
			break;
		}

		case 'Sam\'s box': {
			const top = random.chance(0.5) ? [you(desk.box())] : [];
			later = [{kind: 'rule', rule: first, by: 'Sam'}, ...top];
			detail = `${top.length} above`;
			break;
		}
	}

	const rulesBox = broken.length === 1 ? 'Write the warehouse rule' : 'Write the warehouse rules';
	const setup: SetupAction[] = [
		...broken.map(rule => ({do: 'write', path: rule.file, text: ruleText(rule, rule.good)} satisfies SetupAction)),
		{do: 'type', line: `git add ${broken.map(rule => rule.file).join(' ')}`},
		{do: 'type', line: `git commit -m "${rulesBox}"`},
		...before.flatMap(box => learnerSeals(box)),
		{do: 'type', line: 'git remote add origin {url}'},
		{do: 'type', line: 'git push --quiet -u origin {branch}'},
		...history(later),
		// Sam has every box the warehouse holds: rewriting any of it would break his copy.
		...(later.at(-1)?.by === 'Sam' ? [] : [{do: 'sam', line: 'git pull --quiet --ff-only'} satisfies SetupAction]),
	];

	// Positions counted from the newest box (0), and the boxes that must stay.
	const newestFirst = [...later].reverse();
	const depth = (rule: Rule) => newestFirst.findIndex(entry => entry.kind === 'rule' && entry.rule === rule);
	const deepest = Math.max(...broken.map(depth));
	const kept: Box[] = [...before, ...later.flatMap(entry => (entry.kind === 'box' ? [entry.box] : []))];
	const samsLabels = new Set(later.flatMap(entry => (entry.kind === 'box' && entry.by === 'Sam' ? [entry.box.label] : [])));
	const named = (box: Box) => (samsLabels.has(box.label) ? `Sam's "${box.label}"` : `"${box.label}"`);
	const keep = kept.map(box => holdsBox(box));
	const fixed = broken.flatMap(rule => restored(rule));
	const names = quoted(broken.map(rule => ({file: rule.file, label: rule.label, line: rule.bad})));
	const it = broken.length === 1 ? 'it' : 'them';
	// Newest first, as the list of boxes shows them; each id is the box's own, whatever was sealed since.
	const byNewest = [...broken].sort((a, b) => depth(a) - depth(b));
	const revertLine = `git revert ${byNewest.map(rule => `{box:${rule.label}}`).join(' ')}`;
	const solution = `git revert ${byNewest.map(rule => below(depth(rule))).join(' ')}`;
	const forced = 'git push --force';
	const droppedBack = [`git reset --hard ${below(deepest + 1)}`, forced];

	const wrongBox: string[][] = [];
	// The newest box when it is not broken, and the box just below the deepest broken one (one of `before`, fine).
	if (!broken.some(rule => depth(rule) === 0)) {
		wrongBox.push(['git revert HEAD']);
	}

	wrongBox.push([`git revert ${below(deepest + 1)}`]);
	if (broken.length === 2) {
		wrongBox.push([`git revert ${below(depth(byNewest[0]!))}`]);
	}

	const amend = shape === 'newest box' ? [[`git commit --amend -m "Undo ${first.label.toLowerCase()}"`, 'git push --force-with-lease']] : [];

	const recall: StepData = {
		id: 'recall',
		title: broken.length === 1 ? 'Recall the broken box' : 'Recall the broken boxes',
		text: `${names} ${broken.length === 1 ? 'is' : 'are'} in the warehouse, in your {branch} and in Sam's copy. Undo ${it} with new boxes on top: the warehouse keeps every box it holds, and nobody's copy needs repair.`,
		passWhen: [
			{check: 'includesOnline'},
			...settled,
			not({check: 'inProgress', operation: 'revert'}),
			{check: 'newCommits', atLeast: 1},
			{check: 'lastCommitLabel', contains: 'Revert'},
			...fixed,
			...keep,
		],
		success: broken.length === 1
			? `Recalled: a new box on top undoes "${first.label}", and ${first.file} says "${first.good}" again. The broken box is still in the history, and so is every box after it.`
			: `Recalled: new boxes undo ${names}, and ${first.file} and ${second.file} read as before. The broken boxes are still in the history, and so is every other box.`,
		nudges: [
			{when: [{check: 'conflicted'}, {check: 'inProgress', operation: 'revert'}], say: 'That undo clashes with the boxes that came after it, so the revert stopped halfway. Give up on it, then recall the broken box.', type: 'git revert --abort'},
			{when: [{check: 'inProgress', operation: 'revert'}, not({check: 'boxEmpty'})], say: 'The undo is packed in the open box but not sealed yet: let the revert go on and seal it with its own label.', type: 'git revert --continue'},
			{when: [not({check: 'includesOnline'})], say: 'Your {branch} no longer holds every box the warehouse has: shipped boxes were taken out of your own history, and shipping that would need force and throw them out of the warehouse. Type reset step to put this step back as it began, then undo the broken box with a new one on top.'},
			...kept.map((box): Nudge => ({
				when: [{check: 'newCommits', atLeast: 1}, not(holdsBox(box)), {check: 'lastCommitLabel', contains: `Revert "${box.label}"`}],
				say: `Your newest box undoes ${named(box)}, which was fine. Recall that undo too (it is a box like any other), then recall the broken one.`,
				type: 'git revert HEAD',
			})),
			...kept.map((box): Nudge => ({
				when: [not(holdsBox(box))],
				say: `Your {branch} no longer holds ${named(box)} as it was, and that box was fine. Type reset step to put this step back as it began.`,
			})),
			...broken.map((rule): Nudge => ({
				when: [{check: 'newCommits', atLeast: 1}, {check: 'lastCommitFileHas', path: rule.file, text: rule.bad}],
				say: `${rule.file} in your newest box still says "${rule.bad}": "${rule.label}" is not undone yet.`,
				type: `git revert {box:${rule.label}}`,
			})),
			{when: [{check: 'newCommits', atLeast: 1}, not({check: 'lastCommitLabel', contains: 'Revert'})], say: 'The rules read right, but your newest box\'s label does not say Revert: the recall should be a box of its own on top, made by a revert, so that everyone can tell which box it undoes. Type reset step to begin this step again.'},
			{when: [{check: 'uncommittedChanges'}], say: 'Changes wait unsealed on your desk or in the open box. The recall counts once it is a sealed box of its own whose label says Revert: seal it, or type reset step to begin this step again.'},
		],
		hints: [
			'A shipped box stays in the warehouse. The safe recall is a new box on top that does the exact opposite.',
			`The list of boxes (git log --oneline) shows each id, newest first; look for ${names}. HEAD~N is the box N below the newest.`,
			`Type: ${revertLine}`,
		],
		solution: [solution],
		wrongMoves: [droppedBack, ...wrongBox, ...amend, [`git reset --hard ${below(deepest + 1)}`]],
	};
	const ship: StepData = {
		id: 'ship',
		title: 'Ship the recall',
		text: 'Ship your recall. The warehouse keeps every box it holds and gains yours on top.',
		passWhen: [
			{check: 'shipped'},
			{check: 'onlineKept'},
			not({check: 'forcedPush', lease: false}),
			not({check: 'forcedPush', lease: true}),
			{check: 'lastCommitLabel', contains: 'Revert'},
			...fixed,
			...keep,
		],
		success: 'Shipped: the warehouse kept every box and holds the recall on top. Sam gets it with his next pull, like any other box.',
		successAfterLoss: 'Shipped: the warehouse holds every box again, with the recall on top. But a push in this drill threw boxes out of the warehouse for a while, and anyone who pulled then got a history without them.',
		nudges: [
			...[false, true].map((lease): Nudge => ({
				when: [{check: 'forcedPush', lease}, {check: 'onlineKept'}, {check: 'shipped'}],
				say: 'That push forced. The warehouse only gained boxes this time, so nothing was lost; but a forced push may replace what the warehouse holds with your branch, and a recall never needs it. Ship once more without force: it only finds everything up to date.',
				type: 'git push',
			})),
			{when: [not({check: 'includesOnline'})], say: 'Your {branch} no longer holds every box the warehouse has: shipped boxes were taken out of your own history. Type reset step to put this step back as it began.'},
			...broken.map((rule): Nudge => ({
				when: [{check: 'lastCommitFileHas', path: rule.file, text: rule.bad}],
				say: `${rule.file} in your newest box says "${rule.bad}" again: "${rule.label}" is not undone in your {branch}.`,
				type: `git revert {box:${rule.label}}`,
			})),
			{when: [not({check: 'shipped'}), {check: 'includesOnline'}], say: 'Your {branch} holds boxes the warehouse does not have yet: ship them.', type: 'git push'},
		],
		hints: ['The warehouse only gains boxes, and the route is saved.', 'Type: git push'],
		solution: ['git push'],
		wrongMoves: [[forced], ['git status'], ['git reset --hard HEAD~1', 'git push --force']],
	};

	const whose = (entry: Entry) => (entry.by === 'Sam' ? `Sam's "${labelOf(entry)}"` : `"${labelOf(entry)}"`);
	const on = later.filter(entry => entry.kind === 'box');
	const story = broken.map(rule => `in ${rule.file}, "${rule.good}" became "${rule.bad}"`);
	return {
		variant: `${shape}, ${detail}, ${kept.length} kept`,
		command: 'revert',
		intro: [
			shape === 'Sam\'s box'
				? `Sam shipped "${first.label}", and you brought it home.${on.length > 0 ? ` Then you shipped ${listing(on.map(whose))} on top.` : ''}`
				// In the order they were sealed: a box between two broken ones must not read as one after both.
				: `${later.length === 1 ? `You shipped ${names}` : `These boxes were shipped, oldest first: ${listing(later.map(whose))}`}. Sam has every box too.`,
			`Now the complaints come in: ${listing(story)}. ${broken.length === 1 ? 'That change was a mistake.' : 'Both changes were mistakes.'}${shape === 'Sam\'s box' ? ' Sam is on the road, so recall his box yourself: it is everyone\'s warehouse.' : ''}`,
		].join('\n'),
		setup,
		steps: [recall, ship],
		summary: [
			'git revert ID seals a new box that does the exact opposite of an old one, labelled Revert "...": the warehouse keeps every box, and the mistake is undone.',
			'A shipped box is in everyone\'s copy: recall it with git revert and a plain git push, never with git reset --hard or --amend and a forced push.',
			'git log --oneline shows the ids; git revert takes several ids at once, and any box can be recalled, yours or a teammate\'s.',
		],
	};
}
