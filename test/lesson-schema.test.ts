// The JSON Schemas an instructor's editor uses: generated from the validator's tables (the
// committed files must match), accepting every lesson the tutor accepts, and rejecting what the
// tutor rejects. The guide is checked here too: it shows every check and setup action.
import nodeFs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {Ajv, type ValidateFunction} from 'ajv';
import {lessonSchema, packSchema, schemaFiles} from '../source/lessons/lesson-schema.ts';
import {checkParameters, LessonError, setupParameters, validateLesson} from '../source/lessons/validate-lesson.ts';
import {drillNames} from '../source/practice/drill-names.ts';
import {lessonsDirectory} from './helpers/lessons.ts';

type Json = Record<string, unknown>;

const root = fileURLToPath(new URL('..', import.meta.url));
const packDirectory = path.join(root, 'assets', 'example-pack');
const readJson = (file: string): unknown => JSON.parse(nodeFs.readFileSync(file, 'utf8'));
const lessonFiles = (directory: string) => nodeFs.readdirSync(directory).filter(name => name.endsWith('.json') && name !== 'pack.json').map(name => path.join(directory, name));

// Strict mode: a keyword ajv does not know (a typo in the generator) is an error, not ignored.
const ajv = new Ajv({allErrors: true, strict: true});
ajv.addSchema(lessonSchema(), 'lesson.schema.json');
const validateLessonSchema = ajv.getSchema('lesson.schema.json')!;
const validateCheck = ajv.getSchema('lesson.schema.json#/definitions/check')!;
const validateSetupAction = ajv.getSchema('lesson.schema.json#/definitions/setupAction')!;
const validatePack = ajv.compile(packSchema());

const errorsOf = (validate: ValidateFunction) => JSON.stringify(validate.errors, undefined, 1);

test('the committed schema files are the generated ones (after a change to the lesson types, run npm run schema)', t => {
	for (const [file, text] of Object.entries(schemaFiles())) {
		t.is(nodeFs.readFileSync(path.join(root, file), 'utf8'), text, file);
	}
});

test('every built-in lesson and every example-pack lesson passes the schema', t => {
	const files = [...lessonFiles(lessonsDirectory), ...lessonFiles(packDirectory)];
	t.true(files.length >= 17, files.join('\n'));
	for (const file of files) {
		t.true(validateLessonSchema(readJson(file)), `${file}: ${errorsOf(validateLessonSchema)}`);
	}
});

test('every lesson file names its schema first, by a path that leads to it', t => {
	for (const file of [...lessonFiles(lessonsDirectory), ...lessonFiles(packDirectory)]) {
		const lesson = readJson(file) as Json;
		t.is(Object.keys(lesson)[0], '$schema', file);
		t.true(nodeFs.existsSync(path.resolve(path.dirname(file), String(lesson['$schema']))), file);
		t.is(path.basename(String(lesson['$schema'])), 'lesson.schema.json', file);
	}

	const manifest = path.join(packDirectory, 'pack.json');
	t.true(nodeFs.existsSync(path.resolve(packDirectory, String((readJson(manifest) as Json)['$schema']))));
});

test('the example pack carries its schema: a copy of the folder leads its editor to the schema still', t => {
	for (const file of [...lessonFiles(packDirectory), path.join(packDirectory, 'pack.json')]) {
		const schema = path.resolve(packDirectory, String((readJson(file) as Json)['$schema']));
		t.true(schema.startsWith(`${packDirectory}${path.sep}`), `${file} leads outside its pack: ${schema}`);
	}
});

test('the example manifest passes the pack schema, and a broken one does not', t => {
	const manifest = readJson(path.join(packDirectory, 'pack.json')) as Json;
	t.true(validatePack(manifest), errorsOf(validatePack));
	t.true(validatePack({name: 'Every field', lessons: ['a', 'b-2'], drills: Object.fromEntries(drillNames.map(name => [name, 'a'])), branch: 'trunk', requires: {git: '2.33.1'}}), errorsOf(validatePack));
	const broken: Array<[string, unknown]> = [
		['no name', {lessons: ['a']}],
		['an empty name', {name: ''}],
		['a misspelt field', {name: 'x', lesson: ['a']}],
		['an unknown drill', {name: 'x', drills: {recovr: 'a'}}],
		['a lesson id with capitals', {name: 'x', lessons: ['Add']}],
		['a lesson listed twice', {name: 'x', lessons: ['a', 'a']}],
		['a git version that is not one', {name: 'x', requires: {git: 'latest'}}],
		['an unknown requirement', {name: 'x', requires: {node: '20'}}],
		['a branch with a space', {name: 'x', branch: 'my branch'}],
		['not an object', ['a']],
	];
	for (const [what, value] of broken) {
		t.false(validatePack(value), what);
	}
});

