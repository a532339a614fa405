import test from 'ava';
import {drillNames} from '../source/practice/drill-names.ts';
import {helpText, lessonOption, parseCliArgs, type CliCommand} from '../source/cli-args.ts';
import {shippedLessons} from './helpers/lessons.ts';

const helpHint = 'Run git-push-tutor --help to see the options.';

function errorMessage(command: CliCommand): string {
	if (command.kind !== 'error') {
		throw new Error(`Expected an error, got ${JSON.stringify(command)}`);
	}

	return command.message;
}

test('no arguments runs with the defaults', t => {
	t.deepEqual(parseCliArgs([]), {
		kind: 'run',
		options: {keep: false, screenReader: false},
	});
});

test('every run option is parsed with a separate value', t => {
	t.deepEqual(parseCliArgs(['--lesson', 'first-push', '--branch', 'trunk', '--workdir', '/tmp/learn', '--keep', '--screen-reader']), {
		kind: 'run',
		options: {lesson: 'first-push', branch: 'trunk', workdir: '/tmp/learn', keep: true, screenReader: true},
	});
});

test('every value option also accepts --opt=value', t => {
	t.deepEqual(parseCliArgs(['--lesson=first-push', '--branch=feature/login', '--workdir=/tmp/a=b']), {
		kind: 'run',
		options: {lesson: 'first-push', branch: 'feature/login', workdir: '/tmp/a=b', keep: false, screenReader: false},
	});
});

test('the last value wins when an option is repeated', t => {
	const command = parseCliArgs(['--lesson', 'one', '--lesson=two']);
	t.is(command.kind === 'run' ? command.options.lesson : undefined, 'two');
});

test('short and long spellings of help, version and list', t => {
	for (const argument of ['-h', '--help']) {
		t.deepEqual(parseCliArgs([argument]), {kind: 'help'}, argument);
	}

	for (const argument of ['-v', '-V', '--version']) {
		t.deepEqual(parseCliArgs([argument]), {kind: 'version'}, argument);
	}

	for (const argument of ['-l', '--list']) {
		t.deepEqual(parseCliArgs([argument]), {kind: 'list'}, argument);
	}
});

test('help wins over version, list, run options and errors', t => {
	t.deepEqual(parseCliArgs(['--version', '--list', '--help']), {kind: 'help'});
	t.deepEqual(parseCliArgs(['--lesson', 'x', '-h']), {kind: 'help'});
	t.deepEqual(parseCliArgs(['--lessn', 'x', 'stray', '--help']), {kind: 'help'});
	// The flag after a value option is not swallowed as its value.
	t.deepEqual(parseCliArgs(['--lesson', '--help']), {kind: 'help'});
});

test('version wins over list, and list wins over run options', t => {
	t.deepEqual(parseCliArgs(['--list', '-v']), {kind: 'version'});
	t.deepEqual(parseCliArgs(['--keep', '--list', '--lesson', 'x']), {kind: 'list'});
});

test('valid branch names are accepted', t => {
	for (const branch of ['main', 'trunk', 'feature/login-form', 'release-1.2', 'my_branch', 'a'.repeat(100)]) {
		const command = parseCliArgs(['--branch', branch]);
		t.is(command.kind === 'run' ? command.options.branch : undefined, branch, branch);
	}
});

test('invalid branch names are an error naming the value', t => {
	const invalid = [
		'-main',
		'.hidden',
		'a..b',
		'feature/',
		'main.lock',
		'main.',
		'has space',
		'what?',
		'emoji✨',
		'a'.repeat(101),
		'a//b',
		'/main',
		'feature/.secret',
		'HEAD',
	];
	for (const branch of invalid) {
		const message = errorMessage(parseCliArgs([`--branch=${branch}`]));
		t.true(message.includes(`"${branch}"`), message);
		t.true(message.includes('not a valid branch name'), message);
		t.true(message.endsWith(helpHint), message);
	}
});

test('the branch error explains what is wrong', t => {
	t.regex(errorMessage(parseCliArgs(['--branch', 'a..b'])), /must not contain "\.\."/);
	t.regex(errorMessage(parseCliArgs(['--branch', 'main.lock'])), /\.lock/);
	t.regex(errorMessage(parseCliArgs(['--branch', 'has space'])), /letters, digits/);
	t.regex(errorMessage(parseCliArgs(['--branch', 'a'.repeat(101)])), /100 characters/);
});

test('a value option at the end is missing its value', t => {
	for (const name of ['lesson', 'branch', 'workdir']) {
		const message = errorMessage(parseCliArgs([`--${name}`]));
		t.true(message.includes(`--${name} needs a value`), message);
		t.true(message.endsWith(helpHint), message);
	}
});

