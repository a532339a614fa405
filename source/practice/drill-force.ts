// The force drill: replacing a box you already shipped, with the lease and only when nobody built
// on it. Each shape is a different reason to rewrite (a label, a forgotten file, two boxes that
// should be one) or a different reason not to force after all (Sam shipped meanwhile, seen or unseen).
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, chooseHowToCombine, holdsBox, learnerSeals, not, nounOf, pushRefused, quoted, samSeals, settled, shippedStart, typeLines,
	type Box, type DrillContent, type StepData,
} from './world.ts';

export const forceShapes = ['relabel', 'forgotten file', 'combine two', 'Sam ships meanwhile', 'fetched meanwhile'] as const;
type Shape = (typeof forceShapes)[number];

/** Swaps two neighbouring, different letters in one word of the noun: "invoice" → "invocie". */
function makeTypo(random: Random, noun: string): {word: string; typo: string} {
	const words = noun.split(' ').filter(word => word.length >= 4);
	const word = random.pick(words);
	const places = [...word].map((_, index) => index).filter(index => index + 1 < word.length && word[index] !== word[index + 1] && index > 0);
	const at = random.pick(places);
	return {word, typo: `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`};
}

/** The rewrite of the learner's own shipped history that a shape asks for. */
type Fix = {
	/** The learner's last shipped boxes as the setup seals them (before the push). */
	setup: SetupAction[];
	/** Left on the desk after the push. */
	after: SetupAction[];
	/** What the intro says went wrong. */
	story: string;
	step: StepData;
	/** What holds once the fix is made: the replace step keeps asking for it. */
	fixed: Check[];
	/** The work the fixed copy holds, whatever its label: it must survive every path. */
	work: Check[];
	/** The warehouse's copy, in the replace step's texts: "the box with the typo". */
	oldCopy: string;
	/** "it" or "them", for the warehouse's copy. */
	it: string;
};

/** Sam's box on top of the learner's old one is what the lease protects: a plain force throws it away. */
const leaseWords = 'The lease checks first that the warehouse\'s {branch} is still where your origin/{branch} says, so no box you have not seen is thrown away.';

function relabel(random: Random, last: Box): Fix {
	const {word, typo} = makeTypo(random, nounOf(last));
	const typoLabel = last.label.replace(word, typo);
	const fixed: Check[] = [{check: 'lastCommitLabel', contains: word}, not({check: 'lastCommitLabel', contains: typo}), holdsBox(last)];
	return {
		setup: learnerSeals({...last, label: typoLabel}),
		after: [],
		story: `You shipped the box "${typoLabel}", and then saw the typo: "${typo}".`,
		oldCopy: 'the box with the typo',
		it: 'it',
		work: [holdsBox(last)],
		fixed,
		step: {
			id: 'relabel',
			title: 'Fix the label',
			text: `Your newest box is labelled "${typoLabel}": "${typo}" should be "${word}". Write the right label on that same box, not on a new one.`,
			passWhen: [...fixed, {check: 'diverged'}],
			success: `Relabelled: your {branch} now holds a new copy of the box, labelled "${last.label}", in place of the one the warehouse has.`,
			nudges: [
				{when: [{check: 'lastCommitLabel', contains: word}, not({check: 'diverged'})], say: 'That sealed a new box on top; the one with the typo is still under it. Type reset step, then relabel the box itself.', type: 'reset step'},
				{when: [{check: 'lastCommitLabel', contains: typo}, {check: 'diverged'}], say: `The newest box was replaced, but its label still says "${typo}".`},
				{when: [{check: 'diverged'}, not({check: 'lastCommitLabel', contains: word})], say: `The newest box was replaced, but its label should be "${last.label}".`, type: `git commit --amend -m "${last.label}"`},
			],
			hints: ['A sealed box can be replaced by a copy with the same contents and a new label.', 'Seal again with --amend: it replaces the newest box instead of adding one.', `Type: git commit --amend -m "${last.label}"`],
			solution: [`git commit --amend -m "${last.label}"`],
			wrongMoves: [['git status'], [`git commit --allow-empty -m "${last.label}"`]],
		},
	};
}