// A small lesson both validators accept; the cases below break one thing each.
function validLesson(): Json {
	return {
		$schema: '../assets/schema/lesson.schema.json',
		id: 'remote',
		number: 3,
		title: 'No destination yet',
		command: 'remote',
		intro: 'The truck is ready.',
		setup: [{do: 'write', path: 'notes.txt', text: 'Notes\n'}],
		steps: [
			{
				id: 'add-remote',
				title: 'Give the truck an address',
				text: 'git remote add origin {url}',
				passWhen: [{check: 'remote', name: 'origin', reachesOnline: true}],
				nudges: [{when: [{check: 'not', of: {check: 'noRemotes'}}], say: 'Call it origin.', type: 'git remote add origin {url}'}],
				hints: ['Type: git remote add origin {url}'],
				solution: ['git remote add origin {url}'],
				wrongMoves: [['git remote -v']],
				onStart: [{do: 'sam', line: 'git pull'}],
			},
		],
		summary: ['git remote add saves the address.'],
	};
}

/** The valid lesson with one change made to it, on a fresh copy. */
function broken(change: (lesson: Json, step: Json) => void): Json {
	const lesson = structuredClone(validLesson());
	change(lesson, (lesson['steps'] as Json[])[0]!);
	return lesson;
}

const brokenLessons: Array<[string, Json]> = [
	['an unknown check', broken((_, step) => {
		step['passWhen'] = [{check: 'remot', name: 'origin'}];
	})],
	['a check without its parameter', broken((_, step) => {
		step['passWhen'] = [{check: 'staged'}];
	})],
	['a check with a parameter it does not have', broken((_, step) => {
		step['passWhen'] = [{check: 'staged', path: 'a.txt', file: 'a.txt'}];
	})],
	['a nested check that is broken', broken((_, step) => {
		step['passWhen'] = [{check: 'not', of: {check: 'onBranch'}}];
	})],
	['a misspelt lesson field', broken(lesson => {
		lesson['summery'] = lesson['summary'];
	})],
	['a misspelt step field', broken((_, step) => {
		step['hint'] = step['hints'];
	})],
	['a misspelt nudge field', broken((_, step) => {
		step['nudges'] = [{when: [], sey: 'x'}];
	})],
	['a missing step field', broken((_, step) => {
		delete step['solution'];
	})],
	['a number written as text', broken(lesson => {
		lesson['number'] = '3';
	})],
	['a count written as text', broken((_, step) => {
		step['passWhen'] = [{check: 'commits', atLeast: '2'}];
	})],
	['a flag written as text', broken((_, step) => {
		step['passWhen'] = [{check: 'remote', name: 'origin', reachesOnline: 'yes'}];
	})],
	['hints that are one text, not a list', broken((_, step) => {
		step['hints'] = 'Type: git remote add origin {url}';
	})],
	['a wrong move that is not a list of lines', broken((_, step) => {
		step['wrongMoves'] = ['git status'];
	})],
	['a result that is not one of the choices', broken((_, step) => {
		step['passWhen'] = [{check: 'ran', command: 'push', result: 'failure'}];
	})],
	['an unknown failure', broken((_, step) => {
		step['passWhen'] = [{check: 'ran', command: 'push', failure: 'no-destinaton'}];
	})],
	['an unknown setup action', broken(lesson => {
		lesson['setup'] = [{do: 'wrte', path: 'a.txt', text: 'x'}];
	})],
	['a setup action without its text', broken(lesson => {
		lesson['setup'] = [{do: 'write', path: 'a.txt'}];
	})],
	['a step that continues from a lesson when it starts', broken((_, step) => {
		step['onStart'] = [{do: 'continueFrom', lesson: 'add'}];
	})],
	['a step that passes by itself', broken((_, step) => {
		step['passWhen'] = [];
	})],
	['no steps', broken(lesson => {
		lesson['steps'] = [];
	})],
	['an id with capitals', broken(lesson => {
		lesson['id'] = 'Remote';
	})],
	['an empty title', broken(lesson => {
		lesson['title'] = ' ';
	})],
	['a $schema that is not text', broken(lesson => {
		lesson['$schema'] = 1;
	})],
];

