// The pull-first drill: Sam shipped while you were sealing boxes. Each shape asks a different
// thought before the push: his boxes touch other files; he changed other lines of the very file you
// changed; unsealed work on your desk is in the way; the team wants a straight history.
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, boxWord, chooseHowToCombine, holdsBox, learnerSeals, listing, not, plainPull, pushRefused, samSeals, settled, shippedStart, typeLines,
	type DrillContent, type StepData,
} from './world.ts';

export const pullFirstShapes = ['other files', 'same file', 'unsealed desk', 'straight history'] as const;
type Shape = (typeof pullFirstShapes)[number];

/** A file of several lines that two people can change far enough apart for git to merge by itself. */
type SharedFile = {file: string; noun: string; lines: readonly string[]};

const sharedFiles: readonly SharedFile[] = [
	{file: 'timetable.txt', noun: 'timetable', lines: ['Monday: vans out at 7', 'Tuesday: returns day', 'Wednesday: big lorry', 'Thursday: stock count', 'Friday: vans out at 8']},
	{file: 'rules.txt', noun: 'warehouse rules', lines: ['Wear gloves', 'Stack heavy boxes low', 'Keep the aisles clear', 'Label every pallet', 'Lock the gate at night']},
	{file: 'prices.txt', noun: 'price list', lines: ['Small parcel: 4 euros', 'Medium parcel: 7 euros', 'Large parcel: 12 euros', 'Pallet: 40 euros', 'Express: 15 euros']},
	{file: 'phone-list.txt', noun: 'phone list', lines: ['Office: 0100', 'Depot: 0200', 'Driver Ana: 0301', 'Driver Ben: 0302', 'Night guard: 0400']},
];

/** Changed versions of a line, so Sam's and yours differ from the original and from each other. */
const edits = ['(changed)', '(new)', '(updated)', '(moved)'];

type SharedEdit = {shared: SharedFile; original: string; samsLines: string[]; yourLines: string[]; samsLine: string; yourLine: string};

/** Sam changes the first line, you the last: lines far apart, so git combines both changes itself. */
function sharedEdit(random: Random): SharedEdit {
	const shared = random.pick(sharedFiles);
	const [samsMark, yourMark] = random.sample(edits, 2) as [string, string];
	const samsLine = `${shared.lines[0]!} ${samsMark}`;
	const yourLine = `${shared.lines.at(-1)!} ${yourMark}`;
	return {
		shared,
		original: shared.lines.join('\n'),
		samsLines: [samsLine, ...shared.lines.slice(1)],
		yourLines: [...shared.lines.slice(0, -1), yourLine],
		samsLine,
		yourLine,
	};
}

const labels = (names: readonly string[]) => listing(names.map(name => `"${name}"`));

/** Sam rewrites the file line by line, as a shell does it. */
const samWrites = (file: string, lines: readonly string[]): SetupAction[] => lines.map((line, index) => ({do: 'sam', line: `echo "${line}" ${index === 0 ? '>' : '>>'} ${file}`}));

