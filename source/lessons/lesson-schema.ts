// JSON Schemas for lesson files and a pack's pack.json, built from the validator's own tables
// (validate-lesson.ts) and from tables typed against lesson-types.ts, so a new check, setup action
// or field cannot be added without tsc or the schema test asking for its schema too.
// `npm run schema` writes them to assets/schema/; an editor reads them through "$schema".
import {explanations, lessonFailureIds} from '../explain/explanations.ts';
import {drillNames, type DrillName} from '../practice/drill-names.ts';
import type {Check, CheckName, Lesson, Nudge, SetupAction, Step} from './lesson-types.ts';
import {checkParameters, choices, lessonKeys, setupParameters, stepKeys, type FieldType} from './validate-lesson.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | {[key: string]: JsonValue};
export type Schema = {[key: string]: JsonValue};

/** The optional pack.json of a pack folder. */
export type PackManifest = {
	/** Points an editor at pack.schema.json; ignored otherwise. */
	$schema?: string;
	name: string;
	lessons?: string[];
	drills?: Partial<Record<DrillName, string>>;
	branch?: string;
	requires?: {git?: string};
};

const draft = 'http://json-schema.org/draft-07/schema#';

/** What each check means, for an editor's completion and hover (from the doc comments in lesson-types.ts). */
export const checkDescriptions: Record<CheckName, string> = {
	ran: 'The learner\'s last command was `git <command>`. "result" and "failure" narrow it; "action" lists the allowed first words after the command ("" for none: `git remote -v`); "option" lists options of which at least one was given ("-vv"; "-a" also finds "-am").',
	staged: 'The file is in the open box (staged: it differs from the last sealed box).',
	notStaged: 'The file is not in the open box.',
	untracked: 'The file lies on the desk and git has never packed it (untracked).',
	ignored: 'The file is on the desk and a .gitignore rule keeps git from listing it.',
	stashed: 'Changes are put aside with git stash (a stash entry exists).',
	deskClear: 'No untracked files and no unstaged changes: everything on the desk is packed.',
	boxEmpty: 'Nothing is staged: the open box is empty.',
	uncommittedChanges: 'A tracked file has changes that are not sealed yet (staged or not).',
	commits: 'At least this many sealed boxes (commits) on the current branch.',
	newCommits: 'At least this many boxes sealed since the step began.',
	lastCommitChanges: 'The newest box changes this file (or, without "path", changes or deletes a file that already existed).',
	noRemotes: 'The repository has no remote: the truck has no address.',
	remote: 'The remote exists; with "reachesOnline": true, its URL leads to the online repository (the warehouse).',
	onBranch: 'The current branch (the one HEAD is on) is this one.',
	tracks: 'The current branch tracks the branch of the same name on this remote (its route is saved).',
	noUpstream: 'The current branch tracks nothing yet (no saved route).',
	shipped: 'The online branch of the same name holds exactly the local branch\'s boxes.',
	hasBoxBy: 'A box sealed by someone whose name starts with "by" (Sam) is in the local branch, or online.',
	includesOnline: 'Everything the online branch holds is in the local branch too (nothing left to bring home).',
	diverged: 'The local and the online branch each have boxes the other lacks.',
	onlineKept: 'The online branch still holds everything it held when the step began: nothing was thrown away.',
	fetched: 'The remote-tracking branch (origin/main) matches what the warehouse really holds.',
	conflicted: 'Files are in conflict, or git waits in the middle of a merge or rebase.',
	inProgress: 'Git waits in the middle of this operation (a merge, rebase, cherry-pick or revert).',
	mergeCommit: 'The newest box has two parents: a merge.',
	markers: 'Files hold conflict markers: in the working folder ("folder"), sealed in the newest box ("lastCommit"), sealed in any box since the step began ("newCommits"), or sealed in a box of your history that the warehouse holds ("shipped").',
	lastCommitLabel: 'The newest box\'s label (commit message) contains this text.',
	lastCommitFileHas: 'The file, as sealed in the newest box, contains this text.',
	showedLostBox: 'The last command printed the id of a box by "by" that the warehouse no longer has.',
	boxTwice: 'The history of HEAD holds the same change in two boxes (a merge of a rewritten history, or of a box and its amended copy).',
	forcedPush: 'The last command was a push that changed the warehouse and forced: with "lease": true, with --force-with-lease and no plain force; with "lease": false, with a plain force (--force, -f, +branch).',
	branchShipped: 'The online branch "name" equals the local branch of that name.',
	branchExists: 'A branch of this name exists: yours ("local") or the warehouse\'s ("online").',
	tagShipped: 'The warehouse holds the tag.',
	tagAt: 'The tag marks the newest box of the local branch "branch": your tag ("local"), or the warehouse\'s ("online").',
	not: 'The check in "of" does not hold.',
};