function runtimeAccepts(lesson: Json): string | true {
	try {
		validateLesson(lesson, 'lessons/03-remote.json');
		return true;
	} catch (error) {
		if (error instanceof LessonError) {
			return error.problems.join('; ');
		}

		throw error;
	}
}

test('the schema and the tutor both accept the valid lesson, with its $schema', t => {
	t.true(validateLessonSchema(validLesson()), errorsOf(validateLessonSchema));
	t.is(runtimeAccepts(validLesson()), true);
});

for (const [what, lesson] of brokenLessons) {
	test(`the schema and the tutor both reject ${what}`, t => {
		t.false(validateLessonSchema(lesson), 'the schema accepted it');
		t.not(runtimeAccepts(lesson), true, 'the tutor accepted it');
	});
}

test('the schema offers every check and setup action, each with a description', t => {
	const schema = lessonSchema() as {definitions: Record<string, {properties: Record<string, {anyOf: Array<{const: string; description: string}>}>}>};
	const offered = (definition: string, key: string) => schema.definitions[definition]!.properties[key]!.anyOf;
	t.deepEqual(offered('check', 'check').map(entry => entry.const), Object.keys(checkParameters));
	t.deepEqual(offered('setupAction', 'do').map(entry => entry.const), Object.keys(setupParameters));
	t.deepEqual(offered('event', 'do').map(entry => entry.const), Object.keys(setupParameters).filter(name => name !== 'continueFrom'));
	for (const entry of [...offered('check', 'check'), ...offered('setupAction', 'do')]) {
		t.true(entry.description.length > 10, entry.const);
	}
});

// The guide shows each check and setup action under a heading of its own name, with a JSON example.
const guide = nodeFs.readFileSync(path.join(root, 'assets', 'lesson-guide.md'), 'utf8');

/** The first ```json block after the heading "#### `name`", parsed. */
function guideExample(name: string): unknown {
	const heading = guide.indexOf(`#### \`${name}\``);
	if (heading === -1) {
		return undefined;
	}

	const block = /```json\n([\s\S]*?)```/.exec(guide.slice(heading));
	return block ? JSON.parse(block[1]!) : undefined;
}

test('the guide shows every check with an example that both validators accept', t => {
	for (const name of Object.keys(checkParameters)) {
		const example = guideExample(name);
		t.truthy(example, `the guide has no "#### \`${name}\`" with a json example`);
		t.is((example as Json | undefined)?.['check'], name, `the example under ${name} is another check`);
		t.true(validateCheck(example), `${name}: ${errorsOf(validateCheck)}`);
		t.is(runtimeAccepts(broken((_, step) => {
			step['passWhen'] = [example];
		})), true, name);
	}
});

test('the guide shows every setup action with an example that both validators accept', t => {
	for (const name of Object.keys(setupParameters)) {
		const example = guideExample(name);
		t.truthy(example, `the guide has no "#### \`${name}\`" with a json example`);
		t.is((example as Json | undefined)?.['do'], name, `the example under ${name} is another action`);
		t.true(validateSetupAction(example), `${name}: ${errorsOf(validateSetupAction)}`);
		t.is(runtimeAccepts(broken(lesson => {
			lesson['setup'] = [example];
		})), true, name);
	}
});

test('every json block in the guide is valid JSON', t => {
	for (const [, block] of guide.matchAll(/```json\n([\s\S]*?)```/g)) {
		t.notThrows(() => JSON.parse(block!), block);
	}
});

test('the guide\'s pack.json example passes the pack schema, and the guide names every drill', t => {
	const section = guide.slice(guide.indexOf('## A pack'));
	const block = /```json\n([\s\S]*?)```/.exec(section);
	t.true(validatePack(JSON.parse(block![1]!)), errorsOf(validatePack));
	const drillRow = section.split('\n').find(line => line.startsWith('| `drills`')) ?? '';
	for (const name of drillNames) {
		t.true(drillRow.includes(`\`${name}\``), name);
	}
});