export function pullFirst(random: Random): DrillContent {
	const shape: Shape = random.pick(pullFirstShapes);
	const desk = new Desk(random);
	const start = desk.boxes(random.int(1, 2));
	const sams = desk.boxes(random.int(1, 2));
	const yours = desk.boxes(random.int(1, 2));
	const edit = shape === 'same file' || shape === 'unsealed desk' ? sharedEdit(random) : undefined;
	const everything = [...start, ...sams, ...yours].map(box => holdsBox(box));
	const setup: SetupAction[] = edit
		? [
			{do: 'write', path: edit.shared.file, text: `${edit.original}\n`},
			{do: 'type', line: `git add ${edit.shared.file}`},
			{do: 'type', line: `git commit -m "Start the ${edit.shared.noun}"`},
			...shippedStart(start),
			...sams.flatMap(box => samSeals(box)),
			...samWrites(edit.shared.file, edit.samsLines),
			{do: 'sam', line: `git commit -am "Update the ${edit.shared.noun}"`},
			{do: 'sam', line: 'git push --quiet'},
			...yours.flatMap(box => learnerSeals(box)),
			{do: 'write', path: edit.shared.file, text: `${edit.yourLines.join('\n')}\n`},
			...(shape === 'same file' ? [{do: 'type', line: `git commit -am "Change the ${edit.shared.noun}"`} satisfies SetupAction] : []),
		]
		: [
			...shippedStart(start),
			...sams.flatMap(box => samSeals(box)),
			{do: 'sam', line: 'git push --quiet'},
			...yours.flatMap(box => learnerSeals(box)),
		];
	const samsCount = sams.length + (edit ? 1 : 0);
	const samsNames = [...sams.map(box => box.label), ...(edit ? [`Update the ${edit.shared.noun}`] : [])];
	const yourCount = yours.length + (shape === 'same file' ? 1 : 0);
	const yourNames = [...yours.map(box => box.label), ...(shape === 'same file' && edit ? [`Change the ${edit.shared.noun}`] : [])];
	const bothLines: Check[] = edit ? [{check: 'lastCommitFileHas', path: edit.shared.file, text: edit.samsLine}] : [];
	const yoursKept: Check[] = shape === 'same file' && edit ? [{check: 'lastCommitFileHas', path: edit.shared.file, text: edit.yourLine}] : [];
	const straight: Check[] = shape === 'straight history' ? [not({check: 'mergeCommit'})] : [];
	// The unfinished change stays unsealed on the desk: neither in the newest box nor lost.
	const unfinished: Check[] = shape === 'unsealed desk' && edit ? [not({check: 'lastCommitFileHas', path: edit.shared.file, text: edit.yourLine})] : [];

	const home: Check[] = [{check: 'includesOnline'}, ...settled, ...everything, ...bothLines, ...yoursKept, ...straight, ...unfinished];
	const them = samsCount === 1 ? 'it' : 'them';
	const bringNudges: Nudge[] = [
		...(shape === 'unsealed desk' && edit
			? [{
				when: [...chooseHowToCombine.when, {check: 'uncommittedChanges'}],
				say: `Git will not guess how to combine your {branch} with the warehouse's: say whether to tie them together with a merge box or to put your boxes on top. Either way your unsealed change to ${edit.shared.file} is in the way: set it aside first.`,
				type: 'git stash',
			}] satisfies Nudge[]
			: []),
		chooseHowToCombine,
		...(shape === 'unsealed desk' && edit
			? [
				...(['would-overwrite-changes', 'rebase-unsealed'] as const).map((failure): Nudge => ({
					when: [{check: 'ran', command: 'pull', result: 'failed', failure}, {check: 'uncommittedChanges'}],
					say: `The pull stopped before changing your desk or your {branch}: your unsealed change to ${edit.shared.file} is in the way. Set it aside first (it is not finished, so do not seal it), bring Sam's boxes home, then put it back.`,
					type: 'git stash',
				})),
				{when: [{check: 'lastCommitFileHas', path: edit.shared.file, text: edit.yourLine}], say: `Your unfinished change to ${edit.shared.file} went into a box; it was meant to stay unsealed on your desk. Type reset step to start this step again.`, type: 'reset step'},
				{when: [{check: 'fetched'}, not({check: 'includesOnline'}), {check: 'uncommittedChanges'}], say: `Sam's boxes are in origin/{branch} now, but your unsealed change to ${edit.shared.file} is in the way of combining them with your {branch}: set it aside first.`, type: 'git stash'},
			] satisfies Nudge[]
			: []),
		...(shape === 'straight history' ? [{when: [{check: 'mergeCommit'}], say: 'That tied the histories together with a merge box; the team wants a straight line, with your boxes on top of Sam\'s. Type reset step to start this step again.', type: 'reset step'}] satisfies Nudge[] : []),
		{when: [{check: 'fetched'}, not({check: 'includesOnline'}), ...settled], say: `Sam's ${boxWord(samsCount)} ${samsCount === 1 ? 'is' : 'are'} in origin/{branch} now, but not in your {branch} yet.`, type: shape === 'straight history' ? 'git rebase origin/{branch}' : 'git merge origin/{branch}'},
		{when: [{check: 'includesOnline'}, ...settled, not(holdsBox(yours[0]!))], say: 'Your own boxes are no longer in {branch}. Type reset step to start this step again.', type: 'reset step'},
		{when: pushRefused, say: `The warehouse refused: it holds Sam's ${boxWord(samsCount)}, which your {branch} does not have, and a push without force never throws ${them} away.`},
	];
	const bringHints: Record<Shape, string[]> = {
		'other files': [
			'The warehouse holds boxes you do not have: they come home before yours can ship.',
			'A pull fetches them and combines them with yours; say how: a merge box, or your boxes on top.',
			'Type: git pull --no-rebase',
		],
		'same file': [
			`Sam changed ${edit?.shared.file ?? 'the file'} too, but other lines: git can combine both changes by itself.`,
			'Pull, and say how to combine: a merge box, or your boxes on top.',
			'Type: git pull --no-rebase',
		],
		'unsealed desk': [
			'A pull will not start while it would overwrite unsealed changes.',
			'Stash puts them aside without sealing them; after the pull, pop them back onto your desk.',
			`Type: ${typeLines(['git stash', 'git pull --no-rebase', 'git stash pop'])}`,
		],
		'straight history': [
			'A straight history has no merge boxes: your boxes go on top of Sam\'s.',
			'Pull with --rebase: git takes your boxes off, brings Sam\'s home, and seals copies of yours on top.',
			'Type: git pull --rebase',
		],
	};
	const bringText: Record<Shape, string> = {
		'other files': `Bring Sam's ${boxWord(samsCount)} into your {branch}, keeping yours.`,
		'same file': `Bring Sam's ${boxWord(samsCount)} into your {branch}, keeping yours. Sam changed ${edit?.shared.file ?? ''} too, in other lines than you: afterwards it should hold his change and yours.`,
		'unsealed desk': `Bring Sam's ${boxWord(samsCount)} into your {branch}, keeping yours. Your change to ${edit?.shared.file ?? ''} is not finished: it stays unsealed, on your desk.`,
		'straight history': `Bring Sam's ${boxWord(samsCount)} into your {branch}, keeping yours. The team keeps a straight history: no merge boxes, your boxes on top of his.`,
	};
	const bringSolution: Record<Shape, string[]> = {
		'other files': ['git pull --no-rebase'],
		'same file': ['git pull --no-rebase'],
		'unsealed desk': ['git stash', 'git pull --no-rebase', 'git stash pop'],
		'straight history': ['git pull --rebase'],
	};
	const bringWrong: Record<Shape, string[][]> = {
		'other files': [['git push'], ['git fetch'], plainPull, ['git push --force']],
		'same file': [['git push'], ['git fetch'], plainPull, ['git push --force']],
		'unsealed desk': [['git push'], ['git pull --no-rebase'], ['git commit -am "Save my work"', 'git pull --no-rebase'], ['git push --force']],
		'straight history': [['git pull --no-rebase'], ['git fetch', 'git merge FETCH_HEAD'], ['git push'], ['git push --force']],
	};
	const successText: Record<Shape, string> = {
		'other files': `Sam's ${samsCount === 1 ? 'box is' : 'boxes are'} home, next to yours.`,
		'same file': `Sam's ${samsCount === 1 ? 'box is' : 'boxes are'} home, and ${edit?.shared.file ?? ''} holds his line "${edit?.samsLine ?? ''}" and yours, "${edit?.yourLine ?? ''}": Git combined changes to different lines by itself.`,
		// Only what the checks see: the unfinished change is in no box (whether it is on the desk, put aside or gone, the next step checks).
		'unsealed desk': `Sam's ${samsCount === 1 ? 'box is' : 'boxes are'} home, next to yours, and your unfinished change went into none of them.`,
		'straight history': `Sam's ${samsCount === 1 ? 'box is' : 'boxes are'} home, with yours on top: a straight line of boxes.`,
	};
	const steps: StepData[] = [
		{
			id: 'bring-home',
			title: 'Bring Sam\'s boxes home',
			text: bringText[shape],
			passWhen: home,
			success: successText[shape],
			nudges: bringNudges,
			hints: bringHints[shape],
			solution: bringSolution[shape],
			wrongMoves: bringWrong[shape],
		},
	];
	const shipNudges: Nudge[] = [
		...(shape === 'unsealed desk' && edit
			? [
				{when: [{check: 'stashed'}, not({check: 'uncommittedChanges'})], say: `Your unfinished change to ${edit.shared.file} is still put aside: bring it back onto your desk.`, type: 'git stash pop'},
				{when: [{check: 'lastCommitFileHas', path: edit.shared.file, text: edit.yourLine}], say: `Your unfinished change to ${edit.shared.file} went into a box; it was meant to stay unsealed on your desk. Type reset step to start this step again.`, type: 'reset step'},
				{when: [not({check: 'stashed'}), not({check: 'uncommittedChanges'})], say: `Your unfinished change to ${edit.shared.file} is no longer on your desk. Type reset step to start this step again.`, type: 'reset step'},
			] satisfies Nudge[]
			: []),
		{when: [not({check: 'shipped'}), {check: 'includesOnline'}, ...settled], say: 'Everything is home: your {branch} continues the warehouse\'s history, so no force is needed.', type: 'git push'},
	];
	const deskKept: Check[] = shape === 'unsealed desk' ? [{check: 'uncommittedChanges'}, not({check: 'stashed'})] : [];
	steps.push({
		id: 'ship',
		title: 'Ship everything',
		text: `Now ship: the warehouse should end up with Sam's ${samsCount === 1 ? 'box' : 'boxes'} and yours${shape === 'unsealed desk' ? ', and your unfinished change should be back on your desk, unsealed' : ''}.`,
		passWhen: [{check: 'shipped'}, {check: 'onlineKept'}, ...everything, ...bothLines, ...yoursKept, ...straight, ...unfinished, ...deskKept],
		success: `Shipped. The warehouse holds Sam's ${samsCount === 1 ? 'box' : 'boxes'} and yours.`,
		nudges: shipNudges,
		hints: [
			'Your {branch} now continues the warehouse\'s history, so a plain push works.',
			...(shape === 'unsealed desk' ? ['Your unfinished change stays on your desk: a push ships sealed boxes only.'] : []),
			'Type: git push',
		],
		solution: ['git push'],
		wrongMoves: [['git status'], ['git fetch'], ...(shape === 'unsealed desk' ? [['git commit -am "Finish it"', 'git push']] : [])],
	});

	const intro: Record<Shape, string> = {
		'other files': `Sam shipped ${labels(samsNames)} while you sealed ${labels(yourNames)}, and you have not pulled since. Ship your work without losing his.`,
		'same file': `Sam shipped ${labels(samsNames)} while you sealed ${labels(yourNames)}, and you have not pulled since. You both changed ${edit?.shared.file ?? ''}, in different lines. Ship your work without losing his.`,
		'unsealed desk': `Sam shipped ${labels(samsNames)} while you sealed ${labels(yourNames)}, and you have not pulled since. You are also in the middle of a change to ${edit?.shared.file ?? ''}, not finished, not sealed. Ship your sealed boxes without losing his work or your unfinished change.`,
		'straight history': `Sam shipped ${labels(samsNames)} while you sealed ${labels(yourNames)}, and you have not pulled since. The team keeps a straight history, without merge boxes. Ship your work without losing his.`,
	};
	return {
		variant: `${shape}, ${start.length} shipped, Sam ${samsCount}, you ${yourCount}`,
		command: 'pull',
		intro: intro[shape],
		setup,
		steps,
		summary: [
			'A push is rejected (fetch first, or non-fast-forward) when the warehouse holds boxes you do not have: pull first.',
			'git pull --no-rebase ties the histories with a merge box; git pull --rebase puts your boxes on top, for a straight history.',
			'Changes to different lines of the same file combine by themselves.',
			'Unsealed changes in the way: git stash, pull, git stash pop (or seal them first, when they are finished).',
		],
	};
}