function forgottenFile(desk: Desk, last: Box): Fix {
	const extra = desk.box();
	const label = `${last.label} and ${nounOf(extra)}`;
	const fixed: Check[] = [{check: 'lastCommitLabel', contains: label}, holdsBox(last), holdsBox(extra), {check: 'lastCommitChanges', path: extra.file}, {check: 'lastCommitChanges', path: last.file}];
	return {
		setup: learnerSeals({...last, label}),
		after: [{do: 'write', path: extra.file, text: `${extra.line}\n`}],
		story: `You shipped the box "${label}", and then saw ${extra.file} still lying on your desk: you never packed it.`,
		oldCopy: `the box without ${extra.file}`,
		it: 'it',
		work: [holdsBox(last), holdsBox(extra)],
		fixed,
		step: {
			id: 'add-forgotten',
			title: 'Put the forgotten file in',
			text: `The box "${label}" should hold ${extra.file} too. Put it into that same box (its label stays), not into a box of its own.`,
			passWhen: [...fixed, {check: 'diverged'}],
			success: `Repacked: your {branch} now holds a new copy of "${label}" with ${extra.file} in it, in place of the one the warehouse has.`,
			nudges: [
				{when: [holdsBox(extra), not({check: 'diverged'})], say: `${extra.file} went into a new box on top; "${label}" under it still lacks it. Type reset step, then put the file into that box itself.`, type: 'reset step'},
				{when: [{check: 'staged', path: extra.file}], say: `${extra.file} is in the open box. Now seal it into the newest box, keeping its label.`, type: 'git commit --amend --no-edit'},
				{when: [{check: 'diverged'}, not(holdsBox(extra))], say: `The newest box was replaced, but ${extra.file} is still not in it.`},
				{when: [{check: 'diverged'}, not({check: 'lastCommitLabel', contains: label})], say: `${extra.file} is in the newest box now, but its label should still be "${label}".`, type: `git commit --amend -m "${label}"`},
			],
			hints: [`Pack ${extra.file} first, as for any box.`, 'Then seal with --amend: the newest box is replaced by a copy that holds what the open box holds too.', `Type: ${typeLines([`git add ${extra.file}`, 'git commit --amend --no-edit'])}`],
			solution: [`git add ${extra.file}`, 'git commit --amend --no-edit'],
			wrongMoves: [[`git add ${extra.file}`, `git commit -m "Add ${nounOf(extra)}"`], ['git commit --amend --no-edit']],
		},
	};
}

