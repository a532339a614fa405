// The pieces every drill is made of: plausible files, boxes (commits) with labels, and the
// setup actions and checks that make and verify them. All of it is the lesson vocabulary of
// lesson-types.ts; a drill is an ordinary lesson, only written by code.
import type {Check, Lesson, Nudge, SetupAction, Step} from '../lessons/lesson-types.ts';
import type {Random} from './prng.ts';

/** A lesson as a lesson file would hold it, before validateLesson. */
export type LessonData = Omit<Lesson, 'source' | 'steps' | 'startsWhen' | 'part' | 'minutes' | 'requires' | 'samAtHand'> & Partial<Pick<Lesson, 'startsWhen' | 'part' | 'minutes' | 'requires' | 'samAtHand'>> & {steps: StepData[]};

/** A step as a file holds it: the fields validateLesson fills in when absent may be left out. */
export type StepData = Omit<Step, 'afterPrevious' | 'mayReplaceOwnBoxes' | 'onStart' | 'announce' | 'successAfterLoss'> & Partial<Pick<Step, 'afterPrevious' | 'mayReplaceOwnBoxes' | 'onStart' | 'announce' | 'successAfterLoss'>>;

/** What a drill generator returns: the lesson without the parts every drill shares. */
export type DrillContent = Pick<LessonData, 'command' | 'intro' | 'setup' | 'steps' | 'summary' | 'samAtHand'> & {
	/**
	 * The design choices this seed made, in a few words (for tests and for reading a drill): the
	 * shape first (one of the drill's `shapes`, chosen uniformly per seed), then details after commas.
	 */
	variant: string;
};

/** Several commands for the learner to type, one at a time (the prompt runs one command per line). */
export const typeLines = (lines: readonly string[]) => lines.join('   then: ');

/**
 * A plain `git pull` as a wrong move. Older git (before 2.33.1) merges instead of stopping, so the
 * comment line, which the tutor ignores, tells the test suite which git the move needs.
 */
export const plainPull = ['# needs git 2.33.1: older git merges a plain pull instead of stopping', 'git pull'];

/** One sealed box: a new file with one line in it, and its label. */
export type Box = {file: string; label: string; line: string};

/** Things that might lie on a shipping company's desk: a file name and what it holds. */
const things: ReadonlyArray<readonly [file: string, noun: string]> = [
	['invoice.txt', 'invoice'],
	['packing-list.txt', 'packing list'],
	['address.txt', 'delivery address'],
	['schedule.txt', 'pickup schedule'],
	['inventory.txt', 'inventory'],
	['route.txt', 'truck route'],
	['contacts.txt', 'contact list'],
	['budget.txt', 'budget'],
	['manifest.txt', 'cargo manifest'],
	['receipts.txt', 'receipts'],
	['customs.txt', 'customs form'],
	['returns.txt', 'returns log'],
	['suppliers.txt', 'supplier list'],
	['pallets.txt', 'pallet count'],
	['tracking.txt', 'tracking numbers'],
	['insurance.txt', 'insurance note'],
	['checklist.txt', 'loading checklist'],
	['weights.txt', 'parcel weights'],
	['drivers.txt', 'driver rota'],
	['fragile.txt', 'fragile items'],
];

const verbs = ['Add', 'Write', 'Draft', 'Start'];

/** Hands out boxes with files no other box of the drill uses. */
export class Desk {
	private readonly order: Array<readonly [string, string]>;
	private readonly numbers: number[];
	private used = 0;

	constructor(private readonly random: Random) {
		this.order = random.sample(things, things.length);
		this.numbers = random.sample(Array.from({length: 900}, (_, index) => 100 + index), things.length);
	}

	box(): Box {
		const thing = this.order[this.used];
		const number = this.numbers[this.used];
		if (thing === undefined || number === undefined) {
			throw new RangeError('a drill asked for more boxes than there are things on the desk');
		}

		this.used++;
		const [file, noun] = thing;
		return {file, label: `${this.random.pick(verbs)} ${noun}`, line: `${noun} #${number}`};
	}

	boxes(count: number): Box[] {
		return Array.from({length: count}, () => this.box());
	}
}

/** The learner packs and seals a box (setup: as if the learner typed it). */
export function learnerSeals(box: Box): SetupAction[] {
	return [
		{do: 'write', path: box.file, text: `${box.line}\n`},
		{do: 'type', line: `git add ${box.file}`},
		{do: 'type', line: `git commit -m "${box.label}"`},
	];
}

/** Sam packs and seals a box in his clone. */
export function samSeals(box: Box): SetupAction[] {
	return [
		{do: 'sam', line: `echo "${box.line}" > ${box.file}`},
		{do: 'sam', line: `git add ${box.file}`},
		{do: 'sam', line: `git commit -m "${box.label}"`},
	];
}

/** The learner's first boxes, shipped to the warehouse with the route saved. */
export function shippedStart(boxes: readonly Box[]): SetupAction[] {
	return [
		...boxes.flatMap(box => learnerSeals(box)),
		{do: 'type', line: 'git remote add origin {url}'},
		{do: 'type', line: 'git push --quiet -u origin {branch}'},
	];
}

/** The newest box (HEAD) holds the box's file with its line: the box's work is in the branch. */
export function holdsBox(box: Box): Check {
	return {check: 'lastCommitFileHas', path: box.file, text: box.line};
}

export const not = (check: Check): Check => ({check: 'not', of: check});

/** Nothing half-done: no conflict, no merge, rebase or cherry-pick waiting. */
export const settled: Check[] = [
	not({check: 'conflicted'}),
	not({check: 'inProgress', operation: 'merge'}),
	not({check: 'inProgress', operation: 'rebase'}),
	not({check: 'inProgress', operation: 'cherry-pick'}),
];

/** "box", "lost box", "2 lost boxes". */
export function boxWord(count: number, adjective = ''): string {
	return count === 1 ? `${adjective}box` : `${count} ${adjective}boxes`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

export const quoted = (boxes: readonly Box[]) => listing(boxes.map(box => `"${box.label}"`));

// ---- Shared by the force, pull-first and conflict drills ----

/** A divergent pull, said as a goal: the failure's own explanation already names the commands. */
export const chooseHowToCombine: Nudge = {
	when: [{check: 'ran', command: 'pull', result: 'failed', failure: 'divergent-pull'}],
	say: 'Git will not guess how to combine your {branch} with the warehouse\'s: say whether to tie them together with a merge box or to put your boxes on top.',
	type: 'git pull --rebase',
};

/** A push that fails because of a typo or a missing route says nothing about the drill's story. */
export const pushRefused: Check[] = [
	{check: 'ran', command: 'push', result: 'failed'},
	not({check: 'ran', command: 'push', failure: 'unknown-remote'}),
	not({check: 'ran', command: 'push', failure: 'src-refspec'}),
	not({check: 'ran', command: 'push', failure: 'unknown-option'}),
	not({check: 'ran', command: 'push', failure: 'usage-error'}),
	not({check: 'ran', command: 'push', failure: 'needs-newer-git'}),
];

/** What a noun of a box's label is: "Add invoice" → "invoice". */
export const nounOf = (box: Box) => box.label.split(' ').slice(1).join(' ');