test('a value option followed by another option is missing its value', t => {
	const message = errorMessage(parseCliArgs(['--lesson', '--keep']));
	t.true(message.includes('--lesson needs a value'), message);
	t.true(message.endsWith(helpHint), message);

	const beforeFlag = errorMessage(parseCliArgs(['--workdir', '--screen-reader']));
	t.true(beforeFlag.includes('--workdir needs a value'), beforeFlag);
});

test('an empty --opt= value is missing its value', t => {
	const message = errorMessage(parseCliArgs(['--lesson=']));
	t.true(message.includes('--lesson needs a value'), message);
});

test('flags do not take values', t => {
	const message = errorMessage(parseCliArgs(['--keep=yes']));
	t.true(message.includes('--keep does not take a value'), message);
	t.true(message.endsWith(helpHint), message);
});

test('an unknown option one or two edits away suggests the closest one', t => {
	const cases: Array<[string, string]> = [
		['--lessn', '--lesson'],
		['--lesosn', '--lesson'],
		['--brnch', '--branch'],
		['--wokrdir', '--workdir'],
		['--kep', '--keep'],
		['--screenreader', '--screen-reader'],
		['--verison', '--version'],
		['--lsit', '--list'],
		['--Lesson', '--lesson'],
		['--lessn=first-push', '--lesson'],
		// Two edits away.
		['--brnh', '--branch'],
		['--screen-redr', '--screen-reader'],
	];
	for (const [typed, suggested] of cases) {
		const message = errorMessage(parseCliArgs([typed]));
		t.true(message.includes(`Did you mean ${suggested}?`), `${typed}: ${message}`);
		t.true(message.endsWith(helpHint), message);
	}
});

test('the unknown option error names what was typed, without its value', t => {
	const message = errorMessage(parseCliArgs(['--lessn=first-push']));
	t.true(message.startsWith('Unknown option --lessn.'), message);
});

test('an unknown option far from every known one gets no suggestion', t => {
	// --brn is three edits from --branch.
	for (const typed of ['--colour', '--verbose', '--brn', '-x']) {
		const message = errorMessage(parseCliArgs([typed]));
		t.true(message.includes(`Unknown option ${typed}.`), message);
		t.false(message.includes('Did you mean'), message);
		t.true(message.endsWith(helpHint), message);
	}
});

test('a stray positional word is an error', t => {
	const message = errorMessage(parseCliArgs(['--keep', 'first-push']));
	t.true(message.includes('Unexpected argument "first-push"'), message);
	t.true(message.endsWith(helpHint), message);

	t.is(parseCliArgs(['--', 'x']).kind, 'error');
});

test('a stray word that names an option suggests the option', t => {
	const message = errorMessage(parseCliArgs(['list']));
	t.true(message.includes('Did you mean --list?'), message);
});

test('the first error is reported', t => {
	const message = errorMessage(parseCliArgs(['--bogus', 'stray']));
	t.true(message.startsWith('Unknown option --bogus.'), message);
});

test('help text lines fit in 78 columns', t => {
	for (const line of helpText.split('\n')) {
		t.true(line.length <= 78, `${line.length}: ${line}`);
	}
});

test('help text mentions every option and alias', t => {
	for (const option of ['--lesson ID', '--branch NAME', '--workdir DIR', '--keep', '--screen-reader', '--list', '--help', '--version', '-l', '-h', '-v']) {
		t.true(helpText.includes(option), option);
	}
});

test('help text explains what the options do', t => {
	const lines = helpText.split('\n');
	t.true(lines[0]!.length > 0 && lines[0]!.includes('git'), 'first line describes the tool');
	t.regex(helpText, /Usage/);
	t.regex(helpText, /sandbox inside DIR/);
	t.regex(helpText, /--keep\s+Leave the sandbox on disk[\s\S]*where it is/);
	t.regex(helpText, /Default branch of the practice repositories/);
	t.regex(helpText, /the branch\s+the pack names, else the one remembered, else main/);
	t.true(lines.some(line => line.includes('never reads or changes') && line.includes('repositories') && line.includes('git settings')));
});

test('--practice alone plays the drill most due, with a random seed', t => {
	t.deepEqual(parseCliArgs(['--practice']), {
		kind: 'run',
		options: {keep: false, screenReader: false, practice: 'most-due'},
	});
	// A following option is not taken as the drill name.
	t.deepEqual(parseCliArgs(['--practice', '--keep']), {
		kind: 'run',
		options: {keep: true, screenReader: false, practice: 'most-due'},
	});
});