export const setupDescriptions: Record<SetupAction['do'], string> = {
	continueFrom: 'Start where another lesson of the pack ends: its setup and its reference solution are played first. Only as the first setup action; not in "onStart".',
	write: 'Writes a file in the learner\'s repository (replacing it if it exists).',
	append: 'Adds text to the end of a file in the learner\'s repository.',
	type: 'Runs a command line exactly as if the learner had typed it (git or a file helper), through the same allow-list. It must succeed.',
	sam: 'Runs a command line in Sam\'s clone, as Sam (his clone of the warehouse is made the first time). It must succeed.',
};

/** Every parameter name of a union of object kinds (distributes over the union). */
type ParameterName<T> = T extends unknown ? Exclude<keyof T, 'check' | 'do'> : never;

const parameterDescriptions: Record<ParameterName<Check> | ParameterName<SetupAction>, string> = {
	command: 'The git subcommand, without "git": "push", "status", "remote".',
	action: 'Allowed first words after the command, like ["add", "set-url"] for git remote; "" allows none.',
	option: 'Options of which at least one must be given, like ["-u", "--set-upstream"].',
	result: 'Whether the command succeeded (exit code 0) or failed.',
	failure: 'The failure the tutor recognised in git\'s answer (an id from source/explain/explanations.ts).',
	path: 'A file path inside the learner\'s repository, like "notes.txt".',
	atLeast: 'A whole number, 0 or more.',
	name: 'The name of the remote, branch or tag; may use {branch}.',
	reachesOnline: 'When true, the remote\'s URL must lead to the online repository (the warehouse).',
	remote: 'The remote\'s name, usually "origin".',
	by: 'The start of the box author\'s name, like "Sam".',
	where: 'Where to look.',
	operation: 'The operation git waits in the middle of.',
	contains: 'Text the label must contain.',
	text: 'The text (for setup: the whole text written or appended, with \\n for line ends).',
	lease: 'true: --force-with-lease and no plain force; false: a plain force.',
	branch: 'A local branch name; may use {branch}.',
	of: 'The check that must not hold.',
	lesson: 'The id of another lesson in the same pack.',
	line: 'One command line, like "git commit -m \\"Start\\"". May use {branch}, {url} and {switch}.',
};