function combineTwo(desk: Desk, earlier: number): Fix {
	const [first, second] = desk.boxes(2) as [Box, Box];
	const label = `Add ${nounOf(first)} and ${nounOf(second)}`;
	// The branch holds the earlier boxes and the combined one: exactly `count` boxes.
	const count = earlier + 1;
	const fixed: Check[] = [
		{check: 'lastCommitLabel', contains: label}, holdsBox(first), holdsBox(second),
		{check: 'lastCommitChanges', path: first.file}, {check: 'lastCommitChanges', path: second.file},
		{check: 'commits', atLeast: count}, not({check: 'commits', atLeast: count + 1}),
	];
	return {
		setup: [...learnerSeals(first), ...learnerSeals(second)],
		after: [],
		story: `You shipped "${first.label}" and "${second.label}" as two boxes; they belong in one box, labelled "${label}".`,
		oldCopy: 'the two boxes',
		it: 'them',
		work: [holdsBox(first), holdsBox(second)],
		fixed,
		step: {
			id: 'combine',
			title: 'Make the two boxes one',
			text: `Your two newest boxes, "${first.label}" and "${second.label}", should be one box labelled "${label}", holding both files. Make them one in your {branch}.`,
			passWhen: [...fixed, {check: 'diverged'}],
			success: `Combined: your {branch} now holds one box "${label}" in place of the two the warehouse has.`,
			nudges: [
				{when: [{check: 'staged', path: first.file}, {check: 'staged', path: second.file}], say: `Both files are in the open box: seal them as one box labelled "${label}".`, type: `git commit -m "${label}"`},
				{when: [{check: 'lastCommitLabel', contains: label}, {check: 'commits', atLeast: count + 1}], say: 'The newest box has the new label, but your {branch} still holds two boxes where one should be.'},
				{when: [not(holdsBox(first)), not({check: 'staged', path: first.file}), not({check: 'untracked', path: first.file})], say: `The work of "${first.label}" is no longer on your desk or in your {branch}. Type reset step to start this step again.`, type: 'reset step'},
				{when: [{check: 'untracked', path: first.file}], say: `${first.file} lies on your desk, unpacked: pack both files again and seal them as one box.`},
				{when: [{check: 'diverged'}, not({check: 'lastCommitLabel', contains: label})], say: `The newest box should be labelled "${label}".`, type: `git commit --amend -m "${label}"`},
			],
			hints: [
				'Take the two boxes off your branch while keeping their contents packed, then seal those contents once.',
				'A soft reset moves your branch back two boxes and leaves everything they held in the open box.',
				`Type: ${typeLines(['git reset --soft HEAD~2', `git commit -m "${label}"`])}`,
			],
			solution: ['git reset --soft HEAD~2', `git commit -m "${label}"`],
			wrongMoves: [[`git commit --amend -m "${label}"`], ['git reset --soft HEAD~1', `git commit -m "${label}"`]],
		},
	};
}

/** The step that replaces the learner's own shipped boxes: only the lease completes it. */
function replaceStep(fix: Fix): StepData {
	const plainForce: Nudge = {
		when: [{check: 'forcedPush', lease: false}, {check: 'shipped'}],
		say: `That replaced ${fix.oldCopy} with a plain force. Had Sam shipped a box on top of ${fix.it} meanwhile, the plain force would have thrown his box out of the warehouse too, without a word. ${leaseWords} Type reset step, and replace ${fix.it} again with the lease.`,
		type: 'reset step',
	};
	return {
		id: 'replace',
		title: 'Replace it in the warehouse, with the lease',
		text: `Nobody else has the old copy: replace ${fix.oldCopy} in the warehouse with what your {branch} holds now, with the safe kind of force.`,
		passWhen: [{check: 'forcedPush', lease: true}, {check: 'shipped'}, ...fix.fixed],
		mayReplaceOwnBoxes: true,
		success: 'Replaced, with the lease: the warehouse holds what your {branch} holds.',
		nudges: [
			plainForce,
			{when: [{check: 'shipped'}, ...fix.fixed], say: `The warehouse holds what your {branch} holds, but not by a push with the lease. ${leaseWords} Type reset step, and replace ${fix.it} with the lease.`, type: 'reset step'},
			{when: [{check: 'includesOnline'}, ...settled], say: `Your {branch} holds the warehouse's old copy again, so a push now would keep ${fix.it} instead of replacing ${fix.it}. Type reset step, then replace ${fix.it} with the lease.`, type: 'reset step'},
			{when: [...pushRefused, not({check: 'ran', command: 'push', option: ['--force-with-lease']})], say: `A push without force cannot replace a shipped box: the warehouse keeps ${fix.oldCopy}. Replacing your own box needs force, and the safe kind is the lease.`},
		],
		hints: [
			'The warehouse still holds the old copy; replacing it takes force.',
			'The safe force is the lease: it replaces only if the warehouse\'s {branch} is still where your origin/{branch} says.',
			'Type: git push --force-with-lease',
		],
		solution: ['git push --force-with-lease'],
		wrongMoves: [
			['git push --force'],
			['git push -f'],
			['git push origin +HEAD'],
			['git push'],
			['git pull --no-rebase', 'git push'],
		],
	};
}