test('--practice takes a drill name, separately or after =', t => {
	for (const drill of drillNames) {
		for (const argv of [['--practice', drill], [`--practice=${drill}`]]) {
			const command = parseCliArgs(argv);
			const practice: string | undefined = command.kind === 'run' ? command.options.practice : undefined;
			t.is(practice, drill, argv.join(' '));
		}
	}
});

test('--seed replays one variation of a drill', t => {
	t.deepEqual(parseCliArgs(['--practice', 'force', '--seed', '3', '--branch', 'trunk']), {
		kind: 'run',
		options: {branch: 'trunk', keep: false, screenReader: false, practice: 'force', seed: 3},
	});
	t.deepEqual(parseCliArgs(['--seed=0', '--practice', 'recover']), {
		kind: 'run',
		options: {keep: false, screenReader: false, practice: 'recover', seed: 0},
	});
	// A seed belongs to one drill: without a name there is nothing to replay.
	const unnamed = errorMessage(parseCliArgs(['--seed=0', '--practice']));
	t.true(unnamed.includes('--seed replays one drill: name it, like --practice recover --seed 0.'), unnamed);
	const largest = parseCliArgs(['--practice', 'force', '--seed', '4294967295']);
	t.is(largest.kind === 'run' ? largest.options.seed : undefined, 4_294_967_295);
});

test('an unknown drill name is an error that suggests the closest drill', t => {
	const message = errorMessage(parseCliArgs(['--practice', 'recovr']));
	t.true(message.startsWith('There is no drill "recovr". Did you mean recover?'), message);
	t.true(message.includes(`The drills are: ${drillNames.join(', ')}.`), message);
	t.true(message.endsWith(helpHint), message);
	t.true(errorMessage(parseCliArgs(['--practice=pullfirst'])).includes('Did you mean pull-first?'));

	const far = errorMessage(parseCliArgs(['--practice', 'everything']));
	t.false(far.includes('Did you mean'), far);
	t.true(far.includes('The drills are:'), far);
	t.true(errorMessage(parseCliArgs(['--practice='])).includes('--practice= needs a drill name'));
});

test('--seed must be a whole number from 0 to 4294967295', t => {
	for (const seed of ['-1', '1.5', 'abc', '3x', '4294967296', '1e3']) {
		const message = errorMessage(parseCliArgs(['--practice', 'recover', `--seed=${seed}`]));
		t.true(message.includes(`"${seed}" is not a seed for --seed`), message);
		t.true(message.endsWith(helpHint), message);
	}

	t.true(errorMessage(parseCliArgs(['--practice', 'recover', '--seed'])).includes('--seed needs a value'));
});

test('--challenge plays a drill without hints, and only goes with --practice', t => {
	t.deepEqual(parseCliArgs(['--practice', '--challenge']), {kind: 'run', options: {keep: false, screenReader: false, practice: 'most-due', challenge: true}});
	t.deepEqual(parseCliArgs(['--challenge', '--practice', 'force']), {kind: 'run', options: {keep: false, screenReader: false, practice: 'force', challenge: true}});
	const alone = errorMessage(parseCliArgs(['--challenge']));
	t.true(alone.includes('--challenge only works with --practice'), alone);
	t.regex(helpText, /--challenge +With --practice: no hints\./);
});

test('--seed without --practice, or --practice with --lesson, is an error', t => {
	const seed = errorMessage(parseCliArgs(['--seed', '3']));
	t.true(seed.includes('--seed only works with --practice'), seed);
	t.true(seed.endsWith(helpHint), seed);
	const both = errorMessage(parseCliArgs(['--lesson', 'add', '--practice']));
	t.true(both.includes('either --lesson or --practice'), both);
	// Help still wins.
	t.deepEqual(parseCliArgs(['--seed', '3', '--help']), {kind: 'help'});
});

test('practice options are suggested for near misses', t => {
	t.true(errorMessage(parseCliArgs(['--practise'])).includes('Did you mean --practice?'));
	t.true(errorMessage(parseCliArgs(['--sed', '3'])).includes('Did you mean --seed?'));
	t.true(errorMessage(parseCliArgs(['practice'])).includes('Did you mean --practice?'));
});

test('help text describes practice mode', t => {
	for (const option of ['--practice [NAME]', '--seed N']) {
		t.true(helpText.includes(option), option);
	}

	// Every drill is named, and what --practice alone plays.
	const practice = helpText.slice(helpText.indexOf('--practice [NAME]  '), helpText.indexOf('--seed N  ')).replaceAll(/\s+/g, ' ');
	for (const name of drillNames) {
		t.true(practice.includes(name), `${name} in: ${practice}`);
	}

	t.true(practice.includes('Without NAME: the drill most due.'), practice);
});

