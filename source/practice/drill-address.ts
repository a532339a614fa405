// The address drill: shipping to a warehouse whose address is not set up the way the habit
// expects. No destination at all, no route for the branch, the address saved under another name,
// or a mistyped address. Each is found out from what git says and the list of destinations.
import type {Check, Nudge, SetupAction} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';
import {
	Desk, boxWord, learnerSeals, not, quoted, shippedStart,
	type Box, type DrillContent, type StepData,
} from './world.ts';

export const addressShapes = ['no destination', 'no upstream', 'wrong name', 'wrong address'] as const;

/** Names a warehouse's address might have been saved under instead of origin. */
const otherNames = ['warehouse', 'github', 'shipping', 'online'] as const;

/** Branch names for a new line of work. */
const branchNames = ['labels', 'winter-stock', 'new-route', 'night-shift', 'express', 'returns-desk'] as const;

/** Mistyped addresses of the online repository (the sandbox's GitHub has no repository there). */
const typos = [
	'https://github.com/learner/shipmnet.git',
	'https://github.com/learner/shipmet.git',
	'https://github.com/learner/shipments.git',
	'https://github.com/lerner/shipment.git',
	'https://github.com/learenr/shipment.git',
	'https://github.com/learner/shpiment.git',
] as const;

/** The learner looked at the list of destinations (git remote, -v, or show). */
const listedRemotes: Check = {check: 'ran', command: 'remote', action: ['', 'show'], result: 'succeeded'};

const routeNotSaved = (push: string): Nudge => ({
	when: [{check: 'shipped'}, {check: 'noUpstream'}],
	say: 'Your boxes reached the warehouse, but the route was not saved, so a plain push next time would not know the way. Ship again and save the route this time.',
	type: push,
});

const noRouteYet = (push: string): Nudge => ({
	when: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-upstream'}],
	say: 'No route is saved for {branch} yet, so a plain push does not know where to go. Name the destination and the branch once, and save the route.',
	type: push,
});

/** The last step of most shapes: ship to origin and save the route. */
function shipToOrigin(boxes: readonly Box[]): StepData {
	const push = 'git push -u origin {branch}';
	return {
		id: 'ship',
		title: 'Ship and save the route',
		text: `Ship your ${boxWord(boxes.length)} to origin, and save the route so that a plain push and pull know the way from now on.`,
		passWhen: [{check: 'shipped'}, {check: 'tracks', remote: 'origin'}],
		success: `Shipped: the warehouse holds ${quoted(boxes)}, and the route {branch} → origin/{branch} is saved.`,
		nudges: [
			routeNotSaved(push),
			noRouteYet(push),
			{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'unknown-remote'}], say: 'There is no destination by that name. The list of destinations shows the names your repository knows.', type: 'git remote -v'},
		],
		hints: ['A first shipment names the destination and the branch.', 'The -u option (or --set-upstream) saves the route as it ships.', `Type: ${push}`],
		solution: [push],
		wrongMoves: [['git push'], ['git push origin {branch}'], ['git status']],
	};
}

/** From whatever the learner did to the list of destinations, the way to origin leading to the warehouse. */
const originNudges: Nudge[] = [
	{when: [{check: 'ran', command: 'remote', result: 'failed', failure: 'remote-exists'}, {check: 'remote', name: 'origin'}], say: 'There is a destination called origin already: change where it leads instead of adding it again.', type: 'git remote set-url origin {url}'},
	{when: [{check: 'remote', name: 'origin'}], say: 'origin leads somewhere that is not the warehouse. Its address must be {url}, letter for letter.', type: 'git remote set-url origin {url}'},
	{when: [{check: 'noRemotes'}], say: 'Your repository knows no destination. Save the warehouse\'s address under the usual name, origin.', type: 'git remote add origin {url}'},
	{when: [not({check: 'noRemotes'})], say: 'You saved an address under another name ({otherRemote}). The lessons and most projects call the warehouse origin.', type: 'git remote rename {otherRemote} origin'},
];

/** Gives the warehouse's address the name origin, whatever the learner did to the list so far. */
function addOrigin(text: string): StepData {
	return {
		id: 'add-origin',
		title: 'Give the truck an address',
		text,
		passWhen: [{check: 'remote', name: 'origin', reachesOnline: true}],
		success: 'origin leads to the warehouse now.',
		nudges: originNudges,
		hints: ['A destination has a name and an address; the usual name is origin.', 'The warehouse\'s address is {url}.', 'Type: git remote add origin {url}'],
		solution: ['git remote add origin {url}'],
		wrongMoves: [['git remote add origin https://github.com/learner/shipmnet.git'], ['git remote add github {url}'], ['git push {url}']],
	};
}

