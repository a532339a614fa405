// Turns a parsed lesson file into a Lesson, or lists every problem with the file and step it
// is in, so an instructor writing a lesson can fix them all in one pass.
import {closestWord} from '../closest-word.ts';
import {lessonFailureIds} from '../explain/explanations.ts';
import type {Check, CheckName, Lesson, Nudge, SetupAction, Step} from './lesson-types.ts';

export type FieldType = 'string' | 'strings' | 'number' | 'boolean' | 'check' | 'result' | 'failure' | 'where' | 'operation' | 'place';
/** Each check's parameters; a trailing '?' marks an optional one. */
export const checkParameters: Record<CheckName, Record<string, FieldType>> = {
	ran: {command: 'string', 'action?': 'strings', 'option?': 'strings', 'result?': 'result', 'failure?': 'failure'},
	staged: {path: 'string'},
	notStaged: {path: 'string'},
	untracked: {path: 'string'},
	ignored: {path: 'string'},
	stashed: {},
	deskClear: {},
	boxEmpty: {},
	uncommittedChanges: {},
	commits: {atLeast: 'number'},
	newCommits: {atLeast: 'number'},
	lastCommitChanges: {'path?': 'string'},
	noRemotes: {},
	remote: {name: 'string', 'reachesOnline?': 'boolean'},
	onBranch: {name: 'string'},
	tracks: {remote: 'string'},
	noUpstream: {},
	shipped: {},
	hasBoxBy: {by: 'string', where: 'where'},
	includesOnline: {},
	diverged: {},
	onlineKept: {},
	fetched: {},
	conflicted: {},
	inProgress: {operation: 'operation'},
	mergeCommit: {},
	markers: {where: 'place'},
	lastCommitLabel: {contains: 'string'},
	lastCommitFileHas: {path: 'string', text: 'string'},
	showedLostBox: {by: 'string'},
	forcedPush: {lease: 'boolean'},
	boxTwice: {},
	branchShipped: {name: 'string'},
	branchExists: {name: 'string', where: 'where'},
	tagShipped: {name: 'string'},
	tagAt: {name: 'string', branch: 'string', where: 'where'},
	not: {of: 'check'},
};

export const choices: Partial<Record<FieldType, readonly string[]>> = {
	result: ['succeeded', 'failed'],
	where: ['local', 'online'],
	operation: ['merge', 'rebase', 'cherry-pick', 'revert'],
	place: ['folder', 'lastCommit', 'newCommits', 'shipped'],
};

export const setupParameters: Record<SetupAction['do'], Record<string, FieldType>> = {
	continueFrom: {lesson: 'string'},
	write: {path: 'string', text: 'string'},
	append: {path: 'string', text: 'string'},
	type: {line: 'string'},
	sam: {line: 'string'},
};

export class LessonError extends Error {
	constructor(readonly file: string, readonly problems: string[]) {
		super(`${file}:\n${problems.map(problem => `  - ${problem}`).join('\n')}`);
		this.name = 'LessonError';
	}
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function suggest(word: string, known: readonly string[]): string {
	const best = closestWord(word, known, 3);
	return best ? ` (did you mean "${best}"?)` : ` (known: ${known.join(', ')})`;
}

class Collector {
	readonly problems: string[] = [];
	add(where: string, message: string): void {
		this.problems.push(where ? `${where}: ${message}` : message);
	}

	string(object: Json, key: string, where: string, optional = false): string {
		const value = object[key];
		if (typeof value === 'string' && value.trim() !== '') {
			return value;
		}

		if (!(optional && value === undefined)) {
			this.add(where, `"${key}" must be a non-empty text`);
		}

		return '';
	}

	strings(object: Json, key: string, where: string, optional = false): string[] {
		const value = object[key];
		if (value === undefined && optional) {
			return [];
		}

		if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
			this.add(where, `"${key}" must be a list of texts`);
			return [];
		}

		return value as string[];
	}

	list(object: Json, key: string, where: string, optional = false): unknown[] {
		const value = object[key];
		if (value === undefined && optional) {
			return [];
		}

		if (!Array.isArray(value)) {
			this.add(where, `"${key}" must be a list`);
			return [];
		}

		return value;
	}

	unknownKeys(object: Json, allowed: readonly string[], where: string): void {
		for (const key of Object.keys(object)) {
			if (!allowed.includes(key)) {
				this.add(where, `unknown field "${key}"${suggest(key, allowed)}`);
			}
		}
	}

	/** Checks the parameters of a check or setup action against its table. */
	parameters(object: Json, table: Record<string, FieldType>, discriminator: string, where: string): boolean {
		const names = Object.keys(table).map(name => name.replace(/\?$/, ''));
		this.unknownKeys(object, [discriminator, ...names], where);
		let valid = true;
		for (const [rawName, type] of Object.entries(table)) {
			const name = rawName.replace(/\?$/, '');
			const value = object[name];
			if (value === undefined) {
				if (!rawName.endsWith('?')) {
					this.add(where, `needs "${name}"`);
					valid = false;
				}

				continue;
			}

			valid = this.fieldValue(value, type, name, where) && valid;
		}

		return valid;
	}