// ---- --lesson names a lesson as the menu shows it ----

const lessons = shippedLessons();
const pullFirst = lessons.find(lesson => lesson.command === 'pull')!;

test('--lesson takes the number, the id or the command the menu shows', t => {
	for (const value of [String(pullFirst.number), pullFirst.id, pullFirst.command, pullFirst.id.toUpperCase(), ` ${pullFirst.command} `]) {
		t.deepEqual(lessonOption(value, lessons), {kind: 'lesson', id: pullFirst.id}, value);
	}

	// Every lesson, the two-digit ones too, by each of its names.
	for (const lesson of lessons) {
		for (const value of [String(lesson.number), lesson.id, lesson.command]) {
			const chosen = lessonOption(value, lessons);
			t.true(chosen.kind === 'lesson', `${value}: ${JSON.stringify(chosen)}`);
		}

		t.deepEqual(lessonOption(String(lesson.number), lessons), {kind: 'lesson', id: lesson.id});
	}
});

test('a --lesson that names no lesson suggests the closest name and lists the ids', t => {
	const typo = lessonOption('pul-first', lessons);
	t.is(typo.kind, 'error');
	const message = typo.kind === 'error' ? typo.message : '';
	t.true(message.includes('There is no lesson "pul-first". Did you mean pull-first?'), message);
	for (const {id} of lessons) {
		t.true(message.includes(id), `names ${id}: ${message}`);
	}

	const command = lessonOption('revrt', lessons);
	t.true(command.kind === 'error' && command.message.includes('Did you mean revert?'), JSON.stringify(command));
	const far = lessonOption('banana', lessons);
	t.true(far.kind === 'error' && !far.message.includes('Did you mean'), JSON.stringify(far));
	const number = lessonOption(String(lessons.length + 1), lessons);
	t.true(number.kind === 'error' && number.message.includes(`(1–${lessons.length})`), JSON.stringify(number));
});

test('--lessons DIR plays a pack, with any run option, as a separate value or after =', t => {
	t.deepEqual(parseCliArgs(['--lessons', 'team-pack']), {kind: 'run', options: {keep: false, screenReader: false, lessons: 'team-pack'}});
	t.deepEqual(parseCliArgs(['--lessons=./a pack', '--lesson', '2', '--branch', 'trunk']), {kind: 'run', options: {keep: false, screenReader: false, lessons: './a pack', lesson: '2', branch: 'trunk'}});
	t.deepEqual(parseCliArgs(['--lessons', 'team-pack', '--practice', 'conflict']), {kind: 'run', options: {keep: false, screenReader: false, lessons: 'team-pack', practice: 'conflict'}});
});

test('--lessons DIR --list lists that pack; --list alone the built-in lessons', t => {
	t.deepEqual(parseCliArgs(['--lessons', 'team-pack', '--list']), {kind: 'list', lessons: 'team-pack'});
	t.deepEqual(parseCliArgs(['-l', '--lessons=team-pack']), {kind: 'list', lessons: 'team-pack'});
	t.deepEqual(parseCliArgs(['--list']), {kind: 'list'});
});

test('--lessons needs a folder, and a near miss is told apart from --lesson', t => {
	for (const argv of [['--lessons'], ['--lessons', '--keep'], ['--lessons=']]) {
		const result = parseCliArgs(argv);
		t.true(result.kind === 'error' && result.message.startsWith('Option --lessons needs a value, like --lessons DIR.'), JSON.stringify(result));
	}

	const near = parseCliArgs(['--leson', 'team-pack']);
	t.true(near.kind === 'error' && near.message.includes('Did you mean --lesson?'), JSON.stringify(near));
	const missing = parseCliArgs(['--lesons', 'team-pack']);
	t.true(missing.kind === 'error' && missing.message.includes('Did you mean --lessons?'), JSON.stringify(missing));
	const plural = parseCliArgs(['--lessonss', 'team-pack']);
	t.true(plural.kind === 'error' && plural.message.includes('Did you mean --lessons?'), JSON.stringify(plural));
});

test('help text describes --lessons', t => {
	t.regex(helpText, /--lessons DIR\s+Play the lesson pack in folder DIR/);
	t.regex(helpText, /git-push-tutor --lessons DIR \[--list\]/);
});

test('a --lesson error in a pack says how to list that pack', t => {
	const result = lessonOption('nope', lessons, 'git-push-tutor --lessons team-pack --list');
	t.true(result.kind === 'error' && result.message.endsWith('Run git-push-tutor --lessons team-pack --list to see them with their titles.'), JSON.stringify(result));
});