function noDestination(random: Random, desk: Desk): DrillContent {
	const boxes = desk.boxes(random.int(1, 3));
	const steps: StepData[] = [
		{
			id: 'find-out',
			title: 'Where does the truck go?',
			text: `Your ${boxWord(boxes.length)} should go to the warehouse at {url}. Before shipping, find out which destinations your repository knows.`,
			passWhen: [listedRemotes, {check: 'noRemotes'}],
			success: 'The list is empty: your repository knows no destination at all, so a push now could only fail with "No configured push destination".',
			nudges: [
				{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-destination'}], say: 'That is the answer of a repository that knows no destination at all. See it for yourself: ask for the list of destinations your repository knows.', type: 'git remote -v'},
				// Having saved an address already, the list is no longer empty: set it right, and the next step passes too.
				...originNudges.slice(1, 2),
				...originNudges.slice(3),
			],
			hints: ['Each destination your repository knows has a name and an address; one command lists them.', 'With -v the list shows each address too.', 'Type: git remote -v'],
			solution: ['git remote -v'],
			wrongMoves: [['git status'], ['git log --oneline']],
		},
		addOrigin('Nothing is on the list. Save the warehouse\'s address, {url}, under the usual name: origin.'),
		shipToOrigin(boxes),
	];
	return {
		variant: `no destination, ${boxes.length} ${boxes.length === 1 ? 'box' : 'boxes'}`,
		command: 'remote add',
		intro: [
			`You sealed ${quoted(boxes)} in a new repository, and made an empty online repository for ${boxes.length === 1 ? 'it' : 'them'}: the warehouse at {url}.`,
			'The truck is ready. Does it know where to go?',
		].join('\n'),
		setup: boxes.flatMap(box => learnerSeals(box)),
		steps,
		summary: [
			'git remote -v lists the destinations your repository knows; an empty list means a push has nowhere to go ("No configured push destination").',
			'git remote add origin URL saves the warehouse\'s address under the usual name.',
			'git push -u origin BRANCH ships and saves the route; after that a plain git push knows the way.',
		],
	};
}

function noUpstream(random: Random, desk: Desk): DrillContent {
	const newBranch = random.chance(0.5);
	const name = newBranch ? random.pick(branchNames) : '{branch}';
	const start = newBranch ? desk.boxes(random.int(1, 2)) : [];
	const boxes = desk.boxes(random.int(1, newBranch ? 2 : 3));
	const setup: SetupAction[] = newBranch
		? [...shippedStart(start), {do: 'type', line: `git checkout -b ${name}`}, ...boxes.flatMap(box => learnerSeals(box))]
		: [...boxes.flatMap(box => learnerSeals(box)), {do: 'type', line: 'git remote add origin {url}'}];
	const push = `git push -u origin ${name}`;
	// A step about another branch than the practice one must say so, or the tutor sends the learner back to {branch}.
	const onIt: Check[] = newBranch ? [{check: 'onBranch', name}] : [];
	const backToIt: Nudge[] = newBranch
		? [{when: [not({check: 'onBranch', name})], say: `The new ${boxWord(boxes.length)} ${boxes.length === 1 ? 'is' : 'are'} on the branch ${name}, and you are on another one now. Go back to ${name} first.`, type: `{switch} ${name}`}]
		: [];
	const steps: StepData[] = [
		{
			id: 'try',
			title: 'Try the everyday push',
			text: `Ship ${newBranch ? `the branch ${name}` : 'your boxes'} with the plain push you use every day, and read the answer.`,
			passWhen: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-upstream'}, ...onIt],
			success: `"has no upstream branch": the truck knows the warehouse, but no route is saved for ${name}, so a plain push does not know where to ship it.`,
			nudges: [
				...backToIt,
				{when: [{check: 'branchShipped', name}, {check: 'noUpstream'}], say: `${name} reached the warehouse, but no route is saved, so the plain push still fails. Try it, and read the answer.`, type: 'git push'},
			],
			hints: ['No destination, no branch: just the push.', 'Type: git push'],
			solution: ['git push'],
			wrongMoves: [['git status'], ['git remote -v']],
		},
		{
			id: 'ship',
			title: 'Ship and save the route',
			text: `Ship ${name} to origin and save the route, so that a plain push and pull know the way from now on.`,
			passWhen: [...onIt, {check: 'branchShipped', name}, {check: 'tracks', remote: 'origin'}],
			success: `Shipped: the warehouse holds ${quoted(boxes)} on ${name}, and the route ${name} → origin/${name} is saved.`,
			nudges: [
				...backToIt,
				{when: [{check: 'branchShipped', name}, {check: 'noUpstream'}], say: `${name} reached the warehouse, but the route was not saved, so a plain push next time would not know the way. Ship again and save the route this time.`, type: push},
				{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-upstream'}], say: `Still no route for ${name}: name the destination and the branch once, and save the route as it ships.`, type: push},
				...(newBranch
					? [{when: [{check: 'ran', command: 'push', result: 'succeeded'}, not({check: 'branchShipped', name})], say: `That push did not ship ${name}. Name this branch, the one the new ${boxWord(boxes.length)} ${boxes.length === 1 ? 'is' : 'are'} on.`, type: push} satisfies Nudge]
					: []),
			],
			hints: ['A first shipment names the destination and the branch.', 'The -u option (or --set-upstream) saves the route as it ships.', `Type: ${push}`],
			solution: [push],
			wrongMoves: newBranch
				? [['git push'], [`git push origin ${name}`], ['git push -u origin {branch}']]
				: [['git push'], ['git push origin {branch}'], ['git push origin']],
		},
	];
	return {
		variant: `no upstream, ${newBranch ? `new branch ${name}` : 'first shipment'}, ${boxes.length} ${boxes.length === 1 ? 'box' : 'boxes'}`,
		command: 'push -u',
		intro: newBranch
			? [
				`Your {branch} is in the warehouse, and its route is saved: ${quoted(start)} shipped long ago.`,
				`Then you started the branch ${name} for something new and sealed ${quoted(boxes)} on it. Time to ship ${name}.`,
			].join('\n')
			: [
				`You sealed ${quoted(boxes)}, and saved the warehouse's address as origin.`,
				'Nothing has shipped yet. Time for the first shipment.',
			].join('\n'),
		setup,
		steps,
		summary: [
			'"has no upstream branch": the remote is known, but no route is saved for this branch. Every new branch starts without one.',
			'git push -u origin BRANCH ships and saves the route; after that a plain git push and git pull know the way.',
			'git branch -vv shows the route each branch has saved (in brackets).',
		],
	};
}

function wrongName(random: Random, desk: Desk): DrillContent {
	const name = random.pick(otherNames);
	const boxes = desk.boxes(random.int(1, 3));
	const renamed = 'git remote rename {otherRemote} origin';
	const steps: StepData[] = [
		{
			id: 'try',
			title: 'Ship as usual',
			text: `Ship your ${boxWord(boxes.length)} the way you always make a first shipment: to origin, saving the route. Read the answer.`,
			passWhen: [{check: 'ran', command: 'push', result: 'failed', failure: 'unknown-remote'}],
			success: 'Your repository knows no destination called origin, so the push had nowhere to go.',
			nudges: [
				{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-upstream'}], say: 'No route is saved for {branch} yet, so a plain push does not know where to go. Name the destination and the branch, as for any first shipment.'},
			],
			hints: ['A first shipment names the destination and the branch, and saves the route.', 'Type: git push -u origin {branch}'],
			solution: ['git push -u origin {branch}'],
			wrongMoves: [['git status'], ['git log --oneline']],
		},
		{
			id: 'find-name',
			title: 'Find the warehouse\'s name',
			text: 'Your repository does know the warehouse, under another name. Look at the list of destinations: each name with its address.',
			passWhen: [listedRemotes],
			success: 'There it is: one destination, and its address is the warehouse\'s. Only its name is not origin.',
			nudges: [],
			hints: ['Each destination your repository knows has a name and an address; one command lists them.', 'With -v the list shows each address too.', 'Type: git remote -v'],
			solution: ['git remote -v'],
			wrongMoves: [['git status'], ['git branch -vv']],
		},
		{
			id: 'ship',
			title: 'Ship and save the route',
			text: `Ship your ${boxWord(boxes.length)} and save the route: to the destination under the name it has, or rename it to origin first, as most projects call it.`,
			passWhen: [{check: 'shipped'}, not({check: 'noUpstream'})],
			success: `Shipped: the warehouse holds ${quoted(boxes)}, and the route for {branch} is saved.`,
			nudges: [
				routeNotSaved('git push -u {remote} {branch}'),
				{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'unknown-remote'}, not({check: 'remote', name: 'origin'})], say: 'There is no destination by that name. Use the name on the list, or rename that destination to origin first.', type: renamed},
				{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'unknown-remote'}], say: 'There is no destination by that name. The list of destinations shows the names your repository knows.', type: 'git remote -v'},
				noRouteYet('git push -u {remote} {branch}'),
			],
			hints: ['Either name works, as long as it is on the list: the name it has, or origin after a rename.', `Renaming keeps the address: git remote rename ${name} origin, then ship to origin.`, `Type: git push -u ${name} {branch}   (or: ${renamed.replace('{otherRemote}', name)}   then: git push -u origin {branch})`],
			solution: [`git push -u ${name} {branch}`],
			wrongMoves: [['git push -u origin {branch}'], [`git push ${name} {branch}`], ['git remote add origin https://github.com/learner/shipmnet.git', 'git push -u origin {branch}']],
		},
	];
	return {
		variant: `wrong name, ${name}, ${boxes.length} ${boxes.length === 1 ? 'box' : 'boxes'}`,
		command: 'remote',
		intro: [
			`You sealed ${quoted(boxes)}. A colleague set up your repository and saved the warehouse's address for you.`,
			'Nothing has shipped yet. Time for the first shipment.',
		].join('\n'),
		setup: [...boxes.flatMap(box => learnerSeals(box)), {do: 'type', line: `git remote add ${name} {url}`}],
		steps,
		summary: [
			'"\'origin\' does not appear to be a git repository": no destination has that name. git remote -v lists the names your repository knows.',
			'Ship to the name on the list (git push -u NAME BRANCH), or rename it first: git remote rename NAME origin.',
		],
	};
}