export function force(random: Random): DrillContent {
	const shape: Shape = random.pick(forceShapes);
	const desk = new Desk(random);
	const start = desk.boxes(random.int(1, 2));
	const before = desk.boxes(random.int(0, 2));
	const samMeanwhile = shape === 'Sam ships meanwhile' || shape === 'fetched meanwhile';
	const fix = shape === 'forgotten file'
		? forgottenFile(desk, desk.box())
		: shape === 'combine two'
			? combineTwo(desk, start.length + before.length)
			: relabel(random, desk.box());
	const setup: SetupAction[] = [
		...shippedStart(start),
		...before.flatMap(box => learnerSeals(box)),
		...fix.setup,
		{do: 'type', line: 'git push --quiet'},
		...fix.after,
	];
	const earlier = before.length > 0 ? ` Earlier you shipped ${quoted(before)}.` : '';
	const common = {
		command: 'push --force-with-lease',
		setup,
		summary: [
			'Rewrite a box you shipped only while nobody else has it: git commit --amend (or a soft reset and a new seal) makes the new copy.',
			'Replace it in the warehouse with git push --force-with-lease: it refuses ("stale info") when the warehouse\'s branch is not where origin/{branch} says.',
			'A plain git push --force or +branch throws away whatever is there, seen or not.',
			'After a fetch, the lease alone no longer protects boxes you have not looked at: add --force-if-includes (git 2.30+), or look at origin/{branch} first.',
			'Once someone has built on a box, leave it alone: bring their boxes home instead.',
		],
	};
	if (!samMeanwhile) {
		return {
			...common,
			variant: `${shape}, ${start.length}+${before.length} shipped before`,
			intro: [`${fix.story}${earlier}`, `Nobody else has pulled ${fix.it} yet. Fix ${fix.it} in your {branch}, then make the warehouse hold the fixed copy.`].join('\n'),
			steps: [fix.step, replaceStep(fix)],
		};
	}

	const samsBox = desk.box();
	const samShips: SetupAction[] = [{do: 'sam', line: 'git pull --quiet'}, ...samSeals(samsBox), {do: 'sam', line: 'git push --quiet'}];
	const keepSams: Check[] = [
		{check: 'hasBoxBy', by: 'Sam', where: 'local'}, {check: 'includesOnline'}, {check: 'shipped'}, {check: 'onlineKept'},
		...settled, holdsBox(samsBox), ...fix.work,
	];
	const keepNudges: Nudge[] = [
		chooseHowToCombine,
		{when: [{check: 'hasBoxBy', by: 'Sam', where: 'local'}, {check: 'includesOnline'}, ...settled, not({check: 'shipped'})], say: 'Sam\'s box is home, in your {branch}. Ship your {branch} as it is now: no force is needed.', type: 'git push'},
		{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'remote-updated-since-checkout'}], say: `Refused, and rightly: origin/{branch} holds Sam's "${samsBox.label}", on top of your old box, and your {branch} never had it. Keep his box: bring it home, then ship.`, type: 'git pull --rebase'},
		{when: [...pushRefused, not({check: 'fetched'})], say: 'The warehouse refused: it holds a box your {branch} does not have.'},
	];
	const keepStep: StepData = {
		id: 'keep-sams-box',
		title: 'Keep Sam\'s box',
		text: `Sam built "${samsBox.label}" on top of your old box, so the old one stays in the warehouse: replacing it now would throw his box away. Bring his box into your {branch}, then make the warehouse and your {branch} match, with his box kept.`,
		passWhen: keepSams,
		success: `Sam's box is in your {branch} and in the warehouse, which match. Once someone has built on a box, it stays as it is.`,
		successAfterLoss: 'Sam\'s box is back, and your {branch} matches the warehouse. But a push in this drill threw his box out of the warehouse for a while, and anyone who pulled then got a history without it.',
		nudges: keepNudges,
		hints: ['Sam\'s box comes first: nothing of his may be thrown away.', 'Bring his box home with your boxes on top (--rebase): your relabelled copy holds nothing the old box does not, so it is left out.', 'Type: git pull --rebase'],
		solution: ['git pull --rebase'],
		wrongMoves: [['git fetch', 'git push --force-with-lease'], ['git push --force'], ['git push']],
	};

	if (shape === 'Sam ships meanwhile') {
		const leaseRefuses: StepData = {
			id: 'lease-refuses',
			title: 'Replace it, with the lease',
			text: `Replace ${fix.oldCopy} in the warehouse with your fixed copy, with the safe kind of force.`,
			passWhen: [{check: 'ran', command: 'push', result: 'failed', failure: 'stale-info'}],
			success: `"stale info": the warehouse's {branch} is not where your origin/{branch} says. Sam pulled your old box, sealed "${samsBox.label}" on top of it and shipped it meanwhile. The lease refused, so his box is still in the warehouse.`,
			nudges: [
				{when: [{check: 'fetched'}, not({check: 'includesOnline'})], say: `origin/{branch} now shows a box you have not brought home: Sam's "${samsBox.label}", on top of your old box. A lease push now would throw it away, because the lease compares with origin/{branch}, which knows it. Keep his box: bring it home, then ship.`, type: 'git pull --rebase'},
				{when: pushRefused, say: 'The warehouse refused a push without force: it holds a box your {branch} does not have.'},
			],
			hints: ['Replacing a shipped box takes force; the safe kind is the lease.', 'The lease replaces only if the warehouse\'s {branch} is still where your origin/{branch} says.', 'Type: git push --force-with-lease'],
			solution: ['git push --force-with-lease'],
			wrongMoves: [['git fetch', 'git push --force-with-lease'], ['git push --force'], ['git push origin +HEAD'], ['git status']],
			onStart: samShips,
		};
		return {
			...common,
			variant: `${shape}, ${start.length}+${before.length} shipped before`,
			intro: [`${fix.story}${earlier}`, 'Fix it in your {branch}, then make the warehouse hold the fixed copy. Sam works on the same warehouse.'].join('\n'),
			steps: [fix.step, leaseRefuses, keepStep],
		};
	}

	// Fetched meanwhile: origin/{branch} already knows Sam's box, so a bare lease would not protect it.
	const fetched: StepData = {
		...keepStep,
		id: 'look-first',
		title: 'Replace it, unless someone built on it',
		text: `Replace ${fix.oldCopy} in the warehouse with your fixed copy, but only if nobody built on it; if someone did, keep their boxes and ship yours with them. Your origin/{branch} is up to date, so a lease alone would not notice a box you have not looked at.`,
		nudges: [
			...keepNudges,
			{when: [{check: 'ran', command: 'log'}, not({check: 'hasBoxBy', by: 'Sam', where: 'local'})], say: `Look at origin/{branch}: Sam's "${samsBox.label}" sits on top of your old box. Keep it: bring it home, then ship.`, type: 'git pull --rebase'},
		],
		hints: [
			'Before forcing, look at what origin/{branch} holds that your {branch} does not.',
			'Sam shipped a box on top of your old one: keep it, and let your relabelled copy go. (A lease with --force-if-includes, git 2.30+, would have refused here.)',
			'Type: git pull --rebase',
		],
		wrongMoves: [
			['git push --force-with-lease'],
			['git push --force'],
			['git push origin +HEAD'],
			['git push'],
			['# needs git 2.30: --force-if-includes arrived then', 'git push --force-with-lease --force-if-includes'],
		],
		onStart: [...samShips, {do: 'type', line: 'git fetch --quiet'}],
		announce: 'Meanwhile your editor fetched in the background, as some editors are set to do every few minutes: origin/{branch} now shows what the warehouse holds.',
	};
	return {
		...common,
		variant: `${shape}, ${start.length}+${before.length} shipped before`,
		intro: [`${fix.story}${earlier}`, 'Fix it in your {branch}, then make the warehouse hold the fixed copy. Sam works on the same warehouse.'].join('\n'),
		steps: [fix.step, fetched],
	};
}