const text: Schema = {type: 'string', minLength: 1, pattern: '\\S'};
const lessonId: Schema = {type: 'string', pattern: '^[a-z][a-z\\d-]*$'};
const gitVersion: Schema = {type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$', examples: ['2.33.1']};
const reference = (name: string): Schema => ({$ref: `#/definitions/${name}`});
const listOf = (items: Schema, minItems = 0): Schema => ({type: 'array', items, ...(minItems > 0 ? {minItems} : {})});

/** A parameter's value, mirroring Collector.fieldValue in validate-lesson.ts. */
function parameterSchema(type: FieldType): Schema {
	switch (type) {
		case 'string': {
			return {type: 'string'};
		}

		case 'strings': {
			return listOf({type: 'string'}, 1);
		}

		case 'number': {
			return {type: 'integer', minimum: 0};
		}

		case 'boolean': {
			return {type: 'boolean'};
		}

		case 'check': {
			return reference('check');
		}

		case 'failure': {
			// One entry per id, so an editor shows what each failure means as it completes.
			return {anyOf: lessonFailureIds().map(id => ({const: id, description: explanations[id].meaning}))};
		}

		case 'result':
		case 'where':
		case 'operation':
		case 'place': {
			return {type: 'string', enum: [...choices[type]!]};
		}
	}
}

/**
 * One object kind per entry of a parameter table (a check, a setup action), told apart by its
 * `discriminator` field: one if/then per kind, so an error names only the kind at hand.
 */
function kinds(table: Record<string, Record<string, FieldType>>, descriptions: Record<string, string>, discriminator: string, example: Schema): Schema {
	const names = Object.keys(table);
	return {
		type: 'object',
		required: [discriminator],
		examples: [example],
		properties: {[discriminator]: {anyOf: names.map(name => ({const: name, description: descriptions[name]!}))}},
		allOf: names.map(name => {
			const parameters = Object.entries(table[name]!);
			const properties: Schema = {[discriminator]: {const: name}};
			for (const [rawName, type] of parameters) {
				const parameter = rawName.replace(/\?$/, '');
				properties[parameter] = {...parameterSchema(type), description: parameterDescriptions[parameter as keyof typeof parameterDescriptions] ?? ''};
			}

			const required = [discriminator, ...parameters.filter(([rawName]) => !rawName.endsWith('?')).map(([parameter]) => parameter)];
			return {
				if: {properties: {[discriminator]: {const: name}}, required: [discriminator]},
				then: {description: descriptions[name]!, properties, required, additionalProperties: false},
			};
		}),
	};
}

type Field = {description: string; schema: Schema; required?: true};
type LessonField = Exclude<keyof Lesson, 'source'>;

const lessonFields: Record<LessonField, Field> = {
	id: {required: true, description: 'The lesson\'s id: lower-case letters, digits and dashes ("pull-first"). Used by --lesson, progress and continueFrom.', schema: lessonId},
	number: {required: true, description: 'The lesson\'s place in the menu, from 1 up; unique in the pack.', schema: {type: 'integer', minimum: 1}},
	title: {required: true, description: 'The title shown in the menu and on the lesson screen.', schema: text},
	command: {required: true, description: 'The git command the lesson is about, shown in the menu ("push").', schema: text},
	part: {description: 'The part of the course it belongs to ("Your first push"): the menu groups lessons by it.', schema: text},
	minutes: {description: 'About how long the lesson takes, for planning a class.', schema: {type: 'integer', minimum: 1}},
	requires: {description: 'The oldest git the lesson is written for: verify skips it on an older git, with a note, and the tutor says so when it starts.', schema: {type: 'object', properties: {git: {...gitVersion, description: 'The oldest git version the lesson needs.'}}, required: ['git'], additionalProperties: false}},
	intro: {required: true, description: 'What the learner reads before the first step. May use {branch}, {url}, {switch}.', schema: text},
	setup: {description: 'Builds the starting world, in order, before the learner types anything.', schema: listOf(reference('setupAction'))},
	startsWhen: {description: 'For a lesson that continues from another: what the learner\'s own repository must hold to go straight on in it (else the lesson starts from the reference state).', schema: listOf(reference('check'))},
	steps: {required: true, description: 'The steps, in order.', schema: listOf(reference('step'), 1)},
	summary: {required: true, description: 'What the learner takes away, shown on the Lesson complete screen.', schema: listOf({type: 'string'})},
	samAtHand: {description: 'True when the learner may act as Sam: a line that begins with sam runs in Sam\'s clone, as Sam, through the same allow-list (the recover drill uses it).', schema: {type: 'boolean'}},
};

const stepFields: Record<keyof Step, Field> = {
	id: {required: true, description: 'The step\'s id, unique in the lesson ("ship").', schema: text},
	title: {required: true, description: 'A few words: what the learner does.', schema: text},
	text: {required: true, description: 'What to do, a paragraph or a few. May use {branch}, {url}, {switch} and {switch -c}.', schema: text},
	passWhen: {required: true, description: 'Checks that must all hold for the step to pass, read from the repository after each command.', schema: listOf(reference('check'), 1)},
	success: {description: 'Said when the step passes (default "Done.").', schema: text},
	successAfterLoss: {description: 'Said instead of "success" when a push threw boxes away earlier in the lesson.', schema: text},
	nudges: {description: 'Checked in order when the step is not met; the first whose "when" all hold is said.', schema: listOf(reference('nudge'))},
	hints: {required: true, description: 'Each "hint" the learner types shows the next; the last one should be "Type: <the command>".', schema: listOf({type: 'string'}, 1)},
	solution: {required: true, description: 'Command lines that pass the step from where the step begins: played by verify and the tests.', schema: listOf({type: 'string'}, 1)},
	wrongMoves: {description: 'Command sequences that must NOT pass the step. A first line "# needs git X.Y.Z: why" skips the move on older git.', schema: listOf(listOf({type: 'string'}))},
	alternatives: {description: 'Other command sequences that must pass the step too, from where it begins: played by verify, so a learner\'s other right way is known to work.', schema: listOf(listOf({type: 'string'}, 1))},
	afterPrevious: {description: 'True when the step can only be reached by passing the one before (never by jumping ahead).', schema: {type: 'boolean'}},
	mayReplaceOwnBoxes: {description: 'True when the step asks the learner to replace their own shipped box (amend, then force): losing it is then the point, not a loss to report.', schema: {type: 'boolean'}},
	onStart: {description: 'Played when the step begins (Sam ships a box meanwhile, say): "sam", "type", "write" or "append"; never "continueFrom".', schema: listOf(reference('event'))},
	announce: {description: 'Said on screen when the step begins, so the learner knows what "onStart" did.', schema: text},
};

const nudgeFields: Record<keyof Nudge, Field> = {
	when: {required: true, description: 'Checks that must all hold for this nudge to be said.', schema: listOf(reference('check'))},
	say: {required: true, description: 'What the tutor says. May use {branch}, {url}, {switch}, {box:LABEL}, {remote}.', schema: text},
	type: {description: 'The command that works from the state this nudge describes: it becomes the step\'s last hint while the nudge holds.', schema: text},
};

/** An object schema from a field table; `keys` is the validator's own list, which must name the same fields. */
function objectOf(fields: Record<string, Field>, keys: readonly string[], what: string, extra: Schema = {}): Schema {
	const missing = keys.filter(key => !(key in fields));
	const unknown = Object.keys(fields).filter(key => !keys.includes(key));
	if (missing.length > 0 || unknown.length > 0) {
		throw new Error(`lesson-schema.ts and validate-lesson.ts disagree on the fields of a ${what}: ${[...missing, ...unknown].join(', ')}`);
	}

	const properties: Schema = {...extra};
	for (const key of keys) {
		properties[key] = {...fields[key]!.schema, description: fields[key]!.description};
	}

	return {
		type: 'object',
		required: keys.filter(key => fields[key]!.required),
		properties,
		additionalProperties: false,
	};
}

const schemaPointer = (file: string): Schema => ({type: 'string', description: `Where an editor finds this file's schema, like "${file}". The tutor ignores it.`});

export function lessonSchema(): Schema {
	const events = Object.fromEntries(Object.entries(setupParameters).filter(([name]) => name !== 'continueFrom'));
	return {
		$schema: draft,
		title: 'git-push-tutor lesson',
		description: 'One lesson of git-push-tutor: its setup, its steps, and how each step is checked. See assets/lesson-guide.md.',
		...objectOf(lessonFields, lessonKeys, 'lesson', {$schema: schemaPointer('../assets/schema/lesson.schema.json')}),
		definitions: {
			step: objectOf(stepFields, stepKeys, 'step'),
			nudge: objectOf(nudgeFields, ['when', 'say', 'type'], 'nudge'),
			setupAction: kinds(setupParameters, setupDescriptions, 'do', {do: 'write', path: 'notes.txt', text: 'Shipment notes\n'}),
			event: kinds(events, setupDescriptions, 'do', {do: 'sam', line: 'git push'}),
			check: kinds(checkParameters, checkDescriptions, 'check', {check: 'staged', path: 'notes.txt'}),
		},
	};
}

const packFields: Record<keyof PackManifest, Field> = {
	$schema: {description: 'Where an editor finds this file\'s schema, like "../schema/pack.schema.json". The tutor ignores it.', schema: {type: 'string'}},
	name: {required: true, description: 'The pack\'s name, shown in the menu title.', schema: text},
	lessons: {description: 'Lesson ids in menu order. Without it, lessons are ordered by their "number".', schema: {...listOf(lessonId), uniqueItems: true}},
	drills: {
		description: 'Which practice drill the menu offers after which lesson: {"drill name": "lesson id"}.',
		schema: {type: 'object', propertyNames: {enum: [...drillNames]}, additionalProperties: lessonId},
	},
	branch: {description: 'The story\'s default branch, like "main".', schema: {type: 'string', pattern: '^[^\\s~^:?*\\[\\\\]+$'}},
	requires: {
		description: 'What the whole pack needs: {"git": "2.33.1"} is the oldest git it is written for.',
		schema: {type: 'object', properties: {git: {...gitVersion, description: 'The oldest git version the pack needs.'}}, additionalProperties: false},
	},
};

export function packSchema(): Schema {
	return {
		$schema: draft,
		title: 'git-push-tutor lesson pack (pack.json)',
		description: 'The optional manifest of a pack folder: its name, the order of its lessons, which drills follow which lesson, its branch and the git it needs.',
		...objectOf(packFields, Object.keys(packFields), 'pack manifest'),
	};
}

/** The schema files as `npm run schema` writes them, by path from the repository's root. */
export function schemaFiles(): Record<string, string> {
	const print = (schema: Schema) => `${JSON.stringify(schema, undefined, '\t')}\n`;
	// The example pack carries its own copy, so a copied pack still leads its editor to the schema.
	return Object.fromEntries(['assets/schema', 'assets/example-pack/schema'].flatMap(folder => [
		[`${folder}/lesson.schema.json`, print(lessonSchema())],
		[`${folder}/pack.schema.json`, print(packSchema())],
	]));
}