	private fieldValue(value: unknown, type: FieldType, name: string, where: string): boolean {
		const problem = (message: string) => {
			this.add(where, `"${name}" ${message}`);
			return false;
		};

		switch (type) {
			case 'check': {
				return this.check(value, `${where} > ${name}`) !== undefined;
			}

			case 'result':
			case 'where':
			case 'operation':
			case 'place': {
				const allowed = choices[type]!;
				return allowed.includes(value as string) || problem(`must be one of ${allowed.map(choice => `"${choice}"`).join(', ')}`);
			}

			case 'failure': {
				const ids: string[] = lessonFailureIds();
				return (typeof value === 'string' && ids.includes(value)) || problem(`is not a known failure${suggest(String(value), ids)}`);
			}

			case 'strings': {
				return (Array.isArray(value) && value.length > 0 && value.every(item => typeof item === 'string')) || problem('must be a list of texts');
			}

			case 'number': {
				return (typeof value === 'number' && Number.isInteger(value) && value >= 0) || problem('must be a whole number');
			}

			default: {
				return typeof value === type || problem(`must be a ${type === 'string' ? 'text' : type}`);
			}
		}
	}

	check(value: unknown, where: string): Check | undefined {
		if (!isObject(value) || typeof value.check !== 'string') {
			this.add(where, 'a check must be an object like {"check": "staged", "path": "notes.txt"}');
			return undefined;
		}

		const table = checkParameters[value.check as CheckName];
		if (table === undefined) {
			this.add(where, `unknown check "${value.check}"${suggest(value.check, Object.keys(checkParameters))}`);
			return undefined;
		}

		return this.parameters(value, table, 'check', where) ? (value as Check) : undefined;
	}

	checks(object: Json, key: string, where: string, optional = false): Check[] {
		return this.list(object, key, where, optional)
			.map((item, index) => this.check(item, `${where} > ${key}[${index}]`))
			.filter((check): check is Check => check !== undefined);
	}
}

export const lessonKeys = ['id', 'number', 'title', 'command', 'part', 'minutes', 'requires', 'intro', 'setup', 'startsWhen', 'steps', 'summary', 'samAtHand'];
export const stepKeys = ['id', 'title', 'text', 'passWhen', 'success', 'nudges', 'hints', 'solution', 'wrongMoves', 'alternatives', 'afterPrevious', 'mayReplaceOwnBoxes', 'onStart', 'announce', 'successAfterLoss'];

/** "requires": {"git": "2.33.1"}: the oldest git a lesson is written for. */
function validateRequires(value: unknown, collect: Collector): Lesson['requires'] {
	if (value === undefined) {
		return undefined;
	}

	if (!isObject(value) || typeof value.git !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(value.git) || Object.keys(value).length !== 1) {
		collect.add('', '"requires" must be like {"git": "2.33.1"}: the oldest git the lesson is written for');
		return undefined;
	}

	return {git: value.git};
}

export function validateLesson(data: unknown, file: string): Lesson {
	const collect = new Collector();
	if (!isObject(data)) {
		throw new LessonError(file, ['the file must hold one JSON object: {"id": ..., "title": ..., "steps": [...]}']);
	}

	// "$schema" only points an editor at assets/schema/lesson.schema.json; the tutor ignores it.
	collect.unknownKeys(data, [...lessonKeys, '$schema'], '');
	if (data.$schema !== undefined && typeof data.$schema !== 'string') {
		collect.add('', '"$schema" must be a text (the path or address of the lesson schema)');
	}

	const id = collect.string(data, 'id', '');
	if (id && !/^[a-z][a-z\d-]*$/.test(id)) {
		collect.add('', `"id" must be lower-case letters, digits and dashes, like "pull-first" (got "${id}")`);
	}

	const number = typeof data.number === 'number' && Number.isInteger(data.number) && data.number > 0 ? data.number : 0;
	if (number === 0) {
		collect.add('', '"number" must be a whole number from 1 up (the lesson\'s place in the menu)');
	}

	const requires = validateRequires(data.requires, collect);
	const minutes = data.minutes === undefined ? undefined : (typeof data.minutes === 'number' && Number.isInteger(data.minutes) && data.minutes > 0 ? data.minutes : 0);
	if (minutes === 0) {
		collect.add('', '"minutes" must be a whole number from 1 up (about how long the lesson takes)');
	}

	if (data.samAtHand !== undefined && typeof data.samAtHand !== 'boolean') {
		collect.add('', '"samAtHand" must be true or false (whether lines that begin with sam run as Sam)');
	}

	const setup = collect.list(data, 'setup', '', true).map((item, index) => validateSetup(item, `setup[${index}]`, collect));
	const steps = collect.list(data, 'steps', '').map((item, index) => validateStep(item, index, collect));
	if (steps.length === 0 && Array.isArray(data.steps)) {
		collect.add('', 'a lesson needs at least one step');
	}

	const stepIds = steps.map(step => step?.id);
	for (const [index, stepId] of stepIds.entries()) {
		if (stepId && stepIds.indexOf(stepId) !== index) {
			collect.add(`step ${index + 1} (${stepId})`, 'another step already has this id');
		}
	}

	const lesson: Lesson = {
		id,
		number,
		title: collect.string(data, 'title', ''),
		command: collect.string(data, 'command', ''),
		part: collect.string(data, 'part', '', true) || undefined,
		minutes: minutes || undefined,
		requires,
		intro: collect.string(data, 'intro', ''),
		setup: setup.filter((action): action is SetupAction => action !== undefined),
		startsWhen: collect.checks(data, 'startsWhen', '', true),
		steps: steps.filter((step): step is Step => step !== undefined),
		summary: collect.strings(data, 'summary', ''),
		samAtHand: data.samAtHand === true,
		source: file,
	};
	if (collect.problems.length > 0) {
		throw new LessonError(file, collect.problems);
	}

	return lesson;
}

