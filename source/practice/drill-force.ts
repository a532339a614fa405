// The force drill: relabelling a box you already shipped.
import type {Check, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, divergentPull, holdsBox, learnerSeals, not, quoted, samSeals, settled, shippedStart,
	type DrillContent, type StepData,
} from './world.ts';

/** Swaps two neighbouring, different letters in one word of the noun: "invoice" → "invocie". */
function makeTypo(random: Random, noun: string): {word: string; typo: string} {
	const words = noun.split(' ').filter(word => word.length >= 4);
	const word = random.pick(words);
	const places = [...word].map((_, index) => index).filter(index => index + 1 < word.length && word[index] !== word[index + 1] && index > 0);
	const at = random.pick(places);
	return {word, typo: `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`};
}

export const forceShapes = ['nobody else', 'Sam ships meanwhile'] as const;

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
				successAfterLoss: 'Sam\'s box is back, and your {branch} matches the warehouse. But a push in this drill threw boxes out of the warehouse for a while, and anyone who pulled then got a history without them: leave a box alone once someone has built on it.',
				nudges: [
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
				mayReplaceOwnBoxes: true,
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