function wrongAddress(random: Random, desk: Desk): DrillContent {
	const typo = random.pick(typos);
	const boxes = desk.boxes(random.int(1, 3));
	const steps: StepData[] = [
		{
			id: 'try',
			title: 'Ship as usual',
			text: `Ship your ${boxWord(boxes.length)} the way you always make a first shipment: to origin, saving the route. Read the answer.`,
			passWhen: [
				{check: 'ran', command: 'push', result: 'failed'},
				not({check: 'ran', command: 'push', failure: 'no-upstream'}),
				not({check: 'ran', command: 'push', failure: 'unknown-remote'}),
				not({check: 'remote', name: 'origin', reachesOnline: true}),
			],
			success: 'origin exists, but there is no repository at the address saved for it, so the push had nowhere to go. (The real GitHub answers "Repository not found".)',
			nudges: [
				{when: [{check: 'ran', command: 'push', result: 'failed', failure: 'no-upstream'}], say: 'No route is saved for {branch} yet, so a plain push does not know where to go. Name the destination and the branch, as for any first shipment.'},
			],
			hints: ['A first shipment names the destination and the branch, and saves the route.', 'Type: git push -u origin {branch}'],
			solution: ['git push -u origin {branch}'],
			wrongMoves: [['git status'], ['git push']],
		},
		{
			id: 'check-address',
			title: 'Check the address',
			text: 'origin exists, but the truck found no warehouse there. Look at the address saved for it, and compare it with the warehouse\'s: {url}',
			passWhen: [{check: 'ran', command: 'remote', action: ['', 'show', 'get-url'], result: 'succeeded'}, {check: 'remote', name: 'origin'}, not({check: 'remote', name: 'origin', reachesOnline: true})],
			success: 'Compare them letter by letter: the address saved for origin is not the warehouse\'s.',
			nudges: [],
			hints: ['The list of destinations shows each name with its address.', 'Type: git remote -v'],
			solution: ['git remote -v'],
			wrongMoves: [['git status'], ['git log --oneline']],
		},
		{
			...addOrigin('Correct the address saved for origin: it must be {url}.'),
			id: 'fix-address',
			title: 'Fix the address',
			hints: ['Adding origin again fails: it exists. Change the address it leads to instead.', 'Type: git remote set-url origin {url}'],
			solution: ['git remote set-url origin {url}'],
			wrongMoves: [['git remote add origin {url}'], ['git remote -v'], ['git remote add warehouse {url}']],
		},
		shipToOrigin(boxes),
	];
	return {
		variant: `wrong address, ${typo.replace('https://github.com/', '')}, ${boxes.length} ${boxes.length === 1 ? 'box' : 'boxes'}`,
		command: 'remote set-url',
		intro: [
			`You sealed ${quoted(boxes)}, and saved the warehouse's address as origin in a hurry, typing it by hand.`,
			'Nothing has shipped yet. Time for the first shipment.',
		].join('\n'),
		setup: [...boxes.flatMap(box => learnerSeals(box)), {do: 'type', line: `git remote add origin ${typo}`}],
		steps,
		summary: [
			'A push to a mistyped address fails: the real GitHub says "Repository not found"; another address "does not appear to be a git repository".',
			'git remote -v shows the address saved for each name; git remote set-url origin URL corrects it.',
			'git push -u origin BRANCH then ships and saves the route.',
		],
	};
}

const makers: Record<(typeof addressShapes)[number], (random: Random, desk: Desk) => DrillContent> = {
	'no destination': noDestination,
	'no upstream': noUpstream,
	'wrong name': wrongName,
	'wrong address': wrongAddress,
};

export function address(random: Random): DrillContent {
	const shape = random.pick(addressShapes);
	return makers[shape](random, new Desk(random));
}