function validateSetup(item: unknown, where: string, collect: Collector): SetupAction | undefined {
	if (!isObject(item) || typeof item.do !== 'string') {
		collect.add(where, 'a setup action must be an object like {"do": "write", "path": "notes.txt", "text": "..."}');
		return undefined;
	}

	const table = setupParameters[item.do as SetupAction['do']];
	if (table === undefined) {
		collect.add(where, `unknown setup action "${item.do}"${suggest(item.do, Object.keys(setupParameters))}`);
		return undefined;
	}

	return collect.parameters(item, table, 'do', where) ? (item as SetupAction) : undefined;
}

function validateStep(item: unknown, index: number, collect: Collector): Step | undefined {
	const label = isObject(item) && typeof item.id === 'string' ? `step ${index + 1} (${item.id})` : `step ${index + 1}`;
	if (!isObject(item)) {
		collect.add(label, 'a step must be an object with id, title, text, passWhen, hints and solution');
		return undefined;
	}

	collect.unknownKeys(item, stepKeys, label);
	const passWhen = collect.checks(item, 'passWhen', label);
	if (Array.isArray(item.passWhen) && item.passWhen.length === 0) {
		collect.add(label, '"passWhen" needs at least one check, or the step would pass by itself');
	}

	const nudges = collect.list(item, 'nudges', label, true).map((nudge, nudgeIndex): Nudge | undefined => {
		const where = `${label} > nudges[${nudgeIndex}]`;
		if (!isObject(nudge)) {
			collect.add(where, 'a nudge must be an object like {"when": [...checks], "say": "..."}');
			return undefined;
		}

		collect.unknownKeys(nudge, ['when', 'say', 'type'], where);
		const type = collect.string(nudge, 'type', where, true);
		return {when: collect.checks(nudge, 'when', where), say: collect.string(nudge, 'say', where), ...(type ? {type} : {})};
	});
	const hints = collect.strings(item, 'hints', label);
	if (Array.isArray(item.hints) && hints.length === 0) {
		collect.add(label, '"hints" needs at least one hint (the last one should be the command)');
	}

	const onStart = collect.list(item, 'onStart', label, true).map((action, actionIndex) => validateSetup(action, `${label} > onStart[${actionIndex}]`, collect));
	if (onStart.some(action => action?.do === 'continueFrom')) {
		collect.add(label, '"onStart" cannot continue from another lesson; use it for sam and type actions');
	}

	const solution = collect.strings(item, 'solution', label);
	if (Array.isArray(item.solution) && solution.length === 0) {
		collect.add(label, '"solution" needs at least one command line');
	}

	const moves = (key: 'wrongMoves' | 'alternatives', what: string) => collect.list(item, key, label, true).map((move, moveIndex) => {
		if (!Array.isArray(move) || move.some(line => typeof line !== 'string')) {
			collect.add(`${label} > ${key}[${moveIndex}]`, `${what} must be a list of command lines`);
			return [];
		}

		if (key === 'alternatives' && move.length === 0) {
			collect.add(`${label} > ${key}[${moveIndex}]`, `${what} needs at least one command line`);
		}

		return move as string[];
	});
	const wrongMoves = moves('wrongMoves', 'a wrong move');
	const alternatives = moves('alternatives', 'an alternative solution');
	for (const flag of ['afterPrevious', 'mayReplaceOwnBoxes']) {
		if (item[flag] !== undefined && typeof item[flag] !== 'boolean') {
			collect.add(label, `"${flag}" must be true or false`);
		}
	}

	return {
		id: collect.string(item, 'id', label),
		title: collect.string(item, 'title', label),
		text: collect.string(item, 'text', label),
		passWhen,
		success: collect.string(item, 'success', label, true) || 'Done.',
		successAfterLoss: collect.string(item, 'successAfterLoss', label, true) || undefined,
		nudges: nudges.filter((nudge): nudge is Nudge => nudge !== undefined),
		hints,
		solution,
		wrongMoves,
		alternatives,
		afterPrevious: item.afterPrevious === true,
		mayReplaceOwnBoxes: item.mayReplaceOwnBoxes === true,
		onStart: onStart.filter((action): action is SetupAction => action !== undefined),
		announce: collect.string(item, 'announce', label, true) || undefined,
	};
}
